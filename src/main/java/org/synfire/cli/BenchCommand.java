package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.training.TrainingRun;
import org.synfire.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synfire bench}: start-up (whole processes: {@code synfire --version}, and a 1,000- and a 2,000-sample
 * training run, alternated, medians), then training and inference per sample and synaptic events per second in
 * this process; {@code --json} writes it all. The subcommands measure one part each.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure speed: start-up of whole processes (synfire --version; synfire train --limit L --epochs 1"
                + " --no-eval-train for L = 1000 and 2000, alternated, medians; fixed start-up = 2·T(1000) − T(2000)), the same"
                + " two runs warm inside this process (what start-up would cost with every method compiled), then"
                + " training and inference per sample on the emulated chip and synaptic events per second. The subcommands"
                + " measure one part each."},
        subcommands = {FunctionalBenchCommand.class, ChipBenchCommand.class, ScalingBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--startup-runs", paramLabel = "N", description = "Counted runs of each start-up command, after one warm-up run (default ${DEFAULT-VALUE}; 0 skips start-up).")
    int startupRuns = 5;

    @Option(names = "--samples", paramLabel = "N", description = "Timed training samples on the chip (default ${DEFAULT-VALUE}).")
    int samples = 10_000;

    @Option(names = "--infer-samples", paramLabel = "N", description = "Timed inference samples (default ${DEFAULT-VALUE}).")
    int inferSamples = 10_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed samples first (default ${DEFAULT-VALUE}).")
    int warmup = 3_000;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the chip (default ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (snake_case keys, units in the names).")
    Path json;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() throws IOException {
        if (startupRuns < 0 || samples < 1 || inferSamples < 1 || warmup < 0 || threads < 1) {
            throw new UserError("--startup-runs and --warmup must be >= 0, --samples, --infer-samples and --threads >= 1");
        }
        shape.checkChipFits();
        if (json != null) org.synfire.io.AtomicFiles.checkWritable(json);
        PrintWriter out = spec.commandLine().getOut();
        BinaryDataset[] data = shape.trainAndTest(false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", ChipBenchCommand.config(shape, false, warmup));
        out.printf(Locale.ROOT, "bench: %s, %d-%d-10, seed %d, %s%n", shape.variant.cliName(), shape.variant.inputs(), shape.hidden, shape.seed, Runtime.version());
        out.flush();
        Map<String, Object> startup = null;
        if (startupRuns > 0) {
            startup = startup(out);
            root.put("startup", startup);
        }
        int[] widths = {shape.variant.inputs(), shape.hidden, 10};
        ChipBenchCommand.Speed s = ChipBenchCommand.measure(widths, data[0], data[1], shape.seed, threads, warmup, samples, inferSamples);
        ChipBenchCommand.print(out, s);
        root.put("chip", s.json());
        if (startup != null && startup.get("train_1000_s_median") instanceof Double t1000) {
            double fixed = t1000 - 1000 * s.trainMs() / 1e3;
            startup.put("fixed_startup_s_from_bench_per_sample", fixed);
            out.printf(Locale.ROOT, "fixed start-up from this run's per-sample cost: T(1000) - 1000 x %.4f ms = %.3f s%n", s.trainMs(), fixed);
        }
        if (json != null) {
            org.synfire.io.AtomicFiles.writeString(json, NetworkOptions.json(root));
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    /** Whole-process start-up: the commands alternated, one warm-up round, then medians of the counted rounds. */
    private Map<String, Object> startup(PrintWriter out) throws IOException {
        List<String> launcher = launcher();
        Path tmp = Files.createTempDirectory("synfire-bench");
        try {
            List<String> data = new ArrayList<>();
            if (shape.data.dataDir != null) data.addAll(List.of("--data", shape.data.dataDir.toAbsolutePath().toString()));
            if (shape.data.noVerify) data.add("--no-verify");
            String[] keys = {"version_s", "train_1000_s", "train_2000_s"};
            double[][] times = new double[keys.length][startupRuns];
            out.printf(Locale.ROOT, "start-up: %s, %d rounds after one warm-up round ...%n", String.join(" ", launcher), startupRuns);
            out.flush();
            for (int round = -1; round < startupRuns; round++) {
                String[][] commands = {{"--version"}, train(tmp, 1000, round, data), train(tmp, 2000, round, data)};
                for (int c = 0; c < commands.length; c++) {
                    double t = timeProcess(launcher, commands[c], tmp);
                    if (round >= 0) times[c][round] = t;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", launcher.size() == 1 ? "synfire (the launcher)" : "java -jar synfire.jar");
            m.put("runs", startupRuns);
            for (int c = 0; c < keys.length; c++) {
                double[] sorted = times[c].clone();
                Arrays.sort(sorted);
                m.put(keys[c] + "_median", sorted[sorted.length / 2]);
                m.put(keys[c] + "_min", sorted[0]);
                m.put(keys[c] + "_max", sorted[sorted.length - 1]);
            }
            double t1 = (Double) m.get("train_1000_s_median"), t2 = (Double) m.get("train_2000_s_median");
            m.put("train_ms_per_sample_in_process_runs", (t2 - t1));
            m.put("fixed_startup_s", 2 * t1 - t2);
            out.printf(Locale.ROOT, "synfire --version: %.3f s (median; %.3f-%.3f)%n", m.get("version_s_median"), m.get("version_s_min"), m.get("version_s_max"));
            out.printf(Locale.ROOT, "synfire train --limit 1000: %.3f s, --limit 2000: %.3f s (medians); per sample in those runs %.3f ms; fixed start-up 2*T(1000) - T(2000) = %.3f s%n",
                    t1, t2, t2 - t1, 2 * t1 - t2);
            out.flush();
            warmRuns(m, tmp, out);
            return m;
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * The same two training runs inside this process, after warm-up runs: every method already compiled, classes
     * loaded, files in the page cache. What a run costs beyond the fixed work it does (the two test-set evaluations,
     * compiles, checkpoints, plots) is then only the JVM's start and the first execution of the code; the cold
     * figures above minus these are that cost.
     */
    private void warmRuns(Map<String, Object> m, Path tmp, PrintWriter out) {
        int warmups = 3;
        double[][] times = new double[2][startupRuns];
        TrainingSettings d = TrainingSettings.defaults(); // as the processes above: the defaults but for --limit, --epochs 1, --no-eval-train
        out.printf(Locale.ROOT, "start-up in this process (warm: %d warm-up rounds, then %d counted) ...%n", warmups, startupRuns);
        out.flush();
        for (int round = -warmups; round < startupRuns; round++) {
            for (int c = 0; c < 2; c++) {
                int limit = c == 0 ? 1000 : 2000;
                Path dir = tmp.resolve("warm-" + limit + "-" + (round + warmups));
                TrainingSettings s = d.withEpochs(1).withData(d.variant(), limit, null).withEvalTrain(false);
                long t0 = System.nanoTime();
                TrainingRun.start(s, dir, shape.data.toOptions(), TrainingRun.Checks.DEFAULT, new TrainingRun.Listener() {});
                double secs = (System.nanoTime() - t0) / 1e9;
                if (round >= 0) times[c][round] = secs;
            }
        }
        double w1 = median(times[0]), w2 = median(times[1]);
        m.put("warm_train_1000_s_median", w1);
        m.put("warm_train_2000_s_median", w2);
        m.put("warm_fixed_startup_s", 2 * w1 - w2);
        double cold = (Double) m.get("fixed_startup_s");
        out.printf(Locale.ROOT, "warm, in this process: T(1000) %.3f s, T(2000) %.3f s (medians); fixed 2*T(1000) - T(2000) = %.3f s;"
                + " so the first execution of the code and the JVM's start cost %.3f s of the cold fixed start-up%n", w1, w2, 2 * w1 - w2, cold - (2 * w1 - w2));
        out.flush();
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String[] train(Path tmp, int limit, int round, List<String> data) {
        List<String> a = new ArrayList<>(List.of("train", "--limit", String.valueOf(limit), "--epochs", "1", "--no-eval-train",
                "--out", tmp.resolve("run-" + limit + "-" + (round + 1)).toString()));
        a.addAll(data);
        return a.toArray(String[]::new);
    }

    /**
     * The launcher of the checkout this runs from ({@code REPO/synfire} for {@code REPO/target/*.jar}, or for the AOT
     * cache's copy {@code REPO/target/aot/*.jar}), so that start-up is timed as users start it; else java -jar.
     */
    static List<String> launcher() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path script = null;
            for (Path d = jar.getParent(); d != null && script == null && d.getFileName() != null; d = d.getParent()) {
                if (d.getFileName().toString().equals("target") && d.getParent() != null) script = d.getParent().resolve("synfire");
            }
            if (script != null && Files.isExecutable(script) && Files.isRegularFile(jar)) return List.of(script.toString());
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            return List.of(java, "-Xmx4g", "-Djava.awt.headless=true", "-jar", jar.toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new UserError("cannot find the synfire jar or launcher to time start-up (" + e.getMessage() + "); use --startup-runs 0");
        }
    }

    /** Wall seconds of one run, output discarded; a failing run is an error (its exit code and last lines). */
    private static double timeProcess(List<String> launcher, String[] args, Path tmp) throws IOException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("last.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SYNFIRE_AOT", "sync"); // a missing AOT cache is built in the warm-up round, not during a counted one
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new UserError(String.join(" ", cmd) + " failed (exit " + code + "): " + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        }
        return secs;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
