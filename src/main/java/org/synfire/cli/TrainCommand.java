package org.synfire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.data.DataOptions;
import org.synfire.data.Datasets;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.Backends;
import org.synfire.nbp.Checkpoint;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.MetricsFiles;
import org.synfire.nbp.MetricsRow;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.NbpTrainer;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.RunDirectory;
import org.synfire.nbp.TestEvaluator;
import org.synfire.nbp.TrainingRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire train}: online nBP training with half-epoch checkpoints, metrics, plots. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the binarized nBP network online (batch size 1, mu = 2 wu) and record a run directory.",
            "Metrics every half epoch: test (and train) exact match, argmax of output spikes, argmax of output potential, mse."})
public final class TrainCommand implements Callable<Integer> {
    static final int OUTPUTS = 10;

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

    /** The effective configuration, as written to config.json and read back by --resume. */
    record Settings(String backend, String convention, String rng, long seed, String variant, int epochs, List<Integer> hidden,
            Integer limit, Integer holdout, boolean shuffle, boolean evalTrain, double inputThreshold, double testThreshold,
            List<String> initWeights, String name, String network) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", backend);
            m.put("convention", convention);
            m.put("rng", rng);
            m.put("seed", seed);
            m.put("variant", variant);
            m.put("epochs", epochs);
            m.put("hidden", hidden.size() == 1 ? hidden.get(0) : hidden);
            m.put("limit", limit);
            m.put("holdout", holdout);
            m.put("shuffle", shuffle);
            m.put("evalTrain", evalTrain);
            m.put("inputThreshold", inputThreshold);
            m.put("testThreshold", testThreshold);
            m.put("initWeights", initWeights);
            m.put("name", name);
            m.put("network", network);
            return m;
        }

        static Settings fromMap(Map<String, Object> m, Path file) {
            try {
                @SuppressWarnings("unchecked")
                List<String> init = (List<String>) m.get("initWeights");
                return new Settings((String) m.get("backend"), (String) m.get("convention"), (String) m.get("rng"),
                        ((Number) m.get("seed")).longValue(), (String) m.get("variant"), ((Number) m.get("epochs")).intValue(),
                        hiddenOf(m.get("hidden")), m.get("limit") == null ? null : ((Number) m.get("limit")).intValue(),
                        m.get("holdout") == null ? null : ((Number) m.get("holdout")).intValue(),
                        (Boolean) m.get("shuffle"), (Boolean) m.get("evalTrain"), ((Number) m.get("inputThreshold")).doubleValue(),
                        ((Number) m.get("testThreshold")).doubleValue(), init, (String) m.get("name"), (String) m.get("network"));
            } catch (RuntimeException e) {
                throw new UserError(file + ": field missing or of the wrong type in \"config\" (" + e.getMessage() + ")");
            }
        }

        /** "hidden": 400 (one hidden layer) or [400, 400] (several). */
        @SuppressWarnings("unchecked")
        static List<Integer> hiddenOf(Object o) {
            if (o instanceof Number n) return List.of(n.intValue());
            return ((List<Number>) o).stream().map(Number::intValue).toList();
        }

        /** Layer widths: inputs, hidden layers, outputs. */
        int[] sizes(Variant v) {
            int[] s = new int[hidden.size() + 2];
            s[0] = v.inputs();
            for (int i = 0; i < hidden.size(); i++) s[i + 1] = hidden.get(i);
            s[s.length - 1] = OUTPUTS;
            return s;
        }

        String hiddenText() {
            StringBuilder b = new StringBuilder();
            for (int h : hidden) b.append(b.isEmpty() ? "" : ",").append(h);
            return b.toString();
        }

        String comment() {
            return "synfire train: backend=" + backend + " convention=" + convention + " rng=" + rng + " seed=" + seed
                    + " variant=" + variant + " hidden=" + hiddenText() + " epochs=" + epochs + (limit == null ? "" : " limit=" + limit) + (holdout == null ? "" : " holdout=" + holdout)
                    + " shuffle=" + shuffle + " input-threshold=" + inputThreshold + " test-threshold=" + testThreshold
                    + (initWeights == null ? "" : " init-weights=" + String.join(",", initWeights));
        }
    }

    @Override
    public Integer call() {
        PrintWriter outW = spec.commandLine().getOut();
        PrintWriter errW = spec.commandLine().getErr();
        Settings s;
        Map<String, Object> configFile = null;
        RunDirectory resumed = null;
        if (resume != null) {
            for (String opt : List.of("--backend", "--convention", "--rng", "--seed", "--variant", "--dataset", "--hidden", "--layers",
                    "--limit", "--holdout", "--network", "--no-shuffle", "--input-threshold", "--test-threshold", "--eval-train", "--init-weights",
                    "--init-w1", "--init-w2", "--out", "--name")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                    throw new UserError(opt + " cannot be changed on --resume (the run's config.json fixes it); only --epochs, --data and --no-verify may be given");
                }
            }
            resumed = RunDirectory.open(resume);
            try {
                configFile = resumed.readConfig();
                @SuppressWarnings("unchecked")
                Map<String, Object> cfg = (Map<String, Object>) configFile.get("config");
                if (cfg == null) throw new UserError(resume.resolve(RunDirectory.CONFIG) + ": no \"config\" section");
                Settings old = Settings.fromMap(cfg, resume.resolve(RunDirectory.CONFIG));
                int total = spec.commandLine().getParseResult().hasMatchedOption("--epochs") ? epochs : old.epochs();
                s = new Settings(old.backend(), old.convention(), old.rng(), old.seed(), old.variant(), total, old.hidden(),
                        old.limit(), old.holdout(), old.shuffle(), old.evalTrain(), old.inputThreshold(), old.testThreshold(), old.initWeights(), old.name(), old.network());
            } catch (RuntimeException e) {
                resumed.close();
                throw e;
            }
        } else {
            s = freshSettings();
        }
        try {
            return train(s, resumed, configFile, outW, errW);
        } finally {
            if (resumed != null) resumed.close();
        }
    }

    /** Everything after the settings are known; {@code resumed} is the locked run directory of --resume, else null. */
    private int train(Settings s, RunDirectory resumed, Map<String, Object> resumedConfig, PrintWriter outW, PrintWriter errW) {
        Convention conv = Convention.parse(s.convention());
        Backends.Backend backendImpl = Backends.get(s.backend());
        for (double th : new double[] {s.inputThreshold(), s.testThreshold()}) {
            // inputs are pixel/255 in [0, 1]: a threshold outside it switches every input on or off
            if (!(th >= 0 && th < 1)) throw new UserError("--input-threshold and --test-threshold must be in [0, 1), got " + th);
        }
        // every check that can refuse the run happens before its directory is created
        backendImpl.check(conv);
        if (checkPhases < 0 || checkCopies < 0) throw new UserError("--check-phases and --check-copies must be >= 0");
        Variant v = new VariantConverter().convert(s.variant());
        TrainingRandom random = TrainingRandom.create(s.rng(), s.seed());
        if (s.epochs() < 1) throw new UserError("--epochs must be at least 1");
        for (int h : s.hidden()) if (h < 1) throw new UserError("--hidden must be at least 1");
        int[] sizes = s.sizes(v);
        boolean deep = sizes.length > 3;
        if (s.limit() != null && s.limit() < 1) throw new UserError("--limit must be at least 1");
        org.synfire.nbp.sgsc.CompiledNetworks networkFile = s.network() == null ? null : readNetwork(Path.of(s.network()), v);
        if (networkFile == null && s.backend().equals("chip") && !deep) NetworkOptions.checkChipFits(v.inputs(), s.hidden().get(0), OUTPUTS);
        if (networkFile == null && s.backend().equals("chip") && deep) org.synfire.nbp.sgsc.CompiledNetworks.training(sizes); // refuses what does not fit

        DataOptions dopts = data.toOptions();
        long tLoad = System.nanoTime();
        BinaryDataset train = Datasets.load(dopts, v, Split.TRAIN, s.inputThreshold());
        BinaryDataset test = s.holdout() == null ? Datasets.load(dopts, v, Split.TEST, s.testThreshold()) : null;
        if (s.limit() != null) train = train.limit(s.limit());
        if (s.holdout() != null) {
            if (s.holdout() < 1 || s.holdout() >= train.size()) {
                throw new UserError("--holdout " + s.holdout() + " must leave training samples: give 1 to " + (train.size() - 1));
            }
            BinaryDataset all = train;
            test = all.last(s.holdout()); // the test columns report the held-out samples; the test set is not even read
            train = all.limit(all.size() - s.holdout());
        }
        double loadSeconds = (System.nanoTime() - tLoad) / 1e9;

        Checkpoint start = null;
        String header;
        RunDirectory run;
        Map<String, Object> configFile;
        if (resumed != null) {
            run = resumed;
            configFile = resumedConfig;
            start = run.latestCheckpoint(new RunDirectory.Expected(sizes, train.size()));
            for (String w : run.warnings()) warn(errW, run, w);
            if (start != null) {
                boolean epochFinished = start.position() == start.order().length;
                if (epochFinished && s.epochs() == start.epochIndex() + 1) {
                    return finishFinishedRun(s, run, start, outW);
                }
                int needed = start.epochIndex() + 1 + (epochFinished ? 1 : 0); // the smallest total that leaves work to do
                if (s.epochs() < needed) {
                    throw new UserError(resume + " is at epoch " + (start.epochIndex() + 1) + (epochFinished ? " (finished)" : " (half)")
                            + "; give --epochs " + needed + " or more to continue it");
                }
                header = "resuming " + run.path() + " at epoch " + (start.epochIndex() + 1) + (epochFinished ? " end" : " half");
            } else {
                header = "resuming " + run.path() + ": it was stopped before its first checkpoint, so it starts over from seed "
                        + s.seed() + " (the seed defines the starting state)";
            }
        } else {
            run = null;
            configFile = null;
            header = null;
        }
        if (start == null) {
            // numpy: seed(S); permutation(n) -- then seed(S+1); randn(...) for the init (the order is drawn either way)
            int[] order = NbpTrainer.initialOrder(random, s.shuffle(), train.size());
            LayeredWeights init;
            if (s.initWeights() != null) {
                NbpWeights files = RunDirectory.readWeights(Path.of(s.initWeights().get(0)), Path.of(s.initWeights().get(1)),
                        v.inputs(), s.hidden().get(0), OUTPUTS);
                checkWeights(files, conv, s.initWeights());
                init = LayeredWeights.of(files);
            } else {
                init = random.initialWeights(sizes);
            }
            start = NbpTrainer.start(order, random, init);
            if (run == null) {
                run = RunDirectory.create(out, s.name());
                header = "run " + run.path();
            }
            configFile = configFile(s, dopts, v, train, test);
            run.writeConfig(configFile);
        }
        try {
            return trainInto(s, run, configFile, start, header, train, test, loadSeconds, conv, backendImpl, random, outW, errW, networkFile);
        } finally {
            if (resumed == null) run.close(); // --resume's directory is closed by call()
        }
    }

    private int trainInto(Settings s, RunDirectory runDir, Map<String, Object> configFile, Checkpoint start, String header,
            BinaryDataset train, BinaryDataset test, double loadSeconds, Convention conv, Backends.Backend backendImpl,
            TrainingRandom random, PrintWriter outW, PrintWriter errW, org.synfire.nbp.sgsc.CompiledNetworks networkFile) {
        Backends.LearnerSpec lspec = new Backends.LearnerSpec(start.weights(), conv, s.seed(), checkPhases, checkCopies, networkFile);
        NbpLearner learner = backendImpl.create(lspec);
        TestEvaluator extraEval = backendImpl.testEvaluator(lspec);
        NbpTrainer trainer = new NbpTrainer(learner, random, train, test,
                new NbpTrainer.Settings(s.epochs(), s.shuffle(), s.evalTrain()),
                extraEval == null ? null : new NbpTrainer.NamedEvaluator(s.backend(), extraEval));

        @SuppressWarnings("unchecked")
        final Map<String, Object> cfgSection = (Map<String, Object>) configFile.get("config");
        Map<String, Object> metricsConfig = new LinkedHashMap<>(cfgSection);
        metricsConfig.put("epochs", s.epochs());
        outW.println(header);
        outW.println(s.comment());
        outW.printf(Locale.ROOT, "data: train %s (%d samples), test %s (%d samples), loaded in %.1f s%n",
                train.description(), train.size(), test.description(), test.size(), loadSeconds);
        runDir.log(OffsetDateTime.now() + " " + header);
        runDir.log(s.comment());
        String tableHead = MetricsFiles.tableHeader(s.evalTrain());
        outW.println(tableHead);
        runDir.log(tableHead);
        outW.flush();

        Checkpoint[] saved = {start.rows().isEmpty() ? null : start};
        Thread onInterrupt = new Thread(() -> {
            Checkpoint c = saved[0];
            errW.println();
            errW.println("synfire: interrupted; " + (c == null ? "no checkpoint was written yet, so --resume starts over from the seed."
                    : "the checkpoint of epoch " + (c.epochIndex() + 1) + " half " + c.half() + " is kept.")
                    + " Continue with: synfire train --resume " + runDir.path());
            errW.flush();
        }, "synfire-interrupt-note");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Progress progress = new Progress(outW, onTerminal());
        List<MetricsRow> rowsSoFar = new ArrayList<>(start.rows());
        WarningLimiter warnings = new WarningLimiter(errW, runDir);
        Checkpoint end;
        try {
            end = trainer.run(start, new NbpTrainer.Observer() {
                @Override
                public void progress(int epoch, int position, int epochSize) {
                    progress.update(epoch, s.epochs(), position, epochSize);
                }

                @Override
                public void warning(String message) {
                    progress.clear();
                    warnings.accept(message);
                }

                @Override
                public void row(MetricsRow row, NbpTrainer.Timing timing) {
                    progress.clear();
                    rowsSoFar.add(row);
                    String line = MetricsFiles.tableRow(row);
                    outW.println(line);
                    outW.flush();
                    runDir.log(line + String.format(Locale.ROOT, "   [train %.2f s, eval %.2f s, spikes/sample %s%s]",
                            timing.trainSeconds(), timing.evalSeconds(), spikesPerSample(row), drift(row)));
                    runDir.writeMetrics(rowsSoFar, metricsConfig, s.comment());
                }

                @Override
                public void checkpoint(Checkpoint c) {
                    runDir.saveCheckpoint(c);
                    saved[0] = c;
                    runDir.writeWeights(c.weights());
                    if (c.half() == 2) runDir.writePlots(rowsSoFar, plotSubtitle(s));
                }
            });
        } finally {
            warnings.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook prints the note
            }
        }
        if (resume != null && s.epochs() != ((Number) cfgSection.get("epochs")).intValue()) {
            cfgSection.put("epochs", s.epochs()); // --resume --epochs extended the run
            runDir.writeConfig(configFile);
        }
        runDir.writeWeights(end.weights());
        runDir.writePlots(end.rows(), plotSubtitle(s));
        runDir.log(OffsetDateTime.now() + " done: " + end.samplesTrained() + " samples trained");
        outW.println("done: weights, metrics and plots in " + runDir.path());
        outW.flush();
        return 0;
    }

    /** --resume on a run whose last checkpoint is its end: rewrite what a kill after it may have left stale, and close the log. */
    private int finishFinishedRun(Settings s, RunDirectory run, Checkpoint end, PrintWriter outW) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) run.readConfig().get("config");
        Map<String, Object> metricsConfig = new LinkedHashMap<>(cfg);
        metricsConfig.put("epochs", s.epochs());
        run.writeMetrics(end.rows(), metricsConfig, s.comment());
        run.writeWeights(end.weights());
        run.writePlots(end.rows(), plotSubtitle(s));
        String line = OffsetDateTime.now() + " done: " + end.samplesTrained() + " samples trained (finished earlier; weights, metrics and plots rewritten by --resume)";
        run.log(line);
        outW.println(run.path() + " had finished all " + s.epochs() + " epochs; weights, metrics and plots were rewritten from its last checkpoint."
                + " To train longer, give --epochs " + (s.epochs() + 1) + " or more.");
        outW.flush();
        return 0;
    }

    private static void warn(PrintWriter err, RunDirectory run, String message) {
        String line = "synfire: warning: " + message;
        err.println(line);
        err.flush();
        run.log(line);
    }

    /** Prints and logs the first {@link #SHOWN} warnings of a run, counts the rest, and says how many it held back. */
    static final class WarningLimiter {
        static final int SHOWN = 20;
        private final PrintWriter err;
        private final RunDirectory run;
        private long count;

        WarningLimiter(PrintWriter err, RunDirectory run) {
            this.err = err;
            this.run = run;
        }

        void accept(String message) {
            if (count++ < SHOWN) warn(err, run, message);
        }

        void finish() {
            if (count > SHOWN) {
                warn(err, run, (count - SHOWN) + " more warnings were suppressed (" + count + " in all; only the first " + SHOWN + " are shown)");
            }
        }
    }

    private static String drift(MetricsRow row) {
        StringBuilder sb = new StringBuilder();
        row.copyDrift().forEach((k, n) -> sb.append(", ").append(k).append(" drift ").append(n));
        return sb.toString();
    }

    /** The --network file as read by {@link #freshSettings}, so that a fresh run reads it once. */
    private org.synfire.nbp.sgsc.CompiledNetworks networkRead;

    /** A training network file, checked against the chip's limits; its protocol's layers must match the data. */
    private org.synfire.nbp.sgsc.CompiledNetworks readNetwork(Path file, Variant v) {
        if (networkRead != null && networkRead.origin().equals(file.toString())) return networkRead;
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("--network " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("--network " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        org.synfire.nbp.sgsc.CompiledNetworks n = org.synfire.nbp.sgsc.CompiledNetworks.of(file.toString(), text);
        int inputs = n.description().populations().get(n.protocol().layers().get(0)).size();
        if (inputs != v.inputs()) {
            throw new UserError(file + ": protocol.layers starts with " + n.protocol().layers().get(0) + " of " + inputs + " units, but --variant "
                    + v.cliName() + " has " + v.inputs() + " inputs");
        }
        networkRead = n;
        return n;
    }

    /** Hidden widths of a network file's forward layers. */
    private static List<Integer> hiddenWidths(org.synfire.nbp.sgsc.CompiledNetworks n) {
        List<String> layers = n.protocol().layers();
        List<Integer> h = new ArrayList<>();
        for (int i = 1; i < layers.size() - 1; i++) h.add(n.description().populations().get(layers.get(i)).size());
        return h;
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

    private static String spikesPerSample(MetricsRow row) {
        StringBuilder sb = new StringBuilder();
        for (String p : row.activity().keySet()) {
            sb.append(sb.isEmpty() ? "" : " ").append(p).append('=').append(String.format(Locale.ROOT, "%.1f", row.spikesPerSample(p)));
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    private static String plotSubtitle(Settings s) {
        return s.variant() + ", " + s.hiddenText() + " hidden, " + s.convention() + ", " + s.backend() + ", rng " + s.rng() + ", seed " + s.seed();
    }

    private Settings freshSettings() {
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
            if (w[w.length - 1] != OUTPUTS) throw new UserError("--layers " + layers + " must end with the " + OUTPUTS + " outputs of the dataset's classes");
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
            org.synfire.nbp.sgsc.CompiledNetworks file = readNetwork(network.toAbsolutePath(), v);
            hiddenLayers = hiddenWidths(file);
            networkPath = network.toAbsolutePath().toString();
            if (init != null && hiddenLayers.size() > 1) {
                throw new UserError("--init-w1/--init-w2 give one hidden layer's weights; " + network + " has " + hiddenLayers.size());
            }
        }
        return new Settings(backend, conv.cliName(), rng, seed, v.cliName(), epochs, hiddenLayers, limit, holdout, !noShuffle, evalTrain,
                inputThreshold, testThreshold, init, n, networkPath);
    }

    /** Weights from files must be even and inside the convention's clip range (the chip stores only those). */
    private static void checkWeights(NbpWeights w, Convention c, List<String> files) {
        int[][] arrays = {w.w1(), w.w2()};
        for (int a = 0; a < 2; a++) {
            int[] arr = arrays[a];
            for (int i = 0; i < arr.length; i++) {
                int val = arr[i];
                if (val % 2 != 0 || val < c.weightMin || val > c.weightMax) {
                    int cols = a == 0 ? w.nHid() : w.nOut();
                    throw new UserError(files.get(a) + ": value " + val + " at [" + i / cols + ", " + i % cols + "] must be even and within ["
                            + c.weightMin + ", " + c.weightMax + "] for --convention " + c.cliName());
                }
            }
        }
    }

    private Map<String, Object> configFile(Settings s, DataOptions dopts, Variant v, BinaryDataset train, BinaryDataset test) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", s.toMap());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("synfire", Main.class.getAnnotation(Command.class).version()[0]);
        env.put("java", System.getProperty("java.version"));
        env.put("javaVendor", System.getProperty("java.vendor"));
        env.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        env.put("started", OffsetDateTime.now().toString());
        env.put("workingDirectory", Path.of("").toAbsolutePath().toString());
        root.put("environment", env);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dataDir", dopts.dataDir() == null ? null : dopts.dataDir().toAbsolutePath().toString());
        d.put("verify", dopts.verify());
        d.put("train", datasetInfo(dopts, v, Split.TRAIN, train));
        if (s.holdout() == null) {
            d.put("test", datasetInfo(dopts, v, Split.TEST, test));
        } else {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("description", test.description());
            h.put("samples", test.size());
            h.put("note", "the last " + s.holdout() + " training samples, held out; the test split was not read");
            d.put("test", h);
        }
        root.put("data", d);
        if (s.network() != null) root.put("networkFile", fileInfo(Path.of(s.network()), false));
        if (s.initWeights() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("W1", fileInfo(Path.of(s.initWeights().get(0)), false));
            w.put("W2", fileInfo(Path.of(s.initWeights().get(1)), false));
            root.put("initWeightFiles", w);
        }
        return root;
    }

    private static Map<String, Object> datasetInfo(DataOptions dopts, Variant v, Split split, BinaryDataset ds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", ds.description());
        m.put("samples", ds.size());
        m.put("inputs", ds.inputCount());
        try {
            Datasets.SplitFiles f = Datasets.locate(dopts, v, split);
            m.put("images", fileInfo(f.images(), true));
            m.put("labels", fileInfo(f.labels(), true));
        } catch (UserError e) {
            m.put("files", "not resolvable: " + e.getMessage());
        }
        return m;
    }

    /** Path and SHA-256 of the file as stored; for datasets also of its decompressed bytes, which data verification checks. */
    private static Map<String, Object> fileInfo(Path p, boolean decompressed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.toAbsolutePath().toString());
        m.put("sha256File", org.synfire.report.Checksums.sha256(p));
        if (decompressed) m.put("sha256Decompressed", sha256(p));
        return m;
    }

    /** SHA-256 of the decompressed bytes (a .gz file is read through gunzip). */
    static String sha256(Path p) {
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = p.getFileName().toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserError("cannot read " + p + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A progress bar on a terminal; plain lines every quarter epoch otherwise. */
    static final class Progress {
        private final PrintWriter out;
        private final boolean terminal;
        private boolean drawn;
        private int lastQuarter = -1;
        private long lastDraw;

        Progress(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void update(int epoch, int epochs, int position, int size) {
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDraw < 100_000_000L && position < size) return;
                lastDraw = now;
                int width = 30;
                int filled = (int) ((long) width * position / size);
                out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %3d%% %d/%d", epoch, epochs, "#".repeat(filled),
                        ".".repeat(width - filled), 100L * position / size, position, size);
                out.flush();
                drawn = true;
            } else {
                int quarter = (int) (4L * position / size);
                int key = epoch * 4 + quarter;
                if ((quarter == 1 || quarter == 3) && key != lastQuarter) { // halves are reported by the metrics rows
                    lastQuarter = key;
                    out.printf(Locale.ROOT, "  epoch %d/%d: %d/%d samples%n", epoch, epochs, position, size);
                    out.flush();
                }
            }
        }

        void clear() {
            if (drawn) {
                out.print("\r" + " ".repeat(70) + "\r");
                out.flush();
                drawn = false;
            }
        }
    }
}
