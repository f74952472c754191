package org.synfire.nbp;

import java.util.function.DoubleSupplier;

/**
 * The authors' "rand_He" initialisation (docs/design.md#initialisation): W = N(0,1)·sqrt(2/(fan_in+fan_out)) (a
 * Glorot-normal std despite the name), ×1024 wu, clip to ±240, round toward zero to an even integer.
 */
public final class WeightInit {
    /** 1.0 in the normalised model is the Loihi threshold, 1024 wu. */
    public static final double WEIGHT_FACTOR = 1024.0;
    /** Init stays below the 254 limit so weights do not start where the ±clip asymmetry bites. */
    public static final int INIT_LIMIT = 240;

    private WeightInit() {}

    /** One normalised weight to Loihi wu: ×1024, clip ±240, floor(|w|/2)·2·sign(w). */
    public static int toLoihi(double normalised) {
        double w = normalised * WEIGHT_FACTOR;
        if (w < -INIT_LIMIT) w = -INIT_LIMIT;
        if (w > INIT_LIMIT) w = INIT_LIMIT;
        return (int) (Math.floor(Math.abs(w) / 2) * 2 * Math.signum(w));
    }

    /** Glorot-normal std sqrt(2/(fanIn+fanOut)), computed as numpy does. */
    public static double std(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut));
    }

    /**
     * Draws W1 (nIn×nHid, row-major) and then W2 (nHid×nOut, row-major) from the normal source, in
     * the order {@code randn(nIn, nHid)} then {@code randn(nHid, nOut)} fill their arrays.
     */
    public static NbpWeights randHe(int nIn, int nHid, int nOut, DoubleSupplier standardNormal) {
        int[] w1 = new int[nIn * nHid];
        double s1 = std(nIn, nHid);
        for (int i = 0; i < w1.length; i++) w1[i] = toLoihi(standardNormal.getAsDouble() * s1);
        int[] w2 = new int[nHid * nOut];
        double s2 = std(nHid, nOut);
        for (int i = 0; i < w2.length; i++) w2[i] = toLoihi(standardNormal.getAsDouble() * s2);
        return new NbpWeights(nIn, nHid, nOut, w1, w2);
    }

    /** Every matrix of a layered network in turn, W_1 first, each filled row by row, as {@link #randHe(int, int, int, DoubleSupplier)}. */
    public static LayeredWeights randHe(int[] sizes, DoubleSupplier standardNormal) {
        int[][] m = new int[sizes.length - 1][];
        for (int l = 0; l < m.length; l++) {
            m[l] = new int[sizes[l] * sizes[l + 1]];
            double sd = std(sizes[l], sizes[l + 1]);
            for (int i = 0; i < m[l].length; i++) m[l][i] = toLoihi(standardNormal.getAsDouble() * sd);
        }
        return new LayeredWeights(sizes, m);
    }
}
