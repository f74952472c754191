package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;

/** The layered model: a two-hidden-layer net worked out by hand, and equality with the one-hidden-layer model. */
class LayeredNbpTest {
    private static final byte[] ALL3 = {1, 1, 1};

    /**
     * 3-3-4-2. A unit can only spike with three active inputs (3 × 200 = 600 &gt; 512; two give at most 508),
     * so the widths are the smallest in which every layer has spiking and silent units.
     */
    private static LayeredWeights threeThreeFourTwo() {
        int[] w1 = {200, 200, 200, 200, 200, 200, 200, 200, 200};
        int[] w2 = { // rows h1_i, columns h2_j
            200, 200, 200, 100,
            200, 200, 200, 100,
            200, 200, 150, 100};
        int[] w3 = { // rows h2_i, columns o_j
            100, 200,
            100, 200,
            100, 200,
            200, 50};
        return new LayeredWeights(new int[] {3, 3, 4, 2}, new int[][] {w1, w2, w3});
    }

    @Test
    void oneAndTwoSamplesOfATwoHiddenLayerNetworkChipConvention() {
        LayeredNbp m = new LayeredNbp(threeThreeFourTwo(), Convention.CHIP);
        byte[] o = new byte[2];

        // Sample 1: x = [1,1,1], label 0.
        // a1 = [600, 600, 600] -> h1 = [1,1,1], f'1 = [1,1,1]
        // a2 = [600, 600, 200+200+150 = 550, 300] -> h2 = [1,1,1,0], f'2 = [1,1,1,1]
        // a3 = [100*3 = 300, 200*3 = 600] -> o = [0,1]; j0: t, !o, a > 0 -> d3+ ; j1: !t, o, 600 <= 1024 -> d3-
        // layer 2 (N3 = -W3, no entry at -256): s+ = W3[i][0] - W3[i][1] = [-100, -100, -100, 150],
        //   s- = -s+ -> d2 = [-1, -1, -1, +1]
        // layer 1: d2+ = {3}, d2- = {0,1,2}: s+ = W2[i][3] - (W2[i][0] + W2[i][1] + W2[i][2]) = [-500, -500, -450]
        //   -> d1 = [-1, -1, -1]
        // updates (chip: every error computed first, from the old weights):
        //   W3 rows with h2 = 1 (i0..i2): column 0 += 2, column 1 -= 2; row i3 unchanged
        //   W2 (every h1 spiked): columns 0..2 -= 2, column 3 += 2
        //   W1 (every input on): every column -= 2
        m.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 1);
        LayeredWeights w = m.weights();
        assertThat(w.matrix(2)).containsExactly(102, 198, 102, 198, 102, 198, 200, 50);
        assertThat(w.matrix(1)).containsExactly(198, 198, 198, 102, 198, 198, 198, 102, 198, 198, 148, 102);
        assertThat(w.matrix(0)).containsExactly(198, 198, 198, 198, 198, 198, 198, 198, 198);

        // Sample 2: x = [1,1,1], label 0 again.
        // a1 = [594, 594, 594] -> h1 = [1,1,1]; a2 = [594, 594, 198+198+148 = 544, 306] -> h2 = [1,1,1,0]
        // a3 = [306, 594] -> o = [0,1], d3 = [+1, -1]
        // layer 2: s+ = [102-198, ..., 200-50] = [-96, -96, -96, 150] -> d2 = [-1,-1,-1,+1]
        // layer 1: s- = (W2[i][0]+W2[i][1]+W2[i][2]) - W2[i][3] = [594-102, 594-102, 544-102] = [492, 492, 442] -> d1 = -1
        m.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 1);
        w = m.weights();
        assertThat(w.matrix(2)).containsExactly(104, 196, 104, 196, 104, 196, 200, 50);
        assertThat(w.matrix(1)).containsExactly(196, 196, 196, 104, 196, 196, 196, 104, 196, 196, 146, 104);
        assertThat(w.matrix(0)).containsExactly(196, 196, 196, 196, 196, 196, 196, 196, 196);
        assertThat(m.negatedInstanceDrift(2)).isZero();
        assertThat(m.negatedInstanceDrift(3)).isZero();
        assertThat(m.negatedInstance(3, 0, 0)).isEqualTo(-104);
    }

    @Test
    void theReferenceConventionPassesTheErrorThroughTheUpdatedMatrix() {
        LayeredNbp m = new LayeredNbp(threeThreeFourTwo(), Convention.REFERENCE);
        byte[] o = new byte[2];
        // forward and d3 = [+1, -1] as in the chip test; W3 is updated first:
        //   rows i0..i2 -> [102, 198], i3 [200, 50]
        // layer 2 with the new W3: s = W3[i][0] - W3[i][1] = [-96, -96, -96, 150] -> d2 = [-1,-1,-1,+1]
        // W2 updated: columns 0..2 -= 2, column 3 += 2 -> rows [198,198,198,102] x2, [198,198,148,102]
        // layer 1 with the new W2: s = W2[i][3] - sum(W2[i][0..2]) = [102-594, 102-594, 102-544] < 0 -> d1 = -1
        m.train(ALL3, 0, 0, o);
        LayeredWeights w = m.weights();
        assertThat(w.matrix(2)).containsExactly(102, 198, 102, 198, 102, 198, 200, 50);
        assertThat(w.matrix(1)).containsExactly(198, 198, 198, 102, 198, 198, 198, 102, 198, 198, 148, 102);
        assertThat(w.matrix(0)).containsExactly(198, 198, 198, 198, 198, 198, 198, 198, 198);
    }

    /** With one hidden layer the layered model is the optimised one, saturation drift included. */
    @ParameterizedTest
    @EnumSource(Convention.class)
    void withOneHiddenLayerItEqualsFunctionalNbpOnEverySample(Convention c) {
        BinaryDataset train = Fixtures.load(Variant.MNIST20, Split.TRAIN);
        NbpWeights seeded = TrainingRandom.create("synfire", 3).initialWeights(400, 400, 10);
        int[] w2 = seeded.w2();
        int lo = c.weightMin;
        int[] limits = {lo, lo + 2, 252, 254};
        for (int k = 0; k < w2.length; k += 13) w2[k] = limits[(k / 13) % 4]; // drifts early
        NbpWeights init = new NbpWeights(400, 400, 10, seeded.w1(), w2);
        FunctionalNbp fast = new FunctionalNbp(init, c);
        LayeredNbp layered = new LayeredNbp(LayeredWeights.of(init), c);
        byte[] a = new byte[10], b = new byte[10];
        int[] order = IntStream.range(0, train.size()).toArray();
        int drifted = 0;
        for (int s = 0; s < 1200; s++) {
            int i = order[s % order.length];
            fast.train(train.inputs(), i * 400, train.labels()[i], a);
            layered.train(train.inputs(), i * 400, train.labels()[i], b);
            assertThat(b).as("sample %d", s).isEqualTo(a);
            if (s % 100 == 99) {
                assertThat(layered.weights()).as("sample %d", s).isEqualTo(LayeredWeights.of(fast.weights()));
                assertThat(layered.negatedInstanceDrift(2)).isEqualTo(fast.negatedInstanceDrift());
                drifted = Math.max(drifted, fast.negatedInstanceDrift());
            }
        }
        if (c == Convention.CHIP) assertThat(drifted).as("the drift path was exercised").isPositive();
    }
}
