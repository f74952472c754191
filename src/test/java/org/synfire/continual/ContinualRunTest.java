package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;
import org.synfire.UserError;
import org.synfire.data.DataOptions;
import org.synfire.io.Npy;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.io.Checksums;

/** Continual runs on the small fixture data: both backends, the gates, the protocol's sample counts, resume. */
class ContinualRunTest {
    @TempDir
    static Path data;

    @TempDir
    static Path files;

    @TempDir
    Path tmp;

    static Path sequence;
    static final List<Integer> LAYERS = List.of(400, 40, 10);

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 600, 200, 3);
        // three class-incremental tasks, 30 samples x 2 epochs each
        sequence = files.resolve("three.yaml");
        Files.writeString(sequence, """
                name: three
                dataset: mnist
                scenario: class-incremental
                defaults: {train_samples: 30, epochs: 2}
                tasks:
                  - {name: t01, classes: [0, 1]}
                  - {name: t23, classes: [2, 3]}
                  - {name: t45, classes: [4, 5]}
                """);
    }

    static DataOptions fixtures() {
        return new DataOptions(data, false);
    }

    static ContinualSettings settings(String backend, String method, Integer buffer, int evalEvery) throws IOException {
        return new ContinualSettings(sequence.toString(), Checksums.sha256(Files.readAllBytes(sequence)), backend, LAYERS, method, buffer,
                method.equals("rehearsal") ? 1 : null, false, 7, evalEvery, "t", 1, 1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContinualRun.Listener QUIET = new ContinualRun.Listener() {};

    private static JsonNode readouts(Path run) throws IOException {
        return JSON.readTree(run.resolve("accuracy-matrix.json").toFile()).get("readouts");
    }

    /** evaluations.csv without its first line (the configuration comment, which names the backend). */
    private static List<String> evaluations(Path run) throws IOException {
        List<String> l = Files.readAllLines(run.resolve("evaluations.csv"));
        return l.subList(1, l.size());
    }

    private static int[] weights(Path run, int l) {
        return Npy.readIntMatrix(run.resolve("weights/W" + l + ".npy")).values();
    }

    @Test
    void theChipAndTheFunctionalModelGiveIdenticalResultsForEveryMethod() throws IOException {
        for (String method : List.of("finetune", "rehearsal", "labels", "labels-frozen", "joint")) {
            Integer buffer = method.equals("rehearsal") ? 12 : null;
            Path chip = ContinualRun.start(settings("chip", method, buffer, 25), tmp.resolve(method + "-chip"), fixtures(), QUIET, false)
                    .runDirectory();
            Path fun = ContinualRun.start(settings("functional", method, buffer, 25), tmp.resolve(method + "-fun"), fixtures(), QUIET, false)
                    .runDirectory();
            assertThat(readouts(chip)).as(method).isEqualTo(readouts(fun));
            assertThat(evaluations(chip)).as(method).isEqualTo(evaluations(fun));
            for (int l = 1; l <= 2; l++) assertThat(weights(chip, l)).as(method + " W" + l).isEqualTo(weights(fun, l));
            JsonNode energy = JSON.readTree(chip.resolve("summary.json").toFile()).get("energy");
            assertThat(energy.get("dynamic_energy_uj_per_training_sample").asDouble()).as(method).isPositive();
            assertThat(JSON.readTree(fun.resolve("summary.json").toFile()).get("energy").get("dynamic_energy_uj_per_training_sample").isNull()).isTrue();
        }
    }

    @Test
    void theLabelGateKeepsTheOutputsOfUntrainedClassesAndTheFrozenGateKeepsTheHiddenLayerAtTheirInitialWeights() throws IOException {
        LayeredWeights init = TrainingRandom.create("synfire", 7).initialWeights(new int[] {400, 40, 10});
        int[] w2init = init.matrix(1);
        for (String backend : List.of("chip", "functional")) {
            int[] labels = weights(ContinualRun.start(settings(backend, "labels", null, 0), tmp.resolve("l-" + backend), fixtures(),
                    QUIET, false).runDirectory(), 2);
            int[] finetune = weights(ContinualRun.start(settings(backend, "finetune", null, 0), tmp.resolve("f-" + backend), fixtures(),
                    QUIET, false).runDirectory(), 2);
            boolean finetuneMoved = false;
            for (int h = 0; h < 40; h++) {
                for (int c = 6; c < 10; c++) { // no task has classes 6..9: with the gate their column never learns
                    assertThat(labels[h * 10 + c]).as(backend + " W2[" + h + "][" + c + "]").isEqualTo(w2init[h * 10 + c]);
                    finetuneMoved |= finetune[h * 10 + c] != w2init[h * 10 + c];
                }
            }
            assertThat(finetuneMoved).as("without the gate those outputs are pushed down when they fire").isTrue();
            Path frozen = ContinualRun.start(settings(backend, "labels-frozen", null, 0), tmp.resolve("z-" + backend), fixtures(),
                    QUIET, false).runDirectory();
            assertThat(weights(frozen, 1)).as(backend + " W1 with the hidden gate closed").isEqualTo(init.matrix(0));
            assertThat(weights(frozen, 2)).isNotEqualTo(w2init);
        }
    }

    @Test
    void progressCountsNewSamplesOfTheWholeRunNotReplays() throws IOException {
        // three tasks of 30 samples x 2 epochs: 180 new samples; the 120 replays are not counted
        List<String> seen = new java.util.ArrayList<>();
        ContinualRun.Listener l = new ContinualRun.Listener() {
            @Override
            public void progress(String label, long done, long total) {
                if (done == 1 || done == 60 || done == 61 || done == 180) seen.add(label + " " + done + "/" + total);
            }
        };
        ContinualRun.start(settings("functional", "rehearsal", 12, 0), tmp.resolve("p"), fixtures(), l, false);
        assertThat(seen).containsExactly("task 1/3 1/180", "task 1/3 60/180", "task 2/3 61/180", "task 3/3 180/180");
    }

    @Test
    void rehearsalStreamsOneReplayPerNewSampleOnceTheBufferHoldsATask() throws IOException {
        ContinualRun.Outcome o = ContinualRun.start(settings("functional", "rehearsal", 12, 0), tmp.resolve("r"), fixtures(), QUIET, false);
        // task 1: 60 samples, nothing to replay; tasks 2 and 3: 60 new + 60 replayed each
        assertThat(o.results().samples()).isEqualTo(180);
        assertThat(o.results().chipSamples()).isEqualTo(60 + 2 * 120);
        JsonNode buffer = JSON.readTree(o.runDirectory().resolve("summary.json").toFile()).get("buffer");
        assertThat(buffer.get("capacity").asInt()).isEqualTo(12);
        assertThat(buffer.get("fraction_of_training_samples").asDouble()).isEqualTo(12 / 90.0);
        // without --buffer: 1 % of the 90 training samples, at least 1
        assertThat(ContinualRun.prepare(settings("functional", "rehearsal", null, 0), fixtures(), null).settings().buffer()).isEqualTo(1);
    }

    @Test
    void theMatrixHasOneRowPerTaskEndAndJointTrainingHasOne() throws IOException {
        ContinualRun.Outcome f = ContinualRun.start(settings("functional", "finetune", null, 25), tmp.resolve("f"), fixtures(), QUIET, false);
        assertThat(f.results().rows()).containsExactly("t01", "t23", "t45");
        // a header, the untrained network, then at 25 and 50 of each task's 60 samples and at its end
        assertThat(evaluations(f.runDirectory())).hasSize(1 + 1 + 3 * 3);
        assertThat(f.results().spikes().metrics()).isNotNull();
        ContinualRun.Outcome j = ContinualRun.start(settings("functional", "joint", null, 0), tmp.resolve("j"), fixtures(), QUIET, true);
        assertThat(j.results().rows()).containsExactly("joint");
        assertThat(j.results().samples()).isEqualTo(180); // 90 samples x 2 epochs
        assertThat(j.results().spikes().metrics().backwardTransfer()).isNaN();
        for (String f2 : List.of("accuracy-matrix.png", "accuracy-matrix.svg", "accuracy-curves.png", "accuracy-curves-potential.svg", "config.json")) {
            assertThat(j.runDirectory().resolve(f2)).isRegularFile();
        }
    }

    @Test
    void aShuffledTaskOrderIsDrawnFromTheSeedAndTheMatrixFollowsIt() throws IOException {
        Path seq = tmp.resolve("shuffled.yaml");
        Files.writeString(seq, Files.readString(sequence).replace("scenario: class-incremental", "scenario: class-incremental\ntask_order: shuffled"));
        List<List<String>> orders = new ArrayList<>();
        for (long seed : new long[] {7, 7, 8, 9, 10}) {
            ContinualSettings s = new ContinualSettings(seq.toString(), null, "functional", LAYERS, "finetune", null, null, false, seed, 0, "t", 1, 1);
            ContinualRun.Prepared p = ContinualRun.prepare(s, fixtures(), null);
            List<String> names = p.tasks().stream().map(t -> t.task().name()).toList();
            assertThat(names).containsExactlyInAnyOrder("t01", "t23", "t45");
            assertThat(p.stages().stream().map(ContinualRun.Stage::name).toList()).isEqualTo(names);
            orders.add(names);
        }
        assertThat(orders.get(1)).isEqualTo(orders.get(0)); // the same seed, the same order
        assertThat(orders.stream().distinct().count()).isGreaterThan(1); // and some seed gives another
    }

    /** Stops a run right after its n-th checkpoint is on disk, as a kill would. */
    private static final class Kill extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static ContinualRun.Listener killAfter(int checkpoints) {
        int[] n = {0};
        return new ContinualRun.Listener() {
            @Override
            public void checkpointSaved(Path c) {
                if (++n[0] == checkpoints) throw new Kill();
            }
        };
    }

    private static void assertSameOutputs(Path a, Path b) throws IOException {
        for (String f : List.of("evaluations.csv", "accuracy-matrix.csv", "accuracy-matrix.json", "summary.json", "weights/W1.npy", "weights/W2.npy")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void aRunKilledMidTaskResumesBitExactlyOnTheChipBufferReplaysAndEnergyIncluded() throws IOException {
        ContinualSettings s = settings("chip", "rehearsal", 12, 25);
        Path whole = ContinualRun.start(s, tmp.resolve("whole"), fixtures(), QUIET, false).runDirectory();
        Path cut = tmp.resolve("cut");
        // checkpoint 6 is the one at 25 samples into task 2 (1 initial, 3 per task): the buffer is full, replays are under way
        assertThatThrownBy(() -> ContinualRun.start(s, cut, fixtures(), killAfter(6), false)).isInstanceOf(Kill.class);
        assertThat(cut.resolve("summary.json")).doesNotExist();
        List<String> warnings = new ArrayList<>();
        ContinualRun.Outcome o = ContinualRun.resume(cut, fixtures(), 1, 1, new ContinualRun.Listener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }, false);
        assertThat(o.alreadyFinished()).isFalse();
        assertThat(warnings).isEmpty();
        assertSameOutputs(whole, cut);
        assertThat(ContinualRun.resume(cut, fixtures(), 1, 1, QUIET, false).alreadyFinished()).isTrue();
        assertSameOutputs(whole, cut);
    }

    @Test
    void aDamagedNewestCheckpointIsSkippedWithAWarningAndTheRunStillEndsBitExactly() throws IOException {
        ContinualSettings s = settings("functional", "labels", null, 25);
        Path whole = ContinualRun.start(s, tmp.resolve("whole"), fixtures(), QUIET, false).runDirectory();
        Path cut = tmp.resolve("cut");
        assertThatThrownBy(() -> ContinualRun.start(s, cut, fixtures(), killAfter(5), false)).isInstanceOf(Kill.class);
        Path newest = ContinualRun.checkpoints(cut).getFirst();
        Files.writeString(newest.resolve("W1.npy"), "damaged");
        List<String> warnings = new ArrayList<>();
        ContinualRun.resume(cut, fixtures(), 1, 1, new ContinualRun.Listener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }, false);
        assertThat(warnings).singleElement().asString().contains("W1.npy is damaged").contains("resuming from the previous checkpoint");
        assertSameOutputs(whole, cut);
    }

    @Test
    void aResumeRefusesAChangedSequenceFileAndADirectoryOfAnotherCommand() throws IOException {
        Path seq = tmp.resolve("mine.yaml");
        Files.copy(sequence, seq);
        ContinualSettings s = new ContinualSettings(seq.toString(), Checksums.sha256(Files.readAllBytes(seq)), "functional", LAYERS, "finetune", null, null,
                false, 7, 0, "t", 1, 1);
        Path run = tmp.resolve("run");
        assertThatThrownBy(() -> ContinualRun.start(s, run, fixtures(), killAfter(2), false)).isInstanceOf(Kill.class);
        Files.writeString(seq, Files.readString(seq).replace("epochs: 2", "epochs: 3"));
        assertThatThrownBy(() -> ContinualRun.resume(run, fixtures(), 1, 1, QUIET)).isInstanceOf(UserError.class)
                .hasMessageContaining("mine.yaml has changed since the run started");
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("config.json"), "{\"config\": {\"backend\": \"chip\"}}");
        assertThatThrownBy(() -> ContinualRun.resume(other, fixtures(), 1, 1, QUIET)).isInstanceOf(UserError.class)
                .hasMessageContaining("is not a continual run");
    }

    @Test
    void layersThatDoNotFitTheSequenceAreRefusedBeforeAnythingIsWritten() throws IOException {
        ContinualSettings s = new ContinualSettings(sequence.toString(), null, "functional", List.of(784, 40, 10), "finetune", null, null, false, 7, 0,
                "t", 1, 1);
        assertThatThrownBy(() -> ContinualRun.start(s, tmp.resolve("x"), fixtures(), QUIET, false)).isInstanceOf(UserError.class)
                .hasMessageContaining("--layers 784-40-10 starts with 784 inputs, but").hasMessageContaining("variant mnist20 with 400");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThatThrownBy(() -> settings("functional", "finetune", 5, 0).methodValue(1)).isInstanceOf(UserError.class)
                .hasMessage("--buffer belongs to --method rehearsal, not finetune");
    }
}
