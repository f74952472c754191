package org.synfire.net;

/** How a projection links its source and target populations. */
public enum ConnectivityKind {
    /** every pre to every post, one weight each, from a (pre × post) matrix */
    DENSE("dense"),
    /** pre i to post i (sizes must be equal), one shared weight */
    ONE_TO_ONE("one_to_one"),
    /** every pre to every post with one shared weight: the authors' 1:a gate fan-out */
    ALL_TO_ALL("all_to_all"),
    /** an explicit list of (pre, post, weight) synapses */
    SPARSE("sparse");

    public final String key;

    ConnectivityKind(String key) {
        this.key = key;
    }

    public static ConnectivityKind of(String key) {
        for (ConnectivityKind k : values()) if (k.key.equals(key)) return k;
        return null;
    }
}
