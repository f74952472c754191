package org.synfire.nbp;

/**
 * W1 stored two weights per int ("SIMD within a register"): for input row k and hidden column
 * i &lt; half = ceil(nHid/2), {@code packed[k*half + i]} holds W1[k][i] + 256 in its low 16 bits and
 * W1[k][i + half] + 256 in its high 16 bits (a dummy 256 = weight 0 when nHid is odd).
 *
 * <p>Why: the forward pass sums rows of W1 for the active inputs. With the +256 offset every lane is
 * in [0, 510], so up to {@link #MAX_ROWS_PER_CHUNK} rows add without a carry crossing lanes: one int
 * add does two weight adds and the row data is half the size, which makes the hot loop about twice as
 * fast as on plain ints.
 */
final class PackedW1 {
    static final int OFFSET = 256;
    /** 128 rows x 510 = 65280 &lt; 65536: the most rows one 16-bit lane can sum without overflow. */
    static final int MAX_ROWS_PER_CHUNK = 128;

    private PackedW1() {}

    static int half(int nHid) {
        return (nHid + 1) / 2;
    }

    static int[] pack(int[] w1, int nIn, int nHid) {
        int half = half(nHid);
        int[] p = new int[nIn * half];
        for (int k = 0; k < nIn; k++) {
            int row = k * nHid;
            for (int i = 0; i < half; i++) {
                int lo = w1[row + i] + OFFSET;
                int hi = i + half < nHid ? w1[row + i + half] + OFFSET : OFFSET;
                p[k * half + i] = lo | (hi << 16);
            }
        }
        return p;
    }

    static int[] unpack(int[] p, int nIn, int nHid) {
        int half = half(nHid);
        int[] w1 = new int[nIn * nHid];
        for (int k = 0; k < nIn; k++) {
            for (int i = 0; i < half; i++) {
                int v = p[k * half + i];
                w1[k * nHid + i] = (v & 0xFFFF) - OFFSET;
                if (i + half < nHid) w1[k * nHid + i + half] = (v >>> 16) - OFFSET;
            }
        }
        return w1;
    }
}
