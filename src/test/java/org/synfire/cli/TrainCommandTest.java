package org.synfire.cli;

import org.synfire.IdxTestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.io.Npy;

class TrainCommandTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void makeData() throws IOException {
        IdxTestFiles.write(data, "mnist", 240, 60, 1);
        IdxTestFiles.write(data, "fashion-mnist", 120, 40, 2);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] train(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--no-verify", "--hidden", "40",
                "--out", out.toString()));
        a.addAll(List.of(extra));
        if (!a.contains("--backend")) a.addAll(List.of("--backend", "functional"));
        return a.toArray(String[]::new);
    }

    @Test
    void chipBackendRunsResumeBitExactlyAndMatchTheFunctionalModel() throws IOException {
        Path whole = tmp.resolve("chip-whole");
        Result w = run(train(whole, "--epochs", "3", "--backend", "chip"));
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("chip exact");
        List<String> csv = Files.readAllLines(whole.resolve("metrics.csv"));
        assertThat(csv.get(1)).contains("spikes_per_sample_h1T", "est_dynamic_energy_uj", "est_work_time_us");
        String[] head = csv.get(1).split(",", -1), last = csv.getLast().split(",", -1);
        int e = List.of(head).indexOf("est_dynamic_energy_uj");
        assertThat(Double.parseDouble(last[e])).isPositive();

        Path cut = tmp.resolve("chip-cut");
        assertThat(run(train(cut, "--epochs", "1", "--backend", "chip")).code()).isZero();
        Result resumed = run("train", "--resume", cut.toString(), "--epochs", "3", "--data", data.toString(), "--no-verify");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertSameRun(cut, whole);

        // the spiking network computes the functional model's chip convention: same weights after 3 epochs
        Path functional = tmp.resolve("functional");
        assertThat(run(train(functional, "--epochs", "3", "--backend", "functional")).code()).isZero();
        assertThat(Files.readAllBytes(functional.resolve("weights/W1.npy"))).isEqualTo(Files.readAllBytes(whole.resolve("weights/W1.npy")));
        assertThat(Files.readAllBytes(functional.resolve("weights/W2.npy"))).isEqualTo(Files.readAllBytes(whole.resolve("weights/W2.npy")));
    }

    @Test
    void chipBackendRefusesTheReferenceConvention() {
        Result r = run(train(tmp.resolve("ref"), "--epochs", "1", "--backend", "chip", "--convention", "reference"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--backend chip computes the chip convention");
        assertThat(tmp.resolve("ref")).as("no half-made run directory is left behind").doesNotExist();
    }

    @Test
    void trainWritesTheWholeRunDirectory() throws IOException {
        Path out = tmp.resolve("run");
        Result r = run(train(out, "--epochs", "2", "--seed", "7"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("t.exact").contains("done:");
        for (String f : List.of("config.json", "metrics.csv", "metrics.json", "train.log", "weights/W1.npy", "weights/W2.npy",
                "learning-curve.png", "learning-curve.svg", "learning-curve-mse.png", "learning-curve-mse.svg",
                "checkpoints/epoch-1-half-1/state.json", "checkpoints/epoch-2-half-2/W1.npy")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        Npy.Array w1 = Npy.read(out.resolve("weights/W1.npy"));
        assertThat(w1.dtype()).isEqualTo(Npy.DType.INT32);
        assertThat(w1.shape()).containsExactly(400, 40);
        assertThat(Npy.read(out.resolve("weights/W2.npy")).shape()).containsExactly(40, 10);
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/config/seed").asLong()).isEqualTo(7);
        assertThat(config.at("/config/rng").asText()).isEqualTo("synfire");
        assertThat(config.at("/config/convention").asText()).isEqualTo("chip");
        assertThat(config.at("/environment/java").asText()).isNotBlank();
        assertThat(config.at("/data/train/samples").asInt()).isEqualTo(240);
        assertThat(config.at("/data/train/images/sha256_decompressed").asText()).hasSize(64);
        assertThat(config.at("/data/train/images/sha256_file").asText()).hasSize(64);
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv.get(0)).startsWith("# synfire train:").contains("seed=7");
        assertThat(csv).hasSize(2 + 4);
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/config/seed").asLong()).isEqualTo(7);
        assertThat(metrics.get("rows")).hasSize(4);
        assertThat(metrics.at("/rows/3/test/argmax_potential").asDouble()).isBetween(0.0, 1.0);
        // a fixed key order, so runs in different JVMs write byte-identical files (Map.of would not)
        List<String> countKeys = new ArrayList<>();
        metrics.at("/rows/3/test/counts").fieldNames().forEachRemaining(countKeys::add);
        assertThat(countKeys).containsExactly("exact", "argmax_spikes", "argmax_potential", "wrong_bits");
        assertThat(Files.readAllBytes(out.resolve("learning-curve.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(out.resolve("learning-curve.svg"))).contains("<svg");
    }

    @Test
    void resumedRunsEndIdenticalToAnUninterruptedRun() throws IOException {
        Path whole = tmp.resolve("whole");
        assertThat(run(train(whole, "--epochs", "3", "--rng", "numpy", "--convention", "reference")).code()).isZero();

        // stopped after epoch 1, then resumed to 3 epochs
        Path cut = tmp.resolve("cut");
        assertThat(run(train(cut, "--epochs", "1", "--rng", "numpy", "--convention", "reference")).code()).isZero();
        Result resumed = run("train", "--resume", cut.toString(), "--epochs", "3", "--data", data.toString(), "--no-verify");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming");
        assertSameRun(cut, whole);

        // killed in the middle of epoch 3 (its last checkpoint missing): resumes from epoch-3-half-1
        Path mid = tmp.resolve("mid");
        assertThat(run(train(mid, "--epochs", "3", "--rng", "numpy", "--convention", "reference")).code()).isZero();
        deleteTree(mid.resolve("checkpoints/epoch-3-half-2"));
        Files.delete(mid.resolve("weights/W1.npy"));
        Result again = run("train", "--resume", mid.toString(), "--data", data.toString(), "--no-verify");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("at epoch 3 half");
        assertSameRun(mid, whole);
    }

    /** Same weights, metrics and final checkpoint files (state, order, checksums) in both run directories. */
    private static void assertSameRun(Path a, Path b) throws IOException {
        List<String> files = new ArrayList<>(List.of("weights/W1.npy", "weights/W2.npy", "metrics.csv", "metrics.json"));
        try (Stream<Path> s = Files.list(b.resolve("checkpoints"))) {
            String last = s.map(p -> p.getFileName().toString()).max(Comparator.naturalOrder()).orElseThrow();
            for (String f : List.of("order.npy", "W1.npy", "state.json", "SHA256SUMS")) files.add("checkpoints/" + last + "/" + f);
        }
        for (String f : files) assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    @Test
    void resumeRefusesToChangeTheConfiguration() {
        Path out = tmp.resolve("r");
        assertThat(run(train(out, "--epochs", "1")).code()).isZero();
        Result r = run("train", "--resume", out.toString(), "--seed", "9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--seed cannot be changed on --resume");
        Result shorter = run("train", "--resume", out.toString(), "--epochs", "0", "--data", data.toString(), "--no-verify");
        assertThat(shorter.code()).isEqualTo(2);
        assertThat(shorter.err()).contains("--epochs must be at least 1");
        Result notARun = run("train", "--resume", out.resolve("weights").toString());
        assertThat(notARun.code()).isEqualTo(2);
        assertThat(notARun.err()).contains("is not a run directory");
    }

    @Test
    void initWeightsAreCheckedWithClearMessages() throws IOException {
        Path w1 = tmp.resolve("W1.npy");
        Path w2 = tmp.resolve("W2.npy");
        Npy.writeInt32(w2, new int[40 * 10], 40, 10);

        Npy.writeInt32(w1, new int[399 * 40], 399, 40);
        Result shape = run(train(tmp.resolve("a"), "--init-weights", w1 + "," + w2));
        assertThat(shape.code()).isEqualTo(2);
        assertThat(shape.err()).contains("W1.npy").contains("399 rows").contains("400 inputs").doesNotContain("Exception");

        double[] fraction = new double[400 * 40];
        fraction[43] = 0.5;
        Npy.writeFloat64(w1, fraction, 400, 40);
        Result dtype = run(train(tmp.resolve("b"), "--init-weights", w1 + "," + w2));
        assertThat(dtype.code()).isEqualTo(2);
        assertThat(dtype.err()).contains(w1 + ": value 0.5 at [1, 3] is not a whole number");
        assertThat(tmp.resolve("b")).doesNotExist();

        Npy.writeFloat64(w1, new double[400 * 40], 400, 40); // whole numbers in a float file: accepted
        Result whole = run(train(tmp.resolve("b2"), "--init-weights", w1 + "," + w2, "--epochs", "1", "--limit", "2", "--no-eval-train"));
        assertThat(whole.code()).as(whole.err()).isZero();

        long[] odd = new long[400 * 40];
        odd[41] = 3;
        Npy.writeInt64(w1, odd, 400, 40);
        Result oddValue = run(train(tmp.resolve("c"), "--init-weights", w1 + "," + w2));
        assertThat(oddValue.code()).isEqualTo(2);
        assertThat(oddValue.err()).contains("value 3 at [1, 1] must be even");

        Result one = run(train(tmp.resolve("d"), "--init-weights", w1.toString()));
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("W1.npy,W2.npy");
    }

    @Test
    void initWeightsFromFilesAreUsedAsGiven() throws IOException {
        Path out = tmp.resolve("init");
        int[] w1 = new int[400 * 40];
        for (int i = 0; i < w1.length; i++) w1[i] = 2 * ((i * 7919) % 101 - 50);
        int[] w2 = new int[40 * 10];
        for (int i = 0; i < w2.length; i++) w2[i] = 2 * ((i * 31) % 61 - 30);
        Npy.writeInt32(tmp.resolve("W1.npy"), w1, 400, 40);
        Npy.writeInt32(tmp.resolve("W2.npy"), w2, 40, 10);
        Result r = run(train(out, "--epochs", "1", "--limit", "1", "--no-eval-train",
                "--init-weights", tmp.resolve("W1.npy") + "," + tmp.resolve("W2.npy")));
        assertThat(r.code()).as(r.err()).isZero();
        // after one sample at most the active rows changed by 2: the rest are the given weights
        int[] after = Npy.read(out.resolve("weights/W1.npy")).toIntArray();
        int same = 0;
        for (int i = 0; i < w1.length; i++) {
            assertThat(Math.abs(after[i] - w1[i])).isLessThanOrEqualTo(2);
            if (after[i] == w1[i]) same++;
        }
        assertThat(same).isGreaterThan(w1.length / 2);
        assertThat(Files.readString(out.resolve("metrics.csv")).lines().skip(2).findFirst().orElseThrow().split(",", -1)[13]).isEmpty();
    }

    @Test
    void badOptionsAreUserErrors() {
        Result conv = run(train(tmp.resolve("x"), "--convention", "loihi"));
        assertThat(conv.code()).isEqualTo(2);
        assertThat(conv.err()).contains("unknown --convention 'loihi'");
        Result backend = run(train(tmp.resolve("y"), "--backend", "gpu"));
        assertThat(backend.code()).isEqualTo(2);
        assertThat(backend.err()).contains("unknown --backend 'gpu'").contains("functional");
        Result mixed = run(train(tmp.resolve("z"), "--dataset", "fashion-mnist", "--variant", "mnist20"));
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("is mnist, not --dataset fashion-mnist");
    }

    @Test
    void fashionDatasetAndNoShuffleTrainInFileOrder() throws IOException {
        Path a = tmp.resolve("f1");
        Path b = tmp.resolve("f2");
        assertThat(run(train(a, "--dataset", "fashion-mnist", "--epochs", "1", "--no-shuffle", "--seed", "1")).code()).isZero();
        assertThat(run(train(b, "--dataset", "fashion-mnist", "--epochs", "1", "--no-shuffle", "--seed", "1")).code()).isZero();
        int[] order = Npy.read(a.resolve("checkpoints/epoch-1-half-2/order.npy")).toIntArray();
        for (int i = 0; i < order.length; i++) assertThat(order[i]).isEqualTo(i);
        assertThat(Npy.read(a.resolve("weights/W1.npy")).shape()).containsExactly(784, 40);
        assertThat(Files.readAllBytes(a.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(b.resolve("metrics.csv")));
    }

    @Test
    void benchFunctionalRunsOnSyntheticData() {
        Result r = run("bench", "functional", "--synthetic", "--variant", "mnist10", "--hidden", "20", "--warmup", "0", "--repeat", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("train epoch: 60,000 samples").contains("test eval:   10,000 samples").contains("samples/s");
    }

    @Test
    void resumeOfARunKilledBeforeItsFirstCheckpointStartsOverFromTheSeed() throws IOException {
        Path whole = tmp.resolve("whole");
        assertThat(run(train(whole, "--epochs", "1", "--seed", "11")).code()).isZero();
        Path early = tmp.resolve("early");
        assertThat(run(train(early, "--epochs", "1", "--seed", "11")).code()).isZero();
        // what a kill before the first checkpoint leaves: config.json (and a log), nothing else
        deleteTree(early.resolve("checkpoints"));
        deleteTree(early.resolve("weights"));
        Files.delete(early.resolve("metrics.csv"));

        Result again = run(train(tmp.resolve("other"), "--epochs", "1", "--seed", "11")); // a fresh --out is fine too
        assertThat(again.code()).isZero();
        Result out = run(train(early, "--epochs", "1", "--seed", "11"));
        assertThat(out.code()).as("--out refuses it and says what to do").isEqualTo(2);
        assertThat(out.err()).contains(early + " already holds a run (config.json); continue it with --resume " + early);

        Result r = run("train", "--resume", early.toString(), "--data", data.toString(), "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stopped before its first checkpoint, so it starts over from seed 11 (the seed defines the starting state)");
        assertSameRun(early, whole);
    }

    @Test
    void resumeOfAFinishedRunRewritesItsPlotsAndClosesTheLog() throws IOException {
        Path out = tmp.resolve("done");
        assertThat(run(train(out, "--epochs", "1")).code()).isZero();
        Files.delete(out.resolve("learning-curve.png")); // a kill right after the last checkpoint
        Files.delete(out.resolve("weights/W2.npy"));
        Result r = run("train", "--resume", out.toString(), "--data", data.toString(), "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(out + " had finished all 1 epochs; weights, metrics and plots were rewritten from its last checkpoint."
                + " To train longer, give --epochs 2 or more.");
        assertThat(out.resolve("learning-curve.png")).isNotEmptyFile();
        assertThat(out.resolve("weights/W2.npy")).isNotEmptyFile();
        List<String> log = Files.readAllLines(out.resolve("train.log"));
        assertThat(log.getLast()).endsWith("(finished earlier; weights, metrics and plots rewritten by --resume)");
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOneAndTheRunStaysBitExact() throws IOException {
        Path whole = tmp.resolve("whole2");
        assertThat(run(train(whole, "--epochs", "2")).code()).isZero();
        Path cut = tmp.resolve("cut2");
        assertThat(run(train(cut, "--epochs", "1")).code()).isZero();
        Path w1 = cut.resolve("checkpoints/epoch-1-half-2/W1.npy");
        byte[] bytes = Files.readAllBytes(w1);
        bytes[bytes.length - 7] ^= 0x04; // one flipped bit in the weights, the header intact
        Files.write(w1, bytes);
        Result r = run("train", "--resume", cut.toString(), "--epochs", "2", "--data", data.toString(), "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("synfire: warning: " + w1 + " is damaged: its SHA-256 is ")
                .contains("; resuming from the previous checkpoint " + cut.resolve("checkpoints/epoch-1-half-1") + " instead");
        assertThat(r.out()).contains("resuming " + cut + " at epoch 1 half");
        assertThat(Files.readString(cut.resolve("train.log"))).contains("synfire: warning: " + w1 + " is damaged");
        assertSameRun(cut, whole);
    }

    /** W1 column 0 at 254 from every pixel: ~50 active pixels give W1.x > 9216, so h1[0] fires in the next ungated phase 0. */
    private Path[] phaseZeroWeights() {
        int[] w1 = new int[400 * 40];
        for (int k = 0; k < 400; k++) w1[k * 40] = 254;
        for (int k = 0; k < 400; k++) for (int i = 1; i < 40; i++) w1[k * 40 + i] = ((k * 7 + i * 3) % 11 - 5) * 2;
        int[] w2 = new int[40 * 10];
        for (int i = 0; i < 400; i++) w2[i] = ((i * 5) % 13 - 6) * 8;
        Path a = tmp.resolve("w,1.npy"), b = tmp.resolve("w,2.npy"); // commas in paths: --init-w1/--init-w2 take them
        Npy.writeInt32(a, w1, 400, 40);
        Npy.writeInt32(b, w2, 40, 10);
        return new Path[] {a, b};
    }

    @Test
    void warningsNameTheRunsSampleIndexAcrossRebuildsAndGoToTheLog() throws IOException {
        Path[] w = phaseZeroWeights();
        Path out = tmp.resolve("warn");
        // phases checked on every 50th sample of the run: samples 0, 50, ..., 450 over two epochs of 240
        Result r = run(train(out, "--epochs", "2", "--backend", "chip", "--check-phases", "50",
                "--init-w1", w[0].toString(), "--init-w2", w[1].toString()));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("synfire: warning: ")).toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains("tolerated spike (no weight affected): sample ").contains(", phase 0: population h1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("sample 450,"));
        assertThat(lines).allSatisfy(l -> assertThat(l).containsPattern("sample (0|50|100|150|200|250|300|350|400|450),"));
        String log = Files.readString(out.resolve("train.log"));
        for (String l : lines) assertThat(log).contains(l);
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/init_weight_files/W1/sha256_file").asText()).isEqualTo(org.synfire.io.Checksums.sha256(w[0]));
    }

    @Test
    void afterTwentyWarningsOneLineSaysHowManyMoreWereSuppressed() {
        Path[] w = phaseZeroWeights();
        Result r = run(train(tmp.resolve("many"), "--epochs", "1", "--backend", "chip",
                "--init-w1", w[0].toString(), "--init-w2", w[1].toString()));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("synfire: warning: ")).toList();
        assertThat(lines).hasSize(21);
        assertThat(lines.getLast()).matches("synfire: warning: \\d+ more warnings were suppressed \\(\\d+ in all; only the first 20 are shown\\)");
    }

    @Test
    void initWeightOptionsGoTogether() {
        Result one = run(train(tmp.resolve("x"), "--init-w1", "a.npy"));
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--init-w1 and --init-w2 go together: give both files");
        Result comma = run(train(tmp.resolve("y"), "--init-weights", "a,b.npy,c.npy"));
        assertThat(comma.code()).isEqualTo(2);
        assertThat(comma.err()).contains("(for paths containing a comma, use --init-w1 W1.npy --init-w2 W2.npy)");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("y")).doesNotExist();
    }

    @Test
    void aNetworkBeyondOneChipTrainsOnTheEmulatorWithANote() {
        // mnist10: 100 inputs; 6 x 21800 hidden compartments alone exceed the chip's 131072
        Path out = tmp.resolve("two-chips");
        Result r = run("train", "--data", data.toString(), "--no-verify", "--variant", "mnist10", "--hidden", "21800", "--limit", "2",
                "--epochs", "1", "--no-eval-train", "--backend", "chip", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: this network does not fit one Loihi 1 chip (the network has 131082 compartments in all")
                .contains("the emulated Loihi 1 chip holds at most 131072 compartments").contains("synfire energy --cores");
        assertThat(out.resolve("weights/W1.npy")).isRegularFile();
    }

    @Test
    void twoHiddenLayersTrainOnTheChipAsInTheLayeredModelAndResumeBitExactly() throws IOException {
        String[] deep = {"--layers", "400,40,30,10", "--epochs", "2", "--no-eval-train"};
        Path chip = tmp.resolve("deep-chip");
        List<String> a = new ArrayList<>(List.of(train(chip, "--backend", "chip")));
        a.remove("--hidden");
        a.remove("40");
        a.addAll(List.of(deep));
        Result r = run(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hidden=40,30").contains("chip exact");
        for (String f : List.of("W1.npy", "W2.npy", "W3.npy")) assertThat(chip.resolve("weights/" + f)).isNotEmptyFile();
        assertThat(Npy.read(chip.resolve("weights/W2.npy")).shape()).containsExactly(40, 30);
        List<String> csv = Files.readAllLines(chip.resolve("metrics.csv"));
        assertThat(csv.get(1)).contains("copy_drift_w2Tm", "copy_drift_w3Tm", "spikes_per_sample_h2T");

        Path functional = tmp.resolve("deep-functional");
        List<String> b = new ArrayList<>(List.of(train(functional)));
        b.remove("--hidden");
        b.remove("40");
        b.addAll(List.of(deep));
        assertThat(run(b.toArray(String[]::new)).code()).isZero();
        for (String f : List.of("W1.npy", "W2.npy", "W3.npy")) {
            assertThat(Files.readAllBytes(functional.resolve("weights/" + f))).as(f).isEqualTo(Files.readAllBytes(chip.resolve("weights/" + f)));
        }

        Path cut = tmp.resolve("deep-cut");
        List<String> c = new ArrayList<>(a);
        c.set(c.indexOf(chip.toString()), cut.toString());
        c.set(c.indexOf("2"), "1");
        assertThat(run(c.toArray(String[]::new)).code()).isZero();
        Result resumed = run("train", "--resume", cut.toString(), "--epochs", "2", "--data", data.toString(), "--no-verify");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String f : List.of("weights/W1.npy", "weights/W2.npy", "weights/W3.npy", "metrics.csv")) {
            assertThat(Files.readAllBytes(cut.resolve(f))).as(f).isEqualTo(Files.readAllBytes(chip.resolve(f)));
        }
        JsonNode config = new ObjectMapper().readTree(chip.resolve("config.json").toFile());
        assertThat(config.at("/config/hidden").toString()).isEqualTo("[40,30]");
    }

    @Test
    void layersMustMatchTheData() {
        Result r = run("train", "--data", data.toString(), "--no-verify", "--layers", "784,40,10", "--out", tmp.resolve("m").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: --layers 784,40,10 starts with 784 inputs, but --variant mnist20 has 400\n");
        Result both = run("train", "--data", data.toString(), "--no-verify", "--layers", "400,40,10", "--hidden", "40", "--out", tmp.resolve("m").toString());
        assertThat(both.err()).contains("give either --hidden N (one hidden layer) or --layers N_IN,H1,...,10, not both");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void holdoutReportsTheLastTrainingSamplesInsteadOfTheTestSet() throws IOException {
        Path out = tmp.resolve("held");
        Result r = run(train(out, "--epochs", "1", "--holdout", "40", "--no-eval-train"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("data: train mnist").contains("(first 200) (200 samples), test").contains("(last 40) (40 samples)");
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/data/test/samples").asInt()).isEqualTo(40);
        assertThat(config.at("/config/holdout").asInt()).isEqualTo(40);
        Result bad = run(train(tmp.resolve("held2"), "--holdout", "240"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--holdout 240 must leave training samples: give 1 to 239");
    }

    @Test
    void aWrittenNetworkFileTrainsExactlyAsTheBuiltInNetwork() throws IOException {
        Path file = tmp.resolve("net.yaml");
        assertThat(run("network", "sgsc", "--layers", "400,40,10", "--out", file.toString()).code()).isZero();
        Path viaFile = tmp.resolve("via-file");
        List<String> a = new ArrayList<>(List.of(train(viaFile, "--backend", "chip", "--epochs", "1", "--no-eval-train")));
        int h = a.indexOf("--hidden");
        a.remove(h);
        a.remove(h);
        a.addAll(List.of("--network", file.toString()));
        Result r = run(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        Path builtIn = tmp.resolve("built-in");
        assertThat(run(train(builtIn, "--backend", "chip", "--epochs", "1", "--no-eval-train")).code()).isZero();
        for (String f : List.of("weights/W1.npy", "weights/W2.npy")) {
            assertThat(Files.readAllBytes(viaFile.resolve(f))).as(f).isEqualTo(Files.readAllBytes(builtIn.resolve(f)));
        }
        JsonNode config = new ObjectMapper().readTree(viaFile.resolve("config.json").toFile());
        assertThat(config.at("/network_file/sha256_file").asText()).isEqualTo(org.synfire.io.Checksums.sha256(file));

        Result functional = run(train(tmp.resolve("f"), "--backend", "functional", "--network", file.toString()));
        assertThat(functional.code()).isEqualTo(2);
        assertThat(functional.err()).contains("--network takes the widths from the file; leave out --layers and --hidden");
        Result missing = run("train", "--data", data.toString(), "--no-verify", "--network", tmp.resolve("nope.yaml").toString(),
                "--out", tmp.resolve("g").toString());
        assertThat(missing.err()).isEqualTo("synfire: --network " + tmp.resolve("nope.yaml") + ": no such file\n");
    }
}
