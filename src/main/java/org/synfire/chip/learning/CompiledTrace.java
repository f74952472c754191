package org.synfire.chip.learning;

/** A trace update with the decay factor precomputed for one tEpoch; see {@link Traces}. */
public final class CompiledTrace {
    private final int decayFactor;
    private final int impulseFixed;
    private final int fractionBits;
    private final boolean joint;

    CompiledTrace(int decayFactor, int impulseFixed, int fractionBits, boolean joint) {
        this.decayFactor = decayFactor;
        this.impulseFixed = impulseFixed;
        this.fractionBits = fractionBits;
        this.joint = joint;
    }

    /** The trace after one epoch; see {@link Traces#update(int, boolean, TraceParams, int, long)}. */
    public int update(int trace, boolean spiked, long randomBits) {
        return Traces.update(trace, spiked, decayFactor, impulseFixed, fractionBits, joint, randomBits);
    }

    /** exp(-tEpoch / tau) with {@link Traces#DECAY_FRACTION_BITS} fraction bits. */
    public int decayFactor() {
        return decayFactor;
    }

    public int impulseFixed() {
        return impulseFixed;
    }
}
