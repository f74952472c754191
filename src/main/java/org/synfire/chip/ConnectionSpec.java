package org.synfire.chip;

import org.synfire.chip.learning.SignMode;

/**
 * A connection group as the chip sees it.
 *
 * @param source handle of a compartment group or spike generator
 * @param target handle of a compartment group
 * @param weightExponent −8..7; each synapse adds ⌊w·2^exp⌋·64 to the current
 * @param delay 0..numDendriticAccumulators−2 of the target; a spike at t arrives at t+1+delay
 * @param learningRule handle from {@link ChipBuilder#addLearningRule}, or −1 for a static connection
 */
public record ConnectionSpec(String name, int source, int target, Connectivity connectivity, SignMode signMode,
                             int numWeightBits, int weightExponent, int delay, int learningRule) {
    public ConnectionSpec {
        if (weightExponent < -8 || weightExponent > 7) throw new IllegalArgumentException(name + ": weight exponent " + weightExponent + " is outside -8..7");
        if (numWeightBits < 1 || numWeightBits > 8) throw new IllegalArgumentException(name + ": numWeightBits " + numWeightBits + " is outside 1..8");
        if (delay < 0) throw new IllegalArgumentException(name + ": negative delay " + delay);
    }

    /** A static connection with 8 weight bits. */
    public static ConnectionSpec of(String name, int source, int target, Connectivity c, SignMode mode, int exponent, int delay) {
        return new ConnectionSpec(name, source, target, c, mode, 8, exponent, delay, -1);
    }
}
