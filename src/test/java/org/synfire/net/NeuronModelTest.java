package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.synfire.net.TestNets.problems;
import static org.synfire.net.TestNets.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;

/** The network format's neuron model: its keys, defaults, ranges and messages as declared, the builder alike, config.json, the docs table. */
class NeuronModelTest {

    /** The integer keys with their ranges written out by hand (docs/chip.md), and where the loaded value lands. */
    record IntKey(String key, int min, int max, boolean powerOfTwo, Function<CompartmentPrototype, Integer> read) {}

    static final List<IntKey> INT_KEYS = List.of(
            new IntKey("v_th_mant", 0, 131071, false, CompartmentPrototype::vThMant),
            new IntKey("threshold", 0, 131071, false, CompartmentPrototype::vThMant),
            new IntKey("bias_mant", -4096, 4095, false, CompartmentPrototype::biasMant),
            new IntKey("bias_exp", 0, 7, false, CompartmentPrototype::biasExp),
            new IntKey("decay_u", 0, 4096, false, CompartmentPrototype::decayU),
            new IntKey("decay_v", 0, 4096, false, CompartmentPrototype::decayV),
            new IntKey("refractory_delay", 1, 63, false, CompartmentPrototype::refractoryDelay),
            new IntKey("v_min_exp", 0, 23, false, CompartmentPrototype::vMinExp),
            new IntKey("v_max_exp", 0, 7, false, CompartmentPrototype::vMaxExp),
            new IntKey("num_dendritic_accumulators", 2, 64, true, CompartmentPrototype::numDendriticAccumulators));

    private static String type(String fields) {
        return "name: t\nneuron_types:\n  n: {" + fields + "}\n";
    }

    private static CompartmentPrototype load(String fields) {
        return yaml(type(fields)).neuronTypes().get("n").prototype();
    }

    @Test
    void keysAreTheFormatsInTheirOrder() {
        assertThat(NeuronModel.KEYS).containsExactly("threshold", "v_th_mant", "bias", "bias_membrane", "bias_mant", "bias_exp", "decay_u", "decay_v",
                "refractory_delay", "v_min_exp", "v_max_exp", "enable_learning", "enable_spike_backprop", "num_dendritic_accumulators",
                "stack_out", "stack_in", "join", "threshold_mode");
        assertThat(NetworkLoader.NEURON_KEYS).isEqualTo(NeuronModel.KEYS);
    }

    @Test
    void defaultsAreTheDeclaredOnesInFileAndBuilder() {
        CompartmentPrototype expected = new CompartmentPrototype(4096, 4096, 7, 0, 0, 1, null, null, false, false, 8, StackOut.NONE, StackIn.NONE,
                Join.SKIP, ThresholdMode.SPIKE_AND_RESET);
        assertThat(load("threshold: 7")).isEqualTo(expected);
        assertThat(NetworkBuilder.network("t").neuronType("n", t -> t.threshold(7)).build().neuronTypes().get("n").prototype()).isEqualTo(expected);
    }

    @Test
    void everyKeyReachesItsFieldFromFileAndBuilderAlike() {
        String file = "v_th_mant: 300, bias_mant: -5, bias_exp: 3, decay_u: 100, decay_v: 200, refractory_delay: 4, v_min_exp: 10, v_max_exp: 2,"
                + " enable_learning: true, enable_spike_backprop: false, num_dendritic_accumulators: 16, stack_out: push,"
                + " threshold_mode: no_spike_and_pass_v_lg_vth_to_parent";
        CompartmentPrototype expected = new CompartmentPrototype(100, 200, 300, -5, 3, 4, 10, 2, true, false, 16, StackOut.PUSH, StackIn.NONE,
                Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT);
        assertThat(load(file)).isEqualTo(expected);
        NetworkDescription built = NetworkBuilder.network("t").neuronType("n", t -> t.vThMant(300).bias(-5, 3).decayU(100).decayV(200)
                .refractoryDelay(4).vMinExp(10).vMaxExp(2).enableLearning(true).enableSpikeBackprop(false).numDendriticAccumulators(16)
                .stackOut(StackOut.PUSH).thresholdMode(ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT)).build();
        assertThat(built.neuronTypes().get("n").prototype()).isEqualTo(expected);
        assertThat(yaml(type("threshold: 1, stack_in: pop_a, join: add")).neuronTypes())
                .isEqualTo(NetworkBuilder.network("t").neuronType("n", t -> t.threshold(1).stackIn(StackIn.POP_A).join(Join.ADD)).build().neuronTypes());
    }

    @Test
    void rangeEdgesLoadAndOneBeyondIsReportedByKey() {
        for (IntKey k : INT_KEYS) {
            String others = k.key().equals("threshold") || k.key().equals("v_th_mant") ? "" : "threshold: 1, ";
            for (int v : new int[] {k.min(), k.max()}) {
                assertThat(k.read().apply(load(others + k.key() + ": " + v))).as(k.key() + " " + v).isEqualTo(v);
            }
            for (int v : new int[] {k.min() - 1, k.max() + 1}) {
                String range = k.powerOfTwo() ? " must be a power of two in " : " is outside ";
                assertThat(problems(type(others + k.key() + ": " + v))).as(k.key() + " " + v)
                        .contains("neuron_types.n." + k.key() + ": " + k.key() + " " + v + range + k.min() + ".." + k.max());
            }
        }
        assertThat(problems(type("threshold: 1, num_dendritic_accumulators: 24")))
                .contains("neuron_types.n.num_dendritic_accumulators: num_dendritic_accumulators 24 must be a power of two in 2..64");
    }

    @Test
    void fileAcceptsAnIntegerIffTheChipHoldsIt() {
        qt().withExamples(400).forAll(integers().between(0, INT_KEYS.size() - 1), integers().between(-140_000, 140_000)).checkAssert((i, v) -> {
            IntKey k = INT_KEYS.get(i);
            boolean holds = v >= k.min() && v <= k.max() && (!k.powerOfTwo() || Integer.bitCount(v) == 1);
            String others = k.key().equals("threshold") || k.key().equals("v_th_mant") ? "" : "threshold: 1, ";
            try {
                CompartmentPrototype p = load(others + k.key() + ": " + v);
                assertThat(holds).as(k.key() + " " + v + " loaded").isTrue();
                assertThat(k.read().apply(p)).isEqualTo(v);
            } catch (UserError e) {
                assertThat(holds).as(k.key() + " " + v + " rejected: " + e.getMessage()).isFalse();
                assertThat(e.getMessage()).contains("neuron_types.n." + k.key() + ": " + k.key() + " " + v);
            }
        });
    }

    @Test
    void choicesAndFlagsAreCheckedByKey() {
        assertThat(problems(type("threshold: 1, join: SKIP"))).contains("neuron_types.n.join: join 'SKIP' is not one of skip, add; did you mean 'skip'?");
        assertThat(problems(type("threshold: 1, threshold_mode: never")))
                .contains("threshold_mode 'never' is not one of spike_and_reset, no_spike_and_pass_v_lg_vth_to_parent");
        assertThat(problems(type("threshold: 1, enable_spike_backprop: 0")))
                .contains("neuron_types.n.enable_spike_backprop: expected true or false, found the integer 0");
        assertThat(problems(type("threshold: 1, treshold_mode: x"))).contains("unknown key 'treshold_mode' in neuron_types.n; did you mean 'threshold_mode'?");
    }

    @Test
    void builderReportsTheChipsRangeByJavaName() {
        assertThatThrownBy(() -> NetworkBuilder.network("t").neuronType("n", t -> t.threshold(1).decayU(5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("decayU = 5000 is outside 0..4096");
        assertThatThrownBy(() -> NetworkBuilder.network("t").neuronType("n", t -> t.threshold(1).bias(8191)))
                .hasMessage("bias 8191 cannot be written as biasMant·2^biasExp (biasMant -4096..4095, biasExp 0..7)");
        assertThatThrownBy(() -> NetworkBuilder.network("t").neuronType("n", t -> t.decayU(1))).hasMessage("n: a neuron type needs a threshold");
    }

    @Test
    void configJsonWritesEveryFieldUnderItsKey() {
        NetworkDescription d = yaml("""
                name: t
                neuron_types:
                  n: {threshold: 1024, bias: -8192, refractory_delay: 2, enable_learning: true, v_max_exp: 5}
                populations:
                  a: {size: 1, type: n}
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> pop = ((List<Map<String, Object>>) NetworkCompiler.compile(d, 1).effective().get("populations")).getFirst();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("decay_u", 4096);
        expected.put("decay_v", 4096);
        expected.put("v_th_mant", 1024);
        expected.put("bias_mant", -4096);
        expected.put("bias_exp", 7);
        expected.put("refractory_delay", 2);
        expected.put("v_min_exp", null);
        expected.put("v_max_exp", 5);
        expected.put("enable_learning", true);
        expected.put("enable_spike_backprop", true);
        expected.put("num_dendritic_accumulators", 8);
        expected.put("stack_out", "none");
        expected.put("stack_in", "none");
        expected.put("join", "skip");
        expected.put("threshold_mode", "spike_and_reset");
        assertThat(pop.get("prototype")).isEqualTo(expected);
        assertThat(((Map<?, ?>) pop.get("prototype")).keySet().stream().map(Object::toString).toList())
                .containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void docsTableIsTheGeneratedOne() throws Exception {
        String table = NeuronModel.table();
        assertThat(table).startsWith("| key | values | unit | default | meaning |\n|---|---|---|---|---|\n")
                .contains("| `threshold` | integer 0..131071 | wu | required (or `v_th_mant`) |")
                .contains("| `decay_u` | integer 0..4096 | 1/4096 per step | 4096 |")
                .contains("| `enable_spike_backprop` | `true`, `false` | – | = `enable_learning` |")
                .contains("| `stack_in` | `none`, `pop_a` | – | `none` |");
        assertThat(table.lines().count()).isEqualTo(2 + NeuronModel.KEYS.size());
        assertThat(Files.readString(Path.of("docs/network-format.md"))).contains(table);
    }
}
