package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry.DatasetSpec;

/** Downloads against a local HTTP server or a closed local port; never the real network. */
class FetcherTest {
    @TempDir
    Path tmp;

    private LocalMirror mirror;
    private final StringWriter log = new StringWriter();

    @AfterEach
    void stop() {
        if (mirror != null) mirror.close();
    }

    private Fetcher fetcher() {
        return LocalMirror.fetcher(new VerifiedCache(tmp.resolve("cache/verified.tsv")));
    }

    private URI serve() throws IOException {
        mirror = new LocalMirror();
        return mirror.base();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableMirrorsGiveOneClearMessage() throws IOException {
        int port = closedPort();
        List<URI> mirrors = List.of(URI.create("http://127.0.0.1:" + port + "/mnist/"), URI.create("http://127.0.0.1:" + port + "/other"));
        DatasetSpec spec = Fixtures.spec("mnist", mirrors);
        Path dest = tmp.resolve("dest");
        assertThatThrownBy(() -> fetcher().fetch(spec, mirrors, dest, new PrintWriter(log), "Searched: <places>\n", "To provide: <hints>"))
                .isInstanceOf(UserError.class)
                .hasMessageContainingAll(
                        "cannot download mnist-fixture: train-images-idx3-ubyte.gz could not be fetched from any mirror",
                        "http://127.0.0.1:" + port + "/mnist/train-images-idx3-ubyte.gz: cannot connect",
                        "http://127.0.0.1:" + port + "/other/train-images-idx3-ubyte.gz: cannot connect",
                        "No network access?", "Searched: <places>", "To provide: <hints>");
        assertThat(dest).as("the folder the fetch created is removed again").doesNotExist();

        // A folder that was there before stays, with nothing added to it (no partial downloads).
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> fetcher().fetch(spec, mirrors, existing, new PrintWriter(log), "", ""))
                .isInstanceOf(UserError.class);
        try (var s = Files.list(existing)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }

    @Test
    void downloadsVerifiesAndKeepsWhatIsAlreadyThere() throws IOException {
        URI base = serve();
        List<URI> mirrors = List.of(base.resolve("good/"));
        DatasetSpec spec = Fixtures.spec("mnist", mirrors);
        Path dest = tmp.resolve("datasets/mnist");
        List<Path> files = fetcher().fetch(spec, mirrors, dest, new PrintWriter(log, true), "", "");
        assertThat(files).containsExactly(dest.resolve("train-images-idx3-ubyte.gz"), dest.resolve("train-labels-idx1-ubyte.gz"),
                dest.resolve("t10k-images-idx3-ubyte.gz"), dest.resolve("t10k-labels-idx1-ubyte.gz"));
        for (Path f : files) assertThat(f).hasSameBinaryContentAs(Fixtures.dir("mnist").resolve(f.getFileName()));
        assertThat(mirror.requests()).isEqualTo(4);
        try (var s = Files.list(dest)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).toList()).isEmpty();
        }
        // The downloaded files load like any others.
        BinaryDataset d = Datasets.fromFiles(files.get(2), files.get(3), Variant.MNIST20, 0.5);
        assertThat(d.inputs()).containsExactly(Fixtures.load(Variant.MNIST20, Split.TEST).inputs());

        // Second run: nothing is downloaded again, even with the server gone.
        int served = mirror.requests();
        mirror.close();
        mirror = null;
        StringWriter second = new StringWriter();
        fetcher().fetch(spec, mirrors, dest, new PrintWriter(second, true), "", "");
        assertThat(second.toString()).contains("already present and verified");
        assertThat(served).isEqualTo(4);
    }

    @Test
    void badMirrorsAreSkippedWithReasons() throws IOException {
        URI base = serve();
        List<URI> mirrors = List.of(base.resolve("missing/"), base.resolve("junk/"), base.resolve("wrong/"), base.resolve("good"));
        DatasetSpec spec = Fixtures.spec("mnist", mirrors);
        Path dest = tmp.resolve("d");
        fetcher().fetch(spec, mirrors, dest, new PrintWriter(log, true), "", "");
        String prefix = "  train-images-idx3-ubyte.gz: ";
        assertThat(log.toString()).contains(
                prefix + "downloading " + base + "missing/train-images-idx3-ubyte.gz\n" + prefix + "failed: HTTP status 404",
                prefix + "downloading " + base + "junk/train-images-idx3-ubyte.gz\n"
                        + prefix + "failed: the download is damaged: downloaded file: not an IDX file",
                prefix + "failed: wrong content: SHA-256 of the decompressed data is " + Fixtures.SHA256.get("fashion-mnist/train-images-idx3-ubyte"),
                prefix + "downloading " + base + "good/train-images-idx3-ubyte.gz\n" + prefix + "ok, verified (");
        assertThat(dest.resolve("t10k-labels-idx1-ubyte.gz")).hasSameBinaryContentAs(Fixtures.labels("mnist", Split.TEST));
    }

    @Test
    void aWrongFileInTheDestinationIsReplaced() throws IOException {
        URI base = serve();
        List<URI> mirrors = List.of(base.resolve("good/"));
        DatasetSpec spec = Fixtures.spec("mnist", mirrors);
        Path dest = Files.createDirectories(tmp.resolve("d"));
        Files.copy(Fixtures.labels("fashion-mnist", Split.TEST), dest.resolve("t10k-labels-idx1-ubyte.gz"));
        fetcher().fetch(spec, mirrors, dest, new PrintWriter(log, true), "", "");
        assertThat(dest.resolve("t10k-labels-idx1-ubyte.gz")).hasSameBinaryContentAs(Fixtures.labels("mnist", Split.TEST));
    }

    @Test
    void urlsAreJoinedWithExactlyOneSlash() {
        assertThat(Fetcher.resolve(URI.create("https://h/x"), "f.gz")).hasToString("https://h/x/f.gz");
        assertThat(Fetcher.resolve(URI.create("https://h/x/"), "f.gz")).hasToString("https://h/x/f.gz");
    }
}
