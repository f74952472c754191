package org.synfire.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscChip;
import org.synfire.nbp.sgsc.SgscInference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire bench chip}: training and inference speed of the spiking networks on the emulated chip. */
@Command(name = "chip", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time on-chip training (the synfire-gated training network, full emulator semantics) and on-chip inference"
                + " (the inference network) after warm-up samples; prints ms per sample beside Loihi's 1.5 ms (training) and"
                + " 0.17 ms (inference), synaptic events per second, and the network's activity per sample. Phase checks are off,"
                + " so any width runs (a network whose gating breaks still costs what it costs)."})
public final class ChipBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--samples", paramLabel = "N", description = "Timed training samples, in file order (default ${DEFAULT-VALUE}).")
    int samples = 10_000;

    @Option(names = "--infer-samples", paramLabel = "N", description = "Timed inference samples from the test set (default ${DEFAULT-VALUE}).")
    int inferSamples = 10_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed samples first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup = 3_000;

    @Option(names = "--synthetic", description = "Synthetic inputs (~25 %% active pixels) instead of the dataset files.")
    boolean synthetic;

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10", split = ",",
            description = "Widths of the network (default: the variant's inputs, --hidden, 10).")
    List<Integer> layers;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the chip (default ${DEFAULT-VALUE}); results are the same for any N.")
    int threads = 1;

    @Option(names = "--compare-threads", paramLabel = "N",
            description = "Instead: the same chips on 1 and on N threads, alternated in blocks of --block samples, medians and the"
                    + " speed-up (robust to a machine whose speed drifts).")
    Integer compareThreads;

    @Option(names = "--block", paramLabel = "N", description = "Samples per block of --compare-threads (default ${DEFAULT-VALUE}).")
    int block = 200;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (snake_case keys, units in the names).")
    Path json;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    /** What one measurement found; times per sample in ms, CPU of the whole process when threads > 1. */
    record Speed(int[] widths, int threads, int trainSamples, double trainMs, double trainCpuMs, int inferSamples, double inferMs,
                 double inferCpuMs, double synapticOpsPerTrainSample, double synapticOpsPerInferSample, double updatesPerTrainSample,
                 double spikesPerTrainSample, double learningPerTrainSample, Map<String, Double> spikesPerPopulation) {
        double synapticEventsPerSecond() {
            return synapticOpsPerTrainSample / (trainMs / 1e3);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layers", widths);
            m.put("threads", threads);
            m.put("train_samples", trainSamples);
            m.put("train_ms_per_sample", trainMs);
            m.put("train_cpu_ms_per_sample", trainCpuMs);
            m.put("infer_samples", inferSamples);
            m.put("infer_ms_per_sample", inferMs);
            m.put("infer_cpu_ms_per_sample", inferCpuMs);
            m.put("synaptic_events_per_train_sample", synapticOpsPerTrainSample);
            m.put("synaptic_events_per_infer_sample", synapticOpsPerInferSample);
            m.put("synaptic_events_per_s_training", synapticEventsPerSecond());
            m.put("synaptic_events_per_s_inference", synapticOpsPerInferSample / (inferMs / 1e3));
            m.put("compartment_updates_per_train_sample", updatesPerTrainSample);
            m.put("spikes_per_train_sample", spikesPerTrainSample);
            m.put("learning_evaluations_per_train_sample", learningPerTrainSample);
            return m;
        }
    }

    @Override
    public Integer call() {
        if (samples < 1 || inferSamples < 1 || warmup < 0) throw new UserError("--samples and --infer-samples must be >= 1, --warmup >= 0");
        if (threads < 1) throw new UserError("--threads must be >= 1");
        int[] widths = widths(layers, shape);
        if (layers == null) shape.checkChipFits();
        PrintWriter out = spec.commandLine().getOut();
        if (json != null) org.synfire.io.AtomicFiles.checkWritable(json);
        BinaryDataset[] data = shape.trainAndTest(synthetic);
        out.printf(Locale.ROOT, "bench chip: %s, %s, seed %d, %d thread%s, %s%n", shape.variant.cliName(), LayeredWeights.shape(widths), shape.seed,
                threads, threads == 1 ? "" : "s", Runtime.version());
        out.flush();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", config(shape, synthetic, warmup));
        if (compareThreads != null) {
            if (compareThreads < 2 || block < 1) throw new UserError("--compare-threads must be >= 2 and --block >= 1");
            root.put("threads_comparison", compare(out, widths, data[0], data[1], shape.seed, compareThreads, warmup, samples, inferSamples, block));
        } else {
            Speed s = measure(widths, data[0], data[1], shape.seed, threads, warmup, samples, inferSamples);
            print(out, s);
            root.put("chip", s.json());
        }
        if (json != null) {
            org.synfire.io.AtomicFiles.writeString(json, NetworkOptions.json(root));
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> config(NetworkOptions shape, boolean synthetic, int warmup) {
        Map<String, Object> c = shape.config();
        c.put("synthetic", synthetic);
        c.put("warmup_samples", warmup);
        c.put("cores", Runtime.getRuntime().availableProcessors());
        c.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return c;
    }

    static void print(PrintWriter out, Speed s) {
        String cpu = s.threads == 1 ? "thread CPU" : "process CPU";
        out.printf(Locale.ROOT, "training:  %,d samples, %.4f ms/sample (%,.0f samples/s; %s %.4f ms); Loihi: 1.5 ms%n", s.trainSamples, s.trainMs,
                1e3 / s.trainMs, cpu, s.trainCpuMs);
        out.printf(Locale.ROOT, "inference: %,d samples, %.4f ms/sample (%,.0f samples/s; %s %.4f ms); Loihi: 0.17 ms%n", s.inferSamples, s.inferMs,
                1e3 / s.inferMs, cpu, s.inferCpuMs);
        out.printf(Locale.ROOT, "synaptic events: %,.0f per training sample, %.3g per second; %,.0f per inference sample%n",
                s.synapticOpsPerTrainSample, s.synapticEventsPerSecond(), s.synapticOpsPerInferSample);
        out.printf(Locale.ROOT, "per training sample: %,.0f compartment updates, %,.0f spikes, %,.0f learning evaluations (product dependencies)%n",
                s.updatesPerTrainSample, s.spikesPerTrainSample, s.learningPerTrainSample);
        StringBuilder pops = new StringBuilder("spikes per sample:");
        s.spikesPerPopulation.forEach((name, v) -> pops.append(String.format(Locale.ROOT, " %s %.1f", name, v)));
        out.println(pops);
        out.printf(Locale.ROOT, "load average %.2f on %d cores (wall-clock times include waiting for a core)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** The widths of --layers, or the paper's shape n_in-hidden-10. */
    static int[] widths(List<Integer> layers, NetworkOptions shape) {
        if (layers == null) return new int[] {shape.variant.inputs(), shape.hidden, 10};
        int[] w = layers.stream().mapToInt(Integer::intValue).toArray();
        if (w.length < 3) throw new UserError("--layers needs at least an input, a hidden and an output width");
        for (int x : w) if (x < 1) throw new UserError("--layers widths must be >= 1");
        if (w[0] != shape.variant.inputs()) throw new UserError("--layers starts with " + w[0] + " inputs, but variant " + shape.variant.cliName() + " has " + shape.variant.inputs());
        return w;
    }

    /** Training then inference on the emulated chip, each after warm-up samples, with the chip on the given threads. */
    static Speed measure(int[] widths, BinaryDataset train, BinaryDataset test, long seed, int threads, int warmup, int samples, int inferSamples) {
        int before = Chip.defaultThreads();
        Chip.defaultThreads(threads);
        try {
            CompiledNetworks network = CompiledNetworks.training(widths);
            LayeredWeights init = TrainingRandom.create("synfire", seed).initialWeights(widths);
            SgscChip net = new SgscChip(network.description(), network.protocol(), init, seed);
            byte[] o = new byte[widths[widths.length - 1]];
            int nIn = train.inputCount();
            for (int i = 0; i < warmup; i++) net.runSample(train.inputs(), (i % train.size()) * nIn, train.labels()[i % train.size()], o, false);
            OpCounters.Snapshot c0 = net.chip().counters().snapshot();
            Clock clock = new Clock(threads);
            for (int i = 0; i < samples; i++) {
                int k = (warmup + i) % train.size();
                net.runSample(train.inputs(), k * nIn, train.labels()[k], o, false);
            }
            double[] trainTimes = clock.msPer(samples);
            OpCounters.Snapshot per = net.chip().counters().snapshot().minus(c0);
            Chip chip = net.chip();
            Map<String, Double> pops = new LinkedHashMap<>();
            for (int h = 0; h < chip.sourceCount(); h++) {
                if (chip.isGenerator(h) || chip.sourceName(h).matches("g\\d+")) continue;
                pops.put(chip.sourceName(h), per.spikes()[h] / (double) samples);
            }

            SgscInference.Network inf = new SgscInference.Network(net.weights(), seed);
            byte[] io = new byte[widths[widths.length - 1]];
            for (int i = 0; i < Math.min(warmup, test.size()); i++) infer(inf, test, i, io);
            OpCounters.Snapshot i0 = inf.chip().counters().snapshot();
            clock = new Clock(threads);
            for (int r = 0; r < inferSamples; r++) infer(inf, test, r % test.size(), io);
            double[] inferTimes = clock.msPer(inferSamples);
            double inferOps = inf.chip().counters().snapshot().minus(i0).totalSynapticOps() / (double) inferSamples;
            return new Speed(widths, threads, samples, trainTimes[0], trainTimes[1], inferSamples, inferTimes[0], inferTimes[1],
                    per.totalSynapticOps() / (double) samples, inferOps,
                    (per.totalUpdatesActive() + per.totalUpdatesInactive()) / (double) samples, per.totalSpikes() / (double) samples,
                    per.totalLearning(OpCounters.LearningBasis.PRODUCT_DEPENDENCIES) / (double) samples, pops);
        } finally {
            Chip.defaultThreads(before);
        }
    }

    /**
     * The same training chip (and inference chip) on 1 and on n threads, alternated block by block: results do not
     * depend on the thread count, so each block just continues the run. Medians per thread count, and the median of
     * the ratios of neighbouring blocks.
     */
    static Map<String, Object> compare(PrintWriter out, int[] widths, BinaryDataset train, BinaryDataset test, long seed, int n, int warmup,
                                       int samples, int inferSamples, int block) {
        CompiledNetworks network = CompiledNetworks.training(widths);
        LayeredWeights init = TrainingRandom.create("synfire", seed).initialWeights(widths);
        SgscChip net = new SgscChip(network.description(), network.protocol(), init, seed);
        byte[] o = new byte[widths[widths.length - 1]];
        int nIn = train.inputCount();
        int[] k = {0};
        Runnable trainOne = () -> {
            int i = k[0]++ % train.size();
            net.runSample(train.inputs(), i * nIn, train.labels()[i], o, false);
        };
        for (int t : new int[] {1, n}) {
            net.chip().threads(t);
            for (int i = 0; i < warmup / 2; i++) trainOne.run();
        }
        double[][] trainMs = alternate(net.chip(), n, Math.max(1, samples / block), block, trainOne);
        SgscInference.Network inf = new SgscInference.Network(net.weights(), seed);
        byte[] io = new byte[widths[widths.length - 1]];
        int[] j = {0};
        Runnable inferOne = () -> infer(inf, test, j[0]++ % test.size(), io);
        for (int t : new int[] {1, n}) {
            inf.chip().threads(t);
            for (int i = 0; i < Math.min(warmup, test.size()) / 2; i++) inferOne.run();
        }
        double[][] inferMs = alternate(inf.chip(), n, Math.max(1, inferSamples / block), block, inferOne);
        net.chip().threads(1);
        inf.chip().threads(1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", widths);
        m.put("threads", n);
        m.put("block_samples", block);
        m.put("blocks_per_thread_count", trainMs[0].length);
        String[] names = {"train", "infer"};
        double[][][] all = {trainMs, inferMs};
        for (int p = 0; p < 2; p++) {
            double one = median(all[p][0]), many = median(all[p][1]);
            double[] ratio = new double[all[p][0].length];
            for (int b = 0; b < ratio.length; b++) ratio[b] = all[p][0][b] / all[p][1][b];
            m.put(names[p] + "_ms_per_sample_1_thread", one);
            m.put(names[p] + "_ms_per_sample_" + n + "_threads", many);
            m.put(names[p] + "_speedup_" + n + "_threads", median(ratio));
            out.printf(Locale.ROOT, "%s: 1 thread %.4f ms/sample, %d threads %.4f ms/sample (medians of %d alternated blocks of %d samples); speed-up %.2fx (median of block ratios)%n",
                    p == 0 ? "training" : "inference", one, n, many, ratio.length, block, median(ratio));
        }
        out.printf(Locale.ROOT, "load average %.2f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return m;
    }

    /** [0][b]: ms/sample of block b on one thread; [1][b]: the following block on n threads. */
    private static double[][] alternate(Chip chip, int n, int blocks, int block, Runnable sample) {
        double[][] ms = new double[2][blocks];
        for (int b = 0; b < blocks; b++) {
            for (int side = 0; side < 2; side++) {
                chip.threads(side == 0 ? 1 : n);
                long t0 = System.nanoTime();
                for (int i = 0; i < block; i++) sample.run();
                ms[side][b] = (System.nanoTime() - t0) / 1e6 / block;
            }
        }
        return ms;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Wall and CPU time since construction: this thread's CPU on one thread, the process's on more. */
    private static final class Clock {
        private final boolean process;
        private final long wall = System.nanoTime(), cpu;

        Clock(int threads) {
            process = threads > 1;
            cpu = cpu();
        }

        private long cpu() {
            if (process && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        double[] msPer(int n) {
            return new double[] {(System.nanoTime() - wall) / 1e6 / n, (cpu() - cpu) / 1e6 / n};
        }
    }

    /** Sample s of the set through the inference network; its output spikes are thrown away. */
    private static void infer(SgscInference.Network inf, BinaryDataset test, int s, byte[] out) {
        inf.infer(test.inputs(), s * test.inputCount(), out, 0);
    }
}
