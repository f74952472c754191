package org.synfire.nbp;

import org.synfire.data.BinaryDataset;
import org.synfire.random.SplitMix64;

/**
 * Learnable stand-in data for tests and benchmarks without dataset files: each of the 10 classes has
 * a fixed random prototype with about 25 % of pixels on (like MNIST20's 99 of 400); a sample is its
 * class prototype with each pixel flipped with probability 1/12.
 */
public final class SyntheticData {
    private static final long PROTOTYPE_SEED = 12345;

    private SyntheticData() {}

    public static BinaryDataset make(int size, int nIn, long seed, String name) {
        SplitMix64 protoRandom = new SplitMix64(PROTOTYPE_SEED); // same prototypes for every call
        byte[][] proto = new byte[10][nIn];
        for (byte[] p : proto) for (int k = 0; k < nIn; k++) p[k] = (byte) (protoRandom.nextInt(4) == 0 ? 1 : 0);
        SplitMix64 r = new SplitMix64(seed);
        byte[] x = new byte[size * nIn];
        byte[] labels = new byte[size];
        for (int s = 0; s < size; s++) {
            int label = r.nextInt(10);
            labels[s] = (byte) label;
            for (int k = 0; k < nIn; k++) {
                int v = proto[label][k];
                if (r.nextInt(12) == 0) v ^= 1;
                x[s * nIn + k] = (byte) v;
            }
        }
        return new BinaryDataset(name + " (synthetic, seed " + seed + ")", nIn, size, x, labels);
    }
}
