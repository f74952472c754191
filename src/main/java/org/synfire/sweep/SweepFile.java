package org.synfire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synfire.UserError;
import org.synfire.io.Json;

/**
 * A sweep file, read and checked:
 * <pre>
 * name: depth            # optional; default: the file name without .yaml
 * kind: train            # optional; the only kind so far
 * base: {backend: functional, epochs: 15}   # any option of the kind
 * axes:                  # crossed; the first varies slowest
 *   - seed: [43, 44, 45]
 *   - input-threshold: {from: 0.4, to: 0.6, step: 0.1}
 *   - zip: {hidden: [100, 400], epochs: [30, 15]}   # varied together
 * </pre>
 * Every problem is a UserError naming the file and the field.
 */
public record SweepFile(Path file, String name, RunKind kind, Map<String, Object> base, List<Axis> axes) {
    private static final Set<String> TOP = Set.of("name", "kind", "base", "axes", "description");

    public SweepFile {
        base = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(base));
        axes = List.copyOf(axes);
    }

    public static SweepFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    public static SweepFile parse(Path file, String text) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(text);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UserError(file + ": not valid YAML (" + msg + ")");
        }
        if (root == null || !root.isObject()) throw new UserError(file + ": expected a mapping with base: and axes:");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP.contains(k)) throw new UserError(file + ": " + k + ": unknown field (known: name, kind, base, axes, description)");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        String name = root.has("name") ? root.get("name").asText() : stem;
        if (!name.matches("[A-Za-z0-9._-]+")) throw new UserError(file + ": name: may contain letters, digits, '.', '_' and '-' only: " + name);
        RunKind kind = RunKind.named(root.has("kind") ? root.get("kind").asText() : "train", file + ": kind");

        Map<String, Object> base = new LinkedHashMap<>();
        JsonNode b = root.get("base");
        if (b != null && !b.isNull()) {
            if (!b.isObject()) throw new UserError(file + ": base: expected a mapping of options, e.g. {epochs: 15}");
            for (Map.Entry<String, JsonNode> e : b.properties()) {
                String opt = option(kind, e.getKey(), file + ": base." + e.getKey());
                base.put(opt, kind.options().get(opt).read(e.getValue(), file + ": base." + e.getKey()));
            }
        }

        List<Axis> axes = new ArrayList<>();
        JsonNode a = root.get("axes");
        Set<String> seen = new LinkedHashSet<>();
        if (a != null && !a.isNull()) {
            if (!a.isArray()) throw new UserError(file + ": axes: expected a list, e.g. [{seed: [43, 44, 45]}]");
            for (int i = 0; i < a.size(); i++) {
                String where = file + ": axes[" + i + "]";
                JsonNode entry = a.get(i);
                if (!entry.isObject() || entry.size() != 1) {
                    throw new UserError(where + ": expected one option and its values, e.g. {seed: [43, 44]}; to vary several options"
                            + " together, put them under zip:");
                }
                Map.Entry<String, JsonNode> e = entry.properties().iterator().next();
                Axis axis;
                if (e.getKey().equals("zip")) {
                    if (!e.getValue().isObject() || e.getValue().size() < 1) throw new UserError(where + ".zip: expected options and their values");
                    List<Axis.Values> members = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> z : e.getValue().properties()) {
                        members.add(values(kind, z.getKey(), z.getValue(), where + ".zip." + z.getKey()));
                    }
                    int n = members.get(0).values().size();
                    for (Axis.Values m : members) {
                        if (m.values().size() != n) {
                            throw new UserError(where + ".zip: " + members.get(0).option() + " has " + n + " values but " + m.option() + " has "
                                    + m.values().size() + "; zipped options need the same number");
                        }
                    }
                    axis = new Axis.Zipped(members);
                } else {
                    axis = values(kind, e.getKey(), e.getValue(), where + "." + e.getKey());
                }
                for (String opt : axis.options()) {
                    if (!seen.add(opt)) throw new UserError(where + ": " + opt + " is varied by an earlier axis too; give each option one axis");
                }
                axes.add(axis);
            }
        }
        return new SweepFile(file, name, kind, base, axes);
    }

    /** The kind's name of an option as written ({@code input_threshold} and {@code --input-threshold} are accepted). */
    private static String option(RunKind kind, String written, String where) {
        String opt = written.strip().replaceFirst("^--", "").replace('_', '-').toLowerCase(Locale.ROOT);
        String why = kind.refused().get(opt);
        if (why != null) throw new UserError(where + ": not a sweep option (" + why + ")");
        if (!kind.options().containsKey(opt)) {
            throw new UserError(where + ": unknown option of '" + kind.name() + "' (known: " + String.join(", ", kind.options().keySet()) + ")");
        }
        return opt;
    }

    private static Axis.Values values(RunKind kind, String written, JsonNode v, String where) {
        String opt = option(kind, written, where);
        OptionType type = kind.options().get(opt);
        List<Object> values = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) values.add(type.read(v.get(i), where + "[" + i + "]"));
        } else if (v.isObject()) {
            if (!type.numeric()) throw new UserError(where + ": a range needs a numeric option; give a list of values");
            values.addAll(type.range(v, where));
        } else {
            throw new UserError(where + ": expected a list of values or a range {from, to, step}, got " + OptionType.shown(v));
        }
        if (values.isEmpty()) throw new UserError(where + ": empty axis (no values); give at least one value or remove the axis");
        return new Axis.Values(opt, values);
    }

    /** Every run: the base with each point of the crossed axes over it. A UserError names the run that cannot run. */
    public List<RunSpec> expand() {
        List<RunSpec> runs = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        Path baseDir = file.toAbsolutePath().getParent();
        for (Map<String, Object> point : Axis.cross(axes)) {
            Map<String, Object> options = new LinkedHashMap<>(base);
            options.putAll(point);
            RunKind.Configured c;
            String label = RunSpec.label(point);
            try {
                c = kind.configure(options, baseDir);
            } catch (UserError e) {
                throw new UserError(file + ": run " + label + ": " + e.getMessage());
            }
            String id = RunIds.id(kind.name(), kind.hashed(c.settings()));
            String earlier = labels.putIfAbsent(id, label);
            if (earlier != null) {
                throw new UserError(file + ": runs " + earlier + " and " + label + " have the same effective configuration (id " + id
                        + "); an axis lists a value twice or varies an option that makes no difference here");
            }
            runs.add(new RunSpec(id, runs.size(), kind, c, point));
        }
        return runs;
    }
}
