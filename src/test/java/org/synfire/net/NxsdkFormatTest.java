package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.net.TestNets.problems;
import static org.synfire.net.TestNets.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;

/**
 * The parts of the format that NxSDK users reach for (docs/network-format.md): weights as mantissas, the bias in
 * membrane units, generator port maps, spike ranges, the stored weights in config.json, and errors that point at
 * the one mistake. Expected values are worked out by hand in the comments.
 */
class NxsdkFormatTest {
    private static int[] mantissas(CompiledNetwork net, String projection) {
        return net.plan().connection(projection).mantissas();
    }

    private static int exponent(CompiledNetwork net, String projection) {
        return net.plan().connection(projection).exponent();
    }

    // ---------------------------------------------------------------- weight units or mantissas

    private static final String WEIGHTS = """
            name: t
            neuron_types: {n: {threshold: 1000}}
            connection_types:
              wu:    {connectivity: all_to_all, weight: 7, exponent: -1}
              mant:  {connectivity: all_to_all, mantissa: 7, exponent: -1}
              mat:   {connectivity: dense, matrix: {values: [[7, 9]], mantissas: true}, exponent: 2}
              matwu: {connectivity: dense, matrix: {values: [[28, 36]]}}
              syn:   {connectivity: sparse, synapses: {values: [[0, 1, 7]], mantissas: true}, exponent: -1}
              synwu: {connectivity: sparse, synapses: [[0, 1, 7]], exponent: -1}
            populations: {a: {size: 1, type: n}, b: {size: 2, type: n}}
            projections:
              - {from: a, to: b, type: [wu, mant, mat, matwu, syn, synwu]}
            """;

    @Test
    void aWeightIsInWeightUnitsAndAMantissaIsStoredAsItIs() {
        CompiledNetwork net = NetworkCompiler.compile(yaml(WEIGHTS), 1);
        // weight 7 at exponent −1 asks for 7 wu: mantissa 14, ⌊14 · 2^−1⌋ = 7
        assertThat(mantissas(net, "a->b:wu")).containsExactly(14);
        // mantissa 7 at exponent −1 is NxSDK's weight 7, weightExponent −1: it delivers ⌊7 · 2^−1⌋ = 3 wu
        assertThat(mantissas(net, "a->b:mant")).containsExactly(7);
        assertThat(WeightSplit.effective(7, -1)).isEqualTo(3);
        // a matrix of mantissas at exponent 2 delivers 28 and 36 wu; the same weights given in wu are split at
        // the smallest exact exponent, 0 (28 and 36 fit 8 bits)
        assertThat(mantissas(net, "a->b:mat")).containsExactly(7, 9);
        assertThat(exponent(net, "a->b:mat")).isEqualTo(2);
        assertThat(mantissas(net, "a->b:matwu")).containsExactly(28, 36);
        assertThat(exponent(net, "a->b:matwu")).isZero();
        // synapses: the third column as mantissa (7 → 3 wu) or in wu (7 → mantissa 14)
        assertThat(mantissas(net, "a->b:syn")).containsExactly(7);
        assertThat(mantissas(net, "a->b:synwu")).containsExactly(14);
        assertThat(net.plan().connection("a->b:mat").weightSource()).isEqualTo("inline matrix (mantissas)");
        assertThat(net.warnings()).isEmpty();
    }

    @Test
    void theBuilderGivesMantissasTheSameWay() {
        NetworkDescription built = NetworkBuilder.network("t")
                .neuronType("n", t -> t.threshold(1000))
                .connectionType("wu", c -> c.allToAll().weight(7).exponent(-1))
                .connectionType("mant", c -> c.allToAll().mantissa(7, -1))
                .connectionType("mat", c -> c.dense().matrix(IntMatrix.of(new int[][] {{7, 9}})).mantissas(2))
                .connectionType("matwu", c -> c.dense().matrix(IntMatrix.of(new int[][] {{28, 36}})))
                .connectionType("syn", c -> c.sparse().synapses(new SparseSynapses(new int[] {0}, new int[] {1}, new int[] {7})).mantissas(-1))
                .connectionType("synwu", c -> c.sparse().synapses(new SparseSynapses(new int[] {0}, new int[] {1}, new int[] {7})).exponent(-1))
                .population("a", 1, "n").population("b", 2, "n")
                .projections(List.of("a"), List.of("b"), List.of("wu", "mant", "mat", "matwu", "syn", "synwu"))
                .build();
        assertThat(built).isEqualTo(yaml(WEIGHTS));
        assertThatThrownBy(() -> NetworkBuilder.network("t").connectionType("x", c -> c.allToAll().weight(3).mantissas(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mantissas(exp) follows a matrix or synapses");
    }

    @Test
    void mantissasNeedAnExponentAndTheSignModesRange() {
        String base = "name: t\nneuron_types: {n: {threshold: 1000}}\npopulations: {a: {size: 1, type: n}, b: {size: 2, type: n}}\n";
        assertThat(problems(base + "connection_types:\n  m: {connectivity: dense, matrix: {values: [[7, 9]], mantissas: true}}\n"
                + "projections:\n  - {from: a, to: b, type: m}\n"))
                .isEqualTo("net.yaml has 1 problem:\n  net.yaml:5:36: connection_types.m.matrix: mantissas need an exponent (on the projection or its connection type)");
        // the exponent may come from the projection
        NetworkDescription d = yaml(base + "connection_types:\n  m: {connectivity: dense, matrix: {values: [[7, 9]], mantissas: true}}\n"
                + "projections:\n  - {from: a, to: b, type: m, exponent: 1}\n");
        assertThat(NetworkCompiler.compile(d, 1).plan().connection("a->b:m").exponent()).isEqualTo(1);
        // 300 is beyond an excitatory mantissa's 0..255, at any exponent
        String big = base + "connection_types:\n  m: {connectivity: dense, matrix: {values: [[7, 300]], mantissas: true}, exponent: 0}\n"
                + "projections:\n  - {from: a, to: b, type: m}\n";
        assertThatThrownBy(() -> NetworkCompiler.compile(yaml(big), 1)).isInstanceOf(UserError.class)
                .hasMessageContaining("connection_types.m.matrix: a->b:m: mantissa 300 (entry 1) is outside the excitatory range 0..255");
        // mixed 8-bit mantissas keep 7 bits: 7 → 6 and −3 → −4 (the low bit dropped, rounding toward −∞), one warning for both
        String mixed = base + "connection_types:\n  m: {connectivity: dense, matrix: {values: [[7, -3]], mantissas: true}, exponent: 0}\n"
                + "projections:\n  - {from: a, to: b, type: m}\n";
        CompiledNetwork net = NetworkCompiler.compile(yaml(mixed), 1);
        assertThat(mantissas(net, "a->b:m")).containsExactly(6, -4);
        assertThat(net.warnings()).singleElement().asString()
                .contains("a->b:m: mantissa 7 is stored as 6 (mixed with 8 bits keeps multiples of 2); 2 of 2 mantissas are stored inexactly");
    }

    // ---------------------------------------------------------------- bias

    @Test
    void theBiasEntersVEveryStepUnfilteredByTheCurrentDecay() {
        NetworkDescription d = yaml("""
                name: bias
                neuron_types:
                  free:   {threshold: 10, decay_v: 0, bias_membrane: 100}
                  no_u:   {threshold: 10, decay_v: 0, decay_u: 0, bias_membrane: 100}
                  at:     {threshold: 10, bias_membrane: 640}
                  over:   {threshold: 10, bias_membrane: 641}
                  in_wu:  {threshold: 10, bias: 10}
                populations:
                  free: {size: 1, type: free}
                  no_u: {size: 1, type: no_u}
                  at:   {size: 1, type: at}
                  over: {size: 1, type: over}
                  in_wu: {size: 1, type: in_wu}
                """);
        List<TestNets.Spike> spikes = TestNets.run(NetworkCompiler.compile(d, 1), 21);
        // threshold 10 is v > 640. No voltage decay: v = 100, 200, ..., 700 > 640 at step 7, reset, again at 14 and 21
        assertThat(TestNets.spikesOf(spikes, "free")).extracting(TestNets.Spike::step).containsExactly(7L, 14L, 21L);
        // decay_u does not touch the bias (in u with decay_u 0, v would be 100, 300, 600, 1000: a spike at 4)
        assertThat(TestNets.spikesOf(spikes, "no_u")).extracting(TestNets.Spike::step).containsExactly(7L, 14L, 21L);
        // full voltage decay: v = bias each step; 640 is not above 640, 641 is (every step: no refractory period)
        assertThat(TestNets.spikesOf(spikes, "at")).isEmpty();
        assertThat(TestNets.spikesOf(spikes, "over")).hasSize(21);
        // bias: 10 in weight units is 640 membrane units
        assertThat(TestNets.spikesOf(spikes, "in_wu")).isEmpty();
        assertThat(d.neuronTypes().get("in_wu").prototype().bias()).isEqualTo(640);
    }

    @Test
    void aBiasInMembraneUnitsIsSplitExactlyOrRefusedWithTheNearestThatCanBe() {
        assertThat(WeightSplit.biasMembrane(100)).isEqualTo(new WeightSplit.Split(100, 0));
        assertThat(WeightSplit.biasMembrane(5000)).isEqualTo(new WeightSplit.Split(2500, 1));
        assertThat(WeightSplit.biasMembrane(-524288)).isEqualTo(new WeightSplit.Split(-4096, 7));
        assertThat(WeightSplit.biasMembrane(5001)).isNull();
        // 5001: 4095 at 2^0 (the largest), 5000 and 5002 at 2^1
        assertThat(WeightSplit.nearestBiases(5001)).containsExactly(5000, 5002);
        assertThat(WeightSplit.nearestBiases(100)).containsExactly(100, 100);
        // beyond 4095 · 2^7 = 524160 there is nothing above
        assertThat(WeightSplit.nearestBiases(600000)).containsExactly(524160, Long.MAX_VALUE);
        String base = "name: t\nneuron_types:\n  n: {threshold: 10, %s}\n";
        assertThat(problems(base.formatted("bias_membrane: 5001"))).isEqualTo("net.yaml has 1 problem:\n  net.yaml:3:37: neuron_types.n.bias_membrane:"
                + " bias_membrane 5001 cannot be written as biasMant·2^biasExp with biasMant in -4096..4095 and biasExp in 0..7;"
                + " the nearest that can are bias_membrane 5000 and 5002");
        assertThat(problems(base.formatted("bias: 1, bias_membrane: 64")))
                .contains("neuron_types.n.bias: give one of 'bias' (weight units), 'bias_membrane' (membrane units), not several");
        NetworkDescription d = yaml(base.formatted("bias_membrane: 5000"));
        assertThat(d.neuronTypes().get("n").prototype().biasMant()).isEqualTo(2500);
        assertThat(d.neuronTypes().get("n").prototype().biasExp()).isEqualTo(1);
        assertThat(NetworkBuilder.network("t").neuronType("n", t -> t.threshold(10).biasMembrane(5000)).build()).isEqualTo(d);
    }

    // ---------------------------------------------------------------- generator ports

    private static final String PORTS = """
            name: ports
            neuron_types: {n: {threshold: 1000}}
            connection_types: {drive: {connectivity: one_to_one, weight: 1040}}
            populations: {a: {size: 3, type: n}, big: {size: 8, type: n}}
            spike_generators: {stim: {ports: 3, spikes: [[1, 0], [1, 2], [2, 1]]}}
            projections:
              - {from: stim, to: a, type: drive}
              - {from: stim, to: big, type: drive, port_map: [7, 0, 3]}
            """;

    @Test
    void oneToOneFromAGeneratorWiresPortIToNeuronIOrThroughAPortMap() {
        CompiledNetwork net = NetworkCompiler.compile(yaml(PORTS), 1);
        List<TestNets.Spike> spikes = TestNets.run(net, 4);
        // 1040 wu is above the threshold 1000: each port's spike fires its neuron one step later
        assertThat(TestNets.spikesOf(spikes, "a")).extracting(Object::toString).containsExactly("2,a,0", "2,a,2", "3,a,1");
        // port 0 → big[7] and port 2 → big[3] at step 2, port 1 → big[0] at step 3
        assertThat(TestNets.spikesOf(spikes, "big")).extracting(Object::toString).containsExactly("2,big,3", "2,big,7", "3,big,0");
        CompiledNetwork.WeightLayout l = net.weightLayout("stim->big:drive");
        assertThat(l.pre()).containsExactly(0, 1, 2);
        assertThat(l.post()).containsExactly(7, 0, 3);
        NetworkDescription built = NetworkBuilder.network("ports")
                .neuronType("n", t -> t.threshold(1000))
                .connectionType("drive", c -> c.oneToOne().weight(1040))
                .population("a", 3, "n").population("big", 8, "n")
                .spikeGenerator("stim", 3, g -> g.spike(1, 0).spike(1, 2).spike(2, 1))
                .projection("stim", "a", "drive")
                .projection("stim", "big", "drive", p -> p.portMap(7, 0, 3))
                .build();
        assertThat(built).isEqualTo(yaml(PORTS));
    }

    @Test
    void aPortMapNamesOneTargetPerPortWithinThePopulation() {
        assertThat(problems(PORTS.replace("port_map: [7, 0, 3]", "port_map: [7, 0]")))
                .contains("projections[1].port_map: the port_map lists 2 targets but stim has 3 ports (one target per port)");
        assertThat(problems(PORTS.replace("port_map: [7, 0, 3]", "port_map: [7, 9, 3]")))
                .contains("projections[1].port_map[1]: port 1 maps to neuron 9, outside big (0..7)");
        assertThat(problems(PORTS.replace("port_map: [7, 0, 3]", "").replace("{from: stim, to: a, type: drive}", "{from: a, to: a, type: drive, port_map: [0, 1, 2]}")))
                .contains("projections[0].port_map: a port_map wires the ports of a spike generator; a is a population (use sparse synapses)");
        assertThat(problems(PORTS.replace("port_map: [7, 0, 3]", "")))
                .contains("projections[1]: one_to_one needs equal sizes, but stim has 3 and big has 8 (a port_map: [...] wires each port to a neuron of your choice)");
    }

    // ---------------------------------------------------------------- spike ranges

    private static final String RANGES = """
            name: ranges
            spike_generators:
              clock: {ports: 1, spikes: [{port: 0, from: 1, to: 10, every: 3}]}
              burst: {ports: 4, spikes: [[1, 3], {port: [0, 1], from: 5, to: 6}]}
            """;

    @Test
    void spikeListsTakeRangesWithAPeriod() {
        NetworkDescription d = yaml(RANGES);
        // 1, 4, 7, 10; then (1, 3), and ports 0 and 1 at 5 and 6, port after port
        assertThat(d.spikeGenerators().get("clock").spikes()).extracting(s -> s.step() + "@" + s.port()).containsExactly("1@0", "4@0", "7@0", "10@0");
        assertThat(d.spikeGenerators().get("burst").spikes()).extracting(s -> s.step() + "@" + s.port())
                .containsExactly("1@3", "5@0", "6@0", "5@1", "6@1");
        NetworkDescription built = NetworkBuilder.network("ranges")
                .spikeGenerator("clock", 1, g -> g.spikes(0, 1, 10, 3))
                .spikeGenerator("burst", 4, g -> g.spike(1, 3).spikes(0, 5, 6, 1).spikes(1, 5, 6, 1))
                .build();
        assertThat(built).isEqualTo(d);
    }

    @Test
    void aBadRangeIsOneMessageAtItsKey() {
        assertThat(problems(RANGES.replace("from: 5, to: 6", "from: 5, to: 3"))).contains("net.yaml:4:66: spike_generators.burst.spikes[1].to: to 3 is before from 5 (the range is from..to, inclusive)");
        assertThat(problems(RANGES.replace("port: [0, 1]", "port: [0, 4]"))).contains("spike_generators.burst.spikes[1].port: port 4 is outside 0..3");
        assertThat(problems(RANGES.replace("from: 1, to: 10", "from: 0, to: 10"))).contains("spike_generators.clock.spikes[0].from: from 0 must be at least 1");
        assertThat(problems(RANGES.replace("every: 3", "evry: 3"))).contains("unknown key 'evry' in spike_generators.clock.spikes[0]; did you mean 'every'?");
        assertThat(problems(RANGES.replace("[1, 3], ", "[1], "))).contains("spike_generators.burst.spikes[0]: expected [step, port] or {port: P, from: A, to: B, every: K}, found a list of 1 values");
        assertThat(problems(RANGES.replace("to: 10, every: 3", "to: 20000000"))).contains("the spike list expands to more than 10000000 spikes");
    }

    // ---------------------------------------------------------------- config.json

    @Test
    void configDescribesTheStoredWeightsOfEveryConnectivityAlike() {
        NetworkDescription d = yaml("""
                name: t
                neuron_types: {n: {threshold: 1000}}
                connection_types:
                  shared: {connectivity: all_to_all, weight: 1040}
                  each:   {connectivity: one_to_one, weight: 520}
                  mat:    {connectivity: dense, matrix: {values: [[28, 36], [0, 4], [8, 12]]}}
                  syn:    {connectivity: sparse, synapses: {values: [[0, 1, 7]], mantissas: true}, exponent: -1}
                populations: {a: {size: 3, type: n}, b: {size: 2, type: n}, c: {size: 3, type: n}}
                projections:
                  - {from: a, to: b, type: [shared, mat, syn]}
                  - {from: a, to: c, type: each}
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> projections = (List<Map<String, Object>>) NetworkCompiler.compile(d, 1).effective().get("projections");
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : projections) {
            rows.add(p.get("name") + " " + p.get("stored_mantissas") + " " + p.get("mantissa_min") + ".." + p.get("mantissa_max") + " e" + p.get("exponent")
                    + " " + p.get("weight_min_wu") + ".." + p.get("weight_max_wu"));
        }
        // 1040 = 130·2^3, one value shared; 520 = 130·2^2 per synapse; the matrix at exponent 0; mantissa 7 at 2^−1 = 3 wu
        assertThat(rows).containsExactly("a->b:shared 1 130..130 e3 1040..1040", "a->b:mat 6 0..36 e0 0..36", "a->b:syn 1 7..7 e-1 3..3",
                "a->c:each 3 130..130 e2 520..520");
        for (Map<String, Object> p : projections) assertThat(p.keySet()).isEqualTo(projections.getFirst().keySet());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aParameterCycleIsOneProblemAndWhatUsesItIsNotReportedAgain() {
        String net = "name: t\nparameters: {x: 5, a: c + 1, b: a, c: b * 2, d: a + x}\nneuron_types:\n  n: {threshold: a}\n"
                + "populations:\n  p: {size: d, type: n}\n  q: {size: x, type: n}\n";
        // a uses c, c uses b, b uses a; reported at a, the first of them in the file; d, the threshold and p are silent
        assertThat(problems(net)).isEqualTo("net.yaml has 1 problem:\n  net.yaml:2:20: parameters.a: parameters a, c and b are defined in terms of"
                + " each other (a → c → b → a); give one of them a value");
        assertThat(problems("name: t\nparameters: {n: n + 1}\npopulations:\n  p: {size: n, type: x}\n"))
                .isEqualTo("net.yaml has 1 problem:\n  net.yaml:2:14: parameters.n: parameter 'n' is defined in terms of itself");
        // a parameter that overflows is one problem too
        String overflow = problems("name: t\nparameters: {big: 2147483647 + 1}\nneuron_types:\n  n: {threshold: 1}\npopulations:\n  p: {size: big, type: n}\n");
        assertThat(overflow).startsWith("net.yaml has 1 problem:\n  net.yaml:2:14: parameters.big: ");
    }

    @Test
    void yamlSyntaxErrorsPointAtTheLineOfTheMistake() {
        // a tab that indents line 3 (Jackson's own position is the end of line 2)
        assertThat(problems("name: s\nneuron_types:\n\tn: {threshold: 10}\n"))
                .startsWith("net.yaml has 1 problem:\n  net.yaml:3:1: YAML syntax: while scanning for the next token; found character '\\t(TAB)'");
        // '{' opened on line 3 and never closed: the parser notices at line 4, column 12
        assertThat(problems("name: s\nneuron_types:\n  n: {threshold: 10\npopulations:\n  p: {size: 3, type: n}\n"))
                .isEqualTo("net.yaml has 1 problem:\n  net.yaml:3:6: YAML syntax: the flow mapping '{' that starts here is not closed"
                        + " (at line 4, column 12: expected ',' or '}', but got :)");
        assertThat(problems("name: \"abc\nx: 1\n")).isEqualTo("net.yaml has 1 problem:\n  net.yaml:1:7: YAML syntax: the quoted text that starts here"
                + " is not closed (at line 3, column 1: found unexpected end of stream)");
        // a mistake on its own line is reported there: ']' expected before '}' on line 2
        assertThat(problems("name: s\nspike_generators: {g: {ports: 3, spikes: [[1, 0], [2, 1]}}\n"))
                .startsWith("net.yaml has 1 problem:\n  net.yaml:2:57: YAML syntax: while parsing a flow sequence; expected ',' or ']', but got }");
    }
}
