package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.net.TestNets.problems;
import static org.synfire.net.TestNets.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.learning.SignMode;

class NetworkLoaderTest {

    /** The network of full.yaml, written with the Java builder. */
    static NetworkDescription expectedFull() {
        return NetworkBuilder.network("full")
                .description("every feature of the format")
                .parameter("n", 4).parameter("m", 5).parameter("half", 2)
                .neuronType("gated", t -> t.threshold(1024).bias(-8192).refractoryDelay(2))
                .neuronType("plain", t -> t.vThMant(100).bias(10, 3).decayU(0).decayV(2048).refractoryDelay(1).vMinExp(23).vMaxExp(7)
                        .enableLearning(true).enableSpikeBackprop(false).numDendriticAccumulators(16))
                .neuronType("learner", t -> t.threshold(1024).enableLearning(true))
                .connectionType("1e", c -> c.oneToOne().weight(520))
                .connectionType("1e_d3", c -> c.oneToOne().weight(520).delay(3))
                .connectionType("g", c -> c.allToAll().weight(8704))
                .connectionType("gi", c -> c.allToAll().weight(-8128).signMode(SignMode.INHIBITORY))
                .connectionType("explicit", c -> c.allToAll().mantissa(4, -1).numWeightBits(7))
                .connectionType("p", c -> c.dense().signMode(SignMode.MIXED).exponent(0).learningRule("sbp"))
                .connectionType("fixed", c -> c.dense().matrix(IntMatrix.of(new int[][] {
                        {1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {-1, -2, -3, -4, -5}, {0, 0, 0, 0, 4}})))
                .connectionType("fromfile", c -> c.dense().matrixFile("w45.csv", IntMatrix.of(new int[][] {
                        {10, 20, 30, 40, 50}, {-10, -20, -30, -40, -50}, {0, 2, 4, 6, 8}, {1, 3, 5, 7, 9}}), false, false))
                .connectionType("sp", c -> c.sparse().synapses(new SparseSynapses(new int[] {0, 3, 0}, new int[] {1, 0, 0}, new int[] {100, -50, 120})))
                .connectionType("spf", c -> c.sparse().synapsesFile("syn.csv", new SparseSynapses(new int[] {4, 0, 2}, new int[] {3, 0, 1}, new int[] {200, -100, 64})))
                .learningRule("sbp", r -> r.dw("y0*x0*r1*4 - y0*x0*2").x1(0, 1).y1(0, 1).r1(1, 0).tEpoch(1).reinforcement("reward", 0))
                .learningRule("stdp", r -> r.dw("2^-2*x1*y0 - 2^-2*y1*x0").x1(16.5, 4).y1(8, 2).tEpoch(2))
                .population("x", 4, "gated").population("h", 5, "learner").population("o", 4, "plain").population("gate", 1, "gated")
                .spikeGenerator("input", 4, g -> g.spike(1, 0).spike(1, 3).spike(5, 2))
                .spikeGenerator("reward", 1, g -> g.file("reward.csv").spike(6, 0).spike(8, 0))
                .spikeGenerator("in_g", 1)
                .projection("input", "x", "1e")
                .projection("x", "h", "p", p -> p.matrix("W1"))
                .projection("h", "x", "p", p -> p.matrix("W1", true, true).name("back"))
                .projections(List.of("gate"), List.of("x", "o"), List.of("g", "gi"))
                .projection("x", "o", "1e_d3", p -> p.delay(5))
                .projection("x", "h", "fixed")
                .projection("x", "h", "fromfile")
                .projection("x", "o", "sp")
                .projection("h", "o", "spf")
                .projection("in_g", "gate", "explicit")
                .projection("x", "o", "1e", p -> p.weight(260).exponent(1))
                .build();
    }

    @Test
    void aFileUsingEveryFeatureLoadsIntoTheModelTheBuilderMakes() {
        NetworkDescription d = NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of());
        NetworkDescription expected = expectedFull();
        // compare part by part first, so a difference is easy to read
        assertThat(d.parameters()).containsExactly(Map.entry("n", 4), Map.entry("m", 5), Map.entry("half", 2));
        assertThat(d.neuronTypes()).isEqualTo(expected.neuronTypes());
        assertThat(d.connectionTypes()).isEqualTo(expected.connectionTypes());
        assertThat(d.learningRules()).isEqualTo(expected.learningRules());
        assertThat(d.populations()).isEqualTo(expected.populations());
        assertThat(d.spikeGenerators()).isEqualTo(expected.spikeGenerators());
        assertThat(d.projections()).containsExactlyElementsOf(expected.projections());
        assertThat(d).isEqualTo(expected);
        // declaration order is kept (it is the order of chip handles)
        assertThat(d.populations().keySet()).containsExactly("x", "h", "o", "gate");
        assertThat(d.projections().get(3).name()).isEqualTo("gate->x:g");
        assertThat(d.projections().get(4).name()).isEqualTo("gate->x:gi");
        assertThat(d.projections().get(5).name()).isEqualTo("gate->o:g");
    }

    @Test
    void convenienceFieldsAreConvertedExactly() {
        NetworkDescription d = expectedFull();
        CompartmentPrototype gated = d.neuronTypes().get("gated").prototype();
        assertThat(gated.vThMant()).isEqualTo(1024);
        assertThat(gated.biasMant()).isEqualTo(-4096);
        assertThat(gated.biasExp()).isEqualTo(7);
        assertThat(gated.bias()).isEqualTo(-524288);
        assertThat(gated.decayU()).isEqualTo(4096);
        assertThat(gated.enableLearning()).isFalse();
        assertThat(d.neuronTypes().get("learner").prototype().enableSpikeBackprop()).isTrue(); // follows enable_learning by default
        assertThat(d.learningRules().get("stdp").x1()).isEqualTo(new LearningSpec.Trace(16.5, 4));
        assertThat(d.learningRules().get("stdp").r1()).isEqualTo(LearningSpec.Trace.OFF);
    }

    @Test
    void theJsonVariantGivesTheSameModel() {
        NetworkDescription y = NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of());
        NetworkDescription j = NetworkLoader.loadResource("org/synfire/net/full.json", Map.of());
        assertThat(j).isEqualTo(y);
        assertThat(j.sourceMap().origin()).endsWith("full.json");
    }

    @Test
    void parametersCanBeOverriddenAndDerivedOnesFollow() {
        NetworkDescription d = NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of("half", 1));
        assertThat(d.parameters()).containsExactly(Map.entry("n", 4), Map.entry("m", 5), Map.entry("half", 1));
        assertThat(d.spikeGenerators().get("input").spikes()).contains(new SpikeGeneratorDef.Spike(5, 1));
        NetworkDescription b = yaml(BASE.replace("parameters: {n: 3}", "parameters: {n: 3, w: n * 100 + 100}").replace("weight: 400", "weight: w"),
                Map.of("n", 5));
        assertThat(b.parameters()).containsExactly(Map.entry("n", 5), Map.entry("w", 600));
        assertThat(b.populations().get("a").size()).isEqualTo(5);
        assertThat(b.connectionTypes().get("link").weight()).isEqualTo(new WeightSpec.Scalar(600));
        // the fixed 4×5 matrices of full.yaml no longer fit a bigger x: reported where each matrix is written
        assertThatThrownBy(() -> NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of("n", 6))).isInstanceOf(UserError.class)
                .hasMessageContaining("full.yaml:32:13: connection_types.fixed.matrix: the matrix has shape 4×5 but x->h:fixed needs (pre, post) = 6×9");
    }

    @Test
    void loadsFromAFileWithDataFilesBesideIt(@TempDir Path dir) throws Exception {
        for (String f : List.of("full.yaml", "w45.csv", "syn.csv", "reward.csv")) {
            try (var in = getClass().getResourceAsStream(f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        assertThat(NetworkLoader.load(dir.resolve("full.yaml"), Map.of())).isEqualTo(expectedFull());
        assertThatThrownBy(() -> NetworkLoader.load(dir.resolve("missing.yaml"), Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("missing.yaml: no such network file");
    }

    // ---- errors: each names file, line, column and key path ----

    private static final String BASE = """
            name: t
            parameters: {n: 3}
            neuron_types:
              relay: {threshold: 1024}
            connection_types:
              link: {connectivity: all_to_all, weight: 400}
            populations:
              a: {size: n, type: relay}
              b: {size: n, type: relay}
            projections:
              - {from: a, to: b, type: link}
            """;

    @Test
    void theBaseFileIsValid() {
        NetworkDescription d = yaml(BASE);
        assertThat(d.projections()).hasSize(1);
        assertThat(d.populations().get("b").size()).isEqualTo(3);
    }

    @Test
    void delayAndTagLearningRulesAreReportedAsNotSupportedYet() {
        String msg = problems(BASE + """
                learning_rules:
                  r:
                    dw: x0*y0
                    dd: x0*y0
                """);
        assertThat(msg).startsWith("net.yaml has 1 problem:\n").contains("learning_rules.r.dd").contains("dd rules are not supported yet");
    }

    @Test
    void unknownKeySuggestsTheClosestOne() {
        String msg = problems(BASE.replace("  link: {connectivity: all_to_all, weight: 400}",
                "  link:\n    connectivity: all_to_all\n    weight: 400\n    dely: 3"));
        assertThat(msg).isEqualTo("net.yaml has 1 problem:\n"
                + "  net.yaml:9:5: connection_types.link.dely: unknown key 'dely' in connection_types.link; did you mean 'delay'?");
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(problems(BASE + "projection:\n  - {from: a, to: b, type: link}\n"))
                .contains("net.yaml:12:1: projection: unknown key 'projection' at the top level; did you mean 'projections'?");
    }

    @Test
    void wrongType() {
        assertThat(problems(BASE.replace("a: {size: n, type: relay}", "a: {size: [1, 2], type: relay}")))
                .contains("net.yaml:8:13: populations.a.size: expected an integer or an integer expression such as 'n_in * 2', found a list");
        assertThat(problems(BASE.replace("relay: {threshold: 1024}", "relay: {threshold: 1024, enable_learning: 1}")))
                .contains("net.yaml:4:45: neuron_types.relay.enable_learning: expected true or false, found the integer 1");
        assertThat(problems(BASE.replace("populations:\n  a: {size: n, type: relay}\n  b: {size: n, type: relay}", "populations: [a, b]")))
                .contains("net.yaml:7:14: populations: expected a mapping (key: value lines), found a list");
        assertThat(problems(BASE.replace("weight: 400", "weight: 400.5")))
                .contains("net.yaml:6:44: connection_types.link.weight: expected an integer or an integer expression");
    }

    @Test
    void missingRequiredKey() {
        assertThat(problems(BASE.replace("a: {size: n, type: relay}", "a: {size: n}")))
                .contains("net.yaml:8:3: populations.a: missing required key 'type'");
        assertThat(problems(BASE.replace("  - {from: a, to: b, type: link}", "  - {from: a, type: link}")))
                .contains("net.yaml:11:5: projections[0]: missing required key 'to'");
        assertThat(problems(BASE.replace("{threshold: 1024}", "{bias: 0}")))
                .contains("net.yaml:4:3: neuron_types.relay: a neuron type needs 'threshold'");
        assertThat(problems(BASE.replace("name: t\n", ""))).contains("net.yaml: missing required key 'name'");
    }

    @Test
    void badReferences() {
        assertThat(problems(BASE.replace("to: b,", "to: bb,")))
                .contains("net.yaml:11:19: projections[0].to: no population named 'bb'; did you mean 'b'?");
        assertThat(problems(BASE.replace("type: link}", "type: lnk}")))
                .contains("net.yaml:11:28: projections[0].type: no connection type named 'lnk'; did you mean 'link'?");
        assertThat(problems(BASE.replace("b: {size: n, type: relay}", "b: {size: n, type: rely}")))
                .contains("net.yaml:9:22: populations.b.type: no neuron type named 'rely'; did you mean 'relay'?");
        assertThat(problems((BASE + "spike_generators:\n  s: {ports: 1}\n").replace("to: b,", "to: s,")))
                .contains("net.yaml:11:19: projections[0].to: 's' is a spike generator; generators only send spikes");
        assertThat(problems(BASE + "spike_generators:\n  a: {ports: 1}\n"))
                .contains("net.yaml:13:3: spike_generators.a: the name 'a' is also a population");
        // the referenced population itself is broken: one message, not two
        String msg = problems(BASE.replace("b: {size: n, type: relay}", "b: {size: -1, type: relay}"));
        assertThat(msg).startsWith("net.yaml has 1 problem:").contains("populations.b.size: size -1 must be at least 1");
    }

    @Test
    void badParameterExpressions() {
        assertThat(problems(BASE.replace("a: {size: n, type: relay}", "a: {size: n +, type: relay}")))
                .contains("net.yaml:8:13: populations.a.size: bad expression 'n +': expression ends early");
        assertThat(problems(BASE.replace("a: {size: n, type: relay}", "a: {size: m * 2, type: relay}")))
                .contains("populations.a.size: in 'm * 2': unknown parameter 'm'; did you mean 'n'?");
        assertThat(problems(BASE.replace("parameters: {n: 3}", "parameters: {n: k, k: n + 1}")))
                .isEqualTo("net.yaml has 1 problem:\n  net.yaml:2:14: parameters.n: parameters n and k are defined in terms of each other (n → k → n); give one of them a value");
        assertThat(problems(BASE.replace("parameters: {n: 3}", "parameters: {n: 3 / 2}")))
                .contains("net.yaml:2:17: parameters.n: bad expression '3 / 2': '/' is not allowed; use '//'");
        assertThatThrownBy(() -> yaml(BASE, Map.of("nn", 5))).isInstanceOf(UserError.class)
                .hasMessageContaining("--param nn=5: the network has no parameter 'nn'; did you mean 'n'?");
    }

    @Test
    void weightThatNoExponentCanHoldIsAnErrorAtLoad() {
        assertThat(problems(BASE.replace("weight: 400", "weight: 40000")))
                .contains("net.yaml:6:44: connection_types.link.weight: weight 40000 cannot be represented as a excitatory weight at any exponent (excitatory weights span 0..32640)");
        assertThat(problems(BASE.replace("weight: 400", "weight: 400, sign_mode: inhibitory")))
                .contains("connection_types.link.weight: weight 400 cannot be represented as a inhibitory weight");
        assertThat(problems(BASE.replace("weight: 400", "weight: 400, exponent: 0")))
                .contains("connection_types.link.weight: weight 400 does not fit exponent 0: excitatory mantissas span 0..255");
        assertThat(problems(BASE.replace("{threshold: 1024}", "{threshold: 1024, bias: 8191}")))
                .contains("net.yaml:4:34: neuron_types.relay.bias: bias 8191 (membrane bias·64 = 524224) cannot be written as biasMant·2^biasExp");
    }

    @Test
    void allProblemsAreReportedTogetherInLineOrder() {
        String bad = BASE.replace("a: {size: n, type: relay}", "a: {size: n +, type: relay}")
                .replace("to: b,", "to: bb,")
                .replace("  link: {connectivity: all_to_all, weight: 400}", "  link: {connectivity: all_to_al, weight: 400, dely: 1}");
        String msg = problems(bad);
        List<String> lines = msg.lines().toList();
        assertThat(lines.get(0)).isEqualTo("net.yaml has 4 problems:");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("  net.yaml:"));
        assertThat(lines.get(1)).contains(":6:").contains("connectivity 'all_to_al' is not one of dense, one_to_one, all_to_all, sparse; did you mean 'all_to_all'?");
        assertThat(lines.get(2)).contains(":6:").contains("unknown key 'dely'");
        assertThat(lines.get(3)).contains(":8:").contains("bad expression");
        assertThat(lines.get(4)).contains(":11:").contains("no population named 'bb'");
    }

    @Test
    void syntaxErrorsAndDuplicates() {
        // an unclosed '[' is noticed on the next line; it is reported where it opens
        assertThat(problems("name: t\npopulations: {a: [1, 2\n")).isEqualTo("net.yaml has 1 problem:\n  net.yaml:2:18: YAML syntax: the flow sequence '['"
                + " that starts here is not closed (at line 3, column 1: expected ',' or ']', but got <stream end>)");
        assertThat(problems(BASE.replace("  b: {size: n, type: relay}", "  a: {size: 2, type: relay}")))
                .contains("net.yaml:9:3: populations.a: duplicate key 'a' (first given at line 8)");
        assertThat(problems("")).contains("the file is empty");
        assertThat(problems("- just\n- a list\n")).contains("expected a mapping");
        assertThat(problems(BASE + "---\nname: second\n")).contains("only one document");
        String json = "{\"name\": \"t\", \"populations\": {\"a\": {\"size\": 1,}}}";
        assertThatThrownBy(() -> NetworkLoader.parse("net.json", json.getBytes(), true, Map.of(), DataFiles.NONE))
                .isInstanceOf(UserError.class).hasMessageContaining("net.json:1:").hasMessageContaining("JSON syntax");
    }

    @Test
    void yamlAnchorsAliasesAndMergeKeysWork() {
        NetworkDescription d = yaml("""
                name: t
                neuron_types:
                  n_sfc: &sfc {threshold: 1024, bias: -8192, refractory_delay: 2}
                  n_sfl: {<<: *sfc, enable_learning: true}
                  copy: *sfc
                populations:
                  a: {size: 1, type: n_sfl}
                """);
        CompartmentPrototype sfc = d.neuronTypes().get("n_sfc").prototype(), sfl = d.neuronTypes().get("n_sfl").prototype();
        NeuronType copy = d.neuronTypes().get("copy");
        assertThat(sfl.biasMant()).isEqualTo(-4096);
        assertThat(sfl.refractoryDelay()).isEqualTo(2);
        assertThat(sfl.enableLearning()).isTrue();
        assertThat(copy).isEqualTo(new NeuronType("copy", new CompartmentPrototype(sfc.decayU(), sfc.decayV(), sfc.vThMant(), sfc.biasMant(),
                sfc.biasExp(), sfc.refractoryDelay(), null, null, false, false, 8)));
        assertThat(problems("name: t\nneuron_types:\n  x: *nothing\n")).contains("net.yaml:3:6: YAML syntax: alias *nothing refers to no anchor");
    }

    @Test
    void compactProjectionsExpandAndNamesMustStayUnique() {
        NetworkDescription d = yaml(BASE + "  - {from: [a, b], to: [a, b], type: link, delay: 2}\n".replace("{from: [a, b], to: [a, b]", "{from: [b], to: [a, b]"));
        assertThat(d.projections()).extracting(Projection::name).containsExactly("a->b:link", "b->a:link", "b->b:link");
        assertThat(d.projections().get(1).delay()).isEqualTo(2);
        assertThat(problems(BASE + "  - {from: a, to: b, type: link}\n"))
                .contains("net.yaml:12:5: projections[1]: two projections are named 'a->b:link'; give one of them a 'name'");
        assertThat(problems(BASE + "  - {from: a, to: [a, b], type: link, name: x}\n"))
                .contains("projections[1].name: 'name' needs an entry that makes exactly one projection; this one makes 2");
    }

    @Test
    void sizesDelaysAndShapesAreCheckedAgainstTheTarget() {
        String oneToOne = BASE.replace("b: {size: n, type: relay}", "b: {size: 2, type: relay}")
                .replace("link: {connectivity: all_to_all, weight: 400}", "link: {connectivity: one_to_one, weight: 400}");
        assertThat(problems(oneToOne)).contains("net.yaml:11:5: projections[0]: one_to_one needs equal sizes, but a has 3 and b has 2");
        assertThat(problems(BASE.replace("type: link}", "type: link, delay: 7}")))
                .contains("projections[0].delay: delay 7 of a->b:link exceeds the largest delay 6 of target b");
        String dense = BASE.replace("link: {connectivity: all_to_all, weight: 400}",
                "link: {connectivity: dense, matrix: {values: [[1, 2], [3, 4]]}}");
        assertThat(problems(dense)).contains("connection_types.link.matrix: the matrix has shape 2×2 but a->b:link needs (pre, post) = 3×3");
        // an empty first row used to let the next row set the width and crash the copy (found by LoaderFuzzPropertiesTest)
        for (String values : List.of("[[], [1, 2, 3], [4, 5, 6]]", "[[]]")) {
            assertThat(problems(BASE.replace("link: {connectivity: all_to_all, weight: 400}",
                    "link: {connectivity: dense, matrix: {values: " + values + "}}")))
                    .contains("connection_types.link.matrix.values[0]: expected a row of one or more integers, found an empty list");
        }
        assertThat(problems(BASE.replace("weight: 400", "matrix: {name: W}")))
                .contains("connection_types.link.matrix: all_to_all connectivity takes one 'weight'");
        assertThat(problems(BASE.replace("weight: 400", "weight: 400, matrix: {name: W}")))
                .contains("give only one of weight, mantissa, matrix, synapses");
    }

    @Test
    void dataFilesAreReadRelativeToTheNetworkAndTheirProblemsReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("w.csv"), "1,2,3\n4,x,6\n");
        String net = BASE.replace("link: {connectivity: all_to_all, weight: 400}", "link: {connectivity: dense, matrix: {file: w.csv}}")
                + "spike_generators:\n  s: {ports: 2, spikes: {file: nope.csv}}\n";
        Files.writeString(dir.resolve("net.yaml"), net);
        assertThatThrownBy(() -> NetworkLoader.load(dir.resolve("net.yaml"), Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("connection_types.link.matrix.file: w.csv:2: 'x' is not an integer")
                .hasMessageContaining("spike_generators.s.spikes.file: cannot read 'nope.csv': no such file");
    }
}
