package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of binarised splits beside the verified-files list: hits, and every reason to miss. */
class BinarisedCacheTest {
    @TempDir
    Path tmp;

    private Path data;
    private VerifiedCache cache;

    /** The fixtures, uncompressed (so a test can change a pixel and keep the file's size). */
    private Datasets datasets() throws IOException {
        data = tmp.resolve("data");
        Path dir = Files.createDirectories(data.resolve("mnist"));
        for (Split split : Split.values()) {
            for (Path gz : new Path[] {Fixtures.images("mnist", split), Fixtures.labels("mnist", split)}) {
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
                    Files.write(dir.resolve(gz.getFileName().toString().replace(".gz", "")), in.readAllBytes());
                }
            }
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        DataEnvironment env = new DataEnvironment(Map.of(), Files.createDirectories(tmp.resolve("work")), home, tmp.resolve("none"));
        cache = new VerifiedCache(env.verifiedFile());
        return new Datasets(env, cache);
    }

    /** The fixtures are not the official files, so these runs read without verification, as --no-verify does. */
    private BinaryDataset load(Datasets ds, Split split, double threshold) {
        return ds.read(new DataOptions(data, false), Variant.MNIST20, split, threshold);
    }

    private List<Path> entries() throws IOException {
        try (var s = Files.list(cache.binarisedDir())) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSecondLoadComesFromTheCacheWithTheSameBitsAndDescription() throws IOException {
        Datasets ds = datasets();
        BinaryDataset first = load(ds, Split.TEST, 0.5);
        assertThat(entries()).hasSize(1);
        // same size and time but other pixels (every pixel inverted): only a cache hit still returns the first bits
        Path images = data.resolve("mnist/t10k-images-idx3-ubyte");
        FileTime time = Files.getLastModifiedTime(images);
        byte[] b = Files.readAllBytes(images);
        for (int k = 16; k < b.length; k++) b[k] = (byte) ~b[k];
        Files.write(images, b);
        Files.setLastModifiedTime(images, time);
        BinaryDataset second = load(ds, Split.TEST, 0.5);
        assertThat(second.inputs()).isEqualTo(first.inputs()).isEqualTo(Fixtures.load(Variant.MNIST20, Split.TEST).inputs());
        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(second.description()).isEqualTo(first.description()).isEqualTo("mnist test split, variant mnist20, threshold 0.5");
        assertThat(second.size()).isEqualTo(first.size());
    }

    @Test
    void aChangedFileAThresholdOrADamagedEntryMissesAndIsPreprocessedAgain() throws IOException {
        Datasets ds = datasets();
        BinaryDataset at05 = load(ds, Split.TEST, 0.5);
        BinaryDataset at06 = load(ds, Split.TEST, 0.6);
        assertThat(entries()).hasSize(2);
        assertThat(at06.inputs()).isEqualTo(Fixtures.load(Variant.MNIST20, Split.TEST, 0.6).inputs()).isNotEqualTo(at05.inputs());

        // a damaged entry (one flipped bit) fails its CRC: ignored, recomputed, rewritten
        for (Path e : entries()) {
            byte[] b = Files.readAllBytes(e);
            b[b.length - 100] ^= 1;
            Files.write(e, b);
        }
        assertThat(load(ds, Split.TEST, 0.5).inputs()).isEqualTo(at05.inputs());
        assertThat(load(ds, Split.TEST, 0.6).inputs()).isEqualTo(at06.inputs());

        // a new modification time is another key: the images are read again (here: every pixel inverted)
        Path images = data.resolve("mnist/t10k-images-idx3-ubyte");
        byte[] b = Files.readAllBytes(images);
        for (int k = 16; k < b.length; k++) b[k] = (byte) ~b[k];
        Files.write(images, b);
        Files.setLastModifiedTime(images, FileTime.fromMillis(Files.getLastModifiedTime(images).toMillis() + 5000));
        BinaryDataset inverted = load(ds, Split.TEST, 0.5);
        assertThat(inverted.inputs()).isEqualTo(Datasets.fromFiles(images, data.resolve("mnist/t10k-labels-idx1-ubyte"), Variant.MNIST20, 0.5).inputs())
                .isNotEqualTo(at05.inputs());
        assertThat(entries()).hasSize(3);
    }

    @Test
    void entriesWrittenByAnotherKeyAreNeverReadForThisOne() throws IOException {
        Datasets ds = datasets();
        BinaryDataset test = load(ds, Split.TEST, 0.5);
        BinaryDataset train = load(ds, Split.TRAIN, 0.5);
        assertThat(train.size()).isNotEqualTo(test.size());
        assertThat(load(ds, Split.TEST, 0.5).inputs()).isEqualTo(test.inputs());
        assertThat(load(ds, Split.TRAIN, 0.5).inputs()).isEqualTo(train.inputs());
        // verified and unverified reads of the same files are different keys
        Path images = data.resolve("mnist/t10k-images-idx3-ubyte"), labels = data.resolve("mnist/t10k-labels-idx1-ubyte");
        String unverified = VerifiedCache.binarisedKey(images, labels, false, Variant.MNIST20, 0.5);
        String verified = VerifiedCache.binarisedKey(images, labels, true, Variant.MNIST20, 0.5);
        assertThat(cache.binarised(unverified, "d")).isNotNull();
        assertThat(cache.binarised(verified, "d")).isNull();
    }

    @Test
    void onlyTheNewestEntriesAreKept() throws IOException {
        Datasets ds = datasets();
        for (int k = 0; k < VerifiedCache.KEEP_BINARISED + 3; k++) load(ds, Split.TEST, 0.3 + 0.01 * k);
        assertThat(entries()).hasSize(VerifiedCache.KEEP_BINARISED);
    }

    @Test
    void anUnwritableCacheStillLoads() throws IOException {
        datasets();
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        DataEnvironment env = new DataEnvironment(Map.of("XDG_CACHE_HOME", blocker.toString()), Files.createDirectories(tmp.resolve("work")), null, tmp.resolve("none"));
        Datasets ds = new Datasets(env, new VerifiedCache(env.verifiedFile()));
        BinaryDataset a = load(ds, Split.TEST, 0.5), b = load(ds, Split.TEST, 0.5);
        assertThat(b.inputs()).isEqualTo(a.inputs()).isEqualTo(Fixtures.load(Variant.MNIST20, Split.TEST).inputs());
    }
}
