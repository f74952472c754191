package org.synfire.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;
import org.synfire.cli.Main;
import org.synfire.data.DataOptions;
import org.synfire.training.TrainingRun;
import org.synfire.training.TrainingSettings;

/** Local sweeps through the command line: results equal lone runs, one failure stops nothing, done runs are skipped. */
class LocalSweepTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 200, 40, 1);
    }

    /** Runs the CLI in this JVM; returns exit code, stdout, stderr. */
    static String[] synfire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** Each run of the sweep trained alone by the library, as {@code synfire train} would, into ref/RUN_ID. */
    static Path alone(SweepFile file, Path ref) {
        for (RunSpec r : file.expand()) {
            TrainingSettings s = TrainingSettings.fromMap(new LinkedHashMap<>(r.run().settings()), Path.of("x"));
            TrainingRun.start(s, ref.resolve(r.id()), new DataOptions(data, false), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
        }
        return ref;
    }

    /** Weights and metrics of every run, byte for byte. */
    static void assertSameResults(Path runs, Path reference, List<RunSpec> specs) throws IOException {
        for (RunSpec r : specs) {
            for (String f : List.of("weights/W1.npy", "weights/W2.npy", "metrics.csv", "metrics.json")) {
                assertThat(Files.readAllBytes(runs.resolve(r.id()).resolve(f))).as(r.label() + " " + f)
                        .isEqualTo(Files.readAllBytes(reference.resolve(r.id()).resolve(f)));
            }
        }
    }

    private Path sweepFile(String yaml) throws IOException {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void aLocalSweepEqualsLoneRunsAndWritesItsTablesAndPlots() throws IOException {
        Path f = sweepFile("""
                name: grid
                base: {backend: functional, epochs: 2, eval-train: false}
                axes:
                  - seed: [1, 2]
                  - hidden: [12, 24]
                """);
        Path out = tmp.resolve("out");
        String[] r = synfire("sweep", f.toString(), "--out", out.toString(), "--workers", "2", "--data", data.toString(), "--no-verify");
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[2]).isEmpty();
        SweepFile sweep = SweepFile.read(f);
        List<RunSpec> specs = sweep.expand();
        assertSameResults(out.resolve("runs"), alone(sweep, tmp.resolve("ref")), specs);

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(5);
        List<String> head = List.of(csv.get(0).split(","));
        assertThat(head).contains("run_id", "status", "host", "wall_time_s", "seed", "hidden", "final_test_argmax_spikes", "best_test_mse");
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(json.at("/sweep/done").asInt()).isEqualTo(4);
        // the aggregate's mean and sd over seeds, from the per-run rows
        JsonNode agg = new ObjectMapper().readTree(out.resolve("aggregate.json").toFile()).get("groups");
        assertThat(agg).hasSize(2);
        for (JsonNode g : agg) {
            List<Double> v = new ArrayList<>();
            for (JsonNode run : json.get("runs")) if (run.get("group").asText().equals(g.get("group").asText())) v.add(run.at("/final/test_argmax_potential").asDouble());
            double mean = (v.get(0) + v.get(1)) / 2;
            double sd = Math.abs(v.get(0) - v.get(1)) / Math.sqrt(2);
            assertThat(g.at("/final/test_argmax_potential/mean").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(g.at("/final/test_argmax_potential/sd").asDouble()).isCloseTo(sd, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(g.get("seeds")).hasSize(2);
        }
        for (String p : List.of("aggregate.png", "aggregate.svg", "curves-test-argmax-spikes.png", "curves-test-argmax-potential.svg", "curves-test-mse.png")) {
            assertThat(out.resolve(p)).isNotEmptyFile();
        }
        assertThat(r[1]).contains("sweep grid: 4 runs, 0 done earlier (skipped), 4 to run on 2 local workers").contains("[4/4] done");

        // again: nothing is run or rewritten
        Map<String, FileTime> before = new LinkedHashMap<>();
        for (RunSpec s : specs) before.put(s.id(), Files.getLastModifiedTime(out.resolve("runs").resolve(s.id()).resolve("weights/W1.npy")));
        String[] again = synfire("sweep", f.toString(), "--out", out.toString(), "--data", data.toString(), "--no-verify");
        assertThat(again[0]).isEqualTo("0");
        assertThat(again[1]).contains("4 runs, 4 done earlier (skipped), 0 to run");
        for (RunSpec s : specs) assertThat(Files.getLastModifiedTime(out.resolve("runs").resolve(s.id()).resolve("weights/W1.npy"))).isEqualTo(before.get(s.id()));
    }

    @Test
    void aFailingRunStopsNoOtherIsRecordedAndRetried() throws IOException {
        // holdout 500 cannot leave training samples in a 200-sample set: that run fails when it starts
        Path f = sweepFile("""
                base: {backend: functional, epochs: 1, hidden: 10, eval-train: false}
                axes:
                  - holdout: [20, 500, 30]
                """);
        Path out = tmp.resolve("out");
        String[] r = synfire("sweep", f.toString(), "--out", out.toString(), "--workers", "1", "--retry", "1", "--data", data.toString(), "--no-verify");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).isEqualTo("synfire: 1 of 3 runs failed; their errors are in the error column of " + out.resolve("sweep.csv") + System.lineSeparator());
        JsonNode runs = new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).get("runs");
        assertThat(runs.get(0).get("status").asText()).isEqualTo("done");
        assertThat(runs.get(2).get("status").asText()).isEqualTo("done");
        assertThat(runs.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(runs.get(1).get("attempts").asInt()).isEqualTo(2);
        assertThat(runs.get(1).get("error").asText()).isEqualTo("--holdout 500 must leave training samples: give 1 to 199");
        assertThat(r[1]).contains("retry ").contains("FAILED");
    }

    @Test
    void dryRunListsTheRunsAndTheSlurmScriptRunsTheSameIds() throws IOException {
        Path f = sweepFile("base: {backend: functional, epochs: 1}\naxes: [{seed: [5, 6, 7]}]\n");
        Path out = tmp.resolve("out");
        List<RunSpec> specs = SweepFile.read(f).expand();
        String[] dry = synfire("sweep", f.toString(), "--out", out.toString(), "--dry-run");
        assertThat(dry[0]).isEqualTo("0");
        for (RunSpec s : specs) assertThat(dry[1]).containsPattern(s.index() + "\\s+" + s.id() + "\\s+queued\\s+" + s.label());
        assertThat(out).doesNotExist();

        String[] emit = synfire("sweep", f.toString(), "--out", out.toString(), "--emit", "slurm", "--data", data.toString());
        assertThat(emit[0]).as(emit[2]).isEqualTo("0");
        assertThat(Files.readAllLines(out.resolve("slurm/runs.txt"))).containsExactlyElementsOf(specs.stream().map(RunSpec::id).toList());
        String script = Files.readString(out.resolve("slurm/sweep.sbatch"));
        assertThat(script).contains("#SBATCH --array=0-2").contains("--run \"$id\" --workers 1 --data " + data.toAbsolutePath())
                .contains("sweep " + f.toAbsolutePath()).contains("--out " + out.toAbsolutePath());
        // what one array task does: exactly its run
        String id = specs.get(1).id();
        String[] task = synfire("sweep", f.toString(), "--out", out.toString(), "--run", id, "--workers", "1", "--data", data.toString(), "--no-verify");
        assertThat(task[0]).as(task[2]).isEqualTo("0");
        assertThat(Files.list(out.resolve("runs")).map(p -> p.getFileName().toString()).toList()).containsExactly(id);
        String[] report = synfire("sweep", f.toString(), "--out", out.toString(), "--report");
        assertThat(report[0]).isEqualTo("0");
        assertThat(Files.readString(out.resolve("sweep.csv"))).contains(id + ",1,seed=6,(base),done");
    }
}
