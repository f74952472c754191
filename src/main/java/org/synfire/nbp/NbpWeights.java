package org.synfire.nbp;

import java.util.Arrays;

/**
 * Integer weights of the 3-layer network in weight units (1.0 = 1024 wu): w1 is n_in x n_hid
 * (row = input pixel, index {@code k*nHid + i}), w2 is n_hid x n_out (index {@code i*nOut + j}).
 * The arrays are defensively copied in and out.
 */
public record NbpWeights(int nIn, int nHid, int nOut, int[] w1, int[] w2) {
    public NbpWeights {
        if (nIn <= 0 || nHid <= 0 || nOut <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive: " + nIn + "-" + nHid + "-" + nOut);
        }
        if (w1 == null || w1.length != (long) nIn * nHid) {
            throw new IllegalArgumentException("w1 must hold nIn*nHid = " + (long) nIn * nHid + " values");
        }
        if (w2 == null || w2.length != (long) nHid * nOut) {
            throw new IllegalArgumentException("w2 must hold nHid*nOut = " + (long) nHid * nOut + " values");
        }
        w1 = w1.clone();
        w2 = w2.clone();
    }

    @Override
    public int[] w1() {
        return w1.clone();
    }

    @Override
    public int[] w2() {
        return w2.clone();
    }

    /** W1[k][i] without copying. */
    public int w1(int input, int hidden) {
        return w1[input * nHid + hidden];
    }

    /** W2[i][j] without copying. */
    public int w2(int hidden, int output) {
        return w2[hidden * nOut + output];
    }

    /** Copies w1 into dst without allocating (for hot paths). */
    public void copyW1(int[] dst) {
        System.arraycopy(w1, 0, dst, 0, w1.length);
    }

    /** Copies w2 into dst without allocating. */
    public void copyW2(int[] dst) {
        System.arraycopy(w2, 0, dst, 0, w2.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NbpWeights w && nIn == w.nIn && nHid == w.nHid && nOut == w.nOut
                && Arrays.equals(w1, w.w1) && Arrays.equals(w2, w.w2);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(w1) + Arrays.hashCode(w2)) + nIn * 7 + nHid * 3 + nOut;
    }

    @Override
    public String toString() {
        return "NbpWeights[" + nIn + "-" + nHid + "-" + nOut + "]";
    }
}
