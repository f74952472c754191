package org.synfire.net;

import org.synfire.chip.learning.SignMode;

/** How a projection's settings follow from its connection type and its own overrides (shared by validation and compilation). */
final class Resolve {
    private Resolve() {}

    static WeightSpec weight(ConnectionType t, Projection p) {
        return p.weight() != null ? p.weight() : t.weight();
    }

    /** Key path of the weight source that applies: the projection's override or the type's. */
    static String weightPath(NetworkDescription d, ConnectionType t, Projection p) {
        WeightSpec w = weight(t, p);
        String base = p.weight() != null ? d.projectionPath(p) : "connection_types." + t.name();
        return base + "." + key(w);
    }

    static String key(WeightSpec w) {
        return switch (w) {
            case WeightSpec.Scalar s -> "weight";
            case WeightSpec.Mantissa m -> "mantissa";
            case WeightSpec.Matrix m -> "matrix";
            case WeightSpec.Synapses s -> "synapses";
            case null -> "weight";
        };
    }

    static int delay(ConnectionType t, Projection p) {
        return p.delay() != null ? p.delay() : t.delay();
    }

    /**
     * The exponent given by the projection or its type, else null (then: 0 for a plastic connection,
     * because the rule's Δw is counted in mantissa steps; automatic for a static one).
     */
    static Integer givenExponent(ConnectionType t, Projection p) {
        return p.exponent() != null ? p.exponent() : t.exponent();
    }

    /**
     * The sign mode: as given, else mixed for a plastic connection (learning may cross zero), else
     * chosen from the weights as the authors' create_conn_prototype does (all &gt; 0 excitatory, all &lt; 0
     * inhibitory, otherwise mixed).
     */
    static SignMode signMode(ConnectionType t, int[] weightsOrNull) {
        if (t.signMode() != null) return t.signMode();
        if (t.plastic()) return SignMode.MIXED;
        if (weightsOrNull == null) return null;
        return WeightSplit.defaultSignMode(weightsOrNull);
    }

    /** Whether the connectivity accepts this kind of weight source; null if it does, else the reason. */
    static String mismatch(ConnectivityKind kind, WeightSpec w) {
        return switch (kind) {
            case DENSE -> w instanceof WeightSpec.Matrix ? null
                    : "dense connectivity needs a 'matrix' of shape (pre, post); for one weight on every pair use all_to_all";
            case ONE_TO_ONE, ALL_TO_ALL -> w.isScalar() ? null
                    : kind.key + " connectivity takes one 'weight' (or 'mantissa' and 'exponent'); use dense for a matrix or sparse for a synapse list";
            case SPARSE -> w instanceof WeightSpec.Synapses ? null
                    : "sparse connectivity needs 'synapses': a list of [pre, post, weight] or {file: ...}";
        };
    }

    static String signName(SignMode m) {
        return m.name().toLowerCase(java.util.Locale.ROOT);
    }
}
