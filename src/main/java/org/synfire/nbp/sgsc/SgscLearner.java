package org.synfire.nbp.sgsc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpLearner;

/**
 * nBP learned by a compiled synfire-gated network of any depth on the emulated chip. As for the paper's
 * network, every {@link #restore} builds a fresh chip from the matrices, so the negated copies' drift
 * is reset at every checkpoint (the layered model rebuilds its copies at the same points).
 */
public final class SgscLearner implements NbpLearner {
    private final CompiledNetworks network;
    private final long seed;
    private final int phaseEvery;
    private final int copiesEvery;
    private org.synfire.chip.OpCounters.Snapshot atRestore;
    private org.synfire.energy.EnergyModel costModel;
    private SgscChip net;
    private long firstSample;
    private Consumer<String> warnings = message -> {};

    /**
     * @param phaseEvery check the phase invariants on every k-th sample of the run (0 = never)
     * @param copiesEvery check that the copies of each matrix agree on every k-th sample (0 = never)
     */
    public SgscLearner(CompiledNetworks network, LayeredWeights initial, long seed, int phaseEvery, int copiesEvery) {
        this.network = network;
        this.seed = seed;
        this.phaseEvery = phaseEvery;
        this.copiesEvery = copiesEvery;
        restore(initial, 0);
    }

    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        long k = firstSample + net.samples();
        boolean phases = phaseEvery > 0 && k % phaseEvery == 0;
        net.runSample(x, xOffset, label, outSpikes, phases);
        if (phases) for (String w : net.drainWarnings()) warnings.accept(w);
        if (copiesEvery > 0 && (k + 1) % copiesEvery == 0) net.checkCopies();
    }

    /**
     * Dynamic energy and busiest-core work time per sample since the last restore (Davies et al. 2018 costs,
     * authors' placement), from one counter window; static power and management time are not included.
     */
    @Override
    public Map<String, Double> costEstimates() {
        long samples = net.samples();
        if (samples == 0) return Map.of();
        if (costModel == null) costModel = SgscEnergy.model(net.chip(), network.description());
        org.synfire.energy.Work w = costModel.work(new org.synfire.energy.SampleCounts("train", samples,
                List.of(net.chip().counters().snapshot().minus(atRestore))));
        Map<String, Double> m = new java.util.TreeMap<>();
        m.put("dynamic_energy_uJ", w.dynamicEnergy() * 1e6);
        m.put("learning_energy_uJ", w.learningEnergy() * 1e6);
        m.put("work_time_us", (w.spikingTime() + w.learningTime() + w.syncTime()) * 1e6);
        m.put("synaptic_ops", w.ops().synapticOps());
        m.put("learning_evaluations", w.ops().learningOps());
        return m;
    }

    @Override
    public LayeredWeights matrices() {
        return net.weights();
    }

    @Override
    public void restore(LayeredWeights w, long samplesTrained) {
        net = new SgscChip(network.description(), network.protocol(), w, seed);
        firstSample = samplesTrained;
        net.firstSampleIndex(samplesTrained);
        atRestore = net.chip().counters().snapshot();
    }

    @Override
    public void onWarning(Consumer<String> sink) {
        warnings = sink;
    }

    /** Per negated instance (by projection name), entries that differ from min(254, −W) of its matrix. */
    @Override
    public Map<String, Long> copyDrift() {
        return net.copyDrift();
    }

    /** Spikes per population since the last restore. */
    @Override
    public Map<String, Long> activityCounts() {
        long[] spikes = net.chip().counters().snapshot().spikes();
        Map<String, Long> m = new LinkedHashMap<>();
        for (int h = 0; h < net.chip().sourceCount(); h++) if (!net.chip().isGenerator(h)) m.put(net.chip().sourceName(h), spikes[h]);
        return m;
    }
}
