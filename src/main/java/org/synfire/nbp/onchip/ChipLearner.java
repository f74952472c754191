package org.synfire.nbp.onchip;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.NbpWeights;

/**
 * nBP learned by the spiking network on the emulated chip. {@link #load} builds a fresh chip from the
 * weights, as the authors rebuild all copies from W1/W2 between runs; the trainer calls it at every
 * half-epoch checkpoint, so a resumed run follows exactly the path of an uninterrupted one (and the
 * functional model rebuilds its copy of w2Tm at the same points).
 */
public final class ChipLearner implements NbpLearner {
    private static final Logger LOG = LoggerFactory.getLogger(ChipLearner.class);

    private final long seed;
    private final Invariants invariants;
    private TrainingChip net;
    private long firstSample;
    private Consumer<String> warnings = message -> LOG.warn(message);
    /** Counters when the current network was built, and the energy model of its shape (built once). */
    private org.synfire.chip.OpCounters.Snapshot atLoad;
    private org.synfire.energy.EnergyModel costModel;

    public ChipLearner(NbpWeights initial, long seed, Invariants invariants) {
        this.seed = seed;
        this.invariants = invariants;
        load(initial, 0);
    }

    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        long k = firstSample + net.samples(); // the run's sample index: checks fall on the same samples after a resume
        boolean phases = invariants.phaseEvery() > 0 && k % invariants.phaseEvery() == 0;
        net.runSample(x, xOffset, label, outSpikes, phases);
        if (phases) {
            for (String s : net.drainWarnings()) warnings.accept(s);
        }
        if (invariants.copiesEvery() > 0 && (k + 1) % invariants.copiesEvery() == 0) net.checkCopies();
    }

    @Override
    public void onWarning(Consumer<String> sink) {
        this.warnings = sink;
    }

    @Override
    public Map<String, Long> copyDrift() {
        return Map.of(org.synfire.nbp.FunctionalNbp.NEGATED_INSTANCE, net.negatedDrift());
    }

    /** W1 and W2 as the chip holds them. */
    public NbpWeights weights() {
        return net.weights();
    }

    @Override
    public org.synfire.nbp.LayeredWeights matrices() {
        return org.synfire.nbp.LayeredWeights.of(net.weights());
    }

    @Override
    public void restore(org.synfire.nbp.LayeredWeights w, long samplesTrained) {
        load(w.oneHiddenLayer(), samplesTrained);
    }

    /** A fresh chip built from W1 and W2, numbering its samples from {@code samplesTrained}. */
    public void load(NbpWeights w, long samplesTrained) {
        net = new TrainingChip(w, seed);
        firstSample = samplesTrained;
        net.firstSampleIndex(samplesTrained);
        atLoad = net.chip().counters().snapshot();
    }

    /**
     * Dynamic energy and busiest-core work time per sample since the last load (Davies et al. 2018
     * costs, authors' placement, learning basis pre-or-post), from one counter window: the work time
     * assumes every step carries the window's average load. Static power and management time are not
     * included; {@code synfire energy} fits them to the paper's training point.
     */
    @Override
    public Map<String, Double> costEstimates() {
        long samples = net.samples();
        if (samples == 0) return Map.of();
        if (costModel == null) costModel = ChipEnergy.model(net.chip(), Networks.describe(TrainingChip.RESOURCE, net.weights()));
        org.synfire.energy.Work w = costModel.work(new org.synfire.energy.SampleCounts("train", samples,
                List.of(net.chip().counters().snapshot().minus(atLoad))));
        Map<String, Double> m = new java.util.TreeMap<>();
        m.put("dynamic_energy_uJ", w.dynamicEnergy() * 1e6);
        m.put("learning_energy_uJ", w.learningEnergy() * 1e6);
        m.put("work_time_us", (w.spikingTime() + w.learningTime() + w.syncTime()) * 1e6);
        m.put("synaptic_ops", w.ops().synapticOps());
        m.put("learning_evaluations", w.ops().learningOps());
        return m;
    }

    @Override
    public Map<String, Long> activityCounts() {
        return net.spikeCounts();
    }

    /** The network currently running (for verification, rasters and counters). */
    public TrainingChip network() {
        return net;
    }
}
