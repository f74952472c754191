package org.synfire.net;

import java.util.Collections;
import java.util.Map;

/**
 * Where each part of a network description was written: key path → line and column, so errors found
 * after loading (for example while compiling) still point into the file. Paths look like
 * {@code connection_types.1e_d3.delay} or {@code projections[4].to}.
 */
public final class SourceMap {
    /** A 1-based line and column. */
    public record Pos(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private final String origin;
    private final Map<String, Pos> positions;
    private final java.util.List<String> projectionPaths;

    /** Keeps views of the maps, not copies: the loader still adds positions while it reports problems. */
    SourceMap(String origin, Map<String, Pos> positions, java.util.List<String> projectionPaths) {
        this.origin = origin;
        this.positions = Collections.unmodifiableMap(positions);
        this.projectionPaths = Collections.unmodifiableList(projectionPaths);
    }

    /** A description made in Java has no file; errors name the network instead. */
    public static SourceMap none(String origin) {
        return new SourceMap(origin, Map.of(), java.util.List.of());
    }

    /** The file (or resource, or "network 'x' built in Java") the description came from. */
    public String origin() {
        return origin;
    }

    /** Position of a key path, or of its nearest enclosing path that has one; null if none. */
    public Pos locate(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Pos pos = positions.get(p);
            if (pos != null) return pos;
            p = parent(p);
        }
        return null;
    }

    /** Key path of the projections entry that produced projection {@code index} (a compact entry produces several). */
    public String projectionPath(int index) {
        return index >= 0 && index < projectionPaths.size() ? projectionPaths.get(index) : "projections[" + index + "]";
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int br = path.lastIndexOf('[');
        int cut = Math.max(dot, br);
        return cut <= 0 ? null : path.substring(0, cut);
    }

    /** One problem line: {@code origin:line:col: path: message}. */
    public String format(String path, String message) {
        Pos pos = path == null ? null : locate(path);
        StringBuilder b = new StringBuilder(origin);
        if (pos != null) b.append(':').append(pos.line).append(':').append(pos.column);
        b.append(": ");
        if (path != null && !path.isEmpty()) b.append(path).append(": ");
        return b.append(message).toString();
    }
}
