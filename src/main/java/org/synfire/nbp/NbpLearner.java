package org.synfire.nbp;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Something that learns with binarized nBP one sample at a time: the functional (matrix) models here,
 * the spiking chip emulation elsewhere, for any number of layers. The trainer drives every backend
 * through this interface.
 */
public interface NbpLearner {
    /**
     * One online training step on x (0/1 bytes at xOffset, length nIn) with class label; writes the
     * forward pass's 10 output spike bits (0/1) into outSpikes[0..nOut).
     */
    void train(byte[] x, int xOffset, int label, byte[] outSpikes);

    /** A copy of the current weights, W1 … W_M. */
    LayeredWeights matrices();

    /**
     * Replaces the weights and resets any internal state (membranes, traces, counters, on-chip copies), telling the
     * learner how many samples the run has trained, so its messages name the run's sample index.
     */
    void restore(LayeredWeights w, long samplesTrained);

    /** Where the learner sends warnings (one line each, without a prefix); by default they are dropped. */
    default void onWarning(Consumer<String> sink) {}

    /** Population name -> total spikes since construction or the last {@link #load}; reported per epoch as spikes/sample. */
    default Map<String, Long> activityCounts() {
        return Map.of();
    }

    /**
     * Saturation drift now: for each on-chip instance of a plastic matrix that can drift from its logical
     * matrix, how many entries differ from what rebuilding it from W1/W2 would write. Reported every half
     * epoch, just before the checkpoint's rebuild. Empty for learners that have no such instances.
     */
    default Map<String, Long> copyDrift() {
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
