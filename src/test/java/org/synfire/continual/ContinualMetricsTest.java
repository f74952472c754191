package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The metrics of small accuracy matrices, every expected value worked out by hand in the comments. */
class ContinualMetricsTest {
    private static final double EPS = 1e-12;

    // rows: after task 0, 1, 2; columns: tasks 0, 1, 2. Task 0 peaks after task 1 (0.95), not on the diagonal.
    private static final double[][] R = {
        {0.90, 0.10, 0.20},
        {0.95, 0.80, 0.30},
        {0.50, 0.70, 0.90}};
    private static final double[] B = {0.10, 0.20, 0.10};

    @Test
    void averageAccuracyIsTheMeanOfTheLastRow() {
        // (0.50 + 0.70 + 0.90) / 3 = 2.10 / 3 = 0.70
        assertThat(ContinualMetrics.of(R, B).averageAccuracy()).isCloseTo(0.70, within(EPS));
    }

    @Test
    void backwardTransferComparesTheLastRowWithTheDiagonal() {
        // ((0.50 - 0.90) + (0.70 - 0.80)) / 2 = (-0.40 - 0.10) / 2 = -0.25
        assertThat(ContinualMetrics.of(R, B).backwardTransfer()).isCloseTo(-0.25, within(EPS));
    }

    @Test
    void forwardTransferComparesTheAccuracyJustBeforeATaskWithTheUntrainedNetwork() {
        // ((R[0][1] - b1) + (R[1][2] - b2)) / 2 = ((0.10 - 0.20) + (0.30 - 0.10)) / 2 = 0.10 / 2 = 0.05
        assertThat(ContinualMetrics.of(R, B).forwardTransfer()).isCloseTo(0.05, within(EPS));
    }

    @Test
    void forgettingIsTheDropFromTheBestEarlierAccuracyNotFromTheDiagonal() {
        ContinualMetrics m = ContinualMetrics.of(R, B);
        // task 0: max(0.90, 0.95) - 0.50 = 0.45 (the diagonal would give 0.40); task 1: max(0.10, 0.80) - 0.70 = 0.10
        assertThat(m.forgetting()).hasSize(2);
        assertThat(m.forgetting()[0]).isCloseTo(0.45, within(EPS));
        assertThat(m.forgetting()[1]).isCloseTo(0.10, within(EPS));
        // (0.45 + 0.10) / 2 = 0.275
        assertThat(m.averageForgetting()).isCloseTo(0.275, within(EPS));
    }

    @Test
    void averageAccuracyAfterEachTaskCountsOnlyTheTasksSeen() {
        // after 0: 0.90; after 1: (0.95 + 0.80) / 2 = 0.875; after 2: 0.70
        assertThat(ContinualMetrics.of(R, B).averageAfter()).containsExactly(new double[] {0.90, 0.875, 0.70}, within(EPS));
    }

    @Test
    void oneTaskHasNoTransferAndNoForgetting() {
        ContinualMetrics m = ContinualMetrics.of(new double[][] {{0.7}}, new double[] {0.1});
        assertThat(m.averageAccuracy()).isEqualTo(0.7);
        assertThat(m.backwardTransfer()).isNaN();
        assertThat(m.forwardTransfer()).isNaN();
        assertThat(m.forgetting()).isEmpty();
        assertThat(m.toMap().get("backward_transfer")).isNull();
    }

    @Test
    void jointTrainingHasOneRowAndOnlyAnAverageAccuracy() {
        ContinualMetrics m = ContinualMetrics.ofFinalRow(new double[] {0.8, 0.9});
        assertThat(m.averageAccuracy()).isCloseTo(0.85, within(EPS)); // (0.8 + 0.9) / 2
        assertThat(m.backwardTransfer()).isNaN();
        assertThat(m.averageForgetting()).isNaN();
    }

    @Test
    void aMatrixOfTheWrongShapeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContinualMetrics.of(new double[][] {{1, 0}}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
