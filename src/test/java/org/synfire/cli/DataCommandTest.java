package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.DataEnvironment;
import org.synfire.data.Datasets;
import org.synfire.data.Fixtures;
import org.synfire.io.Npy;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.data.VerifiedCache;
import picocli.CommandLine;

class DataCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int synfire(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void exportWritesNpyFilesInFileOrder() {
        Path data = tmp.resolve("subset");
        Fixtures.copyInto(data, "mnist");
        Path dir = tmp.resolve("out");
        int code = synfire("data", "export", "--variant", "MNIST10", "--split", "test", "--out", dir.toString(),
                "--data", data.toString(), "--no-verify", "--threshold", "0.4");
        assertThat(code).as(err.toString()).isZero();

        Npy.Array inputs = Npy.read(dir.resolve("inputs.npy"));
        Npy.Array labels = Npy.read(dir.resolve("labels.npy"));
        assertThat(inputs.dtype()).isEqualTo(Npy.DType.UINT8);
        assertThat(inputs.shape()).containsExactly(200, 100);
        assertThat(labels.dtype()).isEqualTo(Npy.DType.UINT8);
        assertThat(labels.shape()).containsExactly(200);
        assertThat(inputs.toByteArray()).containsExactly(Fixtures.load(Variant.MNIST10, Split.TEST, 0.4).inputs());
        assertThat(labels.toByteArray()).containsExactly(Fixtures.raw("mnist", Split.TEST).labels());
        assertThat(out.toString()).contains("mnist test split, variant mnist10, threshold 0.4", "200 samples x 100 inputs");
    }

    @Test
    void exportOfFashionDefaultsTheDatasetFromTheVariant() {
        Path data = tmp.resolve("d");
        Fixtures.copyInto(data, "fashion-mnist");
        int code = synfire("data", "export", "--variant", "fmnist28", "--split", "train", "--out", tmp.resolve("o").toString(),
                "--data", data.toString(), "--no-verify");
        assertThat(code).as(err.toString()).isZero();
        assertThat(Npy.read(tmp.resolve("o/inputs.npy")).shape()).containsExactly(300, 784);
    }

    @Test
    void verificationFailureIsOneMessageWithoutStackTrace() {
        Path data = tmp.resolve("subset");
        Fixtures.copyInto(data, "mnist");
        int code = synfire("data", "export", "--split", "test", "--out", tmp.resolve("o").toString(), "--data", data.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("synfire: " + data.resolve("mnist/t10k-images-idx3-ubyte.gz") + ": not the official")
                .contains("--no-verify").doesNotContain("\tat ");
        assertThat(tmp.resolve("o/inputs.npy")).doesNotExist();
    }

    @Test
    void datasetAndVariantMustAgree() {
        int code = synfire("data", "export", "--dataset", "fashion-mnist", "--variant", "mnist20", "--split", "test",
                "--out", tmp.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--dataset fashion-mnist does not go with --variant mnist20", "fmnist28");
    }

    @Test
    void unknownVariantAndSplitAreUsageErrors() {
        assertThat(synfire("data", "export", "--variant", "mnist15", "--split", "test", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown variant 'mnist15'", "mnist10, mnist20, mnist28, fmnist28");
        assertThat(synfire("data", "export", "--split", "validation", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown split 'validation'");
    }

    @Test
    void fetchWithoutNetworkFailsCleanly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dest = tmp.resolve("dest");
        int code = synfire("data", "fetch", "fashion-mnist", "--dest", dest.toString(),
                "--mirror", "http://127.0.0.1:" + port + "/a/", "--mirror", "http://127.0.0.1:" + port + "/b");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("synfire: cannot download fashion-mnist")
                .contains("http://127.0.0.1:" + port + "/a/train-images-idx3-ubyte.gz: cannot connect",
                        "http://127.0.0.1:" + port + "/b/train-images-idx3-ubyte.gz: cannot connect",
                        "Searched (in this order)", "--data DIR or SYNFIRE_DATA=DIR", "apt-get install dataset-fashion-mnist")
                .doesNotContain("\tat ", "Exception:");
        assertThat(synfire("data", "fetch", "mnist", "--dest", dest.toString(), "--mirror", "ftp://x/")).isEqualTo(2);
        assertThat(err.toString()).contains("--mirror ftp://x/: not an http(s) URL");
    }

    @Test
    void listShowsWhereFilesAreAndTheirState() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        DataEnvironment env = new DataEnvironment(Map.of(), tmp, home, tmp.resolve("none"));
        Path data = tmp.resolve("mine");
        Fixtures.copyInto(data, "mnist");
        DataListCommand cmd = new DataListCommand();
        cmd.datasets = new Datasets(env, new VerifiedCache(env.verifiedFile()));
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("--data", data.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("--data", data.toString(),
                "t10k-images-idx3-ubyte   NOT OFFICIAL", data.resolve("mnist/t10k-images-idx3-ubyte.gz").toString(),
                "fashion-mnist: Fashion-MNIST", "missing", "synfire data fetch fashion-mnist");
    }

    @Test
    void helpIsReachable() {
        assertThat(synfire("data", "--help")).isZero();
        assertThat(out.toString()).contains("fetch", "export", "list");
        assertThat(synfire("data", "export", "--help")).isZero();
        assertThat(out.toString()).contains("--threshold", "pixel >= 129");
    }
}
