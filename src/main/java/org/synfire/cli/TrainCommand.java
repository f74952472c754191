package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.Variant;
import org.synfire.io.Timeline;
import org.synfire.training.Backends;
import org.synfire.nbp.Checkpoint;
import org.synfire.nbp.Convention;
import org.synfire.nbp.MetricsRow;
import org.synfire.training.TrainingRun;
import org.synfire.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire train}: online nBP training with half-epoch checkpoints, metrics, plots. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the binarized nBP network online (batch size 1, mu = 2 wu) and record a run directory.",
            "Metrics every half epoch: test (and train) exact match, argmax of output spikes, argmax of output potential, mse."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME", description = "Learner: ${COMPLETION-CANDIDATES}. Default: " + Backends.DEFAULT + ".",
            completionCandidates = BackendNames.class)
    String backend = Backends.DEFAULT;

    @Option(names = "--convention", paramLabel = "chip|reference",
            description = "chip (default): backward pass with W2 before the update, saturation a > 1024, clip [-256, 254]; "
                    + "reference: the authors' numpy (W2 after, a > 1023, clip [-254, 254]).")
    String convention = "chip";

    @Option(names = "--rng", paramLabel = "synfire|numpy",
            description = "Random source: synfire (SplitMix64, default) or numpy (replays numpy_simulation.py's np.random calls).")
    String rng = "synfire";

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}, as numpy_simulation.py).")
    long seed = 43;

    @Option(names = "--variant", paramLabel = "NAME", converter = VariantConverter.class,
            description = "Input variant: mnist10, mnist20 (paper network, default), mnist28, fmnist28.")
    Variant variant;

    @Option(names = "--dataset", paramLabel = "mnist|fashion-mnist",
            description = "Dataset; picks its default variant (mnist -> mnist20, fashion-mnist -> fmnist28) unless --variant is given.")
    String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default ${DEFAULT-VALUE}); with --resume, the new total.")
    int epochs = 15;

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units of the one hidden layer (default ${DEFAULT-VALUE}).")
    int hidden = 400;

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10",
            description = "Any number of hidden layers, e.g. 400,400,400,10: the synfire-gated network for these widths is compiled"
                    + " on the fly (chip backend) or trained as the layered model (functional). --hidden N is 400,N,10 for mnist20.")
    String layers;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training samples (file order) only.")
    Integer limit;

    @Option(names = "--network", paramLabel = "FILE",
            description = "Train with this network file (e.g. one written by `synfire network sgsc` and edited) on the chip; its"
                    + " protocol section says how it is driven, its layers give the widths.")
    Path network;

    @Option(names = "--holdout", paramLabel = "N",
            description = "Hold out the last N training samples: train on the rest and report the held-out samples in the test"
                    + " columns, so that settings are chosen without looking at the test set.")
    Integer holdout;

    @Option(names = "--no-shuffle", description = "Keep file order: no load-time permutation, no per-epoch shuffle.")
    boolean noShuffle;

    @Option(names = "--input-threshold", paramLabel = "T",
            description = "Binarisation threshold of the training set (default ${DEFAULT-VALUE}; numpy_simulation.py also used 0.4 and 0.6).")
    double inputThreshold = 0.5;

    @Option(names = "--test-threshold", paramLabel = "T",
            description = "Binarisation threshold of the test set (default ${DEFAULT-VALUE}; numpy_simulation.py always uses 0.5).")
    double testThreshold = 0.5;

    @Option(names = "--eval-train", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Evaluate the whole training set off-chip every half epoch (default on; --no-eval-train to skip).")
    boolean evalTrain = true;

    @Option(names = "--init-weights", paramLabel = "W1.npy,W2.npy",
            description = "Start from these integer .npy weights, shapes (n_in, n_hid) and (n_hid, 10), instead of the seeded init"
                    + " (for paths containing a comma, use --init-w1 and --init-w2).")
    String initWeights;

    @Option(names = "--init-w1", paramLabel = "FILE", description = "Initial W1 (.npy, shape (n_in, n_hid)); give --init-w2 with it.")
    Path initW1;

    @Option(names = "--init-w2", paramLabel = "FILE", description = "Initial W2 (.npy, shape (n_hid, 10)); give --init-w1 with it.")
    Path initW2;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<yyyyMMdd-HHmmss>-<name>/).")
    Path out;

    @Option(names = "--check-phases", paramLabel = "K",
            description = "Chip backend: check every K-th sample that each population spikes only in its phases and every gate fires"
                    + " (0 = never; default ${DEFAULT-VALUE}).")
    int checkPhases = 1;

    @Option(names = "--check-copies", paramLabel = "K",
            description = "Chip backend: every K-th sample check that the three W1 copies, the three W2 copies and W2T+ = W2^T"
                    + " agree (0 = never; default ${DEFAULT-VALUE}). W2T- drifts from -W2^T where weights saturate; its drift"
                    + " is counted in metrics.csv (copy_drift_w2Tm) every half epoch.")
    int checkCopies = 1000;

    @Option(names = "--name", paramLabel = "NAME", description = "Run name (default <variant>-<convention>-<backend>).")
    String name;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "When the output is not a terminal, print a progress line (done/total, samples per second, ETA) every"
                    + " SECONDS seconds (default ${DEFAULT-VALUE}); on a terminal a bar is redrawn in place.")
    double progressEvery = 10;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the emulated chip (default ${DEFAULT-VALUE}); weights and metrics are bit-identical for any N.")
    int threads = 1;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue RUN_DIR from its latest checkpoint, bit-exactly; only --epochs, --data and --no-verify may be given with it.")
    Path resume;

    /** Completion candidates for --backend. */
    static final class BackendNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return new java.util.TreeSet<>(Backends.names()).iterator();
        }
    }

    /** Options that change the training network's widths or backend, or make the command do something else. */
    private static final java.util.List<String> NOT_DEFAULT_NETWORK = List.of("--hidden", "--layers", "--variant", "--dataset", "--network",
            "--backend", "--resume", "--help", "-h", "--version", "-V");

    /**
     * Before the command line is parsed: a run that keeps the default network starts compiling it now, beside the
     * parsing (see {@link TrainingRun#prefetchDefaultNetwork}). Only a guess from the words; a wrong one costs time, not results.
     */
    static void prefetch(String[] args) {
        for (String a : args) {
            for (String o : NOT_DEFAULT_NETWORK) if (a.equals(o) || a.startsWith(o + "=")) return;
        }
        TrainingRun.prefetchDefaultNetwork();
    }

    @Override
    public Integer call() {
        Timeline.mark("command line parsed");
        PrintWriter outW = spec.commandLine().getOut();
        PrintWriter errW = spec.commandLine().getErr();
        TrainingRun.Checks checks = new TrainingRun.Checks(checkPhases, checkCopies);
        Printer printer = new Printer(outW, errW, new ProgressLine(outW, onTerminal(), progressEvery, "samples"));
        printer.hookInterruptNote();
        if (threads < 1) throw new UserError("--threads must be >= 1");
        int threadsBefore = org.synfire.chip.Chip.defaultThreads();
        org.synfire.chip.Chip.defaultThreads(threads);
        try {
            TrainingRun.Outcome o;
            if (resume != null) {
                for (String opt : List.of("--backend", "--convention", "--rng", "--seed", "--variant", "--dataset", "--hidden", "--layers",
                        "--limit", "--holdout", "--network", "--no-shuffle", "--input-threshold", "--test-threshold", "--eval-train", "--init-weights",
                        "--init-w1", "--init-w2", "--out", "--name")) {
                    if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                        throw new UserError(opt + " cannot be changed on --resume (the run's config.json fixes it); only --epochs, --data and --no-verify may be given");
                    }
                }
                Integer total = spec.commandLine().getParseResult().hasMatchedOption("--epochs") ? epochs : null;
                o = TrainingRun.resume(resume, total, data.toOptions(), checks, printer);
            } else {
                o = TrainingRun.start(freshSettings(), out, data.toOptions(), checks, printer);
            }
            printer.progress.clear();
            if (o.alreadyFinished()) {
                outW.println(o.runDirectory() + " had finished all " + o.settings().epochs() + " epochs; weights, metrics and plots were rewritten"
                        + " from its last checkpoint. To train longer, give --epochs " + (o.settings().epochs() + 1) + " or more.");
            } else {
                outW.println("done: weights, metrics and plots in " + o.runDirectory());
            }
            outW.flush();
            return 0;
        } finally {
            org.synfire.chip.Chip.defaultThreads(threadsBefore);
            printer.unhook();
        }
    }

    /** Prints what the run reports: lines, a progress bar or plain progress lines, warnings; and the note on Ctrl-C. */
    private static final class Printer implements TrainingRun.Listener {
        private final PrintWriter out;
        private final PrintWriter err;
        final ProgressLine progress;
        private volatile Path runDir;
        private volatile Checkpoint saved;
        private Thread onInterrupt;

        Printer(PrintWriter out, PrintWriter err, ProgressLine progress) {
            this.out = out;
            this.err = err;
            this.progress = progress;
        }

        void hookInterruptNote() {
            onInterrupt = new Thread(() -> {
                if (runDir == null) return; // nothing written yet
                Checkpoint c = saved;
                err.println();
                err.println("synfire: interrupted; " + (c == null ? "no checkpoint was written yet, so --resume starts over from the seed."
                        : "the checkpoint of epoch " + (c.epochIndex() + 1) + " half " + c.half() + " is kept.")
                        + " Continue with: synfire train --resume " + runDir);
                err.flush();
            }, "synfire-interrupt-note");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        }

        void unhook() {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook prints the note
            }
        }

        @Override
        public void started(Path dir, Checkpoint from) {
            runDir = dir;
            saved = from;
        }

        @Override
        public void info(String line) {
            progress.clear();
            out.println(line);
            out.flush();
        }

        @Override
        public void progress(int epoch, int epochs, int position, int epochSize) {
            progress.update("epoch " + epoch + "/" + epochs, (long) (epoch - 1) * epochSize + position, (long) epochs * epochSize);
        }

        @Override
        public void row(MetricsRow row, String tableLine) {
            info(tableLine);
        }

        @Override
        public void warning(String message) {
            progress.clear();
            err.println("synfire: warning: " + message);
            err.flush();
        }

        @Override
        public void checkpointSaved(Checkpoint c) {
            saved = c;
        }
    }

    /** True when stdout is a terminal: System.console() exists and, on Java 22+, Console.isTerminal() agrees. */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }

    private TrainingSettings freshSettings() {
        Variant v = variant;
        if (dataset != null) {
            String d = dataset.strip().toLowerCase(Locale.ROOT);
            Variant byDataset = switch (d) {
                case "mnist" -> Variant.MNIST20;
                case "fashion-mnist", "fmnist", "fashion" -> Variant.FMNIST28;
                default -> throw new UserError("unknown --dataset '" + dataset + "' (use mnist or fashion-mnist)");
            };
            if (v != null && !v.dataset.equals(byDataset.dataset)) {
                throw new UserError("--variant " + v.cliName() + " is " + v.dataset + ", not --dataset " + dataset);
            }
            if (v == null) v = byDataset;
        }
        if (v == null) v = Variant.MNIST20;
        Convention conv = Convention.parse(convention);
        Backends.get(backend);
        List<String> init = null;
        if (initWeights != null && (initW1 != null || initW2 != null)) {
            throw new UserError("give either --init-weights W1.npy,W2.npy or --init-w1 and --init-w2, not both");
        }
        if (initWeights != null) {
            String[] parts = initWeights.split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new UserError("--init-weights needs two files separated by one comma: W1.npy,W2.npy"
                        + " (for paths containing a comma, use --init-w1 W1.npy --init-w2 W2.npy)");
            }
            init = List.of(Path.of(parts[0].strip()).toAbsolutePath().toString(), Path.of(parts[1].strip()).toAbsolutePath().toString());
        } else if (initW1 != null || initW2 != null) {
            if (initW1 == null || initW2 == null) throw new UserError("--init-w1 and --init-w2 go together: give both files");
            init = List.of(initW1.toAbsolutePath().toString(), initW2.toAbsolutePath().toString());
        }
        String n = name != null ? name : v.cliName() + "-" + conv.cliName() + "-" + backend;
        if (!n.matches("[A-Za-z0-9._-]+")) throw new UserError("--name may contain letters, digits, '.', '_' and '-' only: " + n);
        List<Integer> hiddenLayers = List.of(hidden);
        if (layers != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--hidden")) {
                throw new UserError("give either --hidden N (one hidden layer) or --layers N_IN,H1,...,10, not both");
            }
            int[] w = Layers.parse(layers);
            if (w[0] != v.inputs()) {
                throw new UserError("--layers " + layers + " starts with " + w[0] + " inputs, but --variant " + v.cliName() + " has " + v.inputs());
            }
            if (w[w.length - 1] != TrainingSettings.OUTPUTS) throw new UserError("--layers " + layers + " must end with the " + TrainingSettings.OUTPUTS + " outputs of the dataset's classes");
            hiddenLayers = java.util.Arrays.stream(w, 1, w.length - 1).boxed().toList();
            if (hiddenLayers.size() > 1 && init != null) {
                throw new UserError("--init-w1/--init-w2 give one hidden layer's weights; with --layers " + layers + " the seed draws them");
            }
        }
        String networkPath = null;
        if (network != null) {
            if (layers != null || spec.commandLine().getParseResult().hasMatchedOption("--hidden")) {
                throw new UserError("--network takes the widths from the file; leave out --layers and --hidden");
            }
            if (!backend.equals("chip")) throw new UserError("--network runs a network file on the chip; use --backend chip (the default)");
            hiddenLayers = TrainingRun.networkWidths(TrainingRun.readNetwork(network.toAbsolutePath(), v));
            networkPath = network.toAbsolutePath().toString();
            if (init != null && hiddenLayers.size() > 1) {
                throw new UserError("--init-w1/--init-w2 give one hidden layer's weights; " + network + " has " + hiddenLayers.size());
            }
        }
        return new TrainingSettings(backend, conv.cliName(), rng, seed, v.cliName(), epochs, hiddenLayers, limit, holdout, !noShuffle, evalTrain,
                inputThreshold, testThreshold, init, n, networkPath);
    }
}
