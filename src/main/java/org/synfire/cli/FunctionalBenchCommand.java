package org.synfire.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.Convention;
import org.synfire.nbp.FunctionalBenchmark;
import org.synfire.nbp.NbpWeights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire bench functional}: one training epoch and one test evaluation of the matrix model, one thread. */
@Command(name = "functional", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time one training epoch (file order, from the seeded init) and one off-chip test evaluation"
                + " of the functional model on one thread, after warm-up runs; prints the best of the timed runs."})
public final class FunctionalBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;



    @Option(names = "--convention", paramLabel = "chip|reference", description = "Default ${DEFAULT-VALUE}.")
    String convention = "chip";


    @Option(names = "--warmup", paramLabel = "N", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--repeat", paramLabel = "N", description = "Timed runs; the best is reported (default ${DEFAULT-VALUE}).")
    int repeat = 5;

    @Option(names = "--synthetic", description = "Use synthetic data of the variant's size (60,000 / 10,000 samples, ~25 %% active pixels) instead of the dataset files.")
    boolean synthetic;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (warmup < 0 || repeat < 1) throw new UserError("--warmup must be >= 0 and --repeat >= 1");
        PrintWriter out = spec.commandLine().getOut();
        BinaryDataset[] data = shape.trainAndTest(synthetic);
        BinaryDataset train = data[0], test = data[1];
        Convention conv = Convention.parse(convention);
        NbpWeights init = shape.initialWeights();
        out.printf(Locale.ROOT, "bench functional: %s, %d-%d-10, convention %s, seed %d, %d warm-up + %d timed runs, 1 thread, %s%n",
                shape.variant.cliName(), shape.variant.inputs(), shape.hidden, conv.cliName(), shape.seed, warmup, repeat, Runtime.version());
        out.printf(Locale.ROOT, "data: %s; %s%n", train.description(), test.description());
        out.flush();
        FunctionalBenchmark.Result r = FunctionalBenchmark.measure(train, test, init, conv, warmup, repeat);
        out.printf(Locale.ROOT, "train epoch: %,d samples in %.1f ms = %,.0f samples/s  (thread CPU %.1f ms)%n", r.trainSamples(),
                r.trainSeconds() * 1e3, r.trainSamplesPerSecond(), r.trainCpuSeconds() * 1e3);
        out.printf(Locale.ROOT, "test eval:   %,d samples in %.1f ms = %,.0f samples/s  (thread CPU %.1f ms)%n", r.testSamples(),
                r.evalSeconds() * 1e3, r.evalSamplesPerSecond(), r.evalCpuSeconds() * 1e3);
        out.printf(Locale.ROOT, "load average %.2f on %d cores (wall-clock times include waiting for a core)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }
}
