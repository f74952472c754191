package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

class NetworkCommandTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesATrainingNetworkThatLoadsWithItsSchedule() throws Exception {
        Path f = tmp.resolve("net.yaml");
        Result r = run("network", "sgsc", "--layers", "400,400,400,10", "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + f + ": training network 400,400,400,10, 2 hidden layers, 18 steps per sample\n");
        NetworkDescription d = NetworkLoader.load(f, Map.of());
        assertThat(d.populations()).containsKeys("h1", "h2", "h2_neg", "d_pos_h2", "g17").doesNotContainKey("g18");
        assertThat(Files.readString(f)).contains("protocol:").contains("  matrices: [W1, W2, W3]");
    }

    @Test
    void writesTheInferenceNetwork() throws Exception {
        Path f = tmp.resolve("infer.yaml");
        Result r = run("network", "sgsc", "--layers", "784,100,50,10", "--infer", "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("inference network 784,100,50,10, 2 hidden layers, 5 steps per sample");
        assertThat(NetworkLoader.load(f, Map.of()).populations()).containsKeys("g04", "h1", "h2", "o");
    }

    @Test
    void unsupportedRequestsGetOneClearMessageAndNothingIsWritten() {
        Path f = tmp.resolve("x.yaml");
        Result none = run("network", "sgsc", "--layers", "400,10", "--out", f.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("synfire: --layers 400,10: give inputs, at least one hidden layer and outputs, e.g. 400,400,10"
                + " (0 hidden layers given; L = 0 has no hidden layer to train)\n");
        Result zero = run("network", "sgsc", "--layers", "400,0,10", "--out", f.toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("synfire: --layers 400,0,10: layer 1 has width 0; every layer needs at least one unit\n");
        Result text = run("network", "sgsc", "--layers", "400,a,10", "--out", f.toString());
        assertThat(text.err()).isEqualTo("synfire: --layers 400,a,10: 'a' is not a whole number\n");
        assertThat(f).doesNotExist();
    }

    @Test
    void verifyRefusesLayersThatDoNotMatchTheData() {
        Result r = run("verify", "--layers", "784,100,10", "--samples", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: --layers 784,100,10 starts with 784 inputs, but --variant mnist20 has 400\n");
    }
}
