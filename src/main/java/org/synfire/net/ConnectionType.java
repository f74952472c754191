package org.synfire.net;

import org.synfire.chip.learning.SignMode;

/**
 * A reusable synapse description (the authors' "connection types" such as {@code 1e}, {@code g}, {@code p}).
 *
 * @param weight null if every projection of this type gives its own (for example a plastic type whose
 *     matrix differs per projection)
 * @param signMode null: chosen when compiling (mixed for plastic connections, else by the weights' signs)
 * @param exponent null: chosen when compiling (0 for plastic and matrix/sparse connections, else the
 *     smallest exact one, see {@link WeightSplit#autoExponent})
 * @param learningRule name of a learning rule, or null for a static connection
 */
public record ConnectionType(String name, ConnectivityKind connectivity, WeightSpec weight, SignMode signMode, int numWeightBits,
                             Integer exponent, int delay, String learningRule) {
    public ConnectionType {
        Names.require(name, "connection type");
        if (connectivity == null) throw new IllegalArgumentException(name + ": connectivity is required");
        if (numWeightBits < 1 || numWeightBits > 8) throw new IllegalArgumentException(name + ": num_weight_bits " + numWeightBits + " is outside 1..8");
        if (exponent != null && (exponent < WeightSplit.MIN_EXPONENT || exponent > WeightSplit.MAX_EXPONENT)) {
            throw new IllegalArgumentException(name + ": exponent " + exponent + " is outside -8..7");
        }
        if (delay < 0 || delay > 62) throw new IllegalArgumentException(name + ": delay " + delay + " is outside 0..62");
        if (weight instanceof WeightSpec.Mantissa && exponent == null) throw new IllegalArgumentException(name + ": a mantissa needs an exponent");
    }

    public boolean plastic() {
        return learningRule != null;
    }
}
