package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The fixtures are what their README says (other engineers rely on both). */
class FixturesTest {
    @Test
    void hashesMatchTheFilesAndTheReadme() throws Exception {
        String readme = Files.readString(Fixtures.resource("/fixtures/README.md"));
        for (var e : Fixtures.SHA256.entrySet()) {
            String[] parts = e.getKey().split("/");
            Path file = Fixtures.dir(parts[0]).resolve(parts[1] + ".gz");
            byte[] raw;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                raw = in.readAllBytes();
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
            assertThat(sha).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(readme).contains("| " + e.getKey() + " | ");
            assertThat(readme).contains("| " + raw.length + " | " + sha + " |");
        }
    }

    @Test
    void sizesAndOrderAreTheFirstRecordsOfTheOfficialFiles() throws IOException {
        assertThat(Fixtures.raw("mnist", Split.TRAIN).size()).isEqualTo(600);
        assertThat(Fixtures.raw("mnist", Split.TEST).size()).isEqualTo(200);
        assertThat(Fixtures.raw("fashion-mnist", Split.TRAIN).size()).isEqualTo(300);
        assertThat(Fixtures.raw("fashion-mnist", Split.TEST).size()).isEqualTo(100);
        // First Fashion-MNIST labels of the official files: train 9 0 0 3 0 2 7 2 5 5, test 9 2 1 1 6 1 4 6 5 7.
        assertThat(java.util.Arrays.copyOf(Fixtures.raw("fashion-mnist", Split.TRAIN).labels(), 10))
                .containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(java.util.Arrays.copyOf(Fixtures.raw("fashion-mnist", Split.TEST).labels(), 10))
                .containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        BinaryDataset d = Fixtures.load(Variant.MNIST10, Split.TRAIN, 0.5);
        assertThat(d.inputCount()).isEqualTo(100);
        assertThat(d.size()).isEqualTo(600);
        assertThat(d.description()).contains("mnist10", "0.5", "train-images-idx3-ubyte");
        try (var s = Files.list(Fixtures.dir("mnist"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        }
    }
}
