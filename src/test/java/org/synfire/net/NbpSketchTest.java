package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.chip.Connectivity;
import org.synfire.chip.learning.SignMode;
import org.synfire.chip.probe.SpikeProbe;

/** The authors' training topology (docs/design.md#populations) in the network format, compiled small. */
class NbpSketchTest {
    // x·W1 for x = [1, 1, 0, 1]: [520, 500, -240] → h = [1, 0, 0], h< = [1, 1, 0], h> = [0, 0, 0]
    private static final IntMatrix W1 = IntMatrix.of(new int[][] {{240, 240, -120}, {240, 220, -120}, {200, 200, 0}, {40, 40, 0}});
    // h·W2 for h = [1, 0, 0]: [240, -2] → o = [0, 0], o< = [1, 0]
    private static final IntMatrix W2 = IntMatrix.of(new int[][] {{240, -2}, {238, 200}, {-240, 100}});
    private static final Map<String, Integer> SMALL = Map.of("n_in", 4, "n_hid", 3, "n_out", 2);

    private static CompiledNetwork compile(NetworkCompiler.Options o) {
        NetworkDescription d = NetworkLoader.loadResource("org/synfire/net/nbp-sketch.yaml", SMALL);
        return NetworkCompiler.compile(d, Map.of("W1", W1, "W2", W2), 1, o);
    }

    @Test
    void everyPartOfTheTrainingTopologyIsExpressible() {
        CompiledNetwork net = compile(NetworkCompiler.Options.DEFAULT);
        ChipPlan plan = net.plan();
        assertThat(plan.groups()).hasSize(12 + 15);
        assertThat(plan.connections().stream().filter(ChipPlan.Connection::plastic)).hasSize(8);
        for (ChipPlan.Connection c : plan.connections()) {
            if (!c.plastic()) continue;
            assertThat(c.signMode()).isEqualTo(SignMode.MIXED);
            assertThat(c.exponent()).isZero();
            assertThat(c.learningRule()).isEqualTo("sbp");
        }
        int[] w2Tm = ((Connectivity.Dense) plan.connection("oT-->h1T:p").connectivity()).weights();
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) assertThat(w2Tm[i * 3 + j]).isEqualTo(-W2.get(j, i));
        assertThat(plan.rule("sbp").reinforcementSource()).isEqualTo("reward");
        // the authors' fixed weights, split as calculate_mant_exp does
        assertThat(plan.connection("g02->h1:g").connectivity()).isEqualTo(new Connectivity.AllToAll(136));
        assertThat(plan.connection("g02->h1_copy:gm05").connectivity()).isEqualTo(new Connectivity.AllToAll(128));
        assertThat(plan.connection("g02->h1_copy:gm05").exponent()).isEqualTo(2);
        assertThat(plan.connection("g04->h1T:gi").connectivity()).isEqualTo(new Connectivity.AllToAll(-254));
        assertThat(plan.connection("g11->g00:1ge").exponent()).isEqualTo(6);
        assertThat(plan.connection("m_h1->h1T:1e_d5").delay()).isEqualTo(5);
        assertThat(net.chip().prototype(net.population("h1T")).refractoryDelay()).isEqualTo(1);
        assertThat(plan.warnings()).isEmpty();
    }

    /** Phases 1–3 of the first sample (docs/design.md#streaming-protocol, #phase-table): x at 14, h and its copies at 15, o and its copies at 16. */
    @Test
    void theForwardPassOfOneSample() {
        CompiledNetwork net = compile(NetworkCompiler.Options.DEFAULT.withLearning(false));
        Chip chip = net.chip();
        for (int port : new int[] {0, 1, 3}) chip.schedule(net.generator("input"), port, 13);
        chip.schedule(net.generator("in_tgt"), 1, 15); // label 1 → t fires in phase 3
        List<String> pops = List.of("g00", "x", "h1", "h1_copy", "h1_copy2", "o", "o_copy", "o_copy2", "t");
        Map<String, SpikeProbe> probes = new java.util.HashMap<>();
        for (String p : pops) probes.put(p, chip.probeSpikes(net.population(p), 1, 16));
        chip.run(16);
        assertThat(spikes(probes.get("g00"))).containsExactly("12:0");
        assertThat(spikes(probes.get("x"))).containsExactly("14:0", "14:1", "14:3");
        assertThat(spikes(probes.get("h1"))).containsExactly("15:0");              // a_h = [520, 500, -240] > 512
        assertThat(spikes(probes.get("h1_copy"))).containsExactly("15:0", "15:1"); // > 0
        assertThat(spikes(probes.get("h1_copy2"))).isEmpty();                      // > 1024
        assertThat(spikes(probes.get("o"))).isEmpty();                             // a_o = [240, -2]
        assertThat(spikes(probes.get("o_copy"))).containsExactly("16:0");
        assertThat(spikes(probes.get("o_copy2"))).isEmpty();
        assertThat(spikes(probes.get("t"))).containsExactly("16:1");
    }

    private static List<String> spikes(SpikeProbe p) {
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < p.count(); k++) out.add(p.step(k) + ":" + p.index(k));
        return out;
    }
}
