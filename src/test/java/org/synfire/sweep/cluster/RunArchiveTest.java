package org.synfire.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing a run directory that the run may still be writing into. */
class RunArchiveTest {
    @TempDir
    Path dir;

    @Test
    void aListedFileThatVanishedBeforeItWasReadIsLeftOutAndTheRestIsPacked() throws IOException {
        Files.writeString(dir.resolve("metrics.csv"), "a,b\n");
        Files.createDirectories(dir.resolve("weights"));
        Files.write(dir.resolve("weights/W1.npy"), new byte[] {1, 2, 3});
        // a plot's temporary file, renamed away by the run's second thread between the listing and the read
        Path gone = dir.resolve(".learning-curve.svg.123.tmp");
        Path renamedAway = dir.resolve("weights/W1-image.png");

        byte[] zip = RunArchive.pack(dir, List.of(dir.resolve("metrics.csv"), gone, renamedAway, dir.resolve("weights/W1.npy")), Map.of("x", new byte[] {9}));

        Map<String, byte[]> entries = RunArchive.read(zip);
        assertThat(entries.keySet()).containsExactly("x", "run/metrics.csv", "run/weights/W1.npy");
        assertThat(entries.get("run/weights/W1.npy")).containsExactly(1, 2, 3);
    }

    @Test
    void theWholeDirectoryLeavesOutTheLockAndTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}\n");
        Files.writeString(dir.resolve(".lock"), "");
        Files.writeString(dir.resolve(".config.json.42.tmp"), "{");
        assertThat(RunArchive.read(RunArchive.pack(dir, Map.of())).keySet()).containsExactly("run/config.json");
    }
}
