package org.synfire.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.data.DataOptions;
import org.synfire.IdxTestFiles;
import org.synfire.nbp.MetricsRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrainingRun} as a Java user calls it: no command line, the same run directory and the same resume. */
class TrainingRunTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 200, 40, 1);
    }

    private static TrainingSettings small(int epochs) {
        return TrainingSettings.defaults().withBackend("functional").withHidden(List.of(30, 20)).withEpochs(epochs).withSeed(5)
                .withEvalTrain(false).withName("lib");
    }

    private static DataOptions fixtures() {
        return new DataOptions(data, false);
    }

    @Test
    void aRunReportsItsRowsAndAResumeFromHalfWayEqualsTheWholeRun() throws IOException {
        List<MetricsRow> rows = new ArrayList<>();
        TrainingRun.Listener collect = new TrainingRun.Listener() {
            @Override
            public void row(MetricsRow row, String tableLine) {
                rows.add(row);
            }
        };
        TrainingRun.Outcome whole = TrainingRun.start(small(2), tmp.resolve("whole"), fixtures(), TrainingRun.Checks.DEFAULT, collect);
        assertThat(rows).hasSize(4); // a row every half epoch
        assertThat(whole.end().samplesTrained()).isEqualTo(400);
        for (String f : List.of("W1.npy", "W2.npy", "W3.npy")) assertThat(whole.runDirectory().resolve("weights/" + f)).isRegularFile();

        TrainingRun.start(small(1), tmp.resolve("cut"), fixtures(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
        TrainingRun.Outcome resumed = TrainingRun.resume(tmp.resolve("cut"), 2, fixtures(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
        assertThat(resumed.alreadyFinished()).isFalse();
        for (String f : List.of("W1.npy", "W2.npy", "W3.npy", "metrics.csv")) {
            Path name = f.endsWith(".npy") ? Path.of("weights", f) : Path.of(f);
            assertThat(Files.readAllBytes(tmp.resolve("cut").resolve(name))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("whole").resolve(name)));
        }
        assertThat(TrainingRun.settingsOf(tmp.resolve("cut")).epochs()).isEqualTo(2);

        TrainingRun.Outcome again = TrainingRun.resume(tmp.resolve("cut"), null, fixtures(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
        assertThat(again.alreadyFinished()).isTrue();
    }

    @Test
    void settingsRoundTripThroughConfigJsonAndOldCamelCaseKeysStillRead() {
        TrainingSettings s = small(3);
        assertThat(TrainingSettings.fromMap(s.toMap(), Path.of("config.json"))).isEqualTo(s);
        Map<String, Object> old = new java.util.LinkedHashMap<>(s.toMap());
        old.put("evalTrain", old.remove("eval_train"));
        old.put("inputThreshold", 0.4);
        old.remove("input_threshold");
        old.put("testThreshold", old.remove("test_threshold"));
        old.put("initWeights", old.remove("init_weights"));
        TrainingSettings read = TrainingSettings.fromMap(old, Path.of("config.json"));
        assertThat(read.inputThreshold()).isEqualTo(0.4);
        assertThat(read.evalTrain()).isFalse();
        assertThat(read.hidden()).containsExactly(30, 20);
    }

    @Test
    void badSettingsAreRefusedBeforeTheDirectoryExists() {
        Path out = tmp.resolve("bad");
        TrainingSettings noLayer = small(1).withHidden(List.of());
        assertThatThrownBy(() -> TrainingRun.start(noLayer, out, fixtures(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {}))
                .isInstanceOf(UserError.class).hasMessageContaining("at least one hidden layer");
        TrainingSettings badName = small(1).withName("a b");
        assertThatThrownBy(() -> TrainingRun.start(badName, out, fixtures(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {}))
                .isInstanceOf(UserError.class).hasMessageContaining("--name");
        assertThat(out).doesNotExist();
    }
}
