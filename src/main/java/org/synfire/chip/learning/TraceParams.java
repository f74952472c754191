package org.synfire.chip.learning;

/**
 * Parameters of one trace (x1, x2, y1, y2, y3 or r1) as NxSDK gives them (docs/learning.md#traces).
 *
 * @param impulse added on a spike; 0 <= impulse < 128. Kept as floor(impulse * 2^F), the integer
 *     part and an F-bit fraction (nengo-loihi's int(128 * frac) for F = 7)
 * @param tau time constant in time steps, >= 0; per epoch the trace decays by exp(-tEpoch / tau);
 *     0 means no carry-over between epochs
 * @param impulseFractionBits F, 0..16; {@link #DEFAULT_IMPULSE_FRACTION_BITS} = 7 as nengo-loihi
 *     (LAVA uses 8)
 * @param rounding where the stochastic rounding happens
 */
public record TraceParams(double impulse, double tau, int impulseFractionBits, Rounding rounding) {
    public static final int DEFAULT_IMPULSE_FRACTION_BITS = 7;

    /** How decay and impulse are rounded (docs/learning.md#traces). */
    public enum Rounding {
        /**
         * Default (docs/chip.md#where-the-sources-disagree): stochastic_round(trace * decay) + the impulse with
         * its fraction rounded separately. Decay uses random bits 0..15, the impulse bits 16..16+F-1.
         */
        SEPARATE,
        /**
         * nengo-loihi: stochastic_round(trace * decay + impulse), one rounding with bits 0..15.
         */
        JOINT
    }

    public TraceParams {
        if (!(impulse >= 0 && impulse < Traces.MAX_TRACE + 1)) {
            throw new IllegalArgumentException("impulse must be in [0, 128): " + impulse);
        }
        if (!(tau >= 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("tau must be finite and >= 0: " + tau);
        if (impulseFractionBits < 0 || impulseFractionBits > Traces.DECAY_FRACTION_BITS) {
            throw new IllegalArgumentException("impulseFractionBits must be 0.." + Traces.DECAY_FRACTION_BITS
                    + ": " + impulseFractionBits);
        }
        if (rounding == null) throw new IllegalArgumentException("rounding is null");
    }

    /** Default fraction width and rounding. */
    public TraceParams(double impulse, double tau) {
        this(impulse, tau, DEFAULT_IMPULSE_FRACTION_BITS, Rounding.SEPARATE);
    }

    /** The impulse in fixed point with {@link #impulseFractionBits()} fraction bits (truncated). */
    public int impulseFixed() {
        return (int) Math.floor(impulse * (1 << impulseFractionBits));
    }

    /**
     * exp(-tEpoch / tau) with {@link Traces#DECAY_FRACTION_BITS} fraction bits, rounded to nearest;
     * 0 for tau = 0. StrictMath keeps it identical on every JVM.
     */
    public int decayFactor(int tEpoch) {
        if (tEpoch < 1) throw new IllegalArgumentException("tEpoch must be >= 1: " + tEpoch);
        if (tau == 0) return 0;
        return (int) Math.round(StrictMath.exp(-tEpoch / tau) * (1 << Traces.DECAY_FRACTION_BITS));
    }

    /** The update for a fixed epoch length, with the decay factor precomputed. */
    public CompiledTrace compile(int tEpoch) {
        return new CompiledTrace(decayFactor(tEpoch), impulseFixed(), impulseFractionBits, rounding == Rounding.JOINT);
    }
}
