package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscCompiler;
import org.synfire.random.SplitMix64;

/** The gates: what they do to one hand-worked sample of the matrix model, where they sit in the network, and chip = model. */
class GatesTest {

    /** 3 inputs -> 1 hidden -> 2 outputs; W1 = 200 from every input, W2 = 100 to both outputs. */
    private static LayeredNbp tiny() {
        return new LayeredNbp(new LayeredWeights(new int[] {3, 1, 2}, new int[][] {{200, 200, 200}, {100, 100}}), Convention.CHIP);
    }

    private static final byte[] X = {1, 1, 1};

    @Test
    void closingAnOutputsErrorOrTheHiddenErrorStopsExactlyTheUpdatesThatErrorWouldMake() {
        // x = (1, 1, 1): a_h = 600 > 512, h = 1; a_o = (100, 100), neither > 512, so o = (0, 0). Label 0: output 0 should
        // fire, does not, and a_o > 0, so d2 = (+1, 0). W2[0][0] += 2 -> 102. Backward: f'(600) = 1 (0 < 600 <= 1024) and
        // W2·d2 = 100 > 0 (W2 before the update), so d1 = +1 and every W1 entry += 2 -> 202.
        byte[] out = new byte[2];
        LayeredNbp open = tiny();
        open.train(X, 0, 0, out);
        assertThat(out).containsExactly(0, 0);
        assertThat(open.weights().matrix(0)).containsExactly(202, 202, 202);
        assertThat(open.weights().matrix(1)).containsExactly(102, 100);

        LayeredNbp closed = tiny(); // output 0's error closed: d2 = (0, 0), nothing learns
        closed.gate(new boolean[] {false, true}, true);
        closed.train(X, 0, 0, out);
        assertThat(closed.weights().matrix(0)).containsExactly(200, 200, 200);
        assertThat(closed.weights().matrix(1)).containsExactly(100, 100);

        LayeredNbp frozen = tiny(); // hidden error closed: W2 learns as before, d1 = 0
        frozen.gate(null, false);
        frozen.train(X, 0, 0, out);
        assertThat(frozen.weights().matrix(0)).containsExactly(200, 200, 200);
        assertThat(frozen.weights().matrix(1)).containsExactly(102, 100);

        LayeredNbp other = tiny(); // closing output 1, which has no error here, changes nothing
        other.gate(new boolean[] {true, false}, true);
        other.train(X, 0, 0, out);
        assertThat(other.weights()).isEqualTo(open.weights());
    }

    @Test
    void theGatedNetworkIsTheCompilersWithLinesAddedAndTheGatesEmitThePhaseBeforeTheirTargets() {
        for (int[] widths : List.of(new int[] {400, 400, 10}, new int[] {400, 30, 20, 10})) {
            String plain = SgscCompiler.trainingNetwork(widths);
            String gated = GatedNetwork.withGates(plain, widths.length - 2);
            List<String> rest = new ArrayList<>(Arrays.asList(gated.split("\n", -1)));
            for (String line : plain.split("\n", -1)) {
                int at = rest.indexOf(line);
                assertThat(at).as("compiler line kept in order: " + line).isGreaterThanOrEqualTo(0);
                rest.subList(0, at + 1).clear();
            }
            // per hidden layer one generator and one projection, plus the error gate's generator, two projections, a comment
            assertThat(gated.split("\n", -1).length - plain.split("\n", -1).length).isEqualTo(4 + 2 * (widths.length - 2));
        }
        // docs/design.md's phase tables: one hidden layer, d_pos fires in 4 and c_h1 in 6; two, d_pos in 5, c_h1 in 12, c_h2 in 9
        CompiledNetworks one = GatedNetwork.training(new int[] {400, 40, 10});
        assertThat(GatedNetwork.errorGatePhase(one.protocol())).isEqualTo(3);
        assertThat(GatedNetwork.hiddenGatePhase(one.protocol(), 1)).isEqualTo(5);
        CompiledNetworks two = GatedNetwork.training(new int[] {400, 30, 20, 10});
        assertThat(GatedNetwork.errorGatePhase(two.protocol())).isEqualTo(4);
        assertThat(GatedNetwork.hiddenGatePhase(two.protocol(), 1)).isEqualTo(11);
        assertThat(GatedNetwork.hiddenGatePhase(two.protocol(), 2)).isEqualTo(8);
    }

    @Test
    void aDeepNetworkOnTheChipEqualsTheLayeredModelSampleBySampleWhileTheGatesChange() {
        int[] sizes = {400, 30, 20, 10};
        LayeredWeights init = TrainingRandom.create("synfire", 11).initialWeights(sizes);
        GatedLearner chip = GatedLearner.create("chip", sizes, true, init, 0, 11, 1, 1);
        GatedLearner model = GatedLearner.create("functional", sizes, true, init, 0, 11, 1, 1);
        SplitMix64 g = new SplitMix64(99);
        byte[] x = new byte[400];
        byte[] a = new byte[10];
        byte[] b = new byte[10];
        for (int s = 0; s < 240; s++) {
            if (s % 40 == 0) { // a new gate every 40 samples: some outputs closed, the hidden layers open or closed
                boolean[] open = new boolean[10];
                for (int j = 0; j < 10; j++) open[j] = g.nextInt(2) == 0;
                boolean hidden = (s / 40) % 2 == 0;
                chip.gate(open, hidden);
                model.gate(open, hidden);
            }
            for (int k = 0; k < 400; k++) x[k] = (byte) (g.nextInt(4) == 0 ? 1 : 0);
            int label = g.nextInt(10);
            chip.train(x, label, a);
            model.train(x, label, b);
            assertThat(a).as("output spikes, sample " + s).isEqualTo(b);
            assertThat(chip.matrices()).as("weights after sample " + s).isEqualTo(model.matrices());
        }
        assertThat(model.matrices()).isNotEqualTo(init);
    }
}
