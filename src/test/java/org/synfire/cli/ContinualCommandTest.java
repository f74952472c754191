package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;

class ContinualCommandTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 300, 100, 4);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path sequence(String tasks) throws IOException {
        Path f = tmp.resolve("seq.yaml");
        Files.writeString(f, "name: two\ndataset: mnist\nscenario: class-incremental\ndefaults: {train_samples: 20}\ntasks:\n" + tasks);
        return f;
    }

    private String[] continual(Path seq, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("continual", seq.toString(), "--data", data.toString(), "--no-verify", "--out", out.toString()));
        a.addAll(List.of(extra));
        if (!a.contains("--layers")) a.addAll(List.of("--layers", "400,30,10"));
        if (!a.contains("--backend")) a.addAll(List.of("--backend", "functional"));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunPrintsEveryEvaluationAndTheMetricsAndWritesTheRunDirectory() throws IOException {
        Path seq = sequence("  - {name: a, classes: [0, 1]}\n  - {name: b, classes: [2, 3]}\n");
        Result r = run(continual(seq, tmp.resolve("run"), "--method", "rehearsal", "--buffer", "4", "--eval-every", "10"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("untrained network").contains("2/2  b").contains("spikes    average accuracy").contains("potential average accuracy")
                .contains("backward transfer").contains("done: accuracy matrix, curves and summary in " + tmp.resolve("run"));
        for (String f : List.of("config.json", "evaluations.csv", "accuracy-matrix.csv", "accuracy-matrix.json", "accuracy-matrix.png", "accuracy-matrix.svg",
                "accuracy-curves.png", "accuracy-curves.svg", "summary.json", "train.log", "weights/W1.npy", "weights/W2.npy")) {
            assertThat(tmp.resolve("run").resolve(f)).as(f).isRegularFile();
        }
        String config = Files.readString(tmp.resolve("run/config.json"));
        assertThat(config).contains("\"command\" : \"continual\"", "\"seed\" : 1", "\"method\" : \"rehearsal\"", "\"buffer\" : 4", "\"sequence_sha256\"",
                "\"tasks_in_training_order\"");
        // the matrix: a header comment, the columns, an initial row and one row per task for each readout
        assertThat(Files.readAllLines(tmp.resolve("run/accuracy-matrix.csv"))).hasSize(2 + 2 * 3).element(1).isEqualTo("readout,after,a,b");
    }

    @Test
    void badInputIsOneMessageWithExitCodeTwoAndNothingWritten() throws IOException {
        Path bad = sequence("  - {name: a, classes: [0, 1]}\n  - {name: b, classes: [1]}\n");
        Result r = run(continual(bad, tmp.resolve("x")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("synfire: " + bad + ":7:").contains("tasks[1].classes: class 1 is already in task 'a'").doesNotContain("\n");
        assertThat(tmp.resolve("x")).doesNotExist();

        Path ok = sequence("  - {name: a, classes: [0, 1]}\n");
        assertThat(run(continual(ok, tmp.resolve("y"), "--buffer", "5")).err()).contains("--buffer belongs to --method rehearsal, not finetune");
        assertThat(run(continual(ok, tmp.resolve("y"), "--method", "ewc")).err()).contains("unknown --method 'ewc'");
        assertThat(run(continual(ok, tmp.resolve("y"), "--method", "joint")).err()).contains("joint training needs at least two tasks");
        assertThat(run(continual(ok, tmp.resolve("y"), "--layers", "784,30,10")).err()).contains("starts with 784 inputs");
        assertThat(run(continual(ok, tmp.resolve("y"), "--backend", "gpu")).err()).contains("unknown --backend 'gpu'");
        assertThat(tmp.resolve("y")).doesNotExist();
        Result noFile = run("continual");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("give a task-sequence file");
    }

    @Test
    void resumeTakesEverythingFromTheRunDirectory() throws IOException {
        Path seq = sequence("  - {name: a, classes: [0, 1]}\n  - {name: b, classes: [2, 3]}\n");
        Path run = tmp.resolve("run");
        assertThat(run(continual(seq, run, "--method", "labels")).code()).isZero();
        Result again = run("continual", "--resume", run.toString(), "--data", data.toString(), "--no-verify");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("had finished; its outputs were rewritten");
        Result seed = run("continual", "--resume", run.toString(), "--seed", "3");
        assertThat(seed.code()).isEqualTo(2);
        assertThat(seed.err()).contains("--seed cannot be changed on --resume");
    }
}
