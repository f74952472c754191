package org.synfire.nbp.onchip;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.NbpWeights;

/**
 * nBP learned by the spiking network on the emulated chip. {@link #load} builds a fresh chip from the
 * weights, as the authors rebuild all copies from W1/W2 between runs; the trainer calls it at every
 * half-epoch checkpoint, so a resumed run follows exactly the path of an uninterrupted one.
 */
public final class ChipLearner implements NbpLearner {
    private static final Logger LOG = LoggerFactory.getLogger(ChipLearner.class);

    private final long seed;
    private final Invariants invariants;
    private TrainingChip net;
    private long warnings;

    public ChipLearner(NbpWeights initial, long seed, Invariants invariants) {
        this.seed = seed;
        this.invariants = invariants;
        load(initial);
    }

    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        long k = net.samples();
        boolean phases = invariants.phaseEvery() > 0 && k % invariants.phaseEvery() == 0;
        net.runSample(x, xOffset, label, outSpikes, phases);
        if (phases) {
            for (String s : net.drainWarnings()) {
                if (warnings++ < 20) LOG.warn(s);
            }
        }
        if (invariants.copiesEvery() > 0 && (k + 1) % invariants.copiesEvery() == 0) {
            List<String> w = net.checkCopies();
            for (String s : w) {
                if (warnings++ < 20) LOG.warn(s);
            }
        }
    }

    @Override
    public NbpWeights weights() {
        return net.weights();
    }

    @Override
    public void load(NbpWeights w) {
        net = new TrainingChip(w, seed);
    }

    @Override
    public Map<String, Long> activityCounts() {
        return net.spikeCounts();
    }

    /** The network currently running (for verification, rasters and counters). */
    public TrainingChip network() {
        return net;
    }

    /** Warnings seen so far: saturation asymmetry of the copies, ungated phase-0 spikes. */
    public long warningCount() {
        return warnings;
    }
}
