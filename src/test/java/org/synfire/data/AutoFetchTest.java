package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry.DatasetSpec;

/** A dataset found nowhere is downloaded on first use, unless offline or --data; a local server stands in for the mirrors. */
class AutoFetchTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final StringWriter log = new StringWriter();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    /** /mnist/NAME serves the mnist fixture files; anything else is 404. */
    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            Path f = parts.length == 3 && parts[1].equals("mnist") ? Fixtures.dir("mnist").resolve(parts[2]) : null;
            byte[] body = f != null && Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private Datasets datasets() {
        DataEnvironment env = new DataEnvironment(Map.of(), tmp.resolve("work"), tmp.resolve("home"), tmp.resolve("usr-share-datasets"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        VerifiedCache cache = new VerifiedCache(env.verifiedFile());
        return new Datasets(env, cache).withFetcher(new Fetcher(client, Duration.ofSeconds(10), cache));
    }

    private DataOptions online(Path dataDir) {
        return new DataOptions(dataDir, true, new DataOptions.AutoFetch(new PrintWriter(log, true), false, 1e-9));
    }

    @Test
    void aDatasetFoundNowhereIsDownloadedIntoTheDownloadFolderAndUsed() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("mnist/")));
        Datasets ds = datasets();
        Path into = tmp.resolve("home/.cache/synfire/datasets/mnist-fixture");

        Datasets.SplitFiles files = ds.find(online(null), spec, Split.TRAIN);

        assertThat(files.images()).isEqualTo(into.resolve("train-images-idx3-ubyte.gz"));
        assertThat(files.labels()).isEqualTo(into.resolve("train-labels-idx1-ubyte.gz"));
        assertThat(into.resolve("t10k-images-idx3-ubyte.gz")).hasSameBinaryContentAs(Fixtures.images("mnist", Split.TEST));
        assertThat(requests.get()).isEqualTo(4);
        // the bar's last state for the 470,416-byte images file: complete, the sizes in MB with one decimal
        assertThat(log.toString()).contains("mnist-fixture: not found in any searched folder; downloading it into " + into + "/",
                "--offline to stop this", "  train-images-idx3-ubyte.gz: ok, verified (", "mnist-fixture: downloaded and verified");
        assertThat(log.toString()).containsPattern("    t10k-labels-idx1-ubyte.gz \\[#{20}\\] 100% 0\\.0/0\\.0 MB");

        // The second use finds it there: no further request.
        ds.find(online(null), spec, Split.TEST);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void offlineGivesTheMessageListingThePlacesSearchedAndMakesNoRequest() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("mnist/")));
        assertThatThrownBy(() -> datasets().find(new DataOptions(null, true), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContainingAll("mnist-fixture: cannot find train-images-idx3-ubyte(.gz)", "Searched (in this order):",
                        "synfire data fetch mnist-fixture");
        assertThat(requests.get()).isZero();
    }

    @Test
    void withDataDirNothingIsDownloaded() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("mnist/")));
        Path empty = Files.createDirectories(tmp.resolve("work/mine"));
        assertThatThrownBy(() -> datasets().find(online(empty), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cannot find train-images-idx3-ubyte(.gz)");
        assertThat(requests.get()).isZero();
    }

    @Test
    void aPartialCopyIsReportedNotTopped() throws IOException {
        DatasetSpec spec = Fixtures.spec("mnist", List.of(serve().resolve("mnist/")));
        Path partial = Files.createDirectories(tmp.resolve("work/data/mnist-fixture"));
        Files.copy(Fixtures.images("mnist", Split.TRAIN), partial.resolve("train-images-idx3-ubyte.gz"));
        assertThatThrownBy(() -> datasets().find(online(null), spec, Split.TRAIN))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("has no train-labels-idx1-ubyte(.gz), though it holds train-images-idx3-ubyte.gz");
        assertThat(requests.get()).isZero();
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
