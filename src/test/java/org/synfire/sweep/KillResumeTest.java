package org.synfire.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.IdxTestFiles;

/** A local sweep killed (SIGKILL) mid-run and started again: no finished run is redone, the interrupted one resumes. */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledSweepStartedAgainRedoesNoFinishedRunAndResumesTheInterruptedOne() throws Exception {
        Path data = IdxTestFiles.write(tmp.resolve("data"), "mnist", 200, 40, 1);
        Path f = tmp.resolve("k.yaml");
        Files.writeString(f, "base: {backend: functional, epochs: 6, hidden: 8, eval-train: false}\naxes: [{seed: [1, 2, 3]}]\n");
        List<RunSpec> runs = SweepFile.read(f).expand();
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("first.log");
        Process p = Jvms.synfire(log, "sweep", f.toString(), "--out", out.toString(), "--workers", "1", "--data", data.toString(), "--no-verify");
        Path first = out.resolve("runs").resolve(runs.get(0).id());
        Path second = out.resolve("runs").resolve(runs.get(1).id());
        try {
            // the first run done and the second one past its second epoch: kill it there
            Jvms.await("the second run's epoch-2 checkpoint (" + Jvms.read(log) + ")", 90,
                    () -> Files.isRegularFile(second.resolve("checkpoints/epoch-2-half-2/SHA256SUMS")));
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        assertThat(Jvms.read(out.resolve("state").resolve(runs.get(0).id() + ".json"))).contains("\"status\" : \"done\"");
        assertThat(second.resolve("checkpoints/epoch-6-half-2")).as("killed before the run finished").doesNotExist();
        byte[] firstWeights = Files.readAllBytes(first.resolve("weights/W1.npy"));
        var firstTime = Files.getLastModifiedTime(first.resolve("weights/W1.npy"));
        String firstLog = Files.readString(first.resolve("train.log"));

        String[] r = LocalSweepTest.synfire("sweep", f.toString(), "--out", out.toString(), "--workers", "1", "--data", data.toString(), "--no-verify");
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[1]).contains("3 runs, 1 done earlier (skipped), 2 to run");
        assertThat(Files.readString(first.resolve("train.log"))).isEqualTo(firstLog);
        assertThat(Files.getLastModifiedTime(first.resolve("weights/W1.npy"))).isEqualTo(firstTime);
        assertThat(Files.readAllBytes(first.resolve("weights/W1.npy"))).isEqualTo(firstWeights);
        String secondLog = Files.readString(second.resolve("train.log"));
        assertThat(secondLog).containsPattern("resuming .* at epoch [2-6] (half|end)");

        // and the results are those of runs never interrupted
        SweepFile sweep = SweepFile.read(f);
        LocalSweepTestAccess.assertSame(out.resolve("runs"), sweep, data, tmp.resolve("ref"));
    }
}
