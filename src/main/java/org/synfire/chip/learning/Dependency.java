package org.synfire.chip.learning;

/**
 * The dependency of a product: the first of x0, y0 or u_k in it. It gates the product: x0/y0 must
 * be 1, and u_k is 1 only in epochs whose index is a multiple of 2^k.
 *
 * @param kind which dependency
 * @param k the decimation exponent of u_k (0..9); 0 for x0 and y0
 */
public record Dependency(Kind kind, int k) {
    public enum Kind { X0, Y0, U }

    public static final int MAX_K = 9;
    public static final Dependency X0 = new Dependency(Kind.X0, 0);
    public static final Dependency Y0 = new Dependency(Kind.Y0, 0);

    public Dependency {
        if (kind == null) throw new IllegalArgumentException("kind is null");
        if (k < 0 || k > MAX_K) throw new IllegalArgumentException("u_k needs k in 0.." + MAX_K + ": " + k);
        if (kind != Kind.U && k != 0) throw new IllegalArgumentException("k must be 0 for " + kind);
    }

    public static Dependency u(int k) {
        return new Dependency(Kind.U, k);
    }

    /** True in epochs where the dependency can be 1: always for x0/y0, every 2^k-th epoch for u_k. */
    public boolean activeInEpoch(long epochIndex) {
        return kind != Kind.U || (epochIndex & ((1L << k) - 1)) == 0;
    }

    /** {@link LearningRule#PRE} for x0, {@link LearningRule#POST} for y0, 0 for u_k. */
    public int spikeMask() {
        return switch (kind) {
            case X0 -> LearningRule.PRE;
            case Y0 -> LearningRule.POST;
            case U -> 0;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case X0 -> "x0";
            case Y0 -> "y0";
            case U -> "u" + k;
        };
    }
}
