package org.synfire.chip.learning;

/**
 * Once-per-epoch trace update (Synfire default, docs/learning.md#traces):
 * {@code trace <- min(127, stochastic_round(trace * exp(-tEpoch/tau)) + impulse if spiked)}, the
 * impulse's fraction rounded stochastically; tau = 0 keeps nothing from earlier epochs. Several
 * spikes in one epoch add one impulse (nengo-loihi keeps a set; x0 is one bit anyway).
 */
public final class Traces {
    /** Traces are unsigned 7-bit values. */
    public static final int MAX_TRACE = 127;
    /**
     * Fraction bits of the decay factor. 16 bits make the factor's error (< 2^-17) shift the
     * rounding probability of a 7-bit trace by less than 0.1%.
     */
    public static final int DECAY_FRACTION_BITS = 16;

    private Traces() {}

    /**
     * The trace after one epoch. Reads random bits 0..15 for the decay and, with {@link
     * TraceParams.Rounding#SEPARATE} and a spike, bits 16..16+F-1 for the impulse fraction.
     *
     * @param trace the trace before the epoch, 0..127
     */
    public static int update(int trace, boolean spiked, TraceParams p, int tEpoch, long randomBits) {
        return update(trace, spiked, p.decayFactor(tEpoch), p.impulseFixed(), p.impulseFractionBits(),
                p.rounding() == TraceParams.Rounding.JOINT, randomBits);
    }

    /** As {@link #update(int, boolean, TraceParams, int, long)}; any spike count > 0 adds one impulse. */
    public static int update(int trace, int spikesThisEpoch, TraceParams p, int tEpoch, long randomBits) {
        return update(trace, spikesThisEpoch > 0, p, tEpoch, randomBits);
    }

    static int update(int trace, boolean spiked, int decayFactor, int impulseFixed, int fractionBits, boolean joint,
            long randomBits) {
        long decayed = (long) trace * decayFactor;
        long v;
        if (joint) {
            if (spiked) decayed += (long) impulseFixed << (DECAY_FRACTION_BITS - fractionBits);
            v = StochasticRounding.round(decayed, DECAY_FRACTION_BITS, randomBits);
        } else {
            v = StochasticRounding.round(decayed, DECAY_FRACTION_BITS, randomBits);
            if (spiked) v += StochasticRounding.round(impulseFixed, fractionBits, randomBits >>> DECAY_FRACTION_BITS);
        }
        return (int) (v < 0 ? 0 : v > MAX_TRACE ? MAX_TRACE : v);
    }
}
