package org.synfire.continual;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synfire.UserError;
import org.synfire.data.Variant;
import org.synfire.continual.TaskSequence.EvalSet;
import org.synfire.continual.TaskSequence.Scenario;
import org.synfire.continual.TaskSequence.Task;
import org.synfire.continual.TaskSequence.TaskOrder;

/**
 * Reads a task-sequence file (YAML or JSON; the format is in docs/continual.md). Every problem is a
 * {@link UserError} that names the file, the line and column, and the field, e.g.
 * {@code split.yaml:9:14: tasks[2].classes: class 3 is already in task 'b' (tasks[1])}.
 */
public final class TaskSequenceFile {
    private TaskSequenceFile() {}

    /** The sequences shipped with Synfire (resources next to this class, and copies in the repository's tasks/ folder). */
    public static final List<String> SHIPPED = List.of("split-mnist", "permuted-mnist", "split-fashion-mnist");

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "dataset", "variant", "scenario", "task_order", "defaults", "tasks");
    private static final Set<String> TASK_KEYS = Set.of("name", "classes", "permutation", "train_samples", "epochs", "eval");
    private static final Set<String> DEFAULT_KEYS = Set.of("train_samples", "epochs", "eval");
    private static final int CLASSES = 10;

    /** The file, or a shipped sequence by name when no such file exists. */
    public static Loaded read(String pathOrName) {
        if (pathOrName.startsWith("resource:")) {
            String name = pathOrName.substring("resource:".length());
            if (!SHIPPED.contains(name)) throw new UserError(pathOrName + ": no such shipped sequence (" + String.join(", ", SHIPPED) + ")");
            pathOrName = name;
        }
        Path p = Path.of(pathOrName);
        if (!Files.exists(p) && SHIPPED.contains(pathOrName)) return new Loaded(shippedOrigin(pathOrName), parse(pathOrName + ".yaml", shipped(pathOrName)));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UserError(pathOrName + ": no such file (shipped sequences: " + String.join(", ", SHIPPED) + ")");
        } catch (IOException e) {
            throw new UserError(pathOrName + ": cannot read it (" + e.getMessage() + ")");
        }
        return new Loaded(p.toAbsolutePath().toString(), parse(p.toString(), bytes));
    }

    /** A sequence and where it was read from (an absolute path, or {@code resource:NAME}). */
    public record Loaded(String origin, TaskSequence sequence, byte[] bytes) {
        Loaded(String origin, Parsed p) {
            this(origin, p.sequence, p.bytes);
        }
    }

    record Parsed(TaskSequence sequence, byte[] bytes) {}

    static String shippedOrigin(String name) {
        return "resource:" + name;
    }

    /** The bytes of a shipped sequence file. */
    static byte[] shipped(String name) {
        try (InputStream in = TaskSequenceFile.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) throw new IllegalStateException("shipped sequence " + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a file's bytes; {@code file} names it in messages. */
    static Parsed parse(String file, byte[] bytes) {
        Node root = Node.parse(file, bytes);
        return new Parsed(new Reader(file).sequence(root), bytes);
    }

    /** A parsed YAML node that remembers where it was. */
    record Node(Object value, int line, int column) {
        @SuppressWarnings("unchecked")
        Map<String, Node> map() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> list() {
            return (List<Node>) value;
        }

        String describe() {
            if (value == null) return "nothing";
            if (value instanceof Map) return "a mapping";
            if (value instanceof List) return "a list";
            if (value instanceof String s) return "the text '" + s + "'";
            return String.valueOf(value);
        }

        static Node parse(String file, byte[] bytes) {
            try (JsonParser p = new YAMLFactory().createParser(bytes)) {
                JsonToken t = p.nextToken();
                if (t == null) throw new UserError(file + ": the file is empty");
                Node n = read(file, p, t);
                if (p.nextToken() != null) throw new UserError(file + ": only one document is allowed per file");
                return n;
            } catch (JacksonException e) {
                JsonLocation l = e.getLocation();
                String at = l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr();
                throw new UserError(file + at + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw new UserError(file + ": cannot read it (" + e.getMessage() + ")");
            }
        }

        private static Node read(String file, JsonParser p, JsonToken t) throws IOException {
            JsonLocation l = p.currentTokenLocation();
            int line = l.getLineNr(), col = l.getColumnNr();
            return switch (t) {
                case START_OBJECT -> {
                    Map<String, Node> m = new LinkedHashMap<>();
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonLocation kl = p.currentTokenLocation();
                        Node v = read(file, p, p.nextToken());
                        if (m.containsKey(key)) throw new UserError(file + ":" + kl.getLineNr() + ":" + kl.getColumnNr() + ": duplicate key '" + key + "'");
                        m.put(key, v);
                    }
                    yield new Node(m, line, col);
                }
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(file, p, t));
                    yield new Node(items, line, col);
                }
                case VALUE_NUMBER_INT -> new Node(p.getBigIntegerValue(), line, col);
                case VALUE_NUMBER_FLOAT -> new Node(p.getDoubleValue(), line, col);
                case VALUE_TRUE, VALUE_FALSE -> new Node(t == JsonToken.VALUE_TRUE, line, col);
                case VALUE_NULL -> new Node(null, line, col);
                default -> new Node(p.getText(), line, col);
            };
        }
    }

    /** The schema, with messages naming file, position and field. */
    private record Reader(String file) {
        UserError error(Node at, String field, String what) {
            return new UserError(file + ":" + at.line() + ":" + at.column() + ": " + field + ": " + what);
        }

        Map<String, Node> mapping(Node n, String field, Set<String> allowed) {
            if (!(n.value() instanceof Map)) throw error(n, field, "must be a mapping, not " + n.describe());
            for (var e : n.map().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(e.getValue(), field.isEmpty() ? e.getKey() : field + "." + e.getKey(),
                            "unknown key '" + e.getKey() + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
            return n.map();
        }

        Node required(Map<String, Node> m, Node parent, String key, String field) {
            Node n = m.get(key);
            if (n == null) throw error(parent, field, "missing required key '" + key + "'");
            return n;
        }

        String text(Node n, String field) {
            if (!(n.value() instanceof String s) || s.isBlank()) throw error(n, field, "must be text, not " + n.describe());
            return s.strip();
        }

        String choice(Node n, String field, List<String> options) {
            String s = text(n, field).toLowerCase(Locale.ROOT);
            if (!options.contains(s)) throw error(n, field, "'" + s + "' is not one of " + String.join(", ", options));
            return s;
        }

        long integer(Node n, String field, long min, long max) {
            if (!(n.value() instanceof java.math.BigInteger b)) throw error(n, field, "must be a whole number, not " + n.describe());
            if (b.compareTo(java.math.BigInteger.valueOf(min)) < 0 || b.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw error(n, field, b + " is out of range " + min + ".." + max);
            }
            return b.longValue();
        }

        /** {@code all} (null) or a positive count. */
        Integer countOrAll(Node n, String field) {
            if (n.value() instanceof String s && s.strip().equalsIgnoreCase("all")) return null;
            if (!(n.value() instanceof java.math.BigInteger)) throw error(n, field, "must be 'all' or a positive whole number, not " + n.describe());
            return (int) integer(n, field, 1, Integer.MAX_VALUE);
        }

        TaskSequence sequence(Node root) {
            Map<String, Node> top = mapping(root, "", TOP_KEYS);
            String name = text(required(top, root, "name", "name"), "name");
            if (!name.matches("[A-Za-z0-9._-]+")) throw error(top.get("name"), "name", "may contain letters, digits, '.', '_' and '-' only");
            String description = top.containsKey("description") ? text(top.get("description"), "description") : "";
            String dataset = choice(required(top, root, "dataset", "dataset"), "dataset", List.of("mnist", "fashion-mnist"));
            String variant = dataset.equals("mnist") ? Variant.MNIST20.cliName() : Variant.FMNIST28.cliName();
            if (top.containsKey("variant")) {
                Node vn = top.get("variant");
                Variant v;
                try {
                    v = Variant.parse(text(vn, "variant"));
                } catch (UserError e) {
                    throw error(vn, "variant", e.getMessage());
                }
                if (!v.dataset.equals(dataset)) throw error(vn, "variant", v.cliName() + " is a " + v.dataset + " variant, but dataset is " + dataset);
                variant = v.cliName();
            }
            Scenario scenario = Scenario.valueOf(choice(required(top, root, "scenario", "scenario"), "scenario",
                    List.of("class-incremental", "domain-incremental")).toUpperCase(Locale.ROOT).replace('-', '_'));
            TaskOrder order = top.containsKey("task_order")
                    ? TaskOrder.valueOf(choice(top.get("task_order"), "task_order", List.of("as_listed", "shuffled")).toUpperCase(Locale.ROOT))
                    : TaskOrder.AS_LISTED;

            Integer defSamples = null;
            int defEpochs = 1;
            EvalSet defEval = EvalSet.TEST_ALL;
            if (top.containsKey("defaults")) {
                Map<String, Node> d = mapping(top.get("defaults"), "defaults", DEFAULT_KEYS);
                if (d.containsKey("train_samples")) defSamples = countOrAll(d.get("train_samples"), "defaults.train_samples");
                if (d.containsKey("epochs")) defEpochs = (int) integer(d.get("epochs"), "defaults.epochs", 1, 10_000);
                if (d.containsKey("eval")) defEval = eval(d.get("eval"), "defaults.eval");
            }

            Node tasksNode = required(top, root, "tasks", "tasks");
            if (!(tasksNode.value() instanceof List) || tasksNode.list().isEmpty()) throw error(tasksNode, "tasks", "must be a non-empty list of tasks");
            List<Task> tasks = new ArrayList<>();
            Map<Integer, Integer> classOwner = new LinkedHashMap<>();
            Map<String, Integer> names = new LinkedHashMap<>();
            for (int i = 0; i < tasksNode.list().size(); i++) {
                Node tn = tasksNode.list().get(i);
                String f = "tasks[" + i + "]";
                Map<String, Node> t = mapping(tn, f, TASK_KEYS);
                String tname = text(required(t, tn, "name", f), f + ".name");
                if (tname.length() > 40 || !tname.matches("[A-Za-z0-9._+-]+")) {
                    throw error(t.get("name"), f + ".name", "may contain letters, digits, '.', '_', '+' and '-' only, at most 40 of them");
                }
                if (names.containsKey(tname)) throw error(t.get("name"), f + ".name", "'" + tname + "' is already the name of tasks[" + names.get(tname) + "]");
                names.put(tname, i);
                List<Integer> classes = classes(t, tn, f, scenario);
                if (scenario == Scenario.CLASS_INCREMENTAL) {
                    for (int c : classes) {
                        Integer owner = classOwner.putIfAbsent(c, i);
                        if (owner != null) {
                            throw error(t.get("classes"), f + ".classes", "class " + c + " is already in task '" + tasks.get(owner).name() + "' (tasks[" + owner
                                    + "]); class-incremental tasks must have disjoint classes");
                        }
                    }
                } else if (!tasks.isEmpty() && !classes.equals(tasks.getFirst().classes())) {
                    throw error(t.containsKey("classes") ? t.get("classes") : tn, f + ".classes", "domain-incremental tasks share their classes; tasks[0] has "
                            + tasks.getFirst().classes() + ", this one " + classes);
                }
                Long perm = t.containsKey("permutation") ? permutation(t.get("permutation"), f + ".permutation") : null;
                Integer samples = t.containsKey("train_samples") ? countOrAll(t.get("train_samples"), f + ".train_samples") : defSamples;
                int epochs = t.containsKey("epochs") ? (int) integer(t.get("epochs"), f + ".epochs", 1, 10_000) : defEpochs;
                EvalSet ev = t.containsKey("eval") ? eval(t.get("eval"), f + ".eval") : defEval;
                tasks.add(new Task(tname, classes, perm, samples, epochs, ev));
            }
            return new TaskSequence(name, description, variant, scenario, order, tasks);
        }

        private List<Integer> classes(Map<String, Node> t, Node tn, String f, Scenario scenario) {
            Node cn = t.get("classes");
            if (cn == null) {
                if (scenario == Scenario.CLASS_INCREMENTAL) throw error(tn, f, "missing required key 'classes' (a class-incremental task names its classes)");
                List<Integer> all = new ArrayList<>();
                for (int c = 0; c < CLASSES; c++) all.add(c);
                return all;
            }
            if (!(cn.value() instanceof List) || cn.list().isEmpty()) throw error(cn, f + ".classes", "must be a non-empty list of classes 0.." + (CLASSES - 1));
            TreeSet<Integer> set = new TreeSet<>();
            for (Node c : cn.list()) {
                int k = (int) integer(c, f + ".classes", 0, CLASSES - 1);
                if (!set.add(k)) throw error(c, f + ".classes", "class " + k + " is listed twice");
            }
            return List.copyOf(set);
        }

        private Long permutation(Node n, String field) {
            if (n.value() instanceof String s && s.strip().equalsIgnoreCase("identity")) return null;
            if (!(n.value() instanceof Map)) throw error(n, field, "must be 'identity' or {seed: S}, not " + n.describe());
            Map<String, Node> m = mapping(n, field, Set.of("seed"));
            return integer(required(m, n, "seed", field), field + ".seed", Long.MIN_VALUE, Long.MAX_VALUE);
        }

        private EvalSet eval(Node n, String field) {
            if (n.value() instanceof String) {
                choice(n, field, List.of("test"));
                return EvalSet.TEST_ALL;
            }
            Map<String, Node> m = mapping(n, field, Set.of("split", "samples"));
            String split = choice(required(m, n, "split", field), field + ".split", List.of("test", "holdout"));
            Integer samples = m.containsKey("samples") ? countOrAll(m.get("samples"), field + ".samples") : null;
            if (split.equals("holdout") && samples == null) {
                throw error(m.containsKey("samples") ? m.get("samples") : n, field + ".samples", "a holdout takes a number of samples (the last N of the task's training pool)");
            }
            return new EvalSet(split.equals("test") ? EvalSet.Split.TEST : EvalSet.Split.HOLDOUT, samples);
        }
    }
}
