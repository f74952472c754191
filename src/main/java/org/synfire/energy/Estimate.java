package org.synfire.energy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;

/**
 * Energy and latency per sample of one network under one calibration, with the phase breakdown of
 * NxSDK's energy probe (spiking, learning, management; host phase excluded as in the authors' code).
 * All values are SI (J, s, W, J·s) per sample. The measured fields and errors are null when no measured
 * point was given; errors are (model − measured) / measured.
 */
public record Estimate(String network, String placement, int cores, boolean fitsOneChip, String costs, String learningBasis, String timing,
                       long samples, double stepsPerSample, Work.Ops ops,
                       double energy, double latency, double edp, double power,
                       double dynamicEnergy, double staticEnergy, Phases energyByPhase, Phases timeByPhase,
                       double staticPower, double managementTimePerStep,
                       String measuredLabel, Double measuredEnergy, Double measuredLatency, Double energyError, Double latencyError) {

    /** A quantity split over the probe's phases; the sync barrier is part of the spiking phase. */
    public record Phases(double spiking, double learning, double management) {
        public double total() {
            return spiking + learning + management;
        }
    }

    static Estimate of(EnergyModel model, SampleCounts counts, Work w, Calibration cal, Measurement m) {
        double mgmt = cal.managementTime() * w.stepsPerSample();
        Phases time = new Phases(w.spikingTime() + w.syncTime(), w.learningTime(), mgmt);
        double latency = time.total();
        double p = cal.staticPower();
        Phases energyByPhase = new Phases(w.spikingEnergy() + p * time.spiking(), w.learningEnergy() + p * time.learning(), p * time.management());
        double energy = energyByPhase.total();
        Mapping map = model.mapping();
        return new Estimate(counts.label(), map.placement(), map.coresUsed(), map.fitsOneChip(), model.costs().name(),
                model.options().learningBasis().name(), model.options().timing().name(), counts.samples(), w.stepsPerSample(), w.ops(),
                energy, latency, energy * latency, energy / latency, w.dynamicEnergy(), p * latency, energyByPhase, time, p, cal.managementTime(),
                m == null ? null : m.label(), m == null ? null : m.energyPerSample(), m == null ? null : m.latencyPerSample(),
                m == null ? null : (energy - m.energyPerSample()) / m.energyPerSample(),
                m == null ? null : (latency - m.latencyPerSample()) / m.latencyPerSample());
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static ObjectMapper json() {
        return JSON;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an estimate", e);
        }
    }

    public static Estimate fromJson(String text) {
        try {
            return JSON.readValue(text, Estimate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an energy estimate: " + e.getOriginalMessage(), e);
        }
    }

    /** One-line summary, e.g. for a per-epoch log. */
    public String line() {
        return String.format(Locale.ROOT, "%s: %.4g mJ, %.4g ms per sample (%.3g steps), EDP %.4g mJ·ms, %.4g mW; spiking/learning/management energy %.1f/%.1f/%.1f %%",
                network, energy * 1e3, latency * 1e3, stepsPerSample, edp * 1e6, power * 1e3,
                100 * energyByPhase.spiking() / energy, 100 * energyByPhase.learning() / energy, 100 * energyByPhase.management() / energy);
    }
}
