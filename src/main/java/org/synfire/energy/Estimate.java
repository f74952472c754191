package org.synfire.energy;

import java.util.Locale;

/**
 * Energy and latency per sample of one network under one calibration (SI units: J, s, W, J·s).
 *
 * <ul>
 *   <li>{@code dynamicEnergy} is the neurocores' dynamic energy; {@code staticEnergy} is static power over
 *       the latency, and is charged only when the measured point includes static energy (else 0).</li>
 *   <li>{@code timeByPhase}: spiking = busiest-core spiking work + barriers, learning = busiest-core
 *       learning work, management = the per-step overhead.</li>
 *   <li>{@code energyByPhase} is what NxSDK's probe would print: the time shares of one average power
 *       (energy × phase time / latency), since the board's power is sampled far more coarsely than a
 *       step. It does not say which operations used the energy; {@code byOperation} does.</li>
 *   <li>Measured fields and errors are null without a measured point; errors are (model − measured) / measured.</li>
 * </ul>
 */
public record Estimate(String network, String placement, int cores, boolean fitsOneChip, String costs, String learningBasis, String timing,
                       long samples, double stepsPerSample, Work.Ops ops, Work.EnergyByOperation byOperation,
                       double dynamicEnergy, double staticEnergy, double energy, double latency, double edp, double power,
                       Phases energyByPhase, Phases timeByPhase, double overheadPerStep,
                       String measuredKey, Double measuredEnergy, Double measuredLatency, Double energyError, Double latencyError) {

    /** A quantity split over the probe's phases; the sync barrier is part of the spiking phase. */
    public record Phases(double spiking, double learning, double management) {
        public double total() {
            return spiking + learning + management;
        }
    }

    static Estimate of(EnergyModel model, SampleCounts counts, Work w, Calibration cal, Measurement m) {
        Phases time = new Phases(w.spikingTime() + w.syncTime(), w.learningTime(), cal.overheadPerStep() * w.stepsPerSample());
        double latency = time.total();
        Mapping map = model.mapping();
        ModelOptions o = model.options();
        double stat = m != null && m.includesStatic() ? o.staticPower().watts(map.coresUsed(), o.embeddedCores()) * latency : 0;
        double energy = w.dynamicEnergy() + stat;
        double power = latency > 0 ? energy / latency : 0;
        Phases byPhase = latency > 0 ? new Phases(power * time.spiking(), power * time.learning(), power * time.management()) : new Phases(0, 0, 0);
        return new Estimate(counts.label(), map.placement(), map.coresUsed(), map.fitsOneChip(), model.costs().name(),
                o.learningBasis().name(), o.timing().name(), counts.samples(), w.stepsPerSample(), w.ops(), w.byOperation(),
                w.dynamicEnergy(), stat, energy, latency, energy * latency, power, byPhase, time, cal.overheadPerStep(),
                m == null ? null : m.key(), m == null ? null : m.energyPerSample(), m == null ? null : m.latencyPerSample(),
                m == null ? null : (energy - m.energyPerSample()) / m.energyPerSample(),
                m == null ? null : (latency - m.latencyPerSample()) / m.latencyPerSample());
    }

    /** One-line summary, e.g. for a per-epoch log. */
    public String line() {
        return String.format(Locale.ROOT, "%s: %.4g mJ, %.4g ms per sample (%.3g steps), EDP %.4g mJ·ms, %.4g mW; spiking/learning/management time %.1f/%.1f/%.1f %%",
                network, energy * 1e3, latency * 1e3, stepsPerSample, edp * 1e6, power * 1e3,
                100 * timeByPhase.spiking() / latency, 100 * timeByPhase.learning() / latency, 100 * timeByPhase.management() / latency);
    }
}
