package org.synfire.chip.learning;

/**
 * The points where the sources disagree on the fixed-point evaluation, as named options
 * (docs/chip.md#where-the-sources-disagree). {@link #DEFAULT} is Synfire's choice;
 * docs/learning.md#options-and-defaults gives the reasons.
 *
 * @param mantissaBits scaling-mantissa width used in the overflow shift: 3 as nengo-loihi, 4 as LAVA
 * @param limits saturation range of learned weights (docs/learning.md#weight-limits)
 * @param accumulation how products are added to the 16-bit accumulator
 * @param overflowShift how the overflow right shift treats negative products (default: arithmetic shift)
 * @param weightRounding how the accumulator is rounded stochastically to the weight grid
 *     (docs/learning.md#fixed-point-evaluation)
 */
public record LearningOptions(int mantissaBits, WeightLimits limits, Accumulation accumulation,
        NegativeShift overflowShift, StochasticRounding.Mode weightRounding) {

    /** nengo-loihi's learn_overflow_bits uses a 3-bit mantissa. */
    public static final int DEFAULT_MANTISSA_BITS = 3;

    public static final LearningOptions DEFAULT = new LearningOptions(DEFAULT_MANTISSA_BITS,
            WeightLimits.BRIAN2_LOIHI, Accumulation.EXACT_SUM, NegativeShift.FLOOR, StochasticRounding.Mode.FLOOR);

    /** How the shifted products reach the accumulator. */
    public enum Accumulation {
        /**
         * Default (nengo-loihi-like): products are summed exactly, the sum is added to w << 7 and
         * the result saturated to 16 bits once. Independent of product order; keeps
         * {@code y0*x0*r1*4 - y0*x0*2} exact at 254.
         */
        EXACT_SUM,
        /**
         * LAVA's order: each product saturated to 16 bits, then added to the accumulator, which
         * saturates after every product.
         */
        SATURATE_EACH_PRODUCT
    }

    /** Rounding of a right shift of a negative number. */
    public enum NegativeShift {
        /** Arithmetic shift, toward minus infinity (Java {@code >>}; LAVA, SBP). */
        FLOOR,
        /** Shift of the magnitude, toward zero (B2L's int()). */
        TOWARD_ZERO
    }

    public LearningOptions {
        if (mantissaBits < 0 || mantissaBits > 8) throw new IllegalArgumentException("mantissaBits must be 0..8: " + mantissaBits);
        if (limits == null || accumulation == null || overflowShift == null || weightRounding == null) {
            throw new IllegalArgumentException("null option");
        }
    }

    public LearningOptions withMantissaBits(int bits) {
        return new LearningOptions(bits, limits, accumulation, overflowShift, weightRounding);
    }

    public LearningOptions withLimits(WeightLimits l) {
        return new LearningOptions(mantissaBits, l, accumulation, overflowShift, weightRounding);
    }

    public LearningOptions withAccumulation(Accumulation a) {
        return new LearningOptions(mantissaBits, limits, a, overflowShift, weightRounding);
    }

    public LearningOptions withOverflowShift(NegativeShift s) {
        return new LearningOptions(mantissaBits, limits, accumulation, s, weightRounding);
    }

    public LearningOptions withWeightRounding(StochasticRounding.Mode m) {
        return new LearningOptions(mantissaBits, limits, accumulation, overflowShift, m);
    }
}
