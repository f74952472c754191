package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.Fixtures;

/**
 * Everything a user can get wrong on the command line: one line (or one block) naming the file or option, exit 2,
 * no stack trace, and nothing written. Expected messages are written out in full.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    /** The committed fixtures: FIXTURES/mnist/ and FIXTURES/fashion-mnist/ with all four files each. */
    private static final String FIXTURES = Fixtures.dir("mnist").getParent().toString();

    record Result(int code, String out, String err) {}

    static Result synfire(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneError(Result r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- --data DIR ----

    @Test
    void aDataFolderThatDoesNotExistIsNamed() {
        Path nope = tmp.resolve("nope");
        String hint = "; give the folder that holds mnist/ and fashion-mnist/, or the dataset's files";
        assertOneError(synfire("data", "export", "--split", "test", "--out", tmp.resolve("o").toString(), "--data", nope.toString()),
                "--data " + nope + ": no such directory" + hint);
        assertThat(tmp.resolve("o")).doesNotExist();
        // the same for the commands that train or run the chip, before anything is loaded
        assertOneError(synfire("verify", "--samples", "1", "--data", nope.toString()), "--data " + nope + ": no such directory" + hint);
        assertOneError(synfire("data", "list", "--data", nope.toString()), "--data " + nope + ": no such directory" + hint);
    }

    @Test
    void aDataFolderThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("datasets.txt"), "not a folder");
        assertOneError(synfire("data", "export", "--split", "test", "--out", tmp.resolve("o").toString(), "--data", file.toString()),
                "--data " + file + ": not a directory; give the folder that holds mnist/ and fashion-mnist/, or the dataset's files");
    }

    @Test
    void aPartialDatasetFolderNamesTheMissingFile() throws IOException {
        Path data = tmp.resolve("d");
        Path mnist = Fixtures.copyInto(data, "mnist");
        Files.delete(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        Path out = tmp.resolve("o");
        assertOneError(synfire("data", "export", "--split", "test", "--out", out.toString(), "--data", data.toString(), "--no-verify"),
                "mnist: " + mnist + "/ (--data) has no t10k-labels-idx1-ubyte(.gz), though it holds train-images-idx3-ubyte.gz,"
                        + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz; add the missing file there, or give --data a folder with all four");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTruncatedFileIsNamedWithWhatItHolds() throws IOException {
        Path data = tmp.resolve("d");
        Path mnist = Fixtures.copyInto(data, "mnist");
        // the 200 test labels uncompressed: 8 header bytes + 200 labels = 208 bytes; keep the first 100
        byte[] labels;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(mnist.resolve("t10k-labels-idx1-ubyte.gz")))) {
            labels = in.readAllBytes();
        }
        assertThat(labels).hasSize(208);
        Files.delete(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        Path cut = Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), java.util.Arrays.copyOf(labels, 100));
        Path out = tmp.resolve("o");
        assertOneError(synfire("data", "export", "--split", "test", "--out", out.toString(), "--data", data.toString(), "--no-verify"),
                cut + ": truncated: header says 200 labels (208 bytes), file has 100 bytes");
        assertThat(out).doesNotExist();
    }

    // ---- networks too large for the emulator, or for one chip ----

    /** 400 x 6000000 = 2.4e9 synapses in W1: beyond one Java array, so the emulator cannot build it at all. */
    private static final String HIDDEN_6M = "--hidden 6000000 is too large for the emulator: the 400-6000000-10 network cannot be built:"
            + " projection w1 has 400 x 6000000 = 2400000000 synapses; the emulator holds at most 2147483639 in one projection";

    @Test
    void energyRasterAndVerifyRefuseANetworkTheEmulatorCannotBuildAndWriteNothing() {
        Path json = tmp.resolve("e/energy.json");
        Result e = synfire("energy", "--hidden", "6000000", "--samples", "1", "--json", json.toString(), "--data", FIXTURES, "--no-verify");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).startsWith("synfire: " + HIDDEN_6M).doesNotContain("Exception");
        Path raster = tmp.resolve("r");
        assertThat(synfire("raster", "--hidden", "6000000", "--sample", "0", "--out", raster.toString(), "--data", FIXTURES, "--no-verify").err())
                .startsWith("synfire: " + HIDDEN_6M);
        assertThat(synfire("verify", "--hidden", "6000000", "--samples", "1", "--data", FIXTURES, "--no-verify").err()).startsWith("synfire: " + HIDDEN_6M);
        assertThat(tmp.resolve("e")).doesNotExist();
        assertThat(raster).doesNotExist();
    }

    /**
     * The 12-phase training network with n_in = 400: x and m_x6 (2 x 400), six hidden populations (6 x n_hid), 12 gates
     * and seven output populations of 10: 882 + 6 n_hid compartments. One chip holds 131072, so the largest n_hid
     * on one chip is floor((131072 - 882) / 6) = 21698.
     */
    @Test
    void beyondTheLargestHiddenLayerOfOneChipANoteSaysSoAndTheCommandGoesOn() {
        Result fits = synfire("verify", "--hidden", "21698", "--samples", "1", "--data", tmp.toString());
        assertThat(fits.code()).isEqualTo(2);
        assertThat(fits.err()).startsWith("synfire: mnist: cannot find train-images-idx3-ubyte(.gz).\n");
        Result beyond = synfire("verify", "--hidden", "21699", "--samples", "1", "--data", tmp.toString());
        assertThat(beyond.err()).startsWith("synfire: note: the 400-21699-10 network does not fit one Loihi 1 chip: the network has 131076"
                + " compartments in all (h1 21699, h1_copy 21699, h1_copy2 21699, m_h1 21699, c_h1 21699, h1T 21699, and 21 more with 882);"
                + " the emulated Loihi 1 chip holds at most 131072 compartments (128 cores x 1024); with 400 inputs, --hidden 21698 is the"
                + " largest that fits one chip. The emulator runs it as one system; `synfire energy --cores` says how many chips it needs\n")
                .contains("synfire: mnist: cannot find train-images-idx3-ubyte(.gz).");
    }

    @Test
    void runRefusesAHugePopulationWithItsPlaceInTheFile() throws IOException {
        Path net = Files.writeString(tmp.resolve("big.yaml"), """
                name: big
                neuron_types:
                  relay: {threshold: 1024}
                connection_types:
                  drive: {connectivity: all_to_all, weight: 1100}
                populations:
                  a: {size: 2000000000, type: relay}
                spike_generators:
                  stim: {ports: 1, spikes: [[1, 0]]}
                projections:
                  - {from: stim, to: a, type: drive}
                """);
        Path out = tmp.resolve("out");
        Result r = synfire("run", net.toString(), "--steps", "3", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: " + net + " has 1 problem:\n"
                + "  " + net + ":7:3: populations.a: population a has 2000000000 compartments;"
                + " the emulator holds at most 268435454 in one population (its 8 delay slots each live in one array)\n");
        assertThat(out).doesNotExist();
    }

    // ---- outputs that cannot be written: checked before the work ----

    @Test
    void anOutputUnderAFileIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        // --data points nowhere: the output check comes first, so its message is the one shown
        String nope = tmp.resolve("nope").toString();
        assertOneError(synfire("energy", "--json", file.resolve("e.json").toString(), "--data", nope),
                "cannot write " + file.resolve("e.json") + ": " + file + " is a file, not a directory");
        assertOneError(synfire("raster", "--sample", "0", "--out", file.resolve("r").toString(), "--data", nope),
                "cannot write " + file.resolve("r/raster.png") + ": " + file + " is a file, not a directory");
        assertOneError(synfire("data", "export", "--split", "test", "--out", file.resolve("x/y").toString(), "--data", nope),
                "cannot write " + file.resolve("x/y/inputs.npy") + ": " + file + " is a file, not a directory");
        assertOneError(synfire("run", "examples/synfire-chain.yaml", "--steps", "3", "--out", file.toString()),
                "cannot write " + file.resolve("config.json") + ": " + file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(listing(tmp)).containsExactly("plain-file");
    }

    @Test
    void theWritabilityCheckLeavesNoFoldersBehind() {
        Path deep = tmp.resolve("a/b/c");
        // passes the output check (the folders can be created), then fails on the data: a/ must be gone again
        Result r = synfire("energy", "--json", deep.resolve("e.json").toString(), "--data", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("synfire: --data " + tmp.resolve("nope") + ": no such directory");
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    // ---- run --out into an earlier run ----

    private static final String CHAIN = "examples/synfire-chain.yaml";

    @Test
    void aSecondRunIntoTheSameFolderLeavesNoStaleProbeFiles() throws IOException {
        Path out = tmp.resolve("chain");
        Result first = synfire("run", CHAIN, "--steps", "10", "--probe", "weights:hebb", "--probe", "v:e", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(listing(out)).containsExactly("config.json", "counters.json", "mantissas_hebb.npy", "spikes.csv", "v_e.csv", "v_e.npy",
                "weights_hebb.csv", "weights_hebb.npy");
        // files that are not the run's own stay, even one named like a probe file
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("weights_mine.csv"), "mine too");

        Result second = synfire("run", CHAIN, "--steps", "10", "--probe", "v:e", "--out", out.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("synfire-chain: ran 10 steps, 17 spikes recorded\n"
                + "wrote " + out + "/: spikes.csv, v_e.csv, v_e.npy, counters.json, config.json\n");
        assertThat(listing(out)).containsExactly("config.json", "counters.json", "notes.txt", "spikes.csv", "v_e.csv", "v_e.npy",
                "weights_mine.csv");
        var config = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.get("outputs").toString()).isEqualTo("[\"spikes.csv\",\"v_e.csv\",\"v_e.npy\",\"counters.json\",\"config.json\"]");
    }

    @Test
    void aRunWrittenBeforeOutputsWereListedLosesItsProbeFilesToo() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(out.resolve("config.json"), "{\"command\": \"run\"}\n");
        Files.writeString(out.resolve("weights_old.csv"), "step,pre,post,weight\n");
        Files.writeString(out.resolve("u_x.npy"), "");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Result r = synfire("run", CHAIN, "--steps", "3", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listing(out)).containsExactly("config.json", "counters.json", "notes.txt", "spikes.csv");
    }

    @Test
    void aFolderHoldingAnotherCommandsResultsIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("raster"));
        Files.writeString(out.resolve("config.json"), "{\"command\": \"raster\", \"sample\": 3}\n");
        assertOneError(synfire("run", CHAIN, "--steps", "3", "--out", out.toString()),
                "--out " + out + " holds something other than a synfire run (" + out.resolve("config.json")
                        + " is from synfire raster); choose another folder");
        Files.writeString(out.resolve("config.json"), "{not json");
        assertOneError(synfire("run", CHAIN, "--steps", "3", "--out", out.toString()),
                "--out " + out + " holds something other than a synfire run (" + out.resolve("config.json")
                        + " is not valid JSON); choose another folder");
        assertThat(listing(out)).containsExactly("config.json");
    }

    @Test
    void aMatrixFileWithAFractionIsNamedWithItsIndex() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(dir.resolve("net.yaml"), """
                name: m
                neuron_types:
                  relay: {threshold: 1024}
                connection_types:
                  w: {connectivity: dense, matrix: {name: W}}
                populations:
                  a: {size: 2, type: relay}
                  b: {size: 2, type: relay}
                projections:
                  - {from: a, to: b, type: w}
                """);
        // (2, 2) <f8 in Fortran order: file order (0,0) (1,0) (0,1) (1,1) = 1.0, 0.0, 0.25, 2.0; 0.25 is element [0, 1]
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        data.putDouble(1.0).putDouble(0.0).putDouble(0.25).putDouble(2.0);
        Path w = dir.resolve("w.npy");
        byte[] header = org.synfire.io.NpyBytes.npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }");
        Files.write(w, concat(header, data.array()));
        assertOneError(synfire("run", dir.resolve("net.yaml").toString(), "--steps", "1", "--matrix", "W=" + w, "--out", dir.resolve("o").toString()),
                "--matrix W=" + w + ": value 0.25 at [0, 1] is not a whole number");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
