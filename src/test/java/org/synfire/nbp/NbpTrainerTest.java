package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.data.BinaryDataset;
import org.synfire.training.RunDirectory;

class NbpTrainerTest {
    private static final int N_IN = 64;
    private static final int N_HID = 40;
    private final BinaryDataset train = SyntheticData.make(301, N_IN, 1, "synthetic train");
    private final BinaryDataset test = SyntheticData.make(97, N_IN, 2, "synthetic test");

    /** Stops a run right after the k-th checkpoint, as a kill would. */
    private static final class Interrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Checkpoint runFresh(String rngKind, Convention c, int epochs, Path dir, int stopAfter) {
        TrainingRandom rng = TrainingRandom.create(rngKind, 5);
        NbpWeights init = rng.initialWeights(N_IN, N_HID, 10);
        Checkpoint start = NbpTrainer.initial(rng, true, train.size(), init);
        FunctionalNbp learner = new FunctionalNbp(init, c);
        NbpTrainer t = new NbpTrainer(learner, rng, train, test, new NbpTrainer.Settings(epochs, true, true), null);
        try (RunDirectory run = RunDirectory.create(dir, "t")) {
            int[] saved = {0};
            return t.run(start, new NbpTrainer.Observer() {
                @Override
                public void checkpoint(Checkpoint cp) {
                    run.saveCheckpoint(cp);
                    if (++saved[0] == stopAfter) throw new Interrupt();
                }
            });
        }
    }

    private Checkpoint resume(String rngKind, Convention c, int epochs, Path dir) {
        try (RunDirectory run = RunDirectory.open(dir)) {
            Checkpoint cp = run.latestCheckpoint(new RunDirectory.Expected(new int[] {N_IN, N_HID, 10}, train.size()));
            TrainingRandom rng = TrainingRandom.create(rngKind, 5);
            FunctionalNbp learner = new FunctionalNbp(cp.weights().oneHiddenLayer(), c);
            NbpTrainer t = new NbpTrainer(learner, rng, train, test, new NbpTrainer.Settings(epochs, true, true), null);
            return t.run(cp, new NbpTrainer.Observer() {
                @Override
                public void checkpoint(Checkpoint cp2) {
                    run.saveCheckpoint(cp2);
                }
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"synfire, CHIP, 1", "synfire, CHIP, 4", "numpy, REFERENCE, 3", "numpy, CHIP, 2"})
    void interruptedAndResumedRunEndsBitIdentical(String rngKind, Convention c, int stopAfter, @TempDir Path tmp)
            throws Exception {
        Checkpoint whole = runFresh(rngKind, c, 3, tmp.resolve("whole"), -1);
        Path dir = tmp.resolve("cut");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunDirectory.CONFIG), "{}");
        assertThatThrownBy(() -> runFreshInto(rngKind, c, 3, dir, stopAfter)).isInstanceOf(Interrupt.class);
        Checkpoint resumed = resume(rngKind, c, 3, dir);

        assertThat(resumed.weights()).isEqualTo(whole.weights());
        assertThat(resumed.rows()).isEqualTo(whole.rows());
        assertThat(resumed.rows()).hasSize(6);
        assertThat(resumed.order()).isEqualTo(whole.order());
        assertThat(resumed.samplesTrained()).isEqualTo(3L * train.size());
    }

    private Checkpoint runFreshInto(String rngKind, Convention c, int epochs, Path dir, int stopAfter) {
        TrainingRandom rng = TrainingRandom.create(rngKind, 5);
        NbpWeights init = rng.initialWeights(N_IN, N_HID, 10);
        Checkpoint start = NbpTrainer.initial(rng, true, train.size(), init);
        NbpTrainer t = new NbpTrainer(new FunctionalNbp(init, c), rng, train, test,
                new NbpTrainer.Settings(epochs, true, true), null);
        try (RunDirectory run = RunDirectory.open(dir)) {
            int[] saved = {0};
            return t.run(start, new NbpTrainer.Observer() {
                @Override
                public void checkpoint(Checkpoint cp) {
                    run.saveCheckpoint(cp);
                    if (++saved[0] == stopAfter) throw new Interrupt();
                }
            });
        }
    }

    @Test
    void sameSeedSameResultAndTheNetworkLearns(@TempDir Path tmp) {
        Checkpoint a = runFresh("synfire", Convention.CHIP, 4, tmp.resolve("a"), -1);
        Checkpoint b = runFresh("synfire", Convention.CHIP, 4, tmp.resolve("b"), -1);
        assertThat(a.weights()).isEqualTo(b.weights());
        assertThat(a.rows()).isEqualTo(b.rows());
        MetricsRow first = a.rows().get(0);
        MetricsRow last = a.rows().get(a.rows().size() - 1);
        assertThat(last.test().argmaxPotentialRate()).isGreaterThan(first.test().argmaxPotentialRate());
        assertThat(last.test().argmaxPotentialRate()).isGreaterThan(0.8);
        assertThat(last.train()).isNotNull();
    }

    @Test
    void rowsAreEmittedPerHalfEpochWithCountsThatAddUp(@TempDir Path tmp) {
        List<MetricsRow> rows = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        TrainingRandom rng = TrainingRandom.create("synfire", 9);
        NbpWeights init = rng.initialWeights(N_IN, N_HID, 10);
        FunctionalNbp learner = new FunctionalNbp(init, Convention.CHIP);
        new NbpTrainer(learner, rng, train, test, new NbpTrainer.Settings(2, false, false), null)
                .run(NbpTrainer.initial(rng, false, train.size(), init), new NbpTrainer.Observer() {
                    @Override
                    public void row(MetricsRow row, NbpTrainer.Timing timing) {
                        rows.add(row);
                    }

                    @Override
                    public void progress(int epoch, int position, int epochSize) {
                        progress.add(position);
                    }
                });
        assertThat(rows).extracting(MetricsRow::epoch).containsExactly(1, 1, 2, 2);
        assertThat(rows).extracting(MetricsRow::half).containsExactly(1, 2, 1, 2);
        assertThat(rows).extracting(MetricsRow::position).containsExactly(150, 301, 150, 301);
        assertThat(rows).extracting(MetricsRow::epochProgress).containsExactly(150 / 301.0, 1.0, 1 + 150 / 301.0, 2.0);
        assertThat(rows.get(0).train()).isNull();
        assertThat(rows.get(1).test().samples()).isEqualTo(97);
        assertThat(rows.get(1).numpyAccAt()).isZero(); // fewer than 5000 samples: numpy prints nothing
        // activity is per half epoch: input spikes equal the active pixels of the samples trained in that half
        long activeFirstHalf = 0;
        for (int s = 0; s < 150; s++) for (int k = 0; k < N_IN; k++) activeFirstHalf += train.inputs()[s * N_IN + k];
        assertThat(rows.get(0).activity()).containsEntry("in", activeFirstHalf);
        assertThat(rows.get(0).activitySamples()).isEqualTo(150);
        assertThat(progress).isEmpty(); // fewer than PROGRESS_STEP samples per epoch
    }

    @Test
    void numpyStyleOnlineAccuracyUsesTheAuthorsWindow(@TempDir Path tmp) {
        // 12000 samples: numpy prints at i = 5000 and 10000; the half-epoch row (6000) reports m = 5000,
        // the end row m = 10000, window m-4999..m-1 over 5000.
        BinaryDataset big = SyntheticData.make(12000, 16, 3, "big");
        BinaryDataset smallTest = SyntheticData.make(10, 16, 4, "t");
        TrainingRandom rng = TrainingRandom.create("synfire", 1);
        NbpWeights init = rng.initialWeights(16, 8, 10);
        List<MetricsRow> rows = new ArrayList<>();
        List<Checkpoint> cps = new ArrayList<>();
        new NbpTrainer(new FunctionalNbp(init, Convention.CHIP), rng, big, smallTest, new NbpTrainer.Settings(1, true, false), null)
                .run(NbpTrainer.initial(rng, true, big.size(), init), new NbpTrainer.Observer() {
                    @Override
                    public void row(MetricsRow row, NbpTrainer.Timing timing) {
                        rows.add(row);
                    }

                    @Override
                    public void checkpoint(Checkpoint c) {
                        cps.add(c);
                    }
                });
        assertThat(rows).extracting(MetricsRow::numpyAccAt).containsExactly(5000, 10000);
        byte[] wrong = cps.get(1).wrongBits();
        int correct = 0;
        long wrongBits = 0;
        for (int p = 5001; p <= 9999; p++) if (wrong[p] == 0) correct++;
        for (int p = 5000; p <= 9998; p++) wrongBits += wrong[p];
        assertThat(rows.get(1).numpyAccCorrect()).isEqualTo(correct);
        assertThat(rows.get(1).numpyLoss()).isEqualTo(wrongBits / (10 * 4999.0));
        int all = 0;
        for (byte b : wrong) if (b == 0) all++;
        assertThat(rows.get(1).onlineExact()).isEqualTo(all);
    }

    @Test
    void extraEvaluatorIsReportedBesideOffChipMetrics(@TempDir Path tmp) {
        TrainingRandom rng = TrainingRandom.create("synfire", 2);
        NbpWeights init = rng.initialWeights(N_IN, N_HID, 10);
        // an "on-chip" evaluator that always answers class 3 with a single spike
        TestEvaluator always3 = (w, data) -> {
            byte[] s = new byte[data.size() * 10];
            for (int i = 0; i < data.size(); i++) s[i * 10 + 3] = 1;
            return s;
        };
        List<MetricsRow> rows = new ArrayList<>();
        new NbpTrainer(new FunctionalNbp(init, Convention.CHIP), rng, train, test, new NbpTrainer.Settings(1, true, false),
                new NbpTrainer.NamedEvaluator("chip", always3))
                .run(NbpTrainer.initial(rng, true, train.size(), init), new NbpTrainer.Observer() {
                    @Override
                    public void row(MetricsRow row, NbpTrainer.Timing timing) {
                        rows.add(row);
                    }
                });
        int threes = 0;
        for (byte l : test.labels()) if (l == 3) threes++;
        assertThat(rows.get(1).extraName()).isEqualTo("chip");
        assertThat(rows.get(1).extra().exact()).isEqualTo(threes);
        assertThat(rows.get(1).extra().argmaxSpikes()).isEqualTo(threes);
        assertThat(rows.get(1).extra().argmaxPotentialRate()).isNaN();
    }
}
