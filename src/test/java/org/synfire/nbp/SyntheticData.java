package org.synfire.nbp;

import java.util.Random;
import org.synfire.data.BinaryDataset;

/** Learnable toy data: each class has a random prototype image; samples flip a few of its pixels. */
final class SyntheticData {
    private SyntheticData() {}

    static BinaryDataset make(int size, int nIn, long seed, String name) {
        Random r = new Random(seed);
        Random protoRandom = new Random(12345); // same prototypes for train and test
        byte[][] proto = new byte[10][nIn];
        for (byte[] p : proto) for (int k = 0; k < nIn; k++) p[k] = (byte) (protoRandom.nextInt(4) == 0 ? 1 : 0);
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
        return new BinaryDataset(name, nIn, size, x, labels);
    }
}
