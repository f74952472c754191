package org.synfire.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.synfire.UserError;

/** Collects every problem in a description so the user sees them all at once, one line each. */
final class Problems {
    /** {@code line} null: a follow-on of a problem already reported, counted (the element is unusable) but not shown. */
    record Problem(String path, SourceMap.Pos pos, String line) {}

    private final List<Problem> list = new ArrayList<>();
    private SourceMap map;

    Problems(SourceMap map) {
        this.map = map;
    }

    void setMap(SourceMap map) {
        this.map = map;
    }

    void add(String path, String message) {
        list.add(new Problem(path, path == null ? null : map.locate(path), map.format(path, message)));
    }

    /**
     * Marks {@code path} as unusable because of a problem reported elsewhere (a parameter it uses is in a cycle): its
     * element is skipped, and nothing that refers to it is reported again, but no second message is shown.
     */
    void addFollowOn(String path) {
        list.add(new Problem(path, null, null));
    }

    /** A problem at an explicit position (keys and syntax errors, before the path has a position of its own). */
    void addAt(String path, SourceMap.Pos pos, String message) {
        StringBuilder b = new StringBuilder(map.origin());
        if (pos != null) b.append(':').append(pos.line()).append(':').append(pos.column());
        b.append(": ");
        if (path != null && !path.isEmpty()) b.append(path).append(": ");
        list.add(new Problem(path, pos, b.append(message).toString()));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** True if some problem was reported at {@code path} or below it (its value is then unreliable). */
    boolean hasUnder(String path) {
        for (Problem p : list) {
            if (p.path == null) continue;
            if (p.path.equals(path) || p.path.startsWith(path + ".") || p.path.startsWith(path + "[")) return true;
        }
        return false;
    }

    List<String> lines() {
        List<Problem> sorted = new ArrayList<>(list);
        // stable: problems without a position keep their order after those with one
        sorted.sort(Comparator.comparingInt((Problem p) -> p.pos == null ? Integer.MAX_VALUE : p.pos.line())
                .thenComparingInt(p -> p.pos == null ? 0 : p.pos.column()));
        List<String> out = new ArrayList<>();
        for (Problem p : sorted) if (p.line != null && !out.contains(p.line)) out.add(p.line);
        return out;
    }

    void throwIfAny() {
        if (list.isEmpty()) return;
        List<String> lines = lines();
        StringBuilder b = new StringBuilder(map.origin()).append(" has ").append(lines.size())
                .append(lines.size() == 1 ? " problem:" : " problems:");
        for (String l : lines) b.append("\n  ").append(l);
        throw new UserError(b.toString());
    }
}
