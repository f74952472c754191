package org.synfire.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.data.DataOptions;
import org.synfire.data.Datasets;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.io.Checksums;
import org.synfire.io.Timeline;
import org.synfire.training.Backends;
import org.synfire.nbp.Checkpoint;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.MetricsRow;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.NbpTrainer;
import org.synfire.nbp.NbpWeights;
import org.synfire.training.RunDirectory;
import org.synfire.nbp.TestEvaluator;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;

/**
 * One training run into a run directory, as {@code synfire train} does it: settings checked before anything
 * is written, data loaded, the learner built, config.json, metrics, half-epoch checkpoints, weights and
 * plots written, and {@link #resume} continuing bit-exactly from the latest checkpoint.
 *
 * <pre>{@code
 * TrainingSettings s = TrainingSettings.defaults().withEpochs(2).withData("mnist20", 5000, null);
 * TrainingRun.Outcome o = TrainingRun.start(s, Path.of("runs/try"), DataOptions.defaults(), TrainingRun.Checks.DEFAULT,
 *         new TrainingRun.Listener() {});
 * }</pre>
 */
public final class TrainingRun {
    private TrainingRun() {}

    /** How often the chip backend checks its runtime invariants (every k-th sample; 0 = never). Not part of the result. */
    public record Checks(int phasesEvery, int copiesEvery) {
        public static final Checks DEFAULT = new Checks(1, 1000);

        public Checks {
            if (phasesEvery < 0 || copiesEvery < 0) throw new UserError("--check-phases and --check-copies must be >= 0");
        }
    }

    /** What a run reports while it goes. All methods run on the training thread. */
    public interface Listener {
        /** A line for the user: the run's header, its settings, the data, the table header. */
        default void info(String line) {}

        /** The run directory is known and locked; {@code from} is the checkpoint it continues, or null. */
        default void started(Path runDirectory, Checkpoint from) {}

        default void progress(int epoch, int epochs, int position, int epochSize) {}

        /** A metrics row, and its line in the printed table. */
        default void row(MetricsRow row, String tableLine) {}

        /** A warning, already logged to train.log; at most {@link #WARNINGS_SHOWN} of them, then one summary. */
        default void warning(String message) {}

        /** A checkpoint is on disk. */
        default void checkpointSaved(Checkpoint checkpoint) {}
    }

    /** Warnings passed on (and logged) per run; the rest are counted. */
    public static final int WARNINGS_SHOWN = 20;

    /**
     * The end of a run: its directory, its last checkpoint and its settings.
     *
     * @param alreadyFinished a {@link #resume} of a run that had finished (its outputs were rewritten)
     */
    public record Outcome(Path runDirectory, Checkpoint end, TrainingSettings settings, boolean alreadyFinished) {}

    /**
     * Trains a new run. {@code out} is the run directory (created; it must be new or empty), or null for
     * {@code runs/<timestamp>-<name>/}.
     */
    public static Outcome start(TrainingSettings s, Path out, DataOptions data, Checks checks, Listener listener) {
        try (Background background = new Background()) {
            Prepared p = prepare(s, data, checks, background);
            Checkpoint first = startingPoint(p); // checks initial weight files before the directory exists
            // the learner (for the chip a network compile) is built on the second thread while the directory is made
            Future<NbpLearner> learner = background.submit(() -> createLearner(p, first));
            try (RunDirectory run = RunDirectory.create(out, s.name())) {
                Map<String, Object> configFile = configFile(s, data, p.variant, p.train, p.test);
                run.writeConfig(configFile);
                Timeline.mark("run directory and config.json written");
                return trainInto(p, run, configFile, first, learner, "run " + run.path(), listener, false, background);
            }
        }
    }

    /** The settings a run directory records, with {@code epochs} (if not null) as the new total. */
    public static TrainingSettings settingsOf(Path runDirectory) {
        try (RunDirectory run = RunDirectory.open(runDirectory)) {
            return settingsOf(run, null);
        }
    }

    /**
     * Continues the run in {@code runDirectory} from its latest checkpoint, bit-exactly, to {@code epochs} in all
     * (null: the recorded total). A run stopped before its first checkpoint starts over from its seed.
     */
    public static Outcome resume(Path runDirectory, Integer epochs, DataOptions data, Checks checks, Listener listener) {
        try (RunDirectory run = RunDirectory.open(runDirectory); Background background = new Background()) {
            Map<String, Object> configFile = run.readConfig();
            TrainingSettings s = settingsOf(run, epochs);
            Prepared p = prepare(s, data, checks, background);
            Checkpoint start = run.latestCheckpoint(new RunDirectory.Expected(p.sizes, p.train.size()));
            for (String w : run.warnings()) warn(listener, run, w);
            String header;
            if (start != null) {
                boolean epochFinished = start.position() == start.order().length;
                if (epochFinished && s.epochs() == start.epochIndex() + 1) return finishFinishedRun(s, run, start, listener);
                int needed = start.epochIndex() + 1 + (epochFinished ? 1 : 0); // the smallest total that leaves work to do
                if (s.epochs() < needed) {
                    throw new UserError(runDirectory + " is at epoch " + (start.epochIndex() + 1) + (epochFinished ? " (finished)" : " (half)")
                            + "; give --epochs " + needed + " or more to continue it");
                }
                header = "resuming " + run.path() + " at epoch " + (start.epochIndex() + 1) + (epochFinished ? " end" : " half");
            } else {
                header = "resuming " + run.path() + ": it was stopped before its first checkpoint, so it starts over from seed "
                        + s.seed() + " (the seed defines the starting state)";
                start = startingPoint(p);
            }
            return trainInto(p, run, configFile, start, null, header, listener, true, background);
        }
    }

    private static TrainingSettings settingsOf(RunDirectory run, Integer epochs) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) run.readConfig().get("config");
        Path file = run.path().resolve(RunDirectory.CONFIG);
        if (cfg == null) throw new UserError(file + ": no \"config\" section");
        TrainingSettings old = TrainingSettings.fromMap(cfg, file);
        return epochs == null ? old : old.withEpochs(epochs);
    }

    /** A training network being compiled ahead, by {@link #prefetchDefaultNetwork}, with the widths it is for; or null. */
    private static volatile Prefetched prefetched;

    private record Prefetched(int[] widths, Future<CompiledNetworks> network) {}

    /**
     * Starts compiling the chip's training network for the default widths on a thread of its own, for a {@code train}
     * command line that keeps them (the command line calls it before it parses, so the compile overlaps the parsing
     * and the data loading). The first run with those widths takes it; a run with other widths compiles its own.
     * The same pure computation either way: only its timing changes.
     */
    public static synchronized void prefetchDefaultNetwork() {
        TrainingSettings d = TrainingSettings.defaults();
        int[] widths = d.sizes(Variant.parse(d.variant()));
        java.util.concurrent.FutureTask<CompiledNetworks> task = new java.util.concurrent.FutureTask<>(() -> CompiledNetworks.training(widths));
        Thread t = new Thread(task, "synfire-prefetch");
        t.setDaemon(true);
        prefetched = new Prefetched(widths, task);
        t.start();
    }

    /** The prefetched network if it is for these widths (taken once), else a compile on {@code background}. */
    private static Future<CompiledNetworks> trainingNetwork(int[] widths, Background background) {
        synchronized (TrainingRun.class) {
            Prefetched p = prefetched;
            if (p != null && java.util.Arrays.equals(p.widths(), widths)) {
                prefetched = null;
                return p.network();
            }
        }
        return background.submit(() -> CompiledNetworks.training(widths));
    }

    /** Everything checked and loaded before a run directory is touched. */
    private record Prepared(TrainingSettings s, Variant variant, int[] sizes, Convention convention, Backends.Backend backend,
            TrainingRandom random, CompiledNetworks network, CompiledNetworks onChip, BinaryDataset train, BinaryDataset test,
            double loadSeconds, Checks checks, List<String> beyondOneChip) {}

    private static Prepared prepare(TrainingSettings s, DataOptions data, Checks checks, Background background) {
        Convention conv = Convention.parse(s.convention());
        Backends.Backend backend = Backends.get(s.backend());
        for (double th : new double[] {s.inputThreshold(), s.testThreshold()}) {
            // inputs are pixel/255 in [0, 1]: a threshold outside it switches every input on or off
            if (!(th >= 0 && th < 1)) throw new UserError("--input-threshold and --test-threshold must be in [0, 1), got " + th);
        }
        backend.check(conv);
        Variant v = Variant.parse(s.variant());
        TrainingRandom random = TrainingRandom.create(s.rng(), s.seed());
        if (s.epochs() < 1) throw new UserError("--epochs must be at least 1");
        if (s.hidden().isEmpty()) throw new UserError("a network needs at least one hidden layer");
        for (int h : s.hidden()) if (h < 1) throw new UserError("--hidden must be at least 1");
        if (!s.name().matches("[A-Za-z0-9._-]+")) throw new UserError("--name may contain letters, digits, '.', '_' and '-' only: " + s.name());
        int[] sizes = s.sizes(v);
        if (s.limit() != null && s.limit() < 1) throw new UserError("--limit must be at least 1");
        CompiledNetworks network = s.network() == null ? null : readNetwork(Path.of(s.network()), v);
        if (network != null) {
            List<Integer> widths = networkWidths(network);
            if (!widths.equals(s.hidden())) {
                throw new UserError(s.network() + ": its hidden layers are " + widths + ", but the run's settings say " + s.hidden());
            }
        }
        // the chip's training network is compiled on the second thread while the data load; its problems come first
        Future<CompiledNetworks> compiled = network == null && s.backend().equals("chip")
                ? trainingNetwork(sizes, background) : null;

        long tLoad = System.nanoTime();
        BinaryDataset train, test;
        try {
            train = Datasets.load(data, v, Split.TRAIN, s.inputThreshold());
            test = s.holdout() == null ? Datasets.load(data, v, Split.TEST, s.testThreshold()) : null;
        } catch (RuntimeException | Error e) {
            if (compiled != null) Background.join(compiled);
            throw e;
        }
        Timeline.mark("data loaded");
        CompiledNetworks onChip = network != null ? network : compiled != null ? Background.join(compiled) : null;
        List<String> beyondOneChip = onChip == null ? List.of() : onChip.oneChipProblems();
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
        return new Prepared(s, v, sizes, conv, backend, random, network, onChip, train, test, loadSeconds, checks, beyondOneChip);
    }

    /** The state before the first sample: the data order, then the init (numpy: seed(S); permutation(n); seed(S+1); randn). */
    private static Checkpoint startingPoint(Prepared p) {
        TrainingSettings s = p.s;
        int[] order = NbpTrainer.initialOrder(p.random, s.shuffle(), p.train.size());
        LayeredWeights init;
        if (s.initWeights() != null) {
            if (s.hidden().size() != 1) throw new UserError("initial weight files give one hidden layer's weights; this network has " + s.hidden().size());
            NbpWeights files = RunDirectory.readWeights(Path.of(s.initWeights().get(0)), Path.of(s.initWeights().get(1)),
                    p.variant.inputs(), s.hidden().get(0), TrainingSettings.OUTPUTS);
            checkWeights(files, p.convention, s.initWeights());
            init = LayeredWeights.of(files);
        } else {
            init = p.random.initialWeights(p.sizes);
        }
        return NbpTrainer.start(order, p.random, init);
    }

    private static Backends.LearnerSpec spec(Prepared p, Checkpoint start, CompiledNetworks network) {
        return new Backends.LearnerSpec(start.weights(), p.convention, p.s.seed(), p.checks.phasesEvery(), p.checks.copiesEvery(), network);
    }

    /**
     * The backend's learner for {@code start}. The chip backend gets the training network already compiled for
     * these widths (it would compile the same text again); the spec it picks its test evaluator by is unchanged.
     */
    private static NbpLearner createLearner(Prepared p, Checkpoint start) {
        boolean chip = p.s.backend().equals("chip");
        NbpLearner learner = p.backend.create(spec(p, start, chip ? p.onChip : p.network));
        Timeline.mark("learner built");
        return new OverlappedLearner(learner, start.weights(), learner instanceof org.synfire.nbp.sgsc.SgscLearner);
    }

    private static Outcome trainInto(Prepared p, RunDirectory runDir, Map<String, Object> configFile, Checkpoint start,
            Future<NbpLearner> built, String header, Listener listener, boolean resumed, Background background) {
        TrainingSettings s = p.s;
        OverlappedLearner learner = (OverlappedLearner) (built != null ? background.await(built) : createLearner(p, start));
        TestEvaluator extraEval = p.backend.testEvaluator(spec(p, start, p.network));
        OverlappedLearner.Evaluator overlapped = extraEval == null ? null : new OverlappedLearner.Evaluator(extraEval, p.test, background);
        int n = p.train.size();
        int[] nextHalf = {halfEnding(start.position(), n)};
        LayeredWeights[] weightsPlotted = {null};
        learner.onSegmentEnd(w -> {
            // a half epoch's weights are known: its on-chip evaluation, and at an epoch's end the weight plots, start on
            // the second thread while the trainer evaluates them off chip
            if (overlapped != null) overlapped.start(w);
            if (nextHalf[0] == 2) {
                background.write("weight plots", () -> runDir.writeWeightPlots(w));
                weightsPlotted[0] = w;
            }
        });
        NbpTrainer trainer = new NbpTrainer(learner, p.random, p.train, p.test,
                new NbpTrainer.Settings(s.epochs(), s.shuffle(), s.evalTrain()),
                overlapped == null ? null : new NbpTrainer.NamedEvaluator(s.backend(), overlapped));

        @SuppressWarnings("unchecked")
        final Map<String, Object> cfgSection = (Map<String, Object>) configFile.get("config");
        Map<String, Object> metricsConfig = new LinkedHashMap<>(cfgSection);
        metricsConfig.put("epochs", s.epochs());
        listener.started(runDir.path(), start.rows().isEmpty() ? null : start);
        listener.info(header);
        listener.info(s.comment());
        listener.info(String.format(Locale.ROOT, "data: train %s (%d samples), test %s (%d samples), loaded in %.1f s",
                p.train.description(), p.train.size(), p.test.description(), p.test.size(), p.loadSeconds));
        runDir.log(OffsetDateTime.now() + " " + header);
        runDir.log(s.comment());
        for (String problem : p.beyondOneChip) {
            String note = "note: this network does not fit one Loihi 1 chip (" + problem + "); the emulator runs it as one system,"
                    + " and `synfire energy --cores` says how many chips it needs";
            listener.info(note);
            runDir.log(note);
        }
        String tableHead = MetricsFiles.tableHeader(s.evalTrain());
        listener.info(tableHead);
        runDir.log(tableHead);

        List<MetricsRow> rowsSoFar = new ArrayList<>(start.rows());
        long[] warnings = {0};
        Checkpoint[] plotted = {null}; // the checkpoint whose weights and plots are the last written
        Checkpoint end;
        try {
            end = trainer.run(start, new NbpTrainer.Observer() {
                @Override
                public void progress(int epoch, int position, int epochSize) {
                    listener.progress(epoch, s.epochs(), position, epochSize);
                }

                @Override
                public void warning(String message) {
                    if (warnings[0]++ < WARNINGS_SHOWN) warn(listener, runDir, message);
                }

                @Override
                public void row(MetricsRow row, NbpTrainer.Timing timing) {
                    rowsSoFar.add(row);
                    String line = MetricsFiles.tableRow(row);
                    listener.row(row, line);
                    runDir.log(line + String.format(Locale.ROOT, "   [train %.2f s, eval %.2f s, spikes/sample %s%s]",
                            timing.trainSeconds(), timing.evalSeconds(), spikesPerSample(row), drift(row)));
                    runDir.writeMetrics(rowsSoFar, metricsConfig, s.comment());
                }

                @Override
                public void checkpoint(Checkpoint c) {
                    background.checkWrites();
                    if (c.half() == 2) {
                        // plots on the second thread, from the checkpoint's own (immutable) rows and weights
                        List<MetricsRow> rows = List.copyOf(rowsSoFar);
                        background.write("learning curves", () -> runDir.writeCurves(rows, s.plotSubtitle()));
                        if (weightsPlotted[0] != c.weights()) background.write("weight plots", () -> runDir.writeWeightPlots(c.weights()));
                    }
                    weightsPlotted[0] = null;
                    nextHalf[0] = halfEnding(c.position(), n);
                    runDir.saveCheckpoint(c);
                    runDir.writeWeights(c.weights());
                    Timeline.mark("checkpoint and weights written");
                    plotted[0] = c.half() == 2 ? c : null;
                    listener.checkpointSaved(c);
                }
            });
        } finally {
            background.settleWrites(); // no plot is left half done if the run stops here
            if (warnings[0] > WARNINGS_SHOWN) {
                warn(listener, runDir, (warnings[0] - WARNINGS_SHOWN) + " more warnings were suppressed (" + warnings[0]
                        + " in all; only the first " + WARNINGS_SHOWN + " are shown)");
            }
        }
        if (resumed && s.epochs() != ((Number) cfgSection.get("epochs")).intValue()) {
            cfgSection.put("epochs", s.epochs()); // resume with a new total extended the run
            runDir.writeConfig(configFile);
        }
        if (end != plotted[0]) {
            // else the last checkpoint is the end, and wrote these weights and plots already
            runDir.writeWeights(end.weights());
            List<MetricsRow> rows = end.rows();
            background.write("learning curves", () -> runDir.writeCurves(rows, s.plotSubtitle()));
            background.write("weight plots", () -> runDir.writeWeightPlots(end.weights()));
        }
        background.awaitWrites();
        Timeline.mark("run finished, every file written");
        runDir.log(OffsetDateTime.now() + " done: " + end.samplesTrained() + " samples trained");
        return new Outcome(runDir.path(), end, s, false);
    }

    /** The half (1 or 2) that the trainer's next segment ends, from a position in the epoch (the epoch's end: the next one's first). */
    private static int halfEnding(int position, int n) {
        return (position == n ? 0 : position) < n / 2 ? 1 : 2;
    }

    /** Resume of a run whose last checkpoint is its end: rewrite what a kill after it may have left stale, and close the log. */
    private static Outcome finishFinishedRun(TrainingSettings s, RunDirectory run, Checkpoint end, Listener listener) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) run.readConfig().get("config");
        Map<String, Object> metricsConfig = new LinkedHashMap<>(cfg);
        metricsConfig.put("epochs", s.epochs());
        run.writeMetrics(end.rows(), metricsConfig, s.comment());
        run.writeWeights(end.weights());
        run.writePlots(end.rows(), s.plotSubtitle());
        run.log(OffsetDateTime.now() + " done: " + end.samplesTrained() + " samples trained (finished earlier; weights, metrics and plots rewritten by --resume)");
        return new Outcome(run.path(), end, s, true);
    }

    private static void warn(Listener listener, RunDirectory run, String message) {
        run.log("synfire: warning: " + message);
        listener.warning(message);
    }

    private static String drift(MetricsRow row) {
        StringBuilder sb = new StringBuilder();
        row.copyDrift().forEach((k, n) -> sb.append(", ").append(k).append(" drift ").append(n));
        return sb.toString();
    }

    private static String spikesPerSample(MetricsRow row) {
        StringBuilder sb = new StringBuilder();
        for (String p : row.activity().keySet()) {
            sb.append(sb.isEmpty() ? "" : " ").append(p).append('=').append(String.format(Locale.ROOT, "%.1f", row.spikesPerSample(p)));
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    /** A training network file; its protocol's first layer must match the data's inputs. */
    public static CompiledNetworks readNetwork(Path file, Variant v) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("--network " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("--network " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        CompiledNetworks n = CompiledNetworks.of(file.toString(), text);
        int inputs = n.description().populations().get(n.protocol().layers().get(0)).size();
        if (inputs != v.inputs()) {
            throw new UserError(file + ": protocol.layers starts with " + n.protocol().layers().get(0) + " of " + inputs + " units, but --variant "
                    + v.cliName() + " has " + v.inputs() + " inputs");
        }
        return n;
    }

    /** All widths of a network file's forward layers, input to output. */
    public static int[] sizesOf(CompiledNetworks n) {
        List<String> layers = n.protocol().layers();
        int[] s = new int[layers.size()];
        for (int i = 0; i < s.length; i++) s[i] = n.description().populations().get(layers.get(i)).size();
        return s;
    }

    /** Hidden widths of a network file's forward layers. */
    public static List<Integer> networkWidths(CompiledNetworks n) {
        int[] sizes = sizesOf(n);
        List<Integer> h = new ArrayList<>();
        for (int i = 1; i < sizes.length - 1; i++) h.add(sizes[i]);
        return h;
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

    /** The version this library reports in config.json. */
    public static final String VERSION = "synfire 0.2.0";

    private static Map<String, Object> configFile(TrainingSettings s, DataOptions dopts, Variant v, BinaryDataset train, BinaryDataset test) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", s.toMap());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("synfire", VERSION);
        env.put("java", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        env.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        env.put("started", OffsetDateTime.now().toString());
        env.put("working_directory", Path.of("").toAbsolutePath().toString());
        root.put("environment", env);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("data_dir", dopts.dataDir() == null ? null : dopts.dataDir().toAbsolutePath().toString());
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
        if (s.network() != null) root.put("network_file", fileInfo(Path.of(s.network()), false));
        if (s.initWeights() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("W1", fileInfo(Path.of(s.initWeights().get(0)), false));
            w.put("W2", fileInfo(Path.of(s.initWeights().get(1)), false));
            root.put("init_weight_files", w);
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
        // datasets: both digests remembered per path, size and time (else every run gunzips and hashes 47 MB)
        org.synfire.data.VerifiedCache.Digests d = decompressed ? Datasets.digests(p) : null;
        m.put("sha256_file", d != null ? d.file() : Checksums.sha256(p));
        if (decompressed) m.put("sha256_decompressed", d.decompressed());
        return m;
    }

    /** SHA-256 of the decompressed bytes (a .gz file is read through gunzip). */
    static String sha256Decompressed(Path p) {
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = p.getFileName().toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw) {
            return Checksums.sha256(in);
        } catch (IOException e) {
            throw new UserError("cannot read " + p + ": " + e.getMessage());
        }
    }
}
