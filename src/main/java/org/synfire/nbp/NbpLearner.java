package org.synfire.nbp;

import java.util.Map;

/**
 * Something that learns with binarized nBP one sample at a time: the functional (matrix) model here,
 * the spiking chip emulation elsewhere. The trainer drives every backend through this interface.
 */
public interface NbpLearner {
    /**
     * One online training step on x (0/1 bytes at xOffset, length nIn) with class label; writes the
     * forward pass's 10 output spike bits (0/1) into outSpikes[0..nOut).
     */
    void train(byte[] x, int xOffset, int label, byte[] outSpikes);

    /** A copy of the current W1 and W2. */
    NbpWeights weights();

    /** Replaces the weights and resets any internal state (membranes, traces, counters of a backend). */
    void load(NbpWeights w);

    /** Population name -> total spikes since construction or the last {@link #load}; reported per epoch as spikes/sample. */
    default Map<String, Long> activityCounts() {
        return Map.of();
    }

    /**
     * Hardware cost estimates per sample since construction or the last {@link #load} (spiking backends:
     * energy and time from their operation counts), keyed by name with the unit in it; empty if none.
     */
    default Map<String, Double> costEstimates() {
        return Map.of();
    }
}
