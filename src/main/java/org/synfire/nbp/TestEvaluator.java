package org.synfire.nbp;

import org.synfire.data.BinaryDataset;

/**
 * An extra test-set evaluation reported beside the off-chip metrics, e.g. inference on the emulated
 * chip: returns the output spikes (size x nOut bytes, 0/1) for every test sample.
 */
@FunctionalInterface
public interface TestEvaluator {
    byte[] outputSpikes(LayeredWeights weights, BinaryDataset test);
}
