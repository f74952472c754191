package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.synfire.data.BinaryDataset;

class EvaluationTest {

    @Test
    void argmaxBreaksTiesTowardTheLowestIndexAsNumpy() {
        assertThat(Evaluation.argmax(new int[] {5, 9, 9, 1}, 0, 4)).isEqualTo(1);
        assertThat(Evaluation.argmax(new int[] {-3, -3, -3}, 0, 3)).isZero();
        assertThat(Evaluation.argmax(new int[] {7, 0, 1, 8}, 1, 3)).isEqualTo(2); // offset
        assertThat(Evaluation.argmax(new byte[] {0, 1, 0, 1}, 0, 4)).isEqualTo(1);
    }

    @Test
    void allSilentOutputCountsAsClassZero() {
        assertThat(Evaluation.argmax(new byte[] {0, 0, 0, 0}, 0, 4)).isZero();
        // Spikes-only evaluation: sample 0 silent (label 0 -> argmax correct, exact wrong),
        // sample 1 silent with label 2 (both wrong), sample 2 two spikes [0,1,1] label 2 (argmax picks 1: wrong).
        BinaryDataset d = new BinaryDataset("d", 1, 3, new byte[3], new byte[] {0, 2, 2});
        EvalCounts c = Evaluation.fromSpikes(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 1}, 3, d);
        assertThat(c.argmaxSpikes()).isEqualTo(1);
        assertThat(c.exact()).isZero();
        assertThat(c.wrongBits()).isEqualTo(1 + 1 + 1);
        assertThat(c.mse()).isEqualTo(3.0 / 9);
        assertThat(c.argmaxPotentialRate()).isNaN();
    }

    @Test
    void offChipEvaluationCountsEveryMetric() {
        // 3-3-3 net. W1 rows: k0 = [254, 254, 100], k1 = [254, 10, 100], k2 = [10, 254, 100]
        //   x=[1,1,1]: a_h = [518, 518, 300] -> h = [1,1,0];   x=[1,0,0]: a_h = [254, 254, 100] -> h = [0,0,0]
        // W2 rows: i0 = [254, 254, -10], i1 = [254, 254, 50], i2 = [0, 0, 0]
        //   h=[1,1,0]: a_o = [508, 508, 40] -> no output spike (508 <= 512), and a tie at 508
        NbpWeights w = new NbpWeights(3, 3, 3,
                new int[] {254, 254, 100, 254, 10, 100, 10, 254, 100},
                new int[] {254, 254, -10, 254, 254, 50, 0, 0, 0});
        // sample 0: x=[1,1,1], label 0: o = [0,0,0]: exact no (t=[1,0,0], 1 wrong bit), spikes argmax 0 ok, potential 0 ok
        // sample 1: x=[1,1,1], label 1: spikes argmax 0 wrong, potential argmax 0 (tie -> lowest) wrong, 1 wrong bit
        // sample 2: x=[1,0,0], label 2: a_o = [0,0,0]: potential argmax 0 wrong, spikes 0 wrong, 1 wrong bit
        BinaryDataset d = new BinaryDataset("d", 3, 3, new byte[] {1, 1, 1, 1, 1, 1, 1, 0, 0}, new byte[] {0, 1, 2});
        EvalCounts c = Evaluation.evaluate(w, d);
        assertThat(c.exact()).isZero();
        assertThat(c.argmaxSpikes()).isEqualTo(1);
        assertThat(c.argmaxPotential()).isEqualTo(1);
        assertThat(c.wrongBits()).isEqualTo(3);
        assertThat(c.mse()).isEqualTo(3.0 / 9);
    }

    @Test
    void exactMatchNeedsEveryOutputRight() {
        // 3-3-2: x=[1,1,1] -> a_h = [600, 600, 600] (each W1 entry 200) -> h = [1,1,1]
        // W2 column 0 = 200 each -> a_o0 = 600 > 512 spikes; column 1 = -100 -> silent. o = [1, 0]
        int[] w1 = new int[9];
        java.util.Arrays.fill(w1, 200);
        NbpWeights w = new NbpWeights(3, 3, 2, w1, new int[] {200, -100, 200, -100, 200, -100});
        BinaryDataset d = new BinaryDataset("d", 3, 2, new byte[] {1, 1, 1, 1, 1, 1}, new byte[] {0, 1});
        EvalCounts c = Evaluation.evaluate(w, d);
        assertThat(c.exact()).isEqualTo(1); // sample 0 right, sample 1 has o=[1,0] vs t=[0,1]
        assertThat(c.argmaxSpikes()).isEqualTo(1);
        assertThat(c.argmaxPotential()).isEqualTo(1);
        assertThat(c.wrongBits()).isEqualTo(2);
    }
}
