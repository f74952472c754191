package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.net.TestNets.run;
import static org.synfire.net.TestNets.spikesOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.Connectivity;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.learning.SignMode;
import org.synfire.net.TestNets.Spike;

class NetworkCompilerTest {
    private static final NetworkCompiler.Options NO_LEARNING = NetworkCompiler.Options.DEFAULT.withLearning(false);

    /** stim → a → b (delay d) → c, one neuron each; any single relay spike (1100 > 1024) fires the next. */
    private static NetworkDescription chain(int delay) {
        return NetworkBuilder.network("chain")
                .neuronType("relay", t -> t.threshold(1024))
                .connectionType("link", c -> c.allToAll().weight(1100))
                .population("a", 1, "relay").population("b", 1, "relay").population("c", 1, "relay")
                .spikeGenerator("stim", 1, g -> g.spike(1, 0))
                .projection("stim", "a", "link")
                .projection("a", "b", "link", p -> p.delay(delay))
                .projection("b", "c", "link")
                .build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void chainSpikeStepsFollowTPlusOnePlusDelay(int delay) {
        List<Spike> spikes = run(NetworkCompiler.compile(chain(delay), 1), 12);
        // stim at 1 → a integrates at 1+1+0 = 2 → b at 2+1+delay → c one step after b
        long a = 2, b = a + 1 + delay, c = b + 1;
        assertThat(spikes).containsExactly(new Spike(1, "stim", 0), new Spike(a, "a", 0), new Spike(b, "b", 0), new Spike(c, "c", 0));
        assertThat(delay == 0 ? List.of(2L, 3L, 4L) : List.of(2L, 6L, 7L)).containsExactly(a, b, c);
    }

    @Test
    void delayOnTheTypeAndOnTheProjectionAreTheSame() {
        NetworkDescription viaType = NetworkBuilder.network("chain")
                .neuronType("relay", t -> t.threshold(1024))
                .connectionType("link", c -> c.allToAll().weight(1100))
                .connectionType("link_d3", c -> c.allToAll().weight(1100).delay(3))
                .population("a", 1, "relay").population("b", 1, "relay").population("c", 1, "relay")
                .spikeGenerator("stim", 1, g -> g.spike(1, 0))
                .projection("stim", "a", "link").projection("a", "b", "link_d3").projection("b", "c", "link")
                .build();
        assertThat(run(NetworkCompiler.compile(viaType, 1), 12)).isEqualTo(run(NetworkCompiler.compile(chain(3), 1), 12));
    }

    @Test
    void oneToOneKeepsIndices() {
        NetworkDescription d = NetworkBuilder.network("o2o")
                .neuronType("relay", t -> t.threshold(1024))
                .connectionType("drive", c -> c.oneToOne().weight(1040))
                .population("x", 4, "relay")
                .spikeGenerator("in", 4, g -> g.spike(1, 1).spike(2, 3).spike(2, 0))
                .projection("in", "x", "drive")
                .build();
        assertThat(spikesOf(run(NetworkCompiler.compile(d, 1), 5), "x"))
                .containsExactly(new Spike(2, "x", 1), new Spike(3, "x", 0), new Spike(3, "x", 3));
    }

    /**
     * The authors' gating: one gate neuron fans out to all of a biased population (all_to_all from size 1).
     * Gated (8704 − 8192 = 512) plus one relay spike (520) gives 1032 > 1024; either alone does not fire.
     */
    @Test
    void allToAllFanOutFromOneGateNeuron() {
        NetworkDescription d = NetworkBuilder.network("gating")
                .neuronType("n_sfc", t -> t.threshold(1024).bias(-8192).refractoryDelay(2))
                .neuronType("n_gat", t -> t.threshold(1024))
                .connectionType("1ge", c -> c.oneToOne().weight(9280))
                .connectionType("g", c -> c.allToAll().weight(8704))
                .connectionType("1e", c -> c.oneToOne().weight(520))
                .population("gate", 1, "n_gat").population("x", 5, "n_sfc")
                .spikeGenerator("go", 1, g -> g.spike(1, 0).spike(6, 0))
                // data for step 3 (gated: gate fires at 2) on ports 0, 2, 4; data for step 5 (ungated) on all ports
                .spikeGenerator("in", 5, g -> g.spike(2, 0).spike(2, 2).spike(2, 4).spike(4, 0).spike(4, 1).spike(4, 2).spike(4, 3).spike(4, 4))
                .projection("go", "gate", "1ge")
                .projection("gate", "x", "g")
                .projection("in", "x", "1e")
                .build();
        CompiledNetwork net = NetworkCompiler.compile(d, 1);
        List<Spike> all = run(net, 10);
        assertThat(spikesOf(all, "gate")).containsExactly(new Spike(2, "gate", 0), new Spike(7, "gate", 0));
        // the gate alone at step 8 lifts x to 512 only: no spikes; ungated data at step 5: none either
        assertThat(spikesOf(all, "x")).containsExactly(new Spike(3, "x", 0), new Spike(3, "x", 2), new Spike(3, "x", 4));
        // the fan-out is one shared weight, 136·2^6, as the authors store it
        ChipPlan.Connection g = net.plan().connection("gate->x:g");
        assertThat(g.connectivity()).isEqualTo(new Connectivity.AllToAll(136));
        assertThat(g.exponent()).isEqualTo(6);
        assertThat(g.signMode()).isEqualTo(SignMode.EXCITATORY);
        assertThat(net.chip().synapseCount(net.projection("gate->x:g"))).isEqualTo(5);
        assertThat(net.chip().prototype(net.population("x")).bias()).isEqualTo(-524288);
    }

    // ---- the plan: what is handed to the chip builder ----

    private static final IntMatrix W1 = IntMatrix.of(new int[][] {
            {2, -4, 6, -8, 10}, {12, 14, -16, 18, 20}, {-22, 24, 26, 28, 30}, {32, 34, 36, -240, 240}});

    private static ChipPlan fullPlan(NetworkCompiler.Options o) {
        return NetworkCompiler.plan(NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of()), Map.of("W1", W1), o);
    }

    @Test
    void learningRulesReachTheBuilderWithTheirTracesEpochAndReinforcement() {
        ChipPlan plan = fullPlan(NetworkCompiler.Options.DEFAULT);
        assertThat(plan.learning()).isTrue();
        assertThat(plan.rules()).extracting(ChipPlan.Rule::name).containsExactly("sbp", "stdp");
        ChipPlan.Rule sbp = plan.rule("sbp");
        assertThat(sbp.spec()).isEqualTo(new LearningSpec("sbp", "y0*x0*r1*4 - y0*x0*2", new LearningSpec.Trace(0, 1), LearningSpec.Trace.OFF,
                new LearningSpec.Trace(0, 1), LearningSpec.Trace.OFF, LearningSpec.Trace.OFF, new LearningSpec.Trace(1, 0), 1));
        assertThat(sbp.reinforcementSource()).isEqualTo("reward");
        assertThat(sbp.reinforcementIndex()).isZero();
        ChipPlan.Rule stdp = plan.rule("stdp");
        assertThat(stdp.spec().x1()).isEqualTo(new LearningSpec.Trace(16.5, 4));
        assertThat(stdp.spec().y1()).isEqualTo(new LearningSpec.Trace(8, 2));
        assertThat(stdp.spec().tEpoch()).isEqualTo(2);
        assertThat(stdp.reinforcementSource()).isNull();
        // both plastic projections use sbp, mixed sign, exponent 0
        for (String name : List.of("x->h:p", "back")) {
            ChipPlan.Connection c = plan.connection(name);
            assertThat(c.learningRule()).isEqualTo("sbp");
            assertThat(c.signMode()).isEqualTo(SignMode.MIXED);
            assertThat(c.exponent()).isZero();
        }
        assertThat(plan.connection("x->h:fixed").learningRule()).isNull();
        assertThat(plan.generators().get(1).spikes()).containsExactly(new SpikeGeneratorDef.Spike(6, 0), new SpikeGeneratorDef.Spike(8, 0));
    }

    @Test
    void namedMatricesAreTransposedAndNegatedAsAsked() {
        ChipPlan plan = fullPlan(NetworkCompiler.Options.DEFAULT);
        assertThat(((Connectivity.Dense) plan.connection("x->h:p").connectivity()).weights()).containsExactly(W1.data());
        // back: h → x from −W1ᵀ, stored (pre h × post x): element (i, j) = −W1[j][i]
        int[] back = ((Connectivity.Dense) plan.connection("back").connectivity()).weights();
        assertThat(back).hasSize(20);
        for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) assertThat(back[i * 4 + j]).isEqualTo(-W1.get(j, i));
        assertThat(plan.connection("back").preSize()).isEqualTo(5);
        assertThat(plan.warnings()).anyMatch(w -> w.contains("back is plastic") && w.contains("enable_spike_backprop false"));
    }

    @Test
    void scalarWeightsAreSplitLikeTheAuthorsDo() {
        ChipPlan plan = fullPlan(NetworkCompiler.Options.DEFAULT);
        ChipPlan.Connection e = plan.connection("input->x:1e");
        assertThat(((Connectivity.OneToOne) e.connectivity()).weights()).containsOnly(130);
        assertThat(e.exponent()).isEqualTo(2);
        ChipPlan.Connection gi = plan.connection("gate->o:gi");
        assertThat(gi.connectivity()).isEqualTo(new Connectivity.AllToAll(-254));
        assertThat(gi.exponent()).isEqualTo(5);
        assertThat(gi.signMode()).isEqualTo(SignMode.INHIBITORY);
        ChipPlan.Connection explicit = plan.connection("in_g->gate:explicit");
        assertThat(explicit.connectivity()).isEqualTo(new Connectivity.AllToAll(4));
        assertThat(explicit.exponent()).isEqualTo(-1);
        assertThat(explicit.numWeightBits()).isEqualTo(7);
        ChipPlan.Connection override = plan.connection("x->o:1e");
        assertThat(((Connectivity.OneToOne) override.connectivity()).weights()).containsOnly(130);
        assertThat(override.exponent()).isEqualTo(1);
        assertThat(plan.connection("x->o:1e_d3").delay()).isEqualTo(5);
        // a static matrix with odd values under mixed sign: exponent -1 keeps them exact (value·2 stored)
        ChipPlan.Connection fixed = plan.connection("x->h:fixed");
        assertThat(fixed.signMode()).isEqualTo(SignMode.MIXED);
        assertThat(fixed.exponent()).isEqualTo(-1);
        assertThat(((Connectivity.Dense) fixed.connectivity()).weights()).startsWith(2, 4, 6, 8, 10, 12);
        // sparse synapses are sorted by pre (stably), the order the chip stores them in
        ChipPlan.Connection sp = plan.connection("x->o:sp");
        assertThat(sp.pre()).containsExactly(0, 0, 3);
        assertThat(sp.post()).containsExactly(1, 0, 0);
        assertThat(((Connectivity.Sparse) sp.connectivity()).weights()).containsExactly(100, 120, -50);
    }

    @Test
    void withoutLearningPlasticProjectionsBecomeStatic() {
        ChipPlan plan = fullPlan(NO_LEARNING);
        assertThat(plan.learning()).isFalse();
        assertThat(plan.rules()).isEmpty();
        assertThat(plan.connection("x->h:p").learningRule()).isNull();
        assertThat(plan.connection("x->h:p").exponent()).isZero(); // still the plastic type's settings
        CompiledNetwork net = NetworkCompiler.compile(NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of()), Map.of("W1", W1), 7, NO_LEARNING);
        assertThat(net.chip().isPlastic(net.projection("x->h:p"))).isFalse();
        assertThat(net.chip().weights(net.projection("x->h:p"))).containsExactly(W1.data());
        assertThat(net.populations()).containsOnlyKeys("x", "h", "o", "gate");
        assertThat(net.generators()).containsOnlyKeys("input", "reward", "in_g");
        assertThat(net.projections()).hasSize(14);
        assertThat(net.chip().seed()).isEqualTo(7);
        // generator spikes listed in the file are scheduled: input ports 0 and 3 at step 1 reach x at step 2
        Chip chip = net.chip();
        var probe = chip.probeSpikes(net.generator("input"), 1, 6);
        chip.run(6);
        assertThat(probe.count()).isEqualTo(3);
        assertThat(probe.step(2)).isEqualTo(5);
        assertThat(probe.index(2)).isEqualTo(2);
    }

    @Test
    void missingAndMisshapenMatricesNameTheirPlaceInTheFile() {
        NetworkDescription d = NetworkLoader.loadResource("org/synfire/net/full.yaml", Map.of());
        assertThatThrownBy(() -> NetworkCompiler.plan(d, Map.of("W2", W1), NO_LEARNING)).isInstanceOf(UserError.class)
                .hasMessageContaining("full.yaml:62:46: projections[1].matrix.name: no matrix named 'W1' was supplied (supplied: W2); did you mean 'W2'?")
                .hasMessageContaining("full.yaml:63:46: projections[2].matrix.name: no matrix named 'W1'");
        assertThatThrownBy(() -> NetworkCompiler.plan(d, Map.of("W1", W1.transpose()), NO_LEARNING)).isInstanceOf(UserError.class)
                .hasMessageContaining("full.yaml has 2 problems")
                .hasMessageContaining("projections[1].matrix: matrix W1 has shape 5×4 but x->h:p needs (pre, post) = 4×5 (x × h)")
                .hasMessageContaining("projections[2].matrix: matrix W1 transposed has shape 4×5 but back needs (pre, post) = 5×4 (h × x)");
        // a plastic (mixed, exponent 0) matrix entry beyond -256..254
        int[] big = W1.data();
        big[0] = 300;
        assertThatThrownBy(() -> NetworkCompiler.plan(d, Map.of("W1", new IntMatrix(4, 5, big)), NO_LEARNING)).isInstanceOf(UserError.class)
                .hasMessageContaining("projections[1].matrix: x->h:p: weight 300 is outside the mixed range -256..255 at exponent 0");
    }

    private static final String INEXACT = """
            name: inexact
            neuron_types:
              relay: {threshold: 1024}
            connection_types:
              link: {connectivity: all_to_all, weight: 8705}
            populations:
              a: {size: 2, type: relay}
              b: {size: 2, type: relay}
            projections:
              - {from: a, to: b, type: link}
            """;

    @Test
    void aWeightStoredInexactlyWarnsOrWithStrictWeightsFails() {
        NetworkDescription d = TestNets.yaml(INEXACT);
        CompiledNetwork net = NetworkCompiler.compile(d, Map.of(), 1, NetworkCompiler.Options.DEFAULT);
        assertThat(net.warnings()).containsExactly("net.yaml:5:44: connection_types.link.weight: a->b:link: weight 8705 is stored as 8704"
                + " (136·2^6; excitatory 8-bit mantissas at exponent 6 hold multiples of 64)");
        assertThat(net.chip().weight(net.projection("a->b:link"), 0)).isEqualTo(136);
        assertThatThrownBy(() -> NetworkCompiler.compile(d, Map.of(), 1, NetworkCompiler.Options.DEFAULT.withStrictWeights(true)))
                .isInstanceOf(UserError.class)
                .hasMessage("net.yaml has 1 problem:\n  net.yaml:5:44: connection_types.link.weight: a->b:link: weight 8705 is stored as 8704"
                        + " (136·2^6; excitatory 8-bit mantissas at exponent 6 hold multiples of 64) [--strict-weights]");
    }

    @Test
    void matricesStoredInexactlyAreCountedInOneWarning() {
        NetworkDescription d = TestNets.yaml(INEXACT.replace("weight: 8705", "sign_mode: mixed, exponent: 0, matrix: {values: [[1, 2], [3, 4]]}")
                .replace("all_to_all", "dense"));
        CompiledNetwork net = NetworkCompiler.compile(d, Map.of(), 1, NetworkCompiler.Options.DEFAULT);
        assertThat(net.warnings()).singleElement().asString()
                .contains("connection_types.link.matrix: a->b:link: weight 1 is stored as 0").contains("2 of 4 weights are stored inexactly");
        assertThat(net.chip().weights(net.projection("a->b:link"))).containsExactly(0, 2, 2, 4);
    }

    @Test
    void aDescriptionMadeFromRecordsIsValidatedWhenCompiled() {
        NetworkDescription raw = new NetworkDescription("raw", "", Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("a", new Population("a", 2, "nope")), Map.of(), List.of(), null);
        assertThatThrownBy(() -> NetworkCompiler.compile(raw, 1)).isInstanceOf(UserError.class)
                .hasMessageContaining("network 'raw': populations.a.type: no neuron type named 'nope'");
    }

    @Test
    void handlesAndLayoutsAreExposedByName() {
        CompiledNetwork net = NetworkCompiler.compile(chain(0), 1);
        assertThat(net.population("a")).isEqualTo(net.chip().source("a"));
        assertThat(net.generator("stim")).isEqualTo(net.chip().source("stim"));
        assertThat(net.projection("a->b:link")).isEqualTo(net.chip().connection("a->b:link"));
        assertThatThrownBy(() -> net.population("stim")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no population named 'stim'");
        CompiledNetwork.WeightLayout l = net.weightLayout("a->b:link");
        assertThat(l.synapses()).isEqualTo(1);
        assertThat(l.exponent()).isEqualTo(WeightSplit.split(1100, SignMode.EXCITATORY, 8).exponent());
        assertThat(net.effective()).containsEntry("name", "chain").containsKeys("populations", "projections", "learning_rules");
    }
}
