package org.synfire.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.ChipLimits;
import org.synfire.chip.CompartmentField;
import org.synfire.chip.Connectivity;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.WeightEncoding;
import org.synfire.chip.learning.SignMode;

/**
 * Compiles a {@link NetworkDescription} onto the emulated chip: resolves named matrices, splits
 * weights into mantissa·2^exponent, then calls {@link ChipBuilder} in declaration order (populations,
 * spike generators, learning rules, projections) and schedules the generators' listed spikes.
 *
 * <p>Weights the chip cannot hold exactly: a weight that fits the sign mode's range at the chosen
 * exponent but loses precision is stored truncated (toward −∞, as the chip truncates) and reported as
 * a warning naming the connection and the value actually stored; with {@link Options#strictWeights}
 * it is an error instead. A weight out of range is always an error.
 */
public final class NetworkCompiler {
    private NetworkCompiler() {}

    /**
     * @param strictWeights a weight that would be stored differently from what was asked is an error
     * @param learning false compiles plastic connections as static ones (weights stay at their initial values)
     */
    public record Options(boolean strictWeights, boolean learning) {
        public static final Options DEFAULT = new Options(false, true);

        public Options withStrictWeights(boolean strict) {
            return new Options(strict, learning);
        }

        public Options withLearning(boolean on) {
            return new Options(strictWeights, on);
        }
    }

    /** Compiles and builds the chip. Problems (missing or misshapen matrices, strict weights, chip checks) are one {@link UserError}. */
    public static CompiledNetwork compile(NetworkDescription d, Map<String, IntMatrix> namedMatrices, long seed, Options options) {
        ChipPlan plan = plan(d, namedMatrices, options);
        return build(d, plan, seed, options);
    }

    public static CompiledNetwork compile(NetworkDescription d, long seed) {
        return compile(d, Map.of(), seed, Options.DEFAULT);
    }

    /**
     * Refuses a network the emulator cannot hold, before anything is allocated: a {@link UserError} naming
     * each projection or spike generator that is too large, with its size and the limit ({@link ChipLimits}:
     * 2147483639 synapses per dense or all-to-all projection, 16777215 ports per spike generator). A network
     * beyond one chip's compartments runs; {@link #oneChipProblems} says why it would not fit one chip. Cheap (no arrays are built), so a command can call it before it
     * creates any output; {@link #compile} calls it too.
     */
    public static void checkFits(NetworkDescription d) {
        Problems problems = new Problems(d.sourceMap());
        fits(d, problems::add);
        problems.throwIfAny();
    }

    /** The problems {@link #checkFits} reports, as plain sentences without file positions; empty if the network fits. */
    public static List<String> fitProblems(NetworkDescription d) {
        List<String> out = new ArrayList<>();
        fits(d, (path, message) -> out.add(message));
        return out;
    }

    /**
     * Why the network does not fit one Loihi 1 chip's 131072 compartments, as sentences; empty if it does. The
     * emulator runs such a network anyway (as a system of several chips would); {@code synfire energy --cores}
     * maps it onto cores and says how many chips it needs.
     */
    public static List<String> oneChipProblems(NetworkDescription d) {
        List<String> out = new ArrayList<>();
        long total = 0;
        boolean onePopulationTooLarge = false;
        for (Population p : d.populations().values()) {
            total += p.size();
            if (p.size() > ChipLimits.COMPARTMENTS) {
                out.add("population " + p.name() + " has " + p.size() + " compartments; " + ChipLimits.compartmentLimit());
                onePopulationTooLarge = true;
            }
        }
        if (total > ChipLimits.COMPARTMENTS && !onePopulationTooLarge) {
            out.add("the network has " + total + " compartments in all (" + largest(d.populations().values(), total)
                    + "); " + ChipLimits.compartmentLimit());
        }
        return out;
    }

    /** Reports each problem the emulator cannot run as (key path, message). */
    private static void fits(NetworkDescription d, java.util.function.BiConsumer<String, String> problems) {
        for (Population p : d.populations().values()) {
            if (p.size() > ChipLimits.COMPARTMENTS_PER_POPULATION) {
                problems.accept("populations." + p.name(), "population " + p.name() + " has " + p.size() + " compartments; the emulator holds at most "
                        + ChipLimits.COMPARTMENTS_PER_POPULATION + " in one population (its 8 delay slots each live in one array)");
            }
        }
        for (SpikeGeneratorDef g : d.spikeGenerators().values()) {
            if (g.ports() > ChipLimits.GENERATOR_PORTS) {
                problems.accept("spike_generators." + g.name(), "spike generator " + g.name() + " has " + g.ports()
                        + " ports; the emulator's spike generators have at most " + ChipLimits.GENERATOR_PORTS);
            }
        }
        for (Projection p : d.projections()) {
            ConnectionType t = d.connectionTypes().get(p.type());
            if (t == null || (t.connectivity() != ConnectivityKind.DENSE && t.connectivity() != ConnectivityKind.ALL_TO_ALL)) continue;
            Integer pre = sourceSize(d, p.from()), post = sourceSize(d, p.to());
            if (pre == null || post == null) continue;
            long n = (long) pre * post;
            if (n > ChipLimits.SYNAPSES_PER_CONNECTION) {
                problems.accept(d.projectionPath(p), "projection " + p.name() + " has " + pre + " x " + post + " = " + n
                        + " synapses; the emulator holds at most " + ChipLimits.SYNAPSES_PER_CONNECTION + " in one projection");
            }
        }
    }

    private static Integer sourceSize(NetworkDescription d, String name) {
        Population p = d.populations().get(name);
        if (p != null) return p.size();
        SpikeGeneratorDef g = d.spikeGenerators().get(name);
        return g == null ? null : g.ports();
    }

    /** "h1 100000, h1_copy 100000, and 21 more with 862": the largest populations first, so the culprit is named. */
    private static String largest(java.util.Collection<Population> pops, long total) {
        List<Population> sorted = new ArrayList<>(pops);
        sorted.sort(java.util.Comparator.comparingInt(Population::size).reversed());
        StringBuilder s = new StringBuilder();
        long shown = 0;
        int k = 0;
        for (; k < sorted.size() && k < 6; k++) {
            if (k > 0) s.append(", ");
            s.append(sorted.get(k).name()).append(' ').append(sorted.get(k).size());
            shown += sorted.get(k).size();
        }
        if (k < sorted.size()) s.append(", and ").append(sorted.size() - k).append(" more with ").append(total - shown);
        return s.toString();
    }

    /** The chip builder calls a compile would make, without building: for inspection and tests. */
    public static ChipPlan plan(NetworkDescription d, Map<String, IntMatrix> namedMatrices, Options options) {
        return new Planner(d, namedMatrices == null ? Map.of() : namedMatrices, options).plan();
    }

    private static final class Planner {
        final NetworkDescription d;
        final Map<String, IntMatrix> matrices;
        final Options options;
        final Problems problems;
        final List<String> warnings = new ArrayList<>();

        Planner(NetworkDescription d, Map<String, IntMatrix> matrices, Options options) {
            this.d = d;
            this.matrices = matrices;
            this.options = options;
            this.problems = new Problems(d.sourceMap());
        }

        ChipPlan plan() {
            // a description made with the record constructors directly has skipped the builder's checks
            NetworkValidator.validate(d, problems);
            problems.throwIfAny();
            // before anything is allocated: a population of 10^9 would otherwise die in an array allocation
            fits(d, problems::add);
            problems.throwIfAny();
            List<ChipPlan.Group> groups = new ArrayList<>();
            for (Population p : d.populations().values()) {
                groups.add(new ChipPlan.Group(p.name(), p.size(), p.type(), d.neuronTypes().get(p.type()).prototype()));
            }
            List<ChipPlan.Generator> gens = new ArrayList<>();
            for (SpikeGeneratorDef g : d.spikeGenerators().values()) gens.add(new ChipPlan.Generator(g.name(), g.ports(), g.spikes()));
            List<ChipPlan.Rule> rules = new ArrayList<>();
            if (options.learning()) {
                for (LearningRuleDef r : d.learningRules().values()) {
                    LearningRuleDef.Reinforcement re = r.reinforcement();
                    rules.add(new ChipPlan.Rule(r.name(), r.toSpec(), re == null ? null : re.source(), re == null ? -1 : re.index()));
                }
            }
            List<ChipPlan.Connection> conns = new ArrayList<>();
            for (Projection p : d.projections()) {
                ChipPlan.Connection c = connection(p);
                if (c != null) conns.add(c);
            }
            problems.throwIfAny();
            return new ChipPlan(groups, gens, rules, conns, options.learning(), warnings);
        }

        private int size(String source) {
            Population p = d.populations().get(source);
            return p != null ? p.size() : d.spikeGenerators().get(source).ports();
        }

        private ChipPlan.Connection connection(Projection p) {
            ConnectionType t = d.connectionTypes().get(p.type());
            String path = d.projectionPath(p);
            int pre = size(p.from()), post = size(p.to());
            WeightSpec w = Resolve.weight(t, p);
            String wpath = Resolve.weightPath(d, t, p);
            Integer given = Resolve.givenExponent(t, p);
            String rule = options.learning() ? t.learningRule() : null;
            NeuronType targetType = d.neuronTypes().get(d.populations().get(p.to()).type());
            if (t.plastic() && options.learning() && !targetType.prototype().enableSpikeBackprop()) {
                warnings.add(d.sourceMap().format(path, p.name() + " is plastic, but neuron type '" + targetType.name()
                        + "' of its target has " + NeuronModel.key(CompartmentField.ENABLE_SPIKE_BACKPROP) + " false, so y0 never holds and the rule sees no postsynaptic spikes"));
            }
            // requested weights in weight units (or mantissas, for WeightSpec.Mantissa)
            int[] requested;
            int[] preIdx = null, postIdx = null;
            String source;
            switch (w) {
                case WeightSpec.Scalar s -> {
                    requested = new int[] {s.weight()};
                    source = "weight " + s.weight();
                }
                case WeightSpec.Mantissa m -> {
                    requested = new int[] {m.mantissa()};
                    source = "mantissa " + m.mantissa() + " exponent " + given;
                }
                case WeightSpec.Matrix m -> {
                    IntMatrix data = resolve(m, p, pre, post, wpath);
                    if (data == null) return null;
                    requested = data.raw();
                    source = describe(m);
                }
                case WeightSpec.Synapses s -> {
                    // stable sort by pre: the chip stores sparse synapses in this order, so probes can name them
                    SparseSynapses syn = s.synapses();
                    int n = syn.size();
                    Integer[] order = new Integer[n];
                    for (int k = 0; k < n; k++) order[k] = k;
                    int[] sp = syn.pre(), so = syn.post(), sw = syn.weight();
                    Arrays.sort(order, (a, b) -> Integer.compare(sp[a], sp[b]));
                    preIdx = new int[n];
                    postIdx = new int[n];
                    requested = new int[n];
                    for (int k = 0; k < n; k++) {
                        preIdx[k] = sp[order[k]];
                        postIdx[k] = so[order[k]];
                        requested[k] = sw[order[k]];
                    }
                    source = (s.file() == null ? n + " synapses" : n + " synapses from " + s.file()) + (s.mantissas() ? " (mantissas)" : "");
                }
            }
            SignMode mode = Resolve.signMode(t, requested);
            int bits = t.numWeightBits();
            int exponent;
            int[] stored;
            if (w.inMantissas()) {
                exponent = given;
                if (w instanceof WeightSpec.Matrix m && m.saturate()) requested = saturate(requested, mode, bits, 0);
                stored = storeMantissas(requested, mode, bits, p, wpath);
                if (stored == null) return null;
            } else {
                Integer e = given != null ? given : t.plastic() ? Integer.valueOf(0) : WeightSplit.autoExponent(requested, mode, bits);
                if (e == null) {
                    problems.add(wpath, p.name() + ": some weights cannot be represented as " + Resolve.signName(mode) + " weights at any exponent"
                            + " (they span " + WeightSplit.rangeDescription(mode) + "): " + firstOutOfRange(requested, mode, WeightSplit.MAX_EXPONENT));
                    return null;
                }
                exponent = e;
                if (w instanceof WeightSpec.Matrix m && m.saturate()) requested = saturate(requested, mode, bits, exponent);
                stored = encode(requested, mode, bits, exponent, p, wpath);
                if (stored == null) return null;
            }
            if (p.portMap() != null) {
                // port k drives neuron portMap[k]: on the chip a sparse group, one synapse per port in port order
                preIdx = new int[pre];
                postIdx = new int[pre];
                for (int k = 0; k < pre; k++) {
                    preIdx[k] = k;
                    postIdx[k] = p.portMap().get(k);
                }
                int[] each = new int[pre];
                Arrays.fill(each, stored[0]);
                return new ChipPlan.Connection(p.name(), p.from(), p.to(), t.name(), pre, post, t.connectivity(), new Connectivity.Sparse(preIdx, postIdx, each),
                        mode, bits, exponent, Resolve.delay(t, p), rule, source + ", port_map", preIdx, postIdx);
            }
            Connectivity c = switch (t.connectivity()) {
                case DENSE -> new Connectivity.Dense(stored);
                case ONE_TO_ONE -> Connectivity.OneToOne.uniform(pre, stored[0]);
                case ALL_TO_ALL -> new Connectivity.AllToAll(stored[0]);
                case SPARSE -> new Connectivity.Sparse(preIdx, postIdx, stored);
            };
            return new ChipPlan.Connection(p.name(), p.from(), p.to(), t.name(), pre, post, t.connectivity(), c, mode, bits, exponent,
                    Resolve.delay(t, p), rule, source, preIdx, postIdx);
        }

        private String describe(WeightSpec.Matrix m) {
            String s = switch (m.source()) {
                case WeightSpec.MatrixSource.Named n -> "matrix " + n.name();
                case WeightSpec.MatrixSource.File f -> f.file() == null ? "inline matrix" : "matrix file " + f.file();
            };
            return s + (m.transpose() ? " transposed" : "") + (m.negate() ? " negated" : "") + (m.saturate() ? " saturated" : "")
                    + (m.mantissas() ? " (mantissas)" : "");
        }

        private IntMatrix resolve(WeightSpec.Matrix m, Projection p, int pre, int post, String wpath) {
            IntMatrix data;
            String what;
            switch (m.source()) {
                case WeightSpec.MatrixSource.Named n -> {
                    data = matrices.get(n.name());
                    what = "matrix " + n.name();
                    if (data == null) {
                        problems.add(wpath + ".name", "no matrix named '" + n.name() + "' was supplied"
                                + (matrices.isEmpty() ? " (none were; with synfire run, give --matrix " + n.name() + "=FILE.npy)"
                                        : " (supplied: " + String.join(", ", new TreeSet<>(matrices.keySet())) + ")" + Names.suggest(n.name(), matrices.keySet())));
                        return null;
                    }
                }
                case WeightSpec.MatrixSource.File f -> {
                    data = f.data();
                    what = f.file() == null ? "the inline matrix" : "matrix file " + f.file();
                }
            }
            if (m.transpose()) data = data.transpose();
            if (m.negate()) {
                try {
                    data = data.negate();
                } catch (ArithmeticException e) {
                    problems.add(wpath, what + " holds " + Integer.MIN_VALUE + ", which cannot be negated");
                    return null;
                }
            }
            if (data.rows() != pre || data.cols() != post) {
                problems.add(wpath, what + (m.transpose() ? " transposed" : "") + " has shape " + data.shape() + " but " + p.name()
                        + " needs (pre, post) = " + pre + "×" + post + " (" + p.from() + " × " + p.to() + ")");
                return null;
            }
            return data;
        }

        /** Clamps to the values storable at exponent e: [effective(min), the exact value nearest below effective(max)]. */
        private static int[] saturate(int[] requested, SignMode mode, int bits, int e) {
            int lo = WeightSplit.effective(WeightEncoding.min(mode), e);
            int hi = WeightSplit.at(WeightSplit.effective(WeightEncoding.max(mode), e), e, mode, bits).value();
            int[] out = requested.clone();
            for (int k = 0; k < out.length; k++) out[k] = Math.max(lo, Math.min(hi, out[k]));
            return out;
        }

        /** Stored mantissas at {@code e}; reports out-of-range as an error and precision loss as a warning (or error if strict). */
        private int[] encode(int[] requested, SignMode mode, int bits, int e, Projection p, String wpath) {
            int[] stored = new int[requested.length];
            int inexact = 0, firstBad = -1;
            for (int k = 0; k < requested.length; k++) {
                WeightSplit.Split s = WeightSplit.at(requested[k], e, mode, bits);
                if (s == null) {
                    problems.add(wpath, p.name() + ": " + firstOutOfRange(requested, mode, e));
                    return null;
                }
                stored[k] = s.mantissa();
                if (s.value() != requested[k] && inexact++ == 0) firstBad = k;
            }
            if (inexact > 0) {
                WeightSplit.Split s = WeightSplit.at(requested[firstBad], e, mode, bits);
                String msg = p.name() + ": weight " + requested[firstBad] + " is stored as " + s.value() + " (" + s + "; " + Resolve.signName(mode) + " "
                        + bits + "-bit mantissas at exponent " + e + " hold multiples of " + step(mode, bits, e) + ")"
                        + (inexact > 1 ? "; " + inexact + " of " + requested.length + " weights are stored inexactly" : "");
                if (options.strictWeights()) problems.add(wpath, msg + " [--strict-weights]");
                else warnings.add(d.sourceMap().format(wpath, msg));
            }
            return stored;
        }

        /** Mantissas as given; out of the sign mode's range is an error, precision lost a warning (an error if strict). */
        private int[] storeMantissas(int[] m, SignMode mode, int bits, Projection p, String wpath) {
            int[] stored = new int[m.length];
            int inexact = 0, firstBad = -1;
            for (int k = 0; k < m.length; k++) {
                if (m[k] < WeightEncoding.min(mode) || m[k] > WeightEncoding.max(mode)) {
                    problems.add(wpath, p.name() + ": mantissa " + m[k] + (m.length > 1 ? " (entry " + k + ")" : "") + " is outside the "
                            + Resolve.signName(mode) + " range " + WeightEncoding.min(mode) + ".." + WeightEncoding.max(mode));
                    return null;
                }
                stored[k] = WeightEncoding.store(m[k], mode, bits);
                if (stored[k] != m[k] && inexact++ == 0) firstBad = k;
            }
            if (inexact > 0) {
                String msg = p.name() + ": mantissa " + m[firstBad] + " is stored as " + stored[firstBad] + " (" + Resolve.signName(mode) + " with " + bits
                        + " bits keeps multiples of " + (1 << WeightEncoding.droppedBits(mode, bits)) + ")"
                        + (inexact > 1 ? "; " + inexact + " of " + m.length + " mantissas are stored inexactly" : "");
                if (options.strictWeights()) problems.add(wpath, msg + " [--strict-weights]");
                else warnings.add(d.sourceMap().format(wpath, msg));
            }
            return stored;
        }

        private static String step(SignMode mode, int bits, int e) {
            int lsb = 1 << WeightEncoding.droppedBits(mode, bits);
            return e >= 0 ? String.valueOf((long) lsb << e) : lsb + "·2^" + e;
        }

        private static String firstOutOfRange(int[] w, SignMode mode, int e) {
            for (int x : w) {
                if (WeightSplit.requestedMantissa(x, e, mode) == null) {
                    return "weight " + x + " is outside the " + Resolve.signName(mode) + " range " + WeightSplit.effective(WeightEncoding.min(mode), e)
                            + ".." + WeightSplit.effective(WeightEncoding.max(mode), e) + " at exponent " + e;
                }
            }
            return "weights out of range";
        }
    }

    // ---- building ----

    private static CompiledNetwork build(NetworkDescription d, ChipPlan plan, long seed, Options options) {
        ChipBuilder b = new ChipBuilder().strictWeights(options.strictWeights());
        Map<String, Integer> sources = new HashMap<>();
        Map<String, Integer> populations = new LinkedHashMap<>(), generators = new LinkedHashMap<>(), projections = new LinkedHashMap<>(),
                rules = new LinkedHashMap<>();
        String stage = null;
        try {
            for (ChipPlan.Group g : plan.groups()) {
                stage = "populations." + g.name();
                int h = b.addCompartments(g.name(), g.size(), g.prototype());
                populations.put(g.name(), h);
                sources.put(g.name(), h);
            }
            for (ChipPlan.Generator g : plan.generators()) {
                stage = "spike_generators." + g.name();
                int h = b.addSpikeGenerator(g.name(), g.ports());
                generators.put(g.name(), h);
                sources.put(g.name(), h);
            }
            for (ChipPlan.Rule r : plan.rules()) {
                stage = "learning_rules." + r.name();
                int h = b.addLearningRule(r.spec());
                rules.put(r.name(), h);
                if (r.reinforcementSource() != null) {
                    stage = "learning_rules." + r.name() + ".reinforcement";
                    b.connectReinforcement(h, sources.get(r.reinforcementSource()), r.reinforcementIndex());
                }
            }
            for (ChipPlan.Connection c : plan.connections()) {
                stage = d.projectionPath(d.projection(c.name()));
                int rule = c.learningRule() == null ? -1 : rules.get(c.learningRule());
                int h = b.connect(new ConnectionSpec(c.name(), sources.get(c.source()), sources.get(c.target()), c.connectivity(), c.signMode(),
                        c.numWeightBits(), c.exponent(), c.delay(), rule));
                projections.put(c.name(), h);
            }
        } catch (IllegalArgumentException e) {
            throw located(d, stage, e);
        }
        Chip chip;
        try {
            chip = b.build(seed);
        } catch (IllegalArgumentException e) {
            // build() reports problems by element name; find which one to point at the file
            throw located(d, pathNamed(d, e.getMessage()), e);
        }
        for (ChipPlan.Generator g : plan.generators()) {
            int h = generators.get(g.name());
            for (SpikeGeneratorDef.Spike s : g.spikes()) chip.schedule(h, s.port(), s.step());
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(chip.warnings());
        return new CompiledNetwork(d, plan, chip, populations, generators, projections, rules, warnings);
    }

    private static UserError located(NetworkDescription d, String path, IllegalArgumentException e) {
        Problems p = new Problems(d.sourceMap());
        p.add(path, e.getMessage().strip().replace("\n", "\n      "));
        try {
            p.throwIfAny();
        } catch (UserError u) {
            return new UserError(u.getMessage(), e);
        }
        throw new IllegalStateException("unreachable");
    }

    /** The key path of the element whose name starts a chip message ("h1->o:p: …", "sbp: dw …"). */
    private static String pathNamed(NetworkDescription d, String message) {
        if (message == null) return null;
        String best = null;
        int bestLen = -1;
        for (Projection p : d.projections()) {
            if (message.startsWith(p.name() + ":") && p.name().length() > bestLen) {
                best = d.projectionPath(p);
                bestLen = p.name().length();
            }
        }
        for (String r : d.learningRules().keySet()) {
            if (message.startsWith(r + ":") && r.length() > bestLen) {
                best = "learning_rules." + r + (message.startsWith(r + ": dw") ? ".dw" : "");
                bestLen = r.length();
            }
        }
        for (String g : d.populations().keySet()) {
            if (message.startsWith(g + ":") && g.length() > bestLen) {
                best = "populations." + g;
                bestLen = g.length();
            }
        }
        return best;
    }
}
