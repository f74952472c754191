package org.synfire.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.nbp.Checkpoint;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.MetricsRow;
import org.synfire.nbp.NbpWeights;

/** Run directories: one trainer at a time, and checkpoints that detect damage and fall back. */
class RunDirectoryTest {
    private static final RunDirectory.Expected SHAPE = new RunDirectory.Expected(new int[] {3, 2, 2}, 4);

    private static Checkpoint checkpoint(int epochIndex, int position, int w) {
        NbpWeights weights = new NbpWeights(3, 2, 2, new int[] {w, 2, 4, 6, 8, 10}, new int[] {-2, 0, 2, 4});
        return new Checkpoint(epochIndex, position, 4L * epochIndex + position, new int[] {2, 0, 3, 1}, new byte[] {0, 1, 0, 2},
                Map.of("kind", "synfire"), List.of(), LayeredWeights.of(weights));
    }

    private static void flipOneBit(Path file, long offset) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x10);
        }
    }

    @Test
    void aSecondProcessCannotTrainIntoALockedDirectory(@TempDir Path tmp) {
        Path d = tmp.resolve("run");
        try (RunDirectory first = RunDirectory.create(d, "x")) {
            first.writeConfig(Map.of("config", Map.of()));
            // in one JVM the OS lock shows as an overlap; across processes tryLock returns null: both are refused
            assertThatThrownBy(() -> RunDirectory.open(d)).isInstanceOf(UserError.class).hasMessageContaining(d + " is in use");
            assertThatThrownBy(() -> RunDirectory.create(d, "x")).isInstanceOf(UserError.class).hasMessageContaining("is in use");
        }
        try (RunDirectory again = RunDirectory.open(d)) {
            assertThat(again.path()).isEqualTo(d);
        }
    }

    @Test
    void aDirectoryHoldingARunIsRefusedByCreateWithWhatToDo(@TempDir Path tmp) {
        Path d = tmp.resolve("run");
        try (RunDirectory r = RunDirectory.create(d, "x")) {
            r.writeConfig(Map.of("config", Map.of()));
        }
        assertThatThrownBy(() -> RunDirectory.create(d, "x")).isInstanceOf(UserError.class)
                .hasMessage(d + " already holds a run (config.json); continue it with --resume " + d + " or choose another --out");
    }

    @Test
    void checkpointsRoundTripWithTheirChecksums(@TempDir Path tmp) {
        try (RunDirectory r = RunDirectory.create(tmp.resolve("run"), "x")) {
            assertThat(r.latestCheckpoint(SHAPE)).as("no checkpoint yet").isNull();
            r.saveCheckpoint(checkpoint(0, 2, 100));
            Checkpoint back = r.latestCheckpoint(SHAPE);
            assertThat(back.weights()).isEqualTo(checkpoint(0, 2, 100).weights());
            assertThat(back.order()).containsExactly(2, 0, 3, 1);
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void aFlippedBitInTheNewestCheckpointFallsBackToThePreviousOneWithAWarning(@TempDir Path tmp) throws Exception {
        try (RunDirectory r = RunDirectory.create(tmp.resolve("run"), "x")) {
            r.saveCheckpoint(checkpoint(0, 2, 100));
            r.saveCheckpoint(checkpoint(0, 4, 200));
            Path w1 = r.checkpointDir(1, 2).resolve("W1.npy");
            flipOneBit(w1, Files.size(w1) - 20); // inside the data: the header still parses
            Checkpoint back = r.latestCheckpoint(SHAPE);
            assertThat(back.position()).isEqualTo(2);
            assertThat(back.weights().weight(1, 0, 0)).isEqualTo(100);
            assertThat(r.warnings()).singleElement().asString()
                    .startsWith(w1 + " is damaged: its SHA-256 is ")
                    .endsWith("; resuming from the previous checkpoint " + r.checkpointDir(1, 1) + " instead");
        }
    }

    @Test
    void whenEveryCheckpointIsDamagedTheErrorNamesTheNewestFile(@TempDir Path tmp) throws Exception {
        try (RunDirectory r = RunDirectory.create(tmp.resolve("run"), "x")) {
            r.saveCheckpoint(checkpoint(0, 2, 100));
            Path state = r.checkpointDir(1, 1).resolve("state.json");
            flipOneBit(state, 5);
            assertThatThrownBy(() -> r.latestCheckpoint(SHAPE)).isInstanceOf(UserError.class)
                    .hasMessageStartingWith(state + " is damaged: its SHA-256 is ")
                    .hasMessageEndingWith("; no checkpoint of " + r.path() + " can be resumed");
        }
    }

    @Test
    void shapesAndTheOrderAreCheckedAgainstTheConfiguration(@TempDir Path tmp) {
        try (RunDirectory r = RunDirectory.create(tmp.resolve("run"), "x")) {
            r.saveCheckpoint(checkpoint(0, 2, 100));
            Path d = r.checkpointDir(1, 1);
            assertThatThrownBy(() -> r.latestCheckpoint(new RunDirectory.Expected(new int[] {3, 5, 2}, 4))).isInstanceOf(UserError.class)
                    .hasMessageStartingWith(d + ": weights are 3-2-2 but config.json describes 3-5-2");
            assertThatThrownBy(() -> r.latestCheckpoint(new RunDirectory.Expected(new int[] {3, 2, 2}, 9))).isInstanceOf(UserError.class)
                    .hasMessageStartingWith(d + ": order.npy holds 4 samples but the run trains on 9");
        }
        try (RunDirectory r = RunDirectory.create(tmp.resolve("dup"), "x")) {
            LayeredWeights w = checkpoint(0, 2, 100).weights();
            // a consistent checkpoint (checksums match) whose order repeats sample 3: not a permutation
            r.saveCheckpoint(new Checkpoint(0, 2, 2, new int[] {3, 0, 3, 1}, new byte[4], Map.of(), List.of(), w));
            assertThatThrownBy(() -> r.latestCheckpoint(SHAPE)).isInstanceOf(UserError.class)
                    .hasMessageStartingWith(r.checkpointDir(1, 1) + ": order.npy is not a permutation of 0..3 (entry 2 is 3)");
        }
    }

    @Test
    void plotsIncludeAHistogramAndAnImageOfEveryWeightMatrix(@TempDir Path tmp) {
        Path d = tmp.resolve("run");
        // W1 4 × 3 (the inputs a 2 × 2 image), W2 3 × 2
        NbpWeights w = new NbpWeights(4, 3, 2, new int[] {2, -2, 0, 4, 6, -8, 0, 0, 2, -254, 254, 10}, new int[] {-2, 0, 2, 4, 6, 8});
        MetricsRow row = new MetricsRow(1, 2, 4, 4, 4, 2, 3, 0, 0, 0, new EvalCounts(10, 2, 5, 6, 7, 9), null, null, null,
                Map.of(), 0, null, null);
        try (RunDirectory r = RunDirectory.create(d, "x")) {
            r.writeWeights(LayeredWeights.of(w));
            r.writePlots(List.of(row), "test");
        }
        for (String f : List.of("learning-curve.png", "learning-curve.svg", "learning-curve-mse.png", "learning-curve-mse.svg",
                "weights/W1-histogram.png", "weights/W1-histogram.svg", "weights/W1-image.png", "weights/W1-fields.png",
                "weights/W2-histogram.png", "weights/W2-histogram.svg", "weights/W2-image.png")) {
            assertThat(d.resolve(f)).as(f).isRegularFile();
        }
        assertThat(d.resolve("weights/W2-fields.png")).as("3 hidden units are no square image").doesNotExist();
    }
}
