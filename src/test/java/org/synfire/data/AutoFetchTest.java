package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry.DatasetSpec;

/** A dataset found nowhere is downloaded on first use, unless offline or --data; {@link LocalMirror} stands in for the mirrors. */
class AutoFetchTest {
    @TempDir
    Path tmp;

    private LocalMirror mirror;
    private final StringWriter log = new StringWriter();

    @AfterEach
    void stop() {
        if (mirror != null) mirror.close();
    }

    private URI serve() throws IOException {
        mirror = new LocalMirror();
        return mirror.base();
    }

    private Datasets datasets() {
        DataEnvironment env = new DataEnvironment(Map.of(), tmp.resolve("work"), tmp.resolve("home"), tmp.resolve("usr-share-datasets"));
        VerifiedCache cache = new VerifiedCache(env.verifiedFile());
        return new Datasets(env, cache).withFetcher(LocalMirror.fetcher(cache));
    }

    private DataOptions online(Path dataDir) {
        return new DataOptions(dataDir, true, new DataOptions.AutoFetch(new PrintWriter(log, true), false, 1e-9));
    }

    @Test
    void aDatasetFoundNowhereIsDownloadedIntoTheDownloadFolderAndUsed() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("good/")));
        Datasets ds = datasets();
        Path into = tmp.resolve("home/.cache/synfire/datasets/mnist-fixture");

        Datasets.SplitFiles files = ds.find(online(null), spec, Split.TRAIN);

        assertThat(files.images()).isEqualTo(into.resolve("train-images-idx3-ubyte.gz"));
        assertThat(files.labels()).isEqualTo(into.resolve("train-labels-idx1-ubyte.gz"));
        assertThat(into.resolve("t10k-images-idx3-ubyte.gz")).hasSameBinaryContentAs(Fixtures.images("mnist", Split.TEST));
        assertThat(mirror.requests()).isEqualTo(4);
        // the bar's last state for the 470,416-byte images file: complete, the sizes in MB with one decimal
        assertThat(log.toString()).contains("mnist-fixture: not found in any searched folder; downloading it into " + into + "/",
                "--offline to stop this", "  train-images-idx3-ubyte.gz: ok, verified (", "mnist-fixture: downloaded and verified");
        assertThat(log.toString()).containsPattern("    t10k-labels-idx1-ubyte.gz \\[#{20}\\] 100% 0\\.0/0\\.0 MB");

        // The second use finds it there: no further request.
        ds.find(online(null), spec, Split.TEST);
        assertThat(mirror.requests()).isEqualTo(4);
    }

    @Test
    void offlineGivesTheMessageListingThePlacesSearchedAndMakesNoRequest() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("good/")));
        assertThatThrownBy(() -> datasets().find(new DataOptions(null, true), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContainingAll("mnist-fixture: cannot find train-images-idx3-ubyte(.gz)", "Searched (in this order):",
                        "synfire data fetch mnist-fixture");
        assertThat(mirror.requests()).isZero();
    }

    @Test
    void withDataDirNothingIsDownloaded() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("good/")));
        Path empty = Files.createDirectories(tmp.resolve("work/mine"));
        assertThatThrownBy(() -> datasets().find(online(empty), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cannot find train-images-idx3-ubyte(.gz)");
        assertThat(mirror.requests()).isZero();
    }

    @Test
    void aPartialCopyIsReportedNotTopped() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("good/")));
        Path partial = Files.createDirectories(tmp.resolve("work/data/mnist-fixture"));
        Files.copy(Fixtures.images("mnist", Split.TRAIN), partial.resolve("train-images-idx3-ubyte.gz"));
        assertThatThrownBy(() -> datasets().find(online(null), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("has no train-labels-idx1-ubyte(.gz), though it holds train-images-idx3-ubyte.gz");
        assertThat(mirror.requests()).isZero();
    }

    @Test
    void noMirrorAnsweringIsOneMessageWithEveryUrlAndThePlacesSearched() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("gone/")));
        assertThatThrownBy(() -> datasets().find(online(null), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContainingAll("cannot download mnist-fixture: train-images-idx3-ubyte.gz could not be fetched from any mirror",
                        "gone/train-images-idx3-ubyte.gz: HTTP status 404", "Searched (in this order):", "--data DIR");
        assertThat(tmp.resolve("home/.cache/synfire/datasets/mnist-fixture")).doesNotExist();
    }

    @Test
    void progressLinesShowDoneTotalRateAndTimeLeft() {
        // 2.6 of 9.9 MB after 2 s: 1.3 MB/s, 7.3 MB left → 5.6 s → "6 s left"; 20·2.6/9.9 = 5.25 → 5 marks; 26 %
        assertThat(DownloadProgress.line("f.gz", 2_600_000, 9_900_000, 2.0))
                .isEqualTo("    f.gz [#####...............]  26% 2.6/9.9 MB, 1.3 MB/s, 6 s left");
        // no Content-Length: only what arrived and the rate
        assertThat(DownloadProgress.line("f.gz", 1_500_000, -1, 3.0)).isEqualTo("    f.gz 1.5 MB, 0.5 MB/s");
        assertThat(DownloadProgress.size(28_881)).isEqualTo("28.9 kB");
        assertThat(DownloadProgress.size(9_912_422)).isEqualTo("9.9 MB");
    }
}
