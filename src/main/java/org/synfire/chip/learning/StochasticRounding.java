package org.synfire.chip.learning;

/**
 * Stochastic rounding of fixed-point numbers with F fractional bits, using caller-supplied random
 * bits: {@code floor + (r < fraction)} with r the low F bits of {@code randomBits}. The result is
 * exact (r is ignored) when the fraction is 0, and its expectation equals the input.
 */
public final class StochasticRounding {
    /** The largest supported number of fractional bits. */
    public static final int MAX_FRACTION_BITS = 62;

    /** How negative values are rounded. */
    public enum Mode {
        /** Two's complement: floor(v) + (r < v - floor(v)) (LAVA's stochastic_round; like the arithmetic shift of truncation). */
        FLOOR,
        /** Round the magnitude and restore the sign (nengo-loihi). */
        SIGN_MAGNITUDE
    }

    private StochasticRounding() {}

    /**
     * Rounds {@code value / 2^fractionBits} to an integer. Uses bits 0..fractionBits-1 of
     * randomBits.
     */
    public static long round(long value, int fractionBits, long randomBits) {
        long mask = (1L << fractionBits) - 1;
        long up = (randomBits & mask) < (value & mask) ? 1 : 0;
        return (value >> fractionBits) + up;
    }

    /** {@link #round(long, int, long)} with the given treatment of negative values. */
    public static long round(long value, int fractionBits, long randomBits, Mode mode) {
        if (mode == Mode.FLOOR || value >= 0) return round(value, fractionBits, randomBits);
        return -round(-value, fractionBits, randomBits);
    }

    /** int convenience; the result fits an int whenever fractionBits >= 0 and value is an int. */
    public static int round(int value, int fractionBits, long randomBits) {
        return (int) round((long) value, fractionBits, randomBits);
    }
}
