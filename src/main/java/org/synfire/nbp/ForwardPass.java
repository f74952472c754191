package org.synfire.nbp;

/**
 * The forward pass of the binary network, with scratch buffers reused across samples (no allocation
 * per sample). Only active inputs' rows of W1 (packed, see {@link PackedW1}) and spiking hidden rows of
 * W2 are accumulated: about 25 % of MNIST pixels are on.
 *
 * <p>After {@link #run}: {@code hidSum[0..nHid)} = x·W1, {@code active[0..activeCount)} the on
 * inputs, {@code hidOn[0..hidCount)} the hidden units with sum &gt; 512, {@code outSum[0..nOut)}
 * = h·W2. Not thread-safe: one instance per thread.
 */
public final class ForwardPass {
    /** A unit spikes iff its input sum is strictly greater than this (0.5 of the 1024 wu threshold). */
    public static final int ACTIVATION_THRESHOLD = 512;

    final int nIn;
    final int nHid;
    final int nOut;
    final int half;
    final int[] active;
    int activeCount;
    final int[] hidSum;
    /** Lane sums of packed rows; long, not int, so the JIT may vectorise (an int[] could alias W1). */
    private final long[] laneSum;
    final int[] hidOn;
    int hidCount;
    final int[] outSum;

    public ForwardPass(int nIn, int nHid, int nOut) {
        this.nIn = nIn;
        this.nHid = nHid;
        this.nOut = nOut;
        this.half = PackedW1.half(nHid);
        this.active = new int[nIn];
        this.hidSum = new int[nHid];
        this.laneSum = new long[half];
        this.hidOn = new int[nHid];
        this.outSum = new int[nOut];
    }

    /** Runs x (0/1 bytes at xOffset) through packed W1 and W2. */
    void run(byte[] x, int xOffset, int[] w1Packed, int[] w2) {
        final int[] act = active;
        int na = 0;
        for (int k = 0; k < nIn; k++) {
            act[na] = k;
            na += x[xOffset + k] != 0 ? 1 : 0; // branch-free: pixels are unpredictable
        }
        activeCount = na;

        final int h2 = half;
        final int[] hs = hidSum;
        final long[] acc = laneSum;
        final int[] w = w1Packed;
        java.util.Arrays.fill(hs, 0);
        int a = 0;
        while (a < na) {
            int end = Math.min(na, a + PackedW1.MAX_ROWS_PER_CHUNK);
            int offset = PackedW1.OFFSET * (end - a);
            java.util.Arrays.fill(acc, 0);
            if (h2 == PAPER_HALF) {
                sumRowsPaper(w, act, a, end, acc);
            } else {
                sumRows(w, act, a, end, acc, h2);
            }
            a = end;
            for (int i = 0; i < h2; i++) hs[i] += (int) (acc[i] & 0xFFFF) - offset;
            int upper = nHid - h2;
            for (int i = 0; i < upper; i++) hs[h2 + i] += (int) (acc[i] >>> 16) - offset;
        }

        int nh = 0;
        final int[] on = hidOn;
        for (int i = 0; i < nHid; i++) {
            on[nh] = i;
            nh += hs[i] > ACTIVATION_THRESHOLD ? 1 : 0;
        }
        hidCount = nh;

        final int[] os = outSum;
        java.util.Arrays.fill(os, 0);
        for (int h = 0; h < nh; h++) {
            int base = on[h] * nOut;
            for (int j = 0; j < nOut; j++) os[j] += w2[base + j];
        }
    }

    /**
     * acc[0..h2) += packed rows act[from..to) of w. Four packed ints sum to at most 4·(510·65536 + 510) &lt; 2^31,
     * so the int sum is exact before it is widened; the low lane stays below 65536 for up to 128 rows.
     */
    private static void sumRows(int[] w, int[] act, int from, int to, long[] acc, int h2) {
        int a = from;
        for (; a + 3 < to; a += 4) { // four rows per pass: fewer loads and stores of acc
            int b0 = act[a] * h2;
            int b1 = act[a + 1] * h2;
            int b2 = act[a + 2] * h2;
            int b3 = act[a + 3] * h2;
            for (int i = 0; i < h2; i++) acc[i] += w[b0 + i] + w[b1 + i] + w[b2 + i] + w[b3 + i];
        }
        for (; a < to; a++) {
            int b0 = act[a] * h2;
            for (int i = 0; i < h2; i++) acc[i] += w[b0 + i];
        }
    }

    /** The paper's 400 hidden units (200 packed lanes): same as sumRows, with a trip count the JIT knows. */
    static final int PAPER_HALF = 200;

    private static void sumRowsPaper(int[] w, int[] act, int from, int to, long[] acc) {
        final int h2 = PAPER_HALF;
        int a = from;
        for (; a + 3 < to; a += 4) {
            int b0 = act[a] * h2;
            int b1 = act[a + 1] * h2;
            int b2 = act[a + 2] * h2;
            int b3 = act[a + 3] * h2;
            for (int i = 0; i < PAPER_HALF; i++) acc[i] += w[b0 + i] + w[b1 + i] + w[b2 + i] + w[b3 + i];
        }
        for (; a < to; a++) {
            int b0 = act[a] * h2;
            for (int i = 0; i < PAPER_HALF; i++) acc[i] += w[b0 + i];
        }
    }

    public int activeCount() {
        return activeCount;
    }

    public int hiddenCount() {
        return hidCount;
    }

    /** Output potential a_o[j] of the last run. */
    public int outSum(int j) {
        return outSum[j];
    }
}
