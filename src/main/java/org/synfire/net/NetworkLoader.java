package org.synfire.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synfire.UserError;
import org.synfire.chip.CompartmentField;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.learning.SignMode;
import org.synfire.net.Tree.Entry;
import org.synfire.net.Tree.Kind;
import org.synfire.net.Tree.ListNode;
import org.synfire.net.Tree.MapNode;
import org.synfire.net.Tree.Node;
import org.synfire.net.Tree.Scalar;

/**
 * Reads a network file (YAML, or JSON when the name ends in {@code .json}; one schema, documented in
 * docs/network-format.md) into a {@link NetworkDescription}. Every problem in the file is collected
 * and reported in one {@link UserError}, one line per problem, each naming the file, line, column and
 * key path. Nothing else escapes: a malformed file never surfaces as another exception.
 */
public final class NetworkLoader {
    private NetworkLoader() {}

    /** Loads a file; {@code paramOverrides} replace parameter defaults (unknown names are errors). */
    public static NetworkDescription load(Path file, Map<String, Integer> paramOverrides) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such network file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, isJson(file.toString()), paramOverrides, DataFiles.relativeTo(dir));
    }

    /** Loads a network shipped on the class path, e.g. {@code "networks/nbp-train.yaml"}; its data files are resources beside it. */
    public static NetworkDescription loadResource(String classpathResource, Map<String, Integer> paramOverrides) {
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        ClassLoader loader = NetworkLoader.class.getClassLoader();
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) throw new UserError("resource " + name + ": no such network resource on the class path");
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UserError("resource " + name + ": cannot read (" + e.getMessage() + ")");
        }
        int slash = name.lastIndexOf('/');
        return parse("resource " + name, bytes, isJson(name), paramOverrides, DataFiles.resources(loader, slash < 0 ? "" : name.substring(0, slash)));
    }

    /** Parses a description from memory; {@code origin} names it in messages, {@code files} resolves data files it refers to. */
    public static NetworkDescription parse(String origin, byte[] bytes, boolean json, Map<String, Integer> paramOverrides, DataFiles files) {
        return reader(origin, files, paramOverrides).read(bytes, json);
    }

    private static Reader reader(String origin, DataFiles files, Map<String, Integer> paramOverrides) {
        return new Reader(origin, files, paramOverrides == null ? Map.of() : paramOverrides);
    }

    /** A description, and one top-level section that the format leaves to its reader (null if the file has none). */
    public record WithSection(NetworkDescription description, com.fasterxml.jackson.databind.JsonNode section) {}

    /**
     * {@link #parse}, also handing back the top-level {@code section} (for example a driver's {@code protocol}) as a
     * Jackson tree, so that its reader need not parse the text a second time.
     */
    public static WithSection parse(String origin, byte[] bytes, boolean json, Map<String, Integer> paramOverrides, DataFiles files,
            String section) {
        Reader r = reader(origin, files, paramOverrides);
        NetworkDescription d = r.read(bytes, json);
        Entry e = r.root instanceof MapNode m ? m.entries().get(section) : null;
        return new WithSection(d, e == null ? null : Tree.toJson(e.value()));
    }

    static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    // ---- keys of the format (also the list that "did you mean" draws from) ----

    static final List<String> TOP_KEYS = List.of("name", "description", "parameters", "neuron_types", "connection_types",
            "learning_rules", "populations", "spike_generators", "projections", "protocol");
    static final List<String> NEURON_KEYS = NeuronModel.KEYS;
    static final List<String> WEIGHT_KEYS = List.of("weight", "mantissa", "matrix", "synapses");
    static final List<String> CONNECTION_KEYS = List.of("connectivity", "weight", "mantissa", "matrix", "synapses", "exponent",
            "sign_mode", "num_weight_bits", "delay", "learning_rule");
    static final List<String> MATRIX_KEYS = List.of("file", "name", "values", "transpose", "negate", "saturate", "mantissas");
    static final List<String> SYNAPSE_KEYS = List.of("file", "values", "mantissas");
    static final List<String> RULE_KEYS = List.of("dw", "t_epoch", "x1", "x2", "y1", "y2", "y3", "r1", "reinforcement");
    /** RULE_KEYS plus the targets that get their own "not supported yet" message. */
    static final List<String> RULE_KEYS_WITH_UNSUPPORTED = List.of("dw", "dd", "dt", "t_epoch", "x1", "x2", "y1", "y2", "y3", "r1", "reinforcement");
    static final List<String> TRACE_KEYS = List.of("impulse", "time_constant");
    static final List<String> REINFORCEMENT_KEYS = List.of("source", "index");
    static final List<String> POPULATION_KEYS = List.of("size", "type");
    static final List<String> GENERATOR_KEYS = List.of("ports", "spikes");
    static final List<String> PROJECTION_KEYS = List.of("from", "to", "type", "name", "delay", "exponent", "weight", "mantissa", "matrix", "synapses",
            "port_map");
    static final List<String> FILE_KEYS = List.of("file");
    static final List<String> SPIKE_RANGE_KEYS = List.of("port", "from", "to", "every");
    /** Spikes a file may list or expand to: beyond that, a program should stream them (chip.schedule). */
    static final long MAX_LISTED_SPIKES = 10_000_000;

    /** One load: the problems found so far and the positions of everything read. */
    private static final class Reader {
        private final String origin;
        private final DataFiles files;
        private final Map<String, Integer> overrides;
        private final Map<String, SourceMap.Pos> positions = new HashMap<>();
        private final List<String> projectionPaths = new ArrayList<>();
        private final Problems problems;
        private final Map<String, Integer> params = new LinkedHashMap<>();
        /** Parameters without a value because of a problem already reported; a field that uses one is skipped silently. */
        private final Set<String> failedParameters = new HashSet<>();

        Reader(String origin, DataFiles files, Map<String, Integer> overrides) {
            this.origin = origin;
            this.files = files;
            this.overrides = overrides;
            this.problems = new Problems(SourceMap.none(origin));
        }

        /** The document as parsed, once {@link #read} has parsed it. */
        Node root;

        NetworkDescription read(byte[] bytes, boolean json) {
            try {
                root = Tree.parse(bytes, json, problems);
            } catch (Tree.SyntaxError e) {
                problems.addAt(null, e.pos, (json ? "JSON" : "YAML") + " syntax: " + e.getMessage());
                problems.throwIfAny();
                throw new IllegalStateException("unreachable");
            }
            SourceMap map = new SourceMap(origin, positions, projectionPaths);
            problems.setMap(map);
            MapNode top = map(root, "");
            if (top == null) {
                problems.throwIfAny();
            }
            checkKeys(top, "", TOP_KEYS);
            String name = string(top, "", "name", true);
            String description = string(top, "", "description", false);
            readParameters(top);
            Map<String, NeuronType> neuronTypes = readNeuronTypes(top);
            Map<String, LearningRuleDef> rules = readLearningRules(top);
            Map<String, ConnectionType> connectionTypes = readConnectionTypes(top);
            Map<String, Population> populations = readPopulations(top);
            Map<String, SpikeGeneratorDef> generators = readGenerators(top);
            List<Projection> projections = readProjections(top);
            NetworkDescription d = new NetworkDescription(name == null ? "unnamed" : name, description, params, neuronTypes,
                    connectionTypes, rules, populations, generators, projections, map);
            NetworkValidator.validate(d, problems);
            problems.throwIfAny();
            return d;
        }

        // ---- parameters ----

        private void readParameters(MapNode top) {
            MapNode m = section(top, "parameters");
            Map<String, Expr> defaults = new LinkedHashMap<>();
            Map<String, String> paths = new HashMap<>();
            if (m != null) {
                for (Entry e : m.entries().values()) {
                    String path = "parameters." + e.key();
                    positions.put(path, e.keyPos());
                    String bad = Names.checkParameter(e.key());
                    if (bad != null) {
                        problems.addAt(path, e.keyPos(), bad);
                        continue;
                    }
                    paths.put(e.key(), path);
                    Expr x = expression(e.value(), path);
                    defaults.put(e.key(), x);
                }
            }
            for (Map.Entry<String, Integer> o : overrides.entrySet()) {
                if (!defaults.containsKey(o.getKey()) && !paths.containsKey(o.getKey())) {
                    problems.add(null, "--param " + o.getKey() + "=" + o.getValue() + ": the network has no parameter '" + o.getKey() + "'"
                            + Names.suggest(o.getKey(), defaults.keySet())
                            + (defaults.isEmpty() ? " (it declares none)" : " (it has " + String.join(", ", defaults.keySet()) + ")"));
                }
            }
            // defaults may refer to other parameters; evaluate on demand and report each cycle once
            List<String> evaluating = new ArrayList<>();
            for (String p : defaults.keySet()) evaluateParameter(p, defaults, paths, evaluating);
            // evaluation order follows dependencies; report in declaration order
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (String p : defaults.keySet()) if (params.containsKey(p)) ordered.put(p, params.get(p));
            params.clear();
            params.putAll(ordered);
        }

        /**
         * The value of parameter {@code p}, or null if it has none: its expression is wrong, it is on a cycle (reported
         * once, at the cycle's first parameter in the file), or it uses such a parameter (not reported again: see
         * {@link #failedParameters}).
         */
        private Integer evaluateParameter(String p, Map<String, Expr> defaults, Map<String, String> paths, List<String> evaluating) {
            if (params.containsKey(p)) return params.get(p);
            if (failedParameters.contains(p)) return null;
            if (overrides.containsKey(p)) {
                params.put(p, overrides.get(p));
                return overrides.get(p);
            }
            Expr x = defaults.get(p);
            if (x == null) return null;
            int at = evaluating.indexOf(p);
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(evaluating.subList(at, evaluating.size()));
                String first = null;
                for (String d : defaults.keySet()) if (cycle.contains(d) && first == null) first = d;
                // the cycle as the file declares it, starting at its first parameter: a → b → a
                int k = cycle.indexOf(first);
                List<String> path = new ArrayList<>(cycle.subList(k, cycle.size()));
                path.addAll(cycle.subList(0, k));
                path.add(first);
                problems.add(paths.get(first), cycle.size() == 1 ? "parameter '" + first + "' is defined in terms of itself"
                        : "parameters " + and(path.subList(0, cycle.size())) + " are defined in terms of each other ("
                        + String.join(" → ", path) + "); give one of them a value");
                failedParameters.addAll(cycle);
                return null;
            }
            evaluating.add(p);
            Integer v = null;
            boolean dependencyFailed = false;
            for (String n : x.names()) {
                if (!defaults.containsKey(n)) continue;
                if (evaluateParameter(n, defaults, paths, evaluating) == null) dependencyFailed = true;
            }
            if (!dependencyFailed && !failedParameters.contains(p)) {
                try {
                    v = x.evaluate(name -> params.get(name));
                } catch (Expr.ExprException ex) {
                    problems.add(paths.get(p), ex.getMessage() + (ex.getMessage().startsWith("unknown parameter")
                            ? Names.suggest(firstUnknown(x), defaults.keySet()) + "; parameters may only refer to other parameters" : ""));
                }
            }
            evaluating.remove(evaluating.size() - 1);
            if (v != null) params.put(p, v);
            else failedParameters.add(p);
            return v;
        }

        /** "a and b", "a, b and c". */
        private static String and(List<String> names) {
            if (names.size() == 1) return names.getFirst();
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        }

        private String firstUnknown(Expr x) {
            for (String n : x.names()) if (!params.containsKey(n)) return n;
            return "";
        }

        // ---- neuron types ----

        private Map<String, NeuronType> readNeuronTypes(MapNode top) {
            Map<String, NeuronType> out = new LinkedHashMap<>();
            MapNode m = section(top, "neuron_types");
            if (m == null) return out;
            for (Entry e : m.entries().values()) {
                String path = element("neuron_types", e);
                MapNode n = map(e.value(), path);
                if (n == null || !validName(e, path)) continue;
                checkKeys(n, path, NEURON_KEYS);
                int before = problems.size();
                Map<CompartmentField, Object> values = new EnumMap<>(CompartmentField.class);
                // the forms of NeuronModel first: threshold is v_th_mant under another name
                String th = NeuronModel.THRESHOLD.key(), vth = key(CompartmentField.V_TH_MANT);
                Integer vTh = exclusive(n, path, th, vth);
                if (vTh != null) field(n, path, has(n, th) ? th : vth, CompartmentField.V_TH_MANT, values);
                if (vTh == null && !(has(n, th) && has(n, vth))) {
                    problems.add(path, "a neuron type needs 'threshold' (weight units; the same number as NxSDK's vThMant)");
                }
                List<String> biasForms = new ArrayList<>();
                if (has(n, "bias")) biasForms.add("'bias' (weight units)");
                if (has(n, "bias_membrane")) biasForms.add("'bias_membrane' (membrane units)");
                if (has(n, key(CompartmentField.BIAS_MANT)) || has(n, key(CompartmentField.BIAS_EXP))) biasForms.add("'bias_mant'/'bias_exp'");
                if (biasForms.size() > 1) {
                    problems.add(path + (has(n, "bias") ? ".bias" : ".bias_membrane"), "give one of " + String.join(", ", biasForms) + ", not several");
                } else if (has(n, "bias") || has(n, "bias_membrane")) {
                    boolean wu = has(n, "bias");
                    String key = wu ? NeuronModel.BIAS.key() : NeuronModel.BIAS_MEMBRANE.key();
                    Integer b = integer(n, path, key, false, 0);
                    if (b != null) {
                        long membrane = wu ? (long) b << 6 : b;
                        WeightSplit.Split s = WeightSplit.biasMembrane(membrane);
                        if (s == null) {
                            long[] near = WeightSplit.nearestBiases(membrane);
                            problems.add(path + "." + key, key + " " + b + (wu ? " (membrane bias·64 = " + membrane + ")" : "")
                                    + " cannot be written as biasMant·2^biasExp with biasMant in " + CompartmentField.BIAS_MANT.range() + " and biasExp in "
                                    + CompartmentField.BIAS_EXP.range() + "; " + nearest(near));
                        } else {
                            values.put(CompartmentField.BIAS_MANT, s.mantissa());
                            values.put(CompartmentField.BIAS_EXP, s.exponent());
                        }
                    }
                } else {
                    field(n, path, key(CompartmentField.BIAS_MANT), CompartmentField.BIAS_MANT, values);
                    field(n, path, key(CompartmentField.BIAS_EXP), CompartmentField.BIAS_EXP, values);
                }
                // every other field under its own key; a field not given takes its declared default (CompartmentPrototype.from)
                for (CompartmentField f : CompartmentField.values()) {
                    if (!NeuronModel.hasForm(f)) field(n, path, key(f), f, values);
                }
                if (problems.size() > before) continue;
                construct(path, () -> out.put(e.key(), new NeuronType(e.key(), CompartmentPrototype.from(values))));
            }
            return out;
        }

        private static String key(CompartmentField f) {
            return NeuronModel.key(f);
        }

        /** Reads field {@code f} under {@code key} into {@code values} when given, checked against its declared range or choices. */
        private void field(MapNode n, String path, String key, CompartmentField f, Map<CompartmentField, Object> values) {
            if (!has(n, key)) return;
            Object v;
            if (f.type() == boolean.class) {
                v = bool(n, path, key, false);
            } else if (f.type().isEnum()) {
                v = choice(n, path, key, f.type().getEnumConstants(), null);
            } else {
                Integer x = integer(n, path, key, false, null);
                if (x != null && !f.accepts(x)) {
                    problems.add(path + "." + key, key + " " + x + (f.domain().powerOfTwo() ? " must be " : " is outside ") + f.range());
                    x = null;
                }
                v = x;
            }
            if (v != null) values.put(f, v);
        }

        /** "the nearest that can are bias_membrane 5000 and 5002" (membrane units: any bias is one). */
        private static String nearest(long[] near) {
            List<String> v = new ArrayList<>();
            if (near[0] != Long.MIN_VALUE) v.add(Long.toString(near[0]));
            if (near[1] != Long.MAX_VALUE) v.add(Long.toString(near[1]));
            if (v.isEmpty()) return "no bias is that large";
            return "the nearest that can " + (v.size() == 1 ? "is bias_membrane " + v.getFirst() : "are bias_membrane " + v.get(0) + " and " + v.get(1));
        }

        // ---- learning rules ----

        private Map<String, LearningRuleDef> readLearningRules(MapNode top) {
            Map<String, LearningRuleDef> out = new LinkedHashMap<>();
            MapNode m = section(top, "learning_rules");
            if (m == null) return out;
            for (Entry e : m.entries().values()) {
                String path = element("learning_rules", e);
                MapNode n = map(e.value(), path);
                if (n == null || !validName(e, path)) continue;
                int before = problems.size();
                // dd (delay learning) and dt (tag learning) are NxSDK rule targets the chip does not run yet
                for (String unsupported : List.of("dd", "dt")) {
                    if (has(n, unsupported)) {
                        Entry ue = n.entries().get(unsupported);
                        problems.addAt(path + "." + unsupported, ue.keyPos(), unsupported + " rules are not supported yet; only dw (weight) rules run on the chip");
                    }
                }
                checkKeys(n, path, RULE_KEYS_WITH_UNSUPPORTED);
                String dw = string(n, path, "dw", true);
                if (dw != null && dw.isBlank()) problems.add(path + ".dw", "the dw rule is empty");
                Integer tEpoch = intIn(n, path, "t_epoch", 1, 63, 1);
                LearningSpec.Trace[] traces = new LearningSpec.Trace[6];
                String[] names = {"x1", "x2", "y1", "y2", "y3", "r1"};
                for (int k = 0; k < names.length; k++) traces[k] = trace(n, path, names[k]);
                LearningRuleDef.Reinforcement reinforcement = null;
                if (has(n, "reinforcement")) {
                    String rp = path + ".reinforcement";
                    MapNode r = map(n.entries().get("reinforcement").value(), rp);
                    if (r != null) {
                        checkKeys(r, rp, REINFORCEMENT_KEYS);
                        String src = string(r, rp, "source", true);
                        Integer idx = intIn(r, rp, "index", 0, Integer.MAX_VALUE, 0);
                        if (src != null && idx != null) reinforcement = new LearningRuleDef.Reinforcement(src, idx);
                    }
                }
                if (problems.size() > before) continue;
                LearningRuleDef.Reinforcement re = reinforcement;
                construct(path, () -> out.put(e.key(), new LearningRuleDef(e.key(), dw, traces[0], traces[1], traces[2], traces[3],
                        traces[4], traces[5], tEpoch, re)));
            }
            return out;
        }

        private LearningSpec.Trace trace(MapNode n, String path, String key) {
            if (!has(n, key)) return LearningSpec.Trace.OFF;
            String tp = path + "." + key;
            MapNode t = map(n.entries().get(key).value(), tp);
            if (t == null) return LearningSpec.Trace.OFF;
            checkKeys(t, tp, TRACE_KEYS);
            Double impulse = number(t, tp, "impulse", 0.0);
            if (impulse != null && !(impulse >= 0 && impulse <= 127)) {
                problems.add(tp + ".impulse", "impulse " + impulse + " is outside 0..127");
                impulse = null;
            }
            Integer tau = intIn(t, tp, "time_constant", 0, Integer.MAX_VALUE, 0);
            if (impulse == null || tau == null) return LearningSpec.Trace.OFF;
            return new LearningSpec.Trace(impulse, tau);
        }

        // ---- connection types ----

        private Map<String, ConnectionType> readConnectionTypes(MapNode top) {
            Map<String, ConnectionType> out = new LinkedHashMap<>();
            MapNode m = section(top, "connection_types");
            if (m == null) return out;
            for (Entry e : m.entries().values()) {
                String path = element("connection_types", e);
                MapNode n = map(e.value(), path);
                if (n == null || !validName(e, path)) continue;
                checkKeys(n, path, CONNECTION_KEYS);
                int before = problems.size();
                String c = string(n, path, "connectivity", true);
                ConnectivityKind kind = null;
                if (c != null) {
                    kind = ConnectivityKind.of(c);
                    if (kind == null) {
                        problems.add(path + ".connectivity", "connectivity '" + c + "' is not one of dense, one_to_one, all_to_all, sparse"
                                + Names.suggest(c, List.of("dense", "one_to_one", "all_to_all", "sparse")));
                    }
                }
                WeightSpec weight = weightSpec(n, path);
                Integer exponent = intIn(n, path, "exponent", WeightSplit.MIN_EXPONENT, WeightSplit.MAX_EXPONENT, null);
                SignMode sign = null;
                String s = string(n, path, "sign_mode", false);
                if (s != null) {
                    sign = switch (s) {
                        case "excitatory" -> SignMode.EXCITATORY;
                        case "inhibitory" -> SignMode.INHIBITORY;
                        case "mixed" -> SignMode.MIXED;
                        default -> {
                            problems.add(path + ".sign_mode", "sign_mode '" + s + "' is not one of excitatory, inhibitory, mixed"
                                    + Names.suggest(s, List.of("excitatory", "inhibitory", "mixed")));
                            yield null;
                        }
                    };
                }
                Integer bits = intIn(n, path, "num_weight_bits", 1, 8, 8);
                Integer delay = intIn(n, path, "delay", 0, 62, 0);
                String rule = string(n, path, "learning_rule", false);
                if (weight instanceof WeightSpec.Mantissa && exponent == null) {
                    problems.add(path + ".mantissa", "a mantissa needs an 'exponent' beside it");
                }
                if (problems.size() > before) continue;
                ConnectivityKind k = kind;
                SignMode sm = sign;
                construct(path, () -> out.put(e.key(), new ConnectionType(e.key(), k, weight, sm, bits, exponent, delay, rule)));
            }
            return out;
        }

        /** At most one of weight, mantissa, matrix, synapses; null if none is given. */
        private WeightSpec weightSpec(MapNode n, String path) {
            List<String> given = new ArrayList<>();
            for (String k : WEIGHT_KEYS) if (has(n, k)) given.add(k);
            if (given.isEmpty()) return null;
            if (given.size() > 1) {
                problems.add(path + "." + given.get(1), "give only one of weight, mantissa, matrix, synapses (found " + String.join(" and ", given) + ")");
                return null;
            }
            String key = given.get(0);
            return switch (key) {
                case "weight" -> {
                    Integer w = integer(n, path, "weight", true, null);
                    yield w == null ? null : new WeightSpec.Scalar(w);
                }
                case "mantissa" -> {
                    Integer w = integer(n, path, "mantissa", true, null);
                    yield w == null ? null : new WeightSpec.Mantissa(w);
                }
                case "matrix" -> matrix(value(n, path, "matrix", true), path + ".matrix");
                default -> synapses(value(n, path, "synapses", true), path + ".synapses");
            };
        }

        private WeightSpec matrix(Node node, String path) {
            MapNode m = map(node, path);
            if (m == null) return null;
            checkKeys(m, path, MATRIX_KEYS);
            int sources = (has(m, "file") ? 1 : 0) + (has(m, "name") ? 1 : 0) + (has(m, "values") ? 1 : 0);
            Boolean transpose = bool(m, path, "transpose", false);
            Boolean negate = bool(m, path, "negate", false);
            Boolean saturate = bool(m, path, "saturate", false);
            Boolean mantissas = bool(m, path, "mantissas", false);
            if (sources != 1) {
                problems.add(path, "a matrix needs exactly one of 'file' (an integer .npy or .csv of shape (pre, post)), "
                        + "'name' (supplied by the program when compiling) or 'values' (a list of rows)");
                return null;
            }
            WeightSpec.MatrixSource src = null;
            if (has(m, "name")) {
                String name = string(m, path, "name", true);
                if (name != null) src = new WeightSpec.MatrixSource.Named(name);
            } else if (has(m, "file")) {
                String file = string(m, path, "file", true);
                if (file != null) {
                    IntMatrix data = table(file, path + ".file", 0);
                    if (data != null) src = new WeightSpec.MatrixSource.File(file, data);
                }
            } else {
                IntMatrix data = inlineRows(m.entries().get("values").value(), path + ".values", 0);
                if (data != null) src = new WeightSpec.MatrixSource.File(null, data);
            }
            if (src == null || transpose == null || negate == null || saturate == null || mantissas == null) return null;
            return new WeightSpec.Matrix(src, transpose, negate, saturate, mantissas);
        }

        /** {@code [[pre, post, weight], ...]}, or a mapping of {@code file} or {@code values} and optionally {@code mantissas}. */
        private WeightSpec synapses(Node node, String path) {
            if (node instanceof MapNode m) {
                checkKeys(m, path, SYNAPSE_KEYS);
                Boolean mantissas = bool(m, path, "mantissas", false);
                if (has(m, "file") == has(m, "values")) {
                    problems.add(path, "synapses need exactly one of 'file' (a .csv or .npy of pre, post, weight rows) or 'values' (a list of [pre, post, weight])");
                    return null;
                }
                if (has(m, "values")) {
                    IntMatrix t = inlineRows(m.entries().get("values").value(), path + ".values", 3);
                    return t == null || mantissas == null ? null : new WeightSpec.Synapses(null, columns(t), mantissas);
                }
                String file = string(m, path, "file", true);
                if (file == null) return null;
                IntMatrix t = table(file, path + ".file", 3);
                return t == null || mantissas == null ? null : new WeightSpec.Synapses(file, columns(t), mantissas);
            }
            IntMatrix t = inlineRows(node, path, 3);
            return t == null ? null : new WeightSpec.Synapses(null, columns(t));
        }

        private static SparseSynapses columns(IntMatrix t) {
            int n = t.rows();
            int[] pre = new int[n], post = new int[n], w = new int[n];
            for (int k = 0; k < n; k++) {
                pre[k] = t.get(k, 0);
                post[k] = t.get(k, 1);
                w[k] = t.get(k, 2);
            }
            return new SparseSynapses(pre, post, w);
        }

        private IntMatrix table(String file, String path, int width) {
            try {
                return DataFiles.readTable(file, files.read(file), width);
            } catch (IOException ex) {
                problems.add(path, "cannot read '" + file + "': " + ex.getMessage());
            } catch (UserError ex) {
                problems.add(path, ex.getMessage());
            } catch (RuntimeException ex) {
                problems.add(path, "cannot read '" + file + "' (" + files.describe(file) + "): " + ex.getMessage());
            }
            return null;
        }

        /** A list of equal-length rows of integer expressions; {@code width} 0 = any. */
        private IntMatrix inlineRows(Node node, String path, int width) {
            if (!(node instanceof ListNode l)) {
                problems.add(path, "expected a list of rows like [[1, 2], [3, 4]], found " + Tree.describe(node));
                return null;
            }
            List<int[]> rows = new ArrayList<>();
            boolean ok = true;
            int cols = width;
            for (int i = 0; i < l.items().size(); i++) {
                String rp = path + "[" + i + "]";
                Node item = l.items().get(i);
                positions.put(rp, item.pos());
                if (!(item instanceof ListNode row)) {
                    problems.add(rp, "expected a row (a list of integers), found " + Tree.describe(item));
                    ok = false;
                    continue;
                }
                if (cols == 0 && row.items().isEmpty()) {
                    problems.add(rp, "expected a row of one or more integers, found an empty list");
                    ok = false;
                    continue;
                }
                if (cols == 0) cols = row.items().size();
                if (row.items().size() != cols) {
                    problems.add(rp, "expected " + cols + " values in this row, found " + row.items().size());
                    ok = false;
                    continue;
                }
                int[] r = new int[cols];
                for (int j = 0; j < cols; j++) {
                    Integer v = intValue(row.items().get(j), rp + "[" + j + "]");
                    if (v == null) ok = false;
                    else r[j] = v;
                }
                rows.add(r);
            }
            if (!ok) return null;
            if (cols == 0) cols = Math.max(width, 1);
            int[] data = new int[rows.size() * cols];
            for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, data, r * cols, cols);
            return new IntMatrix(rows.size(), cols, data);
        }

        // ---- populations and generators ----

        private Map<String, Population> readPopulations(MapNode top) {
            Map<String, Population> out = new LinkedHashMap<>();
            MapNode m = section(top, "populations");
            if (m == null) return out;
            for (Entry e : m.entries().values()) {
                String path = element("populations", e);
                MapNode n = map(e.value(), path);
                if (n == null || !validName(e, path)) continue;
                checkKeys(n, path, POPULATION_KEYS);
                Integer size = intIn(n, path, "size", 1, Integer.MAX_VALUE, null, true);
                String type = string(n, path, "type", true);
                if (size == null || type == null) continue;
                construct(path, () -> out.put(e.key(), new Population(e.key(), size, type)));
            }
            return out;
        }

        private Map<String, SpikeGeneratorDef> readGenerators(MapNode top) {
            Map<String, SpikeGeneratorDef> out = new LinkedHashMap<>();
            MapNode m = section(top, "spike_generators");
            if (m == null) return out;
            for (Entry e : m.entries().values()) {
                String path = element("spike_generators", e);
                MapNode n = map(e.value(), path);
                if (n == null || !validName(e, path)) continue;
                checkKeys(n, path, GENERATOR_KEYS);
                int before = problems.size();
                Integer ports = intIn(n, path, "ports", 1, (1 << 24) - 1, null, true);
                List<SpikeGeneratorDef.Spike> spikes = new ArrayList<>();
                String file = null;
                if (has(n, "spikes")) {
                    String sp = path + ".spikes";
                    Node s = n.entries().get("spikes").value();
                    IntMatrix t;
                    if (s instanceof MapNode fm) {
                        checkKeys(fm, sp, FILE_KEYS);
                        file = string(fm, sp, "file", true);
                        t = file == null ? null : table(file, sp + ".file", 2);
                    } else if (s instanceof ListNode l) {
                        t = null;
                        spikeList(l, sp, ports, spikes);
                    } else {
                        t = inlineRows(s, sp, 2); // reports what was found instead of a list
                    }
                    if (t != null) {
                        for (int k = 0; k < t.rows(); k++) {
                            int step = t.get(k, 0), port = t.get(k, 1);
                            String where = file == null ? sp + "[" + k + "]" : sp + ".file";
                            String row = file == null ? "" : " (row " + (k + 1) + " of " + file + ")";
                            if (step < 1) problems.add(where, "spike step " + step + " is before the first step 1" + row);
                            else if (ports != null && (port < 0 || port >= ports)) problems.add(where, "port " + port + " is outside 0.." + (ports - 1) + row);
                            else spikes.add(new SpikeGeneratorDef.Spike(step, port));
                        }
                    }
                }
                if (problems.size() > before) continue;
                String f = file;
                construct(path, () -> out.put(e.key(), new SpikeGeneratorDef(e.key(), ports, spikes, f)));
            }
            return out;
        }

        /**
         * Items of an inline spike list: {@code [step, port]}, or a range {@code {port: P, from: A, to: B, every: K}} (port
         * an index or a list of them, every 1 by default) that fires at A, A + K, ... up to B, port after port.
         */
        private void spikeList(ListNode l, String sp, Integer ports, List<SpikeGeneratorDef.Spike> spikes) {
            long listed = 0;
            for (int k = 0; k < l.items().size(); k++) {
                String ip = sp + "[" + k + "]";
                Node item = l.items().get(k);
                positions.put(ip, item.pos());
                if (item instanceof MapNode r) {
                    checkKeys(r, ip, SPIKE_RANGE_KEYS);
                    int before = problems.size();
                    List<Integer> rangePorts = portList(r, ip);
                    Integer from = intIn(r, ip, "from", 1, Integer.MAX_VALUE, null, true);
                    Integer to = intIn(r, ip, "to", 1, Integer.MAX_VALUE, null, true);
                    Integer every = intIn(r, ip, "every", 1, Integer.MAX_VALUE, 1);
                    if (problems.size() > before || rangePorts == null || from == null || to == null || every == null) continue;
                    if (to < from) {
                        problems.add(ip + ".to", "to " + to + " is before from " + from + " (the range is from..to, inclusive)");
                        continue;
                    }
                    long n = ((long) to - from) / every + 1;
                    listed += n * rangePorts.size();
                    if (listed > MAX_LISTED_SPIKES) {
                        problems.add(ip, "the spike list expands to more than " + MAX_LISTED_SPIKES + " spikes; schedule long inputs from a program instead");
                        return;
                    }
                    boolean portsOk = true;
                    for (int port : rangePorts) {
                        if (ports != null && (port < 0 || port >= ports)) {
                            problems.add(ip + ".port", "port " + port + " is outside 0.." + (ports - 1));
                            portsOk = false;
                        }
                    }
                    if (!portsOk) continue;
                    for (int port : rangePorts) for (long step = from; step <= to; step += every) spikes.add(new SpikeGeneratorDef.Spike(step, port));
                    continue;
                }
                if (!(item instanceof ListNode row) || row.items().size() != 2) {
                    problems.add(ip, "expected [step, port] or {port: P, from: A, to: B, every: K}, found " + Tree.describe(item)
                            + (item instanceof ListNode row2 ? " of " + row2.items().size() + " values" : ""));
                    continue;
                }
                Integer step = intValue(row.items().get(0), ip + "[0]"), port = intValue(row.items().get(1), ip + "[1]");
                if (step == null || port == null) continue;
                if (++listed > MAX_LISTED_SPIKES) {
                    problems.add(ip, "the spike list expands to more than " + MAX_LISTED_SPIKES + " spikes");
                    return;
                }
                if (step < 1) problems.add(ip, "spike step " + step + " is before the first step 1");
                else if (ports != null && (port < 0 || port >= ports)) problems.add(ip, "port " + port + " is outside 0.." + (ports - 1));
                else spikes.add(new SpikeGeneratorDef.Spike(step, port));
            }
        }

        /** {@code port: 3} or {@code port: [0, 2, 5]}. */
        private List<Integer> portList(MapNode r, String ip) {
            Node v = value(r, ip, "port", true);
            if (v == null) return null;
            if (v instanceof ListNode l) {
                if (l.items().isEmpty()) {
                    problems.add(ip + ".port", "the list of ports is empty");
                    return null;
                }
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i++) {
                    Integer x = intValue(l.items().get(i), ip + ".port[" + i + "]");
                    if (x == null) return null;
                    out.add(x);
                }
                return out;
            }
            Integer x = intValue(v, ip + ".port");
            return x == null ? null : List.of(x);
        }

        // ---- projections ----

        private List<Projection> readProjections(MapNode top) {
            List<Projection> out = new ArrayList<>();
            if (!has(top, "projections")) return out;
            Node node = top.entries().get("projections").value();
            positions.put("projections", node.pos());
            if (!(node instanceof ListNode l)) {
                problems.add("projections", "expected a list of projections (each '- {from: a, to: b, type: t}'), found " + Tree.describe(node));
                return out;
            }
            for (int i = 0; i < l.items().size(); i++) {
                String path = "projections[" + i + "]";
                Node item = l.items().get(i);
                positions.put(path, item.pos());
                MapNode n = map(item, path);
                if (n == null) continue;
                checkKeys(n, path, PROJECTION_KEYS);
                int before = problems.size();
                List<String> from = names(n, path, "from");
                List<String> to = names(n, path, "to");
                List<String> types = names(n, path, "type");
                String name = string(n, path, "name", false);
                Integer delay = intIn(n, path, "delay", 0, 62, null);
                Integer exponent = intIn(n, path, "exponent", WeightSplit.MIN_EXPONENT, WeightSplit.MAX_EXPONENT, null);
                WeightSpec weight = weightSpec(n, path);
                List<Integer> portMap = portMap(n, path);
                if (from == null || to == null || types == null) continue;
                int count = from.size() * to.size() * types.size();
                if (name != null && count != 1) {
                    problems.add(path + ".name", "'name' needs an entry that makes exactly one projection; this one makes " + count
                            + " (" + from.size() + " from × " + to.size() + " to × " + types.size() + " type)");
                }
                if (name != null) {
                    String bad = Names.checkName(name.replace("->", "").replace(":", ""));
                    if (bad != null) problems.add(path + ".name", bad.replace("may only contain", "may only contain ':', '->',"));
                }
                if (problems.size() > before) continue;
                for (String f : from) {
                    for (String t : to) {
                        for (String ty : types) {
                            String pn = name != null ? name : Projection.defaultName(f, t, ty);
                            construct(path, () -> {
                                out.add(new Projection(pn, f, t, ty, weight, exponent, delay, portMap));
                                projectionPaths.add(path);
                            });
                        }
                    }
                }
            }
            return out;
        }

        /** {@code port_map: [n0, n1, ...]}: the target neuron of each generator port; null when not given. */
        private List<Integer> portMap(MapNode n, String path) {
            Node v = value(n, path, "port_map", false);
            if (v == null) return null;
            String p = path + ".port_map";
            if (!(v instanceof ListNode l) || l.items().isEmpty()) {
                problems.add(p, "expected a list of target neuron indices, one per port (port k drives neuron port_map[k]), found " + Tree.describe(v));
                return null;
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                Integer x = intValue(l.items().get(i), p + "[" + i + "]");
                if (x == null) return null;
                out.add(x);
            }
            return out;
        }

        /** A name or a non-empty list of names (the compact form of several projections). */
        private List<String> names(MapNode n, String path, String key) {
            if (!has(n, key)) {
                problems.add(path, "missing required key '" + key + "'");
                return null;
            }
            String p = path + "." + key;
            Node v = n.entries().get(key).value();
            positions.put(p, v.pos());
            if (v instanceof ListNode l) {
                if (l.items().isEmpty()) {
                    problems.add(p, "the list is empty");
                    return null;
                }
                List<String> out = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i++) {
                    positions.put(p + "[" + i + "]", l.items().get(i).pos());
                    String s = text(l.items().get(i), p + "[" + i + "]");
                    if (s == null) return null;
                    out.add(s);
                }
                return out;
            }
            String s = text(v, p);
            return s == null ? null : List.of(s);
        }

        // ---- generic typed access ----

        private MapNode section(MapNode top, String key) {
            if (top == null || !has(top, key)) return null;
            Node v = top.entries().get(key).value();
            positions.put(key, v.pos());
            if (v instanceof Scalar s && s.kind() == Kind.NULL) return null; // "key:" with nothing under it
            return map(v, key);
        }

        private String element(String section, Entry e) {
            String path = section + "." + e.key();
            positions.put(path, e.keyPos());
            return path;
        }

        private boolean validName(Entry e, String path) {
            String bad = Names.checkName(e.key());
            if (bad != null) {
                problems.addAt(path, e.keyPos(), bad);
                return false;
            }
            return true;
        }

        private MapNode map(Node n, String path) {
            if (n instanceof MapNode m) return m;
            problems.addAt(path, n.pos(), "expected a mapping (key: value lines), found " + Tree.describe(n));
            return null;
        }

        private static boolean has(MapNode n, String key) {
            return n != null && n.entries().containsKey(key);
        }

        private void checkKeys(MapNode n, String path, List<String> allowed) {
            if (n == null) return;
            for (Entry e : n.entries().values()) {
                if (!allowed.contains(e.key())) {
                    String where = path.isEmpty() ? "at the top level" : "in " + path;
                    problems.addAt(path.isEmpty() ? e.key() : path + "." + e.key(), e.keyPos(),
                            "unknown key '" + e.key() + "' " + where + Names.suggest(e.key(), allowed));
                }
            }
        }

        private Node value(MapNode n, String path, String key, boolean required) {
            String p = path.isEmpty() ? key : path + "." + key;
            if (!has(n, key)) {
                if (required) problems.add(path.isEmpty() ? null : path, "missing required key '" + key + "'");
                return null;
            }
            Node v = n.entries().get(key).value();
            positions.put(p, v.pos());
            return v;
        }

        /** An enum value written in lower case (e.g. {@code pop_a}); a problem naming the choices if it is not one. */
        private Object choice(MapNode n, String path, String key, Object[] constants, Object dflt) {
            String s = string(n, path, key, false);
            if (s == null) return dflt;
            List<String> names = new ArrayList<>();
            for (Object v : constants) {
                String name = NeuronModel.choiceName((Enum<?>) v);
                if (name.equals(s)) return v;
                names.add(name);
            }
            problems.add(path + "." + key, key + " '" + s + "' is not one of " + String.join(", ", names) + Names.suggest(s, names));
            return dflt;
        }

        private String string(MapNode n, String path, String key, boolean required) {
            Node v = value(n, path, key, required);
            return v == null ? null : text(v, path.isEmpty() ? key : path + "." + key);
        }

        /** Text of any non-null scalar (YAML may read a name like 1e5 or yes as a number or boolean). */
        private String text(Node v, String path) {
            if (v instanceof Scalar s && s.kind() != Kind.NULL) {
                if (s.kind() == Kind.STRING && s.text().isEmpty()) {
                    problems.add(path, "expected text, found an empty string");
                    return null;
                }
                return s.text();
            }
            problems.addAt(path, v.pos(), "expected text, found " + Tree.describe(v));
            return null;
        }

        private Boolean bool(MapNode n, String path, String key, boolean dflt) {
            Node v = value(n, path, key, false);
            if (v == null) return dflt;
            if (v instanceof Scalar s && s.kind() == Kind.BOOL) return Boolean.parseBoolean(s.text());
            problems.add(path + "." + key, "expected true or false, found " + Tree.describe(v));
            return null;
        }

        private Double number(MapNode n, String path, String key, Double dflt) {
            Node v = value(n, path, key, false);
            if (v == null) return dflt;
            if (v instanceof Scalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
                try {
                    double d = Double.parseDouble(s.text());
                    if (Double.isFinite(d)) return d;
                } catch (NumberFormatException ignored) {
                    // fall through to the message below
                }
            }
            problems.add(path + "." + key, "expected a number, found " + Tree.describe(v));
            return null;
        }

        private Integer integer(MapNode n, String path, String key, boolean required, Integer dflt) {
            Node v = value(n, path, key, required);
            if (v == null) return required ? null : dflt;
            return intValue(v, path.isEmpty() ? key : path + "." + key);
        }

        private Integer intIn(MapNode n, String path, String key, int min, int max, Integer dflt) {
            return intIn(n, path, key, min, max, dflt, false);
        }

        private Integer intIn(MapNode n, String path, String key, int min, int max, Integer dflt, boolean required) {
            Integer v = integer(n, path, key, required, dflt);
            if (v == null || !has(n, key)) return v;
            if (v < min || v > max) {
                String range = max == Integer.MAX_VALUE ? "at least " + min : "outside " + min + ".." + max;
                problems.add(path + "." + key, key + " " + v + (max == Integer.MAX_VALUE ? " must be " : " is ") + range);
                return null;
            }
            return v;
        }

        /** Non-null if exactly one of the two keys is given; reports both given. */
        private Integer exclusive(MapNode n, String path, String a, String b) {
            if (has(n, a) && has(n, b)) {
                problems.add(path + "." + b, "give either '" + a + "' or '" + b + "', not both (they mean the same)");
                return null;
            }
            return has(n, a) || has(n, b) ? 1 : null;
        }

        /** An integer literal or an expression over parameters. */
        private Integer intValue(Node v, String path) {
            positions.putIfAbsent(path, v.pos());
            if (v instanceof Scalar s) {
                switch (s.kind()) {
                    case INT -> {
                        try {
                            return Integer.parseInt(s.text());
                        } catch (NumberFormatException e) {
                            problems.addAt(path, v.pos(), "integer " + Tree.abbreviate(s.text()) + " does not fit 32 bits");
                            return null;
                        }
                    }
                    case STRING -> {
                        Expr x = expression(v, path);
                        if (x == null) return null;
                        for (String n : x.names()) {
                            if (failedParameters.contains(n)) {
                                problems.addFollowOn(path);
                                return null;
                            }
                        }
                        try {
                            return x.evaluate(params::get);
                        } catch (Expr.ExprException ex) {
                            String msg = ex.getMessage();
                            if (msg.startsWith("unknown parameter")) msg += Names.suggest(firstUnknown(x), params.keySet());
                            problems.addAt(path, v.pos(), "in '" + Tree.abbreviate(s.text()) + "': " + msg);
                            return null;
                        }
                    }
                    default -> { }
                }
            }
            problems.addAt(path, v.pos(), "expected an integer or an integer expression such as 'n_in * 2', found " + Tree.describe(v));
            return null;
        }

        private Expr expression(Node v, String path) {
            if (v instanceof Scalar s && s.kind() == Kind.INT) {
                try {
                    return new Expr.Literal(Integer.parseInt(s.text()));
                } catch (NumberFormatException e) {
                    problems.addAt(path, v.pos(), "integer " + Tree.abbreviate(s.text()) + " does not fit 32 bits");
                    return null;
                }
            }
            if (v instanceof Scalar s && s.kind() == Kind.STRING) {
                try {
                    return Expr.parse(s.text());
                } catch (Expr.ExprException ex) {
                    problems.addAt(path, v.pos(), "bad expression '" + Tree.abbreviate(s.text()) + "': " + ex.getMessage()
                            + (ex.column > 0 ? " (at character " + ex.column + ")" : ""));
                    return null;
                }
            }
            problems.addAt(path, v.pos(), "expected an integer or an integer expression such as 'n_in * 2', found " + Tree.describe(v));
            return null;
        }

        /** Builds a record; its own checks back up the reader's (a failure there is still reported, not thrown). */
        private void construct(String path, Runnable r) {
            try {
                r.run();
            } catch (IllegalArgumentException ex) {
                problems.add(path, ex.getMessage());
            }
        }
    }
}
