package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.io.Checksums;

/** Digests of files as stored and decompressed, remembered per path, size and modification time. */
class FileDigestsTest {
    @TempDir
    Path tmp;

    @Test
    void digestsAreThoseOfTheBytesAndAreRememberedUntilTheFileChanges() throws IOException {
        Path gz = Fixtures.copyInto(tmp.resolve("d"), "mnist").resolve("t10k-labels-idx1-ubyte.gz");
        VerifiedCache cache = new VerifiedCache(tmp.resolve("cache/verified.tsv"));
        VerifiedCache.Digests d = cache.digests(gz);
        assertThat(d.file()).isEqualTo(Checksums.sha256(gz));
        assertThat(d.decompressed()).isEqualTo(Fixtures.SHA256.get("mnist/t10k-labels-idx1-ubyte"));

        // same size and time, other bytes: the remembered digests are returned without reading
        FileTime time = Files.getLastModifiedTime(gz);
        byte[] b = Files.readAllBytes(gz);
        b[b.length - 8] ^= 1;
        Files.write(gz, b);
        Files.setLastModifiedTime(gz, time);
        assertThat(cache.digests(gz)).isEqualTo(d);
        assertThat(new VerifiedCache(tmp.resolve("cache/verified.tsv")).digests(gz)).isEqualTo(d);

        // the original bytes under a new time: hashed again, the same digests; a plain file has one digest for both
        Files.write(gz, Files.readAllBytes(Fixtures.labels("mnist", Split.TEST)));
        Files.setLastModifiedTime(gz, FileTime.fromMillis(time.toMillis() + 5000));
        assertThat(cache.digests(gz)).isEqualTo(d);
        Path raw = Files.write(tmp.resolve("d/raw"), new byte[] {1, 2, 3});
        VerifiedCache.Digests r = cache.digests(raw);
        assertThat(r.file()).isEqualTo(Checksums.sha256(raw)).isEqualTo(r.decompressed());
        assertThat(VerifiedCache.disabled().digests(gz)).isEqualTo(d);
    }
}
