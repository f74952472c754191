package org.synfire.net;

import java.util.List;

/**
 * One connection between two populations, made from a connection type. The nullable fields override
 * the type for this projection only.
 *
 * @param name unique; the format's default is {@code from->to:type}
 * @param from a population or spike generator
 * @param to a population
 * @param weight replaces the type's weight source (e.g. each plastic projection's own matrix), or null
 * @param exponent replaces the type's exponent, or null
 * @param delay replaces the type's delay, or null
 * @param portMap for a one_to_one projection from a spike generator: port k drives neuron portMap[k] (instead of
 *     neuron k), or null
 */
public record Projection(String name, String from, String to, String type, WeightSpec weight, Integer exponent, Integer delay,
                         List<Integer> portMap) {
    public Projection(String name, String from, String to, String type, WeightSpec weight, Integer exponent, Integer delay) {
        this(name, from, to, type, weight, exponent, delay, null);
    }

    public Projection {
        portMap = portMap == null ? null : List.copyOf(portMap);
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a projection needs a name");
        if (from == null || to == null || type == null) throw new IllegalArgumentException(name + ": from, to and type are required");
        if (delay != null && (delay < 0 || delay > 62)) throw new IllegalArgumentException(name + ": delay " + delay + " is outside 0..62");
        if (exponent != null && (exponent < WeightSplit.MIN_EXPONENT || exponent > WeightSplit.MAX_EXPONENT)) {
            throw new IllegalArgumentException(name + ": exponent " + exponent + " is outside -8..7");
        }
    }

    public static String defaultName(String from, String to, String type) {
        return from + "->" + to + ":" + type;
    }
}
