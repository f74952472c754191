package org.synfire.net;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.synfire.UserError;
import org.synfire.chip.CompartmentField;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.learning.SignMode;

/**
 * The Java form of the network format: the same elements, defaults and checks, producing a
 * {@link NetworkDescription} equal to the one the same network written as a file loads into.
 *
 * <pre>{@code
 * NetworkDescription net = NetworkBuilder.network("chain")
 *     .neuronType("relay", n -> n.threshold(1024).refractoryDelay(2))
 *     .connectionType("link", c -> c.allToAll().weight(400))
 *     .population("a", 3, "relay").population("b", 3, "relay")
 *     .spikeGenerator("stim", 3, g -> g.spike(1, 0).spike(1, 1).spike(1, 2))
 *     .connectionType("drive", c -> c.oneToOne().weight(1040))
 *     .projection("stim", "a", "drive")
 *     .projection("a", "b", "link", p -> p.delay(3))
 *     .build();
 * }</pre>
 *
 * Values out of range throw {@link IllegalArgumentException} at once; problems between elements
 * (unknown names, sizes, delays) are collected by {@link #build()} into one {@link UserError}.
 */
public final class NetworkBuilder {
    private final String name;
    private String description = "";
    private final Map<String, Integer> parameters = new LinkedHashMap<>();
    private final Map<String, NeuronType> neuronTypes = new LinkedHashMap<>();
    private final Map<String, ConnectionType> connectionTypes = new LinkedHashMap<>();
    private final Map<String, LearningRuleDef> learningRules = new LinkedHashMap<>();
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private final Map<String, SpikeGeneratorDef> generators = new LinkedHashMap<>();
    private final List<Projection> projections = new ArrayList<>();

    private NetworkBuilder(String name) {
        this.name = name;
    }

    public static NetworkBuilder network(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a network needs a name");
        return new NetworkBuilder(name);
    }

    public NetworkBuilder description(String text) {
        this.description = text == null ? "" : text;
        return this;
    }

    /** Records a parameter value (in Java, sizes are computed directly; this keeps the value in config.json). */
    public NetworkBuilder parameter(String parameter, int value) {
        String bad = Names.checkParameter(parameter);
        if (bad != null) throw new IllegalArgumentException(bad);
        parameters.put(parameter, value);
        return this;
    }

    public NetworkBuilder neuronType(String typeName, Consumer<NeuronTypeBuilder> spec) {
        NeuronTypeBuilder b = new NeuronTypeBuilder();
        spec.accept(b);
        put(neuronTypes, typeName, b.build(typeName), "neuron type");
        return this;
    }

    public NetworkBuilder connectionType(String typeName, Consumer<ConnectionTypeBuilder> spec) {
        ConnectionTypeBuilder b = new ConnectionTypeBuilder();
        spec.accept(b);
        put(connectionTypes, typeName, b.build(typeName), "connection type");
        return this;
    }

    public NetworkBuilder learningRule(String ruleName, Consumer<LearningRuleBuilder> spec) {
        LearningRuleBuilder b = new LearningRuleBuilder();
        spec.accept(b);
        put(learningRules, ruleName, b.build(ruleName), "learning rule");
        return this;
    }

    public NetworkBuilder population(String populationName, int size, String neuronType) {
        put(populations, populationName, new Population(populationName, size, neuronType), "population");
        return this;
    }

    public NetworkBuilder spikeGenerator(String generatorName, int ports) {
        return spikeGenerator(generatorName, ports, g -> { });
    }

    public NetworkBuilder spikeGenerator(String generatorName, int ports, Consumer<SpikeGeneratorBuilder> spec) {
        SpikeGeneratorBuilder b = new SpikeGeneratorBuilder();
        spec.accept(b);
        put(generators, generatorName, new SpikeGeneratorDef(generatorName, ports, b.spikes, b.file), "spike generator");
        return this;
    }

    public NetworkBuilder projection(String from, String to, String type) {
        return projection(from, to, type, p -> { });
    }

    public NetworkBuilder projection(String from, String to, String type, Consumer<ProjectionBuilder> spec) {
        ProjectionBuilder b = new ProjectionBuilder();
        spec.accept(b);
        projections.add(b.build(from, to, type));
        return this;
    }

    /** The compact form: one projection per (from, to, type) combination, in that nesting order, with default names. */
    public NetworkBuilder projections(List<String> from, List<String> to, List<String> types) {
        for (String f : from) for (String t : to) for (String ty : types) projection(f, t, ty);
        return this;
    }

    /** Checks references, sizes and delays; all problems together in one {@link UserError}. */
    public NetworkDescription build() {
        SourceMap none = SourceMap.none("network '" + name + "' (built in Java)");
        NetworkDescription d = new NetworkDescription(name, description, parameters, neuronTypes, connectionTypes, learningRules,
                populations, generators, projections, none);
        Problems problems = new Problems(none);
        NetworkValidator.validate(d, problems);
        problems.throwIfAny();
        return d;
    }

    private static <V> void put(Map<String, V> m, String key, V value, String what) {
        if (m.containsKey(key)) throw new IllegalArgumentException("duplicate " + what + " '" + key + "'");
        m.put(key, value);
    }

    /**
     * NxSDK compartment fields, with threshold and bias in weight units. A field not set takes the default declared in
     * {@link CompartmentField}, as in the file format; the chip's checks run at {@link #build()}.
     */
    public static final class NeuronTypeBuilder {
        private final Map<CompartmentField, Object> values = new EnumMap<>(CompartmentField.class);

        private NeuronTypeBuilder set(CompartmentField f, Object value) {
            values.put(f, value);
            return this;
        }

        /** Threshold in weight units; the same number as vThMant (both scale by 2^6). */
        public NeuronTypeBuilder threshold(int weightUnits) {
            return set(CompartmentField.V_TH_MANT, weightUnits);
        }

        public NeuronTypeBuilder vThMant(int mant) {
            return set(CompartmentField.V_TH_MANT, mant);
        }

        /** Bias in weight units, split into biasMant·2^biasExp = bias·64 (−8192 → −4096·2^7). */
        public NeuronTypeBuilder bias(int weightUnits) {
            return split(WeightSplit.bias(weightUnits), "bias " + weightUnits);
        }

        /** Bias in membrane units (weight units × 64, the units of v), split into biasMant·2^biasExp with the smallest exponent. */
        public NeuronTypeBuilder biasMembrane(int membraneUnits) {
            return split(WeightSplit.biasMembrane(membraneUnits), "bias_membrane " + membraneUnits);
        }

        private NeuronTypeBuilder split(WeightSplit.Split s, String what) {
            if (s == null) {
                throw new IllegalArgumentException(what + " cannot be written as biasMant·2^biasExp (biasMant " + CompartmentField.BIAS_MANT.range()
                        + ", biasExp " + CompartmentField.BIAS_EXP.range() + ")");
            }
            return bias(s.mantissa(), s.exponent());
        }

        public NeuronTypeBuilder bias(int mant, int exp) {
            return set(CompartmentField.BIAS_MANT, mant).set(CompartmentField.BIAS_EXP, exp);
        }

        public NeuronTypeBuilder decayU(int d) {
            return set(CompartmentField.DECAY_U, d);
        }

        public NeuronTypeBuilder decayV(int d) {
            return set(CompartmentField.DECAY_V, d);
        }

        public NeuronTypeBuilder refractoryDelay(int r) {
            return set(CompartmentField.REFRACTORY_DELAY, r);
        }

        /** null: the chip's default floor. */
        public NeuronTypeBuilder vMinExp(Integer e) {
            return set(CompartmentField.V_MIN_EXP, e);
        }

        /** null: the chip's default ceiling. */
        public NeuronTypeBuilder vMaxExp(Integer e) {
            return set(CompartmentField.V_MAX_EXP, e);
        }

        /** Also sets enable_spike_backprop unless that is set explicitly. */
        public NeuronTypeBuilder enableLearning(boolean on) {
            return set(CompartmentField.ENABLE_LEARNING, on);
        }

        public NeuronTypeBuilder enableSpikeBackprop(boolean on) {
            return set(CompartmentField.ENABLE_SPIKE_BACKPROP, on);
        }

        public NeuronTypeBuilder numDendriticAccumulators(int n) {
            return set(CompartmentField.NUM_DENDRITIC_ACCUMULATORS, n);
        }

        /** The multi-compartment fields (docs/network-format.md#multi-compartment-neurons). */
        public NeuronTypeBuilder stackOut(CompartmentPrototype.StackOut s) {
            return set(CompartmentField.STACK_OUT, s);
        }

        public NeuronTypeBuilder stackIn(CompartmentPrototype.StackIn s) {
            return set(CompartmentField.STACK_IN, s);
        }

        public NeuronTypeBuilder join(CompartmentPrototype.Join j) {
            return set(CompartmentField.JOIN, j);
        }

        public NeuronTypeBuilder thresholdMode(CompartmentPrototype.ThresholdMode m) {
            return set(CompartmentField.THRESHOLD_MODE, m);
        }

        NeuronType build(String name) {
            if (values.get(CompartmentField.V_TH_MANT) == null) throw new IllegalArgumentException(name + ": a neuron type needs a threshold");
            return new NeuronType(name, CompartmentPrototype.from(values));
        }
    }

    /** A connection type; exactly as the file's connection_types entries. */
    public static final class ConnectionTypeBuilder extends WeightBuilder<ConnectionTypeBuilder> {
        private ConnectivityKind kind;
        private SignMode signMode;
        private int bits = 8;
        private int delay;
        private String rule;

        public ConnectionTypeBuilder connectivity(ConnectivityKind k) {
            kind = k;
            return this;
        }

        public ConnectionTypeBuilder dense() { return connectivity(ConnectivityKind.DENSE); }
        public ConnectionTypeBuilder oneToOne() { return connectivity(ConnectivityKind.ONE_TO_ONE); }
        public ConnectionTypeBuilder allToAll() { return connectivity(ConnectivityKind.ALL_TO_ALL); }
        public ConnectionTypeBuilder sparse() { return connectivity(ConnectivityKind.SPARSE); }

        public ConnectionTypeBuilder signMode(SignMode m) {
            signMode = m;
            return this;
        }

        public ConnectionTypeBuilder numWeightBits(int b) {
            bits = b;
            return this;
        }

        public ConnectionTypeBuilder delay(int d) {
            delay = d;
            return this;
        }

        public ConnectionTypeBuilder learningRule(String name) {
            rule = name;
            return this;
        }

        ConnectionType build(String name) {
            return new ConnectionType(name, kind, weight, signMode, bits, exponent, delay, rule);
        }
    }

    /** Per-projection overrides of its connection type. */
    public static final class ProjectionBuilder extends WeightBuilder<ProjectionBuilder> {
        private String name;
        private Integer delay;
        private List<Integer> portMap;

        /** From a spike generator over a one_to_one type: port k drives neuron {@code targets[k]}. */
        public ProjectionBuilder portMap(int... targets) {
            portMap = java.util.Arrays.stream(targets).boxed().toList();
            return this;
        }

        public ProjectionBuilder name(String n) {
            name = n;
            return this;
        }

        public ProjectionBuilder delay(int d) {
            delay = d;
            return this;
        }

        Projection build(String from, String to, String type) {
            return new Projection(name != null ? name : Projection.defaultName(from, to, type), from, to, type, weight, exponent, delay, portMap);
        }
    }

    /** The weight source and exponent shared by connection types and projections. */
    public abstract static class WeightBuilder<B extends WeightBuilder<B>> {
        WeightSpec weight;
        Integer exponent;

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** One weight in weight units. */
        public B weight(int weightUnits) {
            weight = new WeightSpec.Scalar(weightUnits);
            return self();
        }

        /** An explicit stored mantissa and exponent. */
        public B mantissa(int mantissa, int exp) {
            weight = new WeightSpec.Mantissa(mantissa);
            exponent = exp;
            return self();
        }

        public B exponent(int exp) {
            exponent = exp;
            return self();
        }

        /** A matrix the program supplies at compile time under {@code name}, shape (pre, post) before transposing. */
        public B matrix(String name, boolean transpose, boolean negate) {
            return matrix(name, transpose, negate, false);
        }

        /** As above; {@code saturate} clamps values the connection cannot store to its range (see {@link WeightSpec.Matrix}). */
        public B matrix(String name, boolean transpose, boolean negate, boolean saturate) {
            weight = new WeightSpec.Matrix(new WeightSpec.MatrixSource.Named(name), transpose, negate, saturate);
            return self();
        }

        public B matrix(String name) {
            return matrix(name, false, false);
        }

        /** A matrix given now (the file format's {@code values}). */
        public B matrix(IntMatrix values) {
            weight = new WeightSpec.Matrix(new WeightSpec.MatrixSource.File(null, values), false, false);
            return self();
        }

        public B synapses(SparseSynapses s) {
            weight = new WeightSpec.Synapses(null, s);
            return self();
        }

        /** A matrix already read from {@code file} (the name is kept for reports). */
        public B matrixFile(String file, IntMatrix data, boolean transpose, boolean negate) {
            weight = new WeightSpec.Matrix(new WeightSpec.MatrixSource.File(file, data), transpose, negate);
            return self();
        }

        /** Synapses already read from {@code file} (the name is kept for reports). */
        public B synapsesFile(String file, SparseSynapses s) {
            weight = new WeightSpec.Synapses(file, s);
            return self();
        }

        /**
         * The matrix or synapses given so far hold stored mantissas (NxSDK's weight), not weight units, at {@code exp}: the
         * file format's {@code mantissas: true} with an {@code exponent}.
         */
        public B mantissas(int exp) {
            weight = switch (weight) {
                case WeightSpec.Matrix m -> new WeightSpec.Matrix(m.source(), m.transpose(), m.negate(), m.saturate(), true);
                case WeightSpec.Synapses s -> new WeightSpec.Synapses(s.file(), s.synapses(), true);
                case null, default -> throw new IllegalArgumentException("mantissas(exp) follows a matrix or synapses; for one weight use mantissa(m, exp)");
            };
            exponent = exp;
            return self();
        }
    }

    public static final class LearningRuleBuilder {
        private String dw;
        private int tEpoch = 1;
        private LearningSpec.Trace x1 = LearningSpec.Trace.OFF, x2 = LearningSpec.Trace.OFF, y1 = LearningSpec.Trace.OFF,
                y2 = LearningSpec.Trace.OFF, y3 = LearningSpec.Trace.OFF, r1 = LearningSpec.Trace.OFF;
        private LearningRuleDef.Reinforcement reinforcement;

        public LearningRuleBuilder dw(String rule) { dw = rule; return this; }
        public LearningRuleBuilder tEpoch(int t) { tEpoch = t; return this; }
        public LearningRuleBuilder x1(double impulse, int timeConstant) { x1 = new LearningSpec.Trace(impulse, timeConstant); return this; }
        public LearningRuleBuilder x2(double impulse, int timeConstant) { x2 = new LearningSpec.Trace(impulse, timeConstant); return this; }
        public LearningRuleBuilder y1(double impulse, int timeConstant) { y1 = new LearningSpec.Trace(impulse, timeConstant); return this; }
        public LearningRuleBuilder y2(double impulse, int timeConstant) { y2 = new LearningSpec.Trace(impulse, timeConstant); return this; }
        public LearningRuleBuilder y3(double impulse, int timeConstant) { y3 = new LearningSpec.Trace(impulse, timeConstant); return this; }
        public LearningRuleBuilder r1(double impulse, int timeConstant) { r1 = new LearningSpec.Trace(impulse, timeConstant); return this; }

        public LearningRuleBuilder reinforcement(String source, int index) {
            reinforcement = new LearningRuleDef.Reinforcement(source, index);
            return this;
        }

        LearningRuleDef build(String name) {
            return new LearningRuleDef(name, dw, x1, x2, y1, y2, y3, r1, tEpoch, reinforcement);
        }
    }

    public static final class SpikeGeneratorBuilder {
        private final List<SpikeGeneratorDef.Spike> spikes = new ArrayList<>();
        private String file;

        /** Names the file the spikes were read from (for reports). */
        public SpikeGeneratorBuilder file(String name) {
            file = name;
            return this;
        }

        /** A spike of {@code port} at {@code step} (≥ 1). */
        public SpikeGeneratorBuilder spike(long step, int port) {
            spikes.add(new SpikeGeneratorDef.Spike(step, port));
            return this;
        }

        /** Spikes of {@code port} at from, from + every, ... up to {@code to} (the file format's {port, from, to, every}). */
        public SpikeGeneratorBuilder spikes(int port, long from, long to, long every) {
            if (every < 1 || to < from) throw new IllegalArgumentException("a spike range needs every >= 1 and to >= from, got from " + from + " to " + to + " every " + every);
            for (long step = from; step <= to; step += every) spike(step, port);
            return this;
        }
    }
}
