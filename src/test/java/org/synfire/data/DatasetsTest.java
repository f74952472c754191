package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.data.DataEnvironment.SearchRoot;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.DatasetRegistry.FileSpec;
import org.synfire.data.DatasetRegistry.Kind;

class DatasetsTest {
    @TempDir
    Path tmp;

    /** An environment inside the temp folder: cwd, home and the system folder are all under it. */
    private DataEnvironment env(Map<String, String> vars) throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        return new DataEnvironment(vars, cwd, home, tmp.resolve("usr-share-datasets"));
    }

    private Datasets datasets(DataEnvironment env) {
        return new Datasets(env, new VerifiedCache(env.verifiedFile()));
    }

    @Test
    void searchRootsInOrder() throws IOException {
        DataEnvironment env = env(Map.of("SYNFIRE_DATA", "/srv/data"));
        List<SearchRoot> roots = env.searchRoots(null);
        assertThat(roots).extracting(SearchRoot::origin)
                .containsExactly("$SYNFIRE_DATA", "./data", "download folder", "system datasets");
        assertThat(roots).extracting(SearchRoot::dir).containsExactly(
                Path.of("/srv/data"), tmp.resolve("work/data"),
                tmp.resolve("home/.cache/synfire/datasets"), tmp.resolve("usr-share-datasets"));
        // --data DIR is the only place searched
        assertThat(env.searchRoots(Path.of("mine"))).extracting(SearchRoot::dir).containsExactly(tmp.resolve("work/mine"));
        assertThat(env(Map.of()).searchRoots(null)).extracting(SearchRoot::origin)
                .containsExactly("./data", "download folder", "system datasets");
    }

    @Test
    void xdgCacheHomeMovesTheCacheOnlyWhenAbsolute() throws IOException {
        assertThat(env(Map.of("XDG_CACHE_HOME", "/var/cache/me")).cacheDir()).isEqualTo(Path.of("/var/cache/me/synfire"));
        assertThat(env(Map.of("XDG_CACHE_HOME", "relative")).cacheDir()).isEqualTo(tmp.resolve("home/.cache/synfire"));
        DataEnvironment noHome = new DataEnvironment(Map.of(), tmp, null, null);
        assertThat(noHome.verifiedFile()).isNull();
        assertThat(noHome.searchRoots(null)).extracting(SearchRoot::origin).containsExactly("./data");
    }

    @Test
    void earlierRootsWin() throws IOException {
        DataEnvironment env = env(Map.of("SYNFIRE_DATA", tmp.resolve("env").toString()));
        Fixtures.copyInto(tmp.resolve("env"), "mnist");
        Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Fixtures.copyInto(tmp.resolve("usr-share-datasets"), "mnist");
        Datasets ds = datasets(env);
        DataOptions noFlag = new DataOptions(null, false);
        assertThat(ds.find(noFlag, DatasetRegistry.MNIST, Split.TEST).images())
                .isEqualTo(tmp.resolve("env/mnist/t10k-images-idx3-ubyte.gz"));
        Fixtures.copyInto(tmp.resolve("flag"), "mnist");
        assertThat(ds.find(new DataOptions(tmp.resolve("flag"), false), DatasetRegistry.MNIST, Split.TEST).labels())
                .isEqualTo(tmp.resolve("flag/mnist/t10k-labels-idx1-ubyte.gz"));
        // Without the first two, ./data is next, then the system folder.
        DataEnvironment plain = env(Map.of());
        assertThat(datasets(plain).find(noFlag, DatasetRegistry.MNIST, Split.TRAIN).images())
                .isEqualTo(tmp.resolve("work/data/mnist/train-images-idx3-ubyte.gz"));
        deleteTree(tmp.resolve("work/data"));
        assertThat(datasets(plain).find(noFlag, DatasetRegistry.MNIST, Split.TRAIN).images())
                .isEqualTo(tmp.resolve("usr-share-datasets/mnist/train-images-idx3-ubyte.gz"));
    }

    @Test
    void downloadFolderIsSearchedBeforeTheSystemFolder() throws IOException {
        DataEnvironment env = env(Map.of());
        Fixtures.copyInto(env.downloadDir(), "fashion-mnist");
        Fixtures.copyInto(tmp.resolve("usr-share-datasets"), "fashion-mnist");
        assertThat(datasets(env).find(new DataOptions(null, false), DatasetRegistry.FASHION_MNIST, Split.TEST).images())
                .isEqualTo(env.downloadDir().resolve("fashion-mnist/t10k-images-idx3-ubyte.gz"));
    }

    @Test
    void aRootThatIsTheDatasetFolderItselfAndUncompressedFiles() throws IOException {
        // $SYNFIRE_DATA=/.../fmnist holding the files directly, uncompressed.
        Path fm = Files.createDirectories(tmp.resolve("fmnist"));
        for (Split s : Split.values()) {
            Files.write(fm.resolve(s.filePrefix + "-images-idx3-ubyte"), gunzip(Fixtures.images("fashion-mnist", s)));
            Files.write(fm.resolve(s.filePrefix + "-labels-idx1-ubyte"), gunzip(Fixtures.labels("fashion-mnist", s)));
        }
        Datasets ds = datasets(env(Map.of("SYNFIRE_DATA", fm.toString())));
        Datasets.SplitFiles f = ds.find(new DataOptions(null, false), DatasetRegistry.FASHION_MNIST, Split.TRAIN);
        assertThat(f.images()).isEqualTo(fm.resolve("train-images-idx3-ubyte"));
        BinaryDataset d = ds.read(new DataOptions(null, false), Variant.FMNIST28, Split.TRAIN, 0.5);
        assertThat(d.inputs()).containsExactly(Fixtures.load(Variant.FMNIST28, Split.TRAIN).inputs());
        // The same folder is not taken for MNIST: its name says it is Fashion-MNIST.
        assertThatThrownBy(() -> ds.find(new DataOptions(null, false), DatasetRegistry.MNIST, Split.TRAIN))
                .isInstanceOf(UserError.class).hasMessageContaining("cannot find train-images-idx3-ubyte");
        // ... unless it is named explicitly with --data.
        assertThat(ds.find(new DataOptions(fm, false), DatasetRegistry.MNIST, Split.TRAIN).images())
                .isEqualTo(fm.resolve("train-images-idx3-ubyte"));
    }

    @Test
    void notFoundListsEveryPlaceAndHowToProvideTheFiles() throws IOException {
        Datasets ds = datasets(env(Map.of("SYNFIRE_DATA", Files.createDirectories(tmp.resolve("empty")).toString())));
        assertThatThrownBy(() -> ds.read(new DataOptions(null, true),
                Variant.FMNIST28, Split.TEST, 0.5))
                .isInstanceOf(UserError.class)
                .hasMessageContainingAll(
                        "fashion-mnist: cannot find t10k-images-idx3-ubyte",
                        tmp.resolve("empty/fashion-mnist") + "/",
                        tmp.resolve("work/data/fashion-mnist") + "/",
                        tmp.resolve("home/.cache/synfire/datasets/fashion-mnist") + "/",
                        tmp.resolve("usr-share-datasets/fashion-mnist") + "/",
                        "synfire data fetch fashion-mnist", "--data DIR", "SYNFIRE_DATA", "apt-get install dataset-fashion-mnist");
    }

    @Test
    void checksumMismatchNamesFileAndBothHashesAndSuggestsNoVerify() throws IOException {
        Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Datasets ds = datasets(env(Map.of()));
        Path file = tmp.resolve("work/data/mnist/t10k-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> ds.read(new DataOptions(null, true), Variant.MNIST20, Split.TEST, 0.5))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith(file + ": not the official t10k-images-idx3-ubyte")
                .hasMessageContainingAll(
                        "cefe86a05637f831a20aef251bd9db19004a2c986ec848d345c40ffd09264afc (156816 bytes)",
                        "expected 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7 (7840016 bytes)",
                        "--no-verify");
        BinaryDataset d = ds.read(new DataOptions(null, false), Variant.MNIST20, Split.TEST, 0.5);
        assertThat(d.size()).isEqualTo(200);
        assertThat(d.description()).contains("mnist", "test", "mnist20", "0.5");
        assertThat(d.inputs()).containsExactly(Fixtures.load(Variant.MNIST20, Split.TEST).inputs());
    }

    @Test
    void verifiedFilesAreRememberedUntilTheyChange() throws IOException {
        Path file = Fixtures.copyInto(tmp.resolve("d"), "mnist").resolve("t10k-labels-idx1-ubyte.gz");
        FileSpec spec = new FileSpec("t10k-labels-idx1-ubyte", Split.TEST, Kind.LABELS, 208,
                "181dda88fbf8032cf747bf0766ad9d035b6bb747997214d834eb8d2f33a72210");
        VerifiedCache cache = new VerifiedCache(tmp.resolve("cache/synfire/verified.tsv"));
        Datasets ds = new Datasets(env(Map.of()), cache);
        assertThat(cache.contains(file, spec.sha256())).isFalse();
        ds.verify(file, spec);
        assertThat(cache.contains(file, spec.sha256())).isTrue();
        assertThat(Files.readString(cache.file())).contains(file.toAbsolutePath() + "\t" + Files.size(file) + "\t");

        // Same size and time but other content: the cache vouches for it, so verify does not even read it.
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 8] ^= 1; // gzip CRC: reading it now would fail
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
        ds.verify(file, spec);
        // A new modification time invalidates the entry: now the damaged file is read and rejected.
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5000));
        assertThat(cache.contains(file, spec.sha256())).isFalse();
        assertThatThrownBy(() -> ds.verify(file, spec)).isInstanceOf(UserError.class).hasMessageContaining("corrupt gzip");
    }

    @Test
    void unwritableCacheMeansVerifyingEveryTime() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        VerifiedCache cache = new VerifiedCache(blocker.resolve("synfire/verified.tsv"));
        Path file = Fixtures.labels("mnist", Split.TEST);
        cache.add(file, "abc");
        assertThat(cache.contains(file, "abc")).isFalse();
    }

    @Test
    void statusReportsEachFile() throws IOException {
        Path dir = Fixtures.copyInto(tmp.resolve("work/data"), "mnist");
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        Datasets ds = datasets(env(Map.of()));
        List<Datasets.FileStatus> st = ds.status(new DataOptions(null, true), DatasetRegistry.MNIST);
        assertThat(st).extracting(Datasets.FileStatus::state).containsExactly(
                Datasets.State.DAMAGED, Datasets.State.MISSING, Datasets.State.MISMATCH, Datasets.State.MISMATCH);
        assertThat(ds.status(new DataOptions(null, false), DatasetRegistry.MNIST))
                .extracting(Datasets.FileStatus::state).containsExactly(
                        Datasets.State.NOT_CHECKED, Datasets.State.MISSING, Datasets.State.NOT_CHECKED, Datasets.State.NOT_CHECKED);
    }

    @Test
    void registryMatchesTheDatasetsReadme() {
        // Sizes and hashes copied from shared/datasets/README.md; a typo here would reject the real files.
        DatasetSpec m = DatasetRegistry.get("MNIST");
        assertThat(m.file(Split.TRAIN, Kind.IMAGES).size()).isEqualTo(47_040_016L);
        assertThat(m.file(Split.TEST, Kind.LABELS).size()).isEqualTo(10_008L);
        assertThat(DatasetRegistry.get("fmnist")).isSameAs(DatasetRegistry.FASHION_MNIST);
        assertThat(DatasetRegistry.of(Variant.FMNIST28)).isSameAs(DatasetRegistry.FASHION_MNIST);
        for (DatasetSpec d : DatasetRegistry.ALL) {
            assertThat(d.files()).hasSize(4);
            for (FileSpec f : d.files()) {
                assertThat(f.sha256()).matches("[0-9a-f]{64}");
                long expected = f.kind() == Kind.IMAGES ? 16 + 784L * (f.split() == Split.TRAIN ? 60000 : 10000)
                        : 8 + (f.split() == Split.TRAIN ? 60000 : 10000);
                assertThat(f.size()).isEqualTo(expected);
                assertThat(f.name()).isEqualTo(f.split().filePrefix + (f.kind() == Kind.IMAGES ? "-images-idx3-ubyte" : "-labels-idx1-ubyte"));
            }
        }
        assertThatThrownBy(() -> DatasetRegistry.get("cifar10")).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown dataset 'cifar10'").hasMessageContaining("mnist, fashion-mnist");
    }

    @Test
    void rejectsNonFiniteThresholds() {
        assertThatThrownBy(() -> Datasets.fromFiles(Fixtures.images("mnist", Split.TEST), Fixtures.labels("mnist", Split.TEST),
                Variant.MNIST20, Double.NaN)).isInstanceOf(UserError.class).hasMessageContaining("threshold");
    }

    @Test
    void imagesOfAnotherSizeAreRejectedForTheVariants() throws IOException {
        Path im = tmp.resolve("im");
        Path lb = tmp.resolve("lb");
        Files.write(im, IdxBytes.images(1, 32, 32, new byte[32 * 32]));
        Files.write(lb, IdxBytes.labels((byte) 1));
        assertThatThrownBy(() -> Datasets.fromFiles(im, lb, Variant.MNIST28, 0.5)).isInstanceOf(UserError.class)
                .hasMessageContainingAll(im.toString(), "32x32", "28x28");
    }

    private static byte[] gunzip(Path gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
