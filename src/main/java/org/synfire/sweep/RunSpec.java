package org.synfire.sweep;

import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param id the run id (see {@link RunIds})
 * @param index position in the sweep's expansion, from 0
 * @param kind what the run is
 * @param run its effective configuration
 * @param varied the options the axes set for this run, in axis order
 */
public record RunSpec(String id, int index, RunKind kind, RunKind.Configured run, Map<String, Object> varied) {
    public RunSpec {
        varied = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(varied));
    }

    /** "seed=43 hidden=100", or "(base)" for a sweep without axes. */
    public String label() {
        return label(varied);
    }

    /** The label without the replicate options (the seed): runs with the same group differ only by seed. */
    public String group() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(varied);
        for (String r : kind.replicateOptions()) m.remove(r);
        return label(m);
    }

    static String label(Map<String, Object> m) {
        if (m.isEmpty()) return "(base)";
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(text(v)));
        return b.toString();
    }

    static String text(Object v) {
        if (v instanceof java.util.List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object x : l) b.append(b.isEmpty() ? "" : ",").append(x);
            return b.toString();
        }
        return String.valueOf(v);
    }
}
