package org.synfire.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension of a sweep. The axes of a sweep file are crossed with each other; the options of one
 * {@link Zipped} axis vary together, element by element.
 */
public sealed interface Axis permits Axis.Values, Axis.Zipped {

    /** The option values at each point of this axis, in order. */
    List<Map<String, Object>> points();

    /** Options this axis sets. */
    List<String> options();

    /** One option over a list of values (a range is expanded into its list when read). */
    record Values(String option, List<Object> values) implements Axis {
        public Values {
            values = List.copyOf(values);
        }

        @Override
        public List<Map<String, Object>> points() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object v : values) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put(option, v);
                out.add(p);
            }
            return out;
        }

        @Override
        public List<String> options() {
            return List.of(option);
        }
    }

    /** Several options of equal length, varied together. */
    record Zipped(List<Values> members) implements Axis {
        public Zipped {
            members = List.copyOf(members);
        }

        @Override
        public List<Map<String, Object>> points() {
            List<Map<String, Object>> out = new ArrayList<>();
            int n = members.get(0).values().size();
            for (int i = 0; i < n; i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                for (Values m : members) p.put(m.option(), m.values().get(i));
                out.add(p);
            }
            return out;
        }

        @Override
        public List<String> options() {
            return members.stream().map(Values::option).toList();
        }
    }

    /** Every combination of the axes' points, the first axis varying slowest; one empty point for no axes. */
    static List<Map<String, Object>> cross(List<Axis> axes) {
        List<Map<String, Object>> acc = new ArrayList<>();
        acc.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> prefix : acc) {
                for (Map<String, Object> p : a.points()) {
                    Map<String, Object> m = new LinkedHashMap<>(prefix);
                    m.putAll(p);
                    next.add(m);
                }
            }
            acc = next;
        }
        return acc;
    }
}
