package org.synfire.chip;

/**
 * NxSDK-level parameters of a CUBA LIF compartment (docs/chip.md#compartment-parameters).
 *
 * @param decayU current decay 0..4096 (4096 forgets everything each step)
 * @param decayV voltage decay 0..4096
 * @param vThMant threshold mantissa 0..131071; the spike condition is v &gt; vThMant·64
 * @param biasMant −4096..4095
 * @param biasExp 0..7; bias = biasMant·2^biasExp, added every step
 * @param refractoryDelay 1..63; a spike at t blocks t+1 … t+R−1
 * @param vMinExp null for the default −(2^23−1), else 0..23
 * @param vMaxExp null for the default 2^23−1, else 0..7
 * @param enableLearning the compartment takes part in learning (its traces are kept)
 * @param enableSpikeBackprop its spikes are visible to incoming plastic synapses as y0
 * @param numDendriticAccumulators delay slots, a power of two 2..64; the largest delay is this − 2
 * @param stackOut what the compartment pushes onto the compartment stack after its update
 *     (docs/chip.md#multi-compartment-neurons)
 * @param stackIn what the compartment pops from the stack before its update
 * @param join how the popped value joins the compartment's input current
 * @param thresholdMode what happens when v crosses the threshold
 */
public record CompartmentPrototype(
        int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
        Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop,
        int numDendriticAccumulators, StackOut stackOut, StackIn stackIn, Join join, ThresholdMode thresholdMode) {

    /** NxSDK's {@code stackOut}: NONE, or PUSH the compartment's output (its v) for the next compartment. */
    public enum StackOut { NONE, PUSH }

    /** NxSDK's {@code stackIn}: NONE, or POP_A, which pops the value the previous compartment pushed as operand A. */
    public enum StackIn { NONE, POP_A }

    /** NxSDK's {@code compartmentJoinOperation}: SKIP (no join), or ADD operand A to the input current. */
    public enum Join { SKIP, ADD }

    /**
     * NxSDK's {@code thresholdBehavior}: SPIKE_AND_RESET (the default: v &gt; threshold spikes, v = 0,
     * refractory), or NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT (never spikes, never resets; its v is what it
     * passes to its parent through the stack).
     */
    public enum ThresholdMode { SPIKE_AND_RESET, NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT }

    /** A single-compartment prototype (no stack, no join, spike and reset). */
    public CompartmentPrototype(int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
                                Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop,
                                int numDendriticAccumulators) {
        this(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning, enableSpikeBackprop,
                numDendriticAccumulators, StackOut.NONE, StackIn.NONE, Join.SKIP, ThresholdMode.SPIKE_AND_RESET);
    }

    public static final int DEFAULT_ACCUMULATORS = 8;

    public CompartmentPrototype {
        check(decayU >= 0 && decayU <= 4096, "decayU", decayU, "0..4096");
        check(decayV >= 0 && decayV <= 4096, "decayV", decayV, "0..4096");
        check(vThMant >= 0 && vThMant <= (1 << 17) - 1, "vThMant", vThMant, "0..131071");
        check(biasMant >= -4096 && biasMant <= 4095, "biasMant", biasMant, "-4096..4095");
        check(biasExp >= 0 && biasExp <= 7, "biasExp", biasExp, "0..7");
        check(refractoryDelay >= 1 && refractoryDelay <= 63, "refractoryDelay", refractoryDelay, "1..63");
        if (vMinExp != null) check(vMinExp >= 0 && vMinExp <= 23, "vMinExp", vMinExp, "0..23");
        if (vMaxExp != null) check(vMaxExp >= 0 && vMaxExp <= 7, "vMaxExp", vMaxExp, "0..7");
        check(numDendriticAccumulators >= 2 && numDendriticAccumulators <= 64 && Integer.bitCount(numDendriticAccumulators) == 1,
                "numDendriticAccumulators", numDendriticAccumulators, "a power of two in 2..64");
        java.util.Objects.requireNonNull(stackOut, "stackOut");
        java.util.Objects.requireNonNull(stackIn, "stackIn");
        java.util.Objects.requireNonNull(join, "join");
        java.util.Objects.requireNonNull(thresholdMode, "thresholdMode");
        if ((join == Join.ADD) != (stackIn == StackIn.POP_A)) {
            throw new IllegalArgumentException("join " + join + " with stackIn " + stackIn + ": a join needs a popped operand (POP_A), and a popped operand needs a join (ADD)");
        }
    }

    /** Whether this compartment takes part in a multi-compartment neuron (stack, join or a threshold mode other than spike-and-reset). */
    public boolean multiCompartment() {
        return stackOut != StackOut.NONE || stackIn != StackIn.NONE || thresholdMode != ThresholdMode.SPIKE_AND_RESET;
    }

    /** This prototype with the given stack, join and threshold settings. */
    public CompartmentPrototype withCompartmentTree(StackOut out, StackIn in, Join j, ThresholdMode mode) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning,
                enableSpikeBackprop, numDendriticAccumulators, out, in, j, mode);
    }

    /** This prototype with {@code n} dendritic accumulators. */
    public CompartmentPrototype withAccumulators(int n) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning,
                enableSpikeBackprop, n, stackOut, stackIn, join, thresholdMode);
    }

    private static void check(boolean ok, String field, int value, String range) {
        if (!ok) throw new IllegalArgumentException(field + " = " + value + " is outside " + range);
    }

    /** A prototype with no learning, default voltage limits and 8 accumulators. */
    public static CompartmentPrototype of(int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, null, null, false, false, DEFAULT_ACCUMULATORS);
    }

    public CompartmentPrototype withLearning(boolean learning) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, learning, learning,
                numDendriticAccumulators, stackOut, stackIn, join, thresholdMode);
    }

    public int bias() {
        return biasMant << biasExp;
    }

    public int threshold() {
        return vThMant << LoihiMath.SCALE_SHIFT;
    }

    public int maxDelay() {
        return numDendriticAccumulators - 2;
    }
}
