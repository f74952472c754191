package org.synfire.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Variant;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.onchip.ChipInference;
import org.synfire.nbp.onchip.TrainingChip;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire bench chip}: training and inference speed of the spiking networks on the emulated chip. */
@Command(name = "chip", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time on-chip training (the 12-phase network, full emulator semantics) and on-chip inference"
                + " (the 4-phase network) on one thread, after warm-up samples; prints ms per sample beside Loihi's"
                + " 1.5 ms (training) and 0.17 ms (inference), and the network's activity per sample."})
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

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (samples < 1 || inferSamples < 1 || warmup < 0) throw new UserError("--samples and --infer-samples must be >= 1, --warmup >= 0");
        shape.checkChipFits();
        PrintWriter out = spec.commandLine().getOut();
        BinaryDataset[] data = shape.trainAndTest(synthetic);
        BinaryDataset train = data[0], test = data[1];
        NbpWeights init = shape.initialWeights();
        out.printf(Locale.ROOT, "bench chip: %s, %d-%d-10, seed %d, 1 thread, %s%n", shape.variant.cliName(), shape.variant.inputs(), shape.hidden, shape.seed, Runtime.version());
        out.flush();

        TrainingChip net = new TrainingChip(init, shape.seed);
        byte[] o = new byte[10];
        for (int i = 0; i < warmup; i++) net.runSample(train.inputs(), (i % train.size()) * train.inputCount(), train.labels()[i % train.size()], o, false);
        OpCounters.Snapshot before = net.chip().counters().snapshot();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            int k = (warmup + i) % train.size();
            net.runSample(train.inputs(), k * train.inputCount(), train.labels()[k], o, false);
        }
        double trainMs = (System.nanoTime() - t0) / 1e6 / samples;
        double trainCpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / samples;
        OpCounters.Snapshot per = net.chip().counters().snapshot().minus(before);

        ChipInference.Network inf = new ChipInference.Network(net.weights(), shape.seed);
        byte[] out10 = new byte[10];
        int n = Math.min(inferSamples, test.size());
        for (int i = 0; i < Math.min(warmup, test.size()); i++) inf.infer(test.inputs(), i * test.inputCount(), out10, 0);
        long c1 = mx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        for (int r = 0; r < inferSamples; r++) {
            int i = r % test.size();
            inf.infer(test.inputs(), i * test.inputCount(), out10, 0);
        }
        double inferMs = (System.nanoTime() - t1) / 1e6 / inferSamples;
        double inferCpuMs = (mx.getCurrentThreadCpuTime() - c1) / 1e6 / inferSamples;
        out.printf(Locale.ROOT, "cpu: training %.4f ms/sample, inference %.4f ms/sample%n", trainCpuMs, inferCpuMs);

        out.printf(Locale.ROOT, "training:  %,d samples, %.3f ms/sample (%,.0f samples/s); Loihi: 1.5 ms%n", samples, trainMs, 1e3 / trainMs);
        out.printf(Locale.ROOT, "inference: %,d samples, %.4f ms/sample (%,.0f samples/s); Loihi: 0.17 ms%n", inferSamples, inferMs, 1e3 / inferMs);
        out.printf(Locale.ROOT, "per training sample: %,.0f compartment updates, %,.0f synaptic ops, %,.0f spikes, %,.0f learning evaluations (product dependencies)%n",
                (per.totalUpdatesActive() + per.totalUpdatesInactive()) / (double) samples, per.totalSynapticOps() / (double) samples,
                per.totalSpikes() / (double) samples, per.totalLearning(OpCounters.LearningBasis.PRODUCT_DEPENDENCIES) / (double) samples);
        Chip chip = net.chip();
        StringBuilder pops = new StringBuilder("spikes per sample:");
        for (int h = 0; h < chip.sourceCount(); h++) {
            if (chip.isGenerator(h) || chip.sourceName(h).startsWith("g")) continue;
            pops.append(String.format(Locale.ROOT, " %s %.1f", chip.sourceName(h), per.spikes()[h] / (double) samples));
        }
        out.println(pops);
        out.flush();
        return 0;
    }
}
