package org.synfire.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.synfire.io.Checksums;
import org.synfire.io.Json;

/**
 * Run ids: the first 16 hex digits of the SHA-256 of a canonical JSON text of the run's kind and the part of its
 * effective configuration that decides its result (see docs/sweeps.md, "Run ids"). Canonical: keys sorted at
 * every level, no whitespace, integers as integers, other numbers as Java's shortest round-trip decimal, so the
 * same configuration gives the same id on any machine and JVM.
 */
public final class RunIds {
    /** Bumped if what is hashed ever changes, so old and new ids cannot collide. */
    public static final int SCHEME = 1;

    private RunIds() {}

    public static String id(String kind, Map<String, Object> hashed) {
        return Checksums.sha256(canonical(kind, hashed)).substring(0, 16);
    }

    /** The exact text that is hashed. */
    public static String canonical(String kind, Map<String, Object> hashed) {
        Map<String, Object> root = new TreeMap<>();
        root.put("id_scheme", SCHEME);
        root.put("kind", kind);
        root.put("config", sorted(hashed));
        try {
            return Json.COMPACT.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> t = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) t.put((String) e.getKey(), sorted(e.getValue()));
            return t;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(sorted(x));
            return out;
        }
        if (o instanceof Float || o instanceof Double) {
            double d = ((Number) o).doubleValue();
            // 15.0 and 15 are the same setting: hash whole numbers as integers
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
            return d;
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) return ((Number) o).longValue();
        return o;
    }

}
