package org.synfire.continual;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.synfire.UserError;
import org.synfire.continual.TaskSequence.TaskOrder;
import org.synfire.data.BinaryDataset;
import org.synfire.data.DataOptions;
import org.synfire.data.Datasets;
import org.synfire.io.Json;
import org.synfire.io.Npy;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.Evaluation;
import org.synfire.nbp.LayeredWeights;
import org.synfire.training.RunDirectory;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.random.SplitMix64;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Checksums;

/**
 * A continual run into a run directory: the tasks of a sequence trained one after another (or jointly) by one
 * method, every task evaluated every {@code eval_every} samples and at each task's end, a checkpoint at every
 * evaluation, and {@link #resume} continuing bit-exactly from the newest one (docs/continual.md).
 *
 * <p>Random streams, all {@code new SplitMix64(seed).split(label)}: the initial weights are {@code synfire train}'s
 * for the same seed and widths; the task order (when shuffled), each stage's per-epoch sample order, its replay
 * draws and the buffer's choice of the stage's samples each have their own label. After every checkpoint the
 * learner is rebuilt from the matrices, as a resumed run is, so both continue identically.
 */
public final class ContinualRun {
    private ContinualRun() {}

    /** What a run reports while it goes; all on the training thread. */
    public interface Listener {
        /** The run directory is known and locked. */
        default void started(Path runDirectory) {}

        default void info(String line) {}

        default void point(EvalPoint p, String line) {}

        /** A warning (already in train.log); at most {@link #WARNINGS_SHOWN}, then one summary. */
        default void warning(String message) {}

        default void checkpointSaved(Path checkpoint) {}

        /** After every new sample: {@code done} of {@code total} new samples of the whole run, in stage {@code label}. */
        default void progress(String label, long done, long total) {}
    }

    public static final int WARNINGS_SHOWN = 20;
    static final int KEEP_CHECKPOINTS = 2;

    private static final long TASK_ORDER = 1L << 40, SHUFFLE = 2L << 40, REPLAY = 3L << 40, BUFFER = 4L << 40;

    /** @param alreadyFinished a resume of a run that had finished (its outputs were rewritten) */
    public record Outcome(Path runDirectory, Results results, boolean alreadyFinished) {}

    /** Everything read and checked before the run directory is touched. */
    record Prepared(ContinualSettings settings, TaskSequenceFile.Loaded loaded, Method method, int[] sizes, List<TaskData> tasks,
                    List<Stage> stages, BinaryDataset trainSplit, BinaryDataset testSplit, int trainingSamples) {
        TaskSequence sequence() {
            return loaded.sequence();
        }
    }

    /**
     * What one stage trains: entry k is sample {@code index[k]} of task {@code task[k]} (training order).
     *
     * @param open the output units whose error may reach the weights (null: all)
     */
    record Stage(String name, int[] task, int[] index, int epochs, boolean[] open, boolean hiddenOpen) {
        int size() {
            return task.length;
        }
    }

    /** Where the run is: the next sample to train is position {@code position} of epoch {@code epoch} of stage {@code stage}. */
    record State(int stage, int epoch, int position, long samples, long chipSamples, long replayState, List<List<Integer>> buffer,
                 double energyMicrojoules, long energySamples, List<EvalPoint> points, LayeredWeights weights) {}

    /** Starts a new run; {@code out} null means runs/&lt;timestamp&gt;-&lt;name&gt;/. */
    public static Outcome start(ContinualSettings s, Path out, DataOptions data, Listener listener) {
        return start(s, out, data, listener, true);
    }

    /** {@link #start}, with or without the heatmaps and curves (they take longer to draw than a small run takes to train). */
    public static Outcome start(ContinualSettings s, Path out, DataOptions data, Listener listener, boolean plots) {
        Prepared p = prepare(s, data, null);
        try (RunDirectory run = RunDirectory.create(out, s.name())) {
            run.writeConfig(configFile(p, data));
            return trainInto(p, run, initialState(p), "run " + run.path(), listener, plots);
        }
    }

    /** The settings recorded in a run directory. */
    public static ContinualSettings settingsOf(Path dir, int checkPhasesEvery, int checkCopiesEvery) {
        try (RunDirectory run = RunDirectory.open(dir)) {
            return settingsOf(run, checkPhasesEvery, checkCopiesEvery);
        }
    }

    private static ContinualSettings settingsOf(RunDirectory run, int phases, int copies) {
        Map<String, Object> root = run.readConfig();
        Path file = run.path().resolve(RunDirectory.CONFIG);
        if (!"continual".equals(root.get("command")) || !(root.get("config") instanceof Map<?, ?> cfg)) {
            throw new UserError(run.path() + " is not a continual run (its config.json was written by another command); resume it with that command");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) cfg;
        return ContinualSettings.fromMap(m, file, phases, copies);
    }

    /** Continues the run in {@code dir} from its newest intact checkpoint, bit-exactly. */
    public static Outcome resume(Path dir, DataOptions data, int checkPhasesEvery, int checkCopiesEvery, Listener listener) {
        return resume(dir, data, checkPhasesEvery, checkCopiesEvery, listener, true);
    }

    /** {@link #resume}, with or without the plots. */
    public static Outcome resume(Path dir, DataOptions data, int checkPhasesEvery, int checkCopiesEvery, Listener listener, boolean plots) {
        try (RunDirectory run = RunDirectory.open(dir)) {
            ContinualSettings s = settingsOf(run, checkPhasesEvery, checkCopiesEvery);
            Prepared p = prepare(s, data, run.path().resolve(RunDirectory.CONFIG));
            List<String> warnings = new ArrayList<>();
            State st = latestCheckpoint(run.path(), p, warnings);
            for (String w : warnings) {
                run.log("synfire: warning: " + w);
                listener.warning(w);
            }
            if (st == null) {
                return trainInto(p, run, initialState(p), "resuming " + run.path() + ": no checkpoint yet, so it starts over from seed " + s.seed(), listener, plots);
            }
            if (st.stage() == p.stages().size()) {
                Results r = ContinualOutputs.writeAll(run.path(), p, st, plots);
                run.log(OffsetDateTime.now() + " done (finished earlier; outputs rewritten by --resume)");
                return new Outcome(run.path(), r, true);
            }
            return trainInto(p, run, st, "resuming " + run.path() + " at stage " + (st.stage() + 1) + ", epoch " + (st.epoch() + 1) + ", sample "
                    + st.position(), listener, plots);
        }
    }

    static Prepared prepare(ContinualSettings s, DataOptions data, Path configFile) {
        if (!s.backend().equals("chip") && !s.backend().equals("functional")) {
            throw new UserError("unknown --backend '" + s.backend() + "' (use chip or functional)");
        }
        TaskSequenceFile.Loaded loaded = TaskSequenceFile.read(s.sequence());
        String sha = Checksums.sha256(loaded.bytes());
        if (s.sequenceSha256() != null && !s.sequenceSha256().equals(sha)) {
            throw new UserError(s.sequence() + " has changed since the run started (SHA-256 " + sha + ", " + configFile + " says " + s.sequenceSha256()
                    + "); restore the file to resume the run");
        }
        TaskSequence seq = loaded.sequence();
        Variant v = Variant.parse(seq.variant());
        int[] sizes = s.sizes();
        if (sizes.length < 3) throw new UserError("--layers: give inputs, at least one hidden layer and outputs");
        if (sizes[0] != v.inputs()) {
            throw new UserError("--layers " + LayeredWeights.shape(sizes) + " starts with " + sizes[0] + " inputs, but " + s.sequence() + " uses variant "
                    + v.cliName() + " with " + v.inputs());
        }
        if (sizes[sizes.length - 1] != 10) throw new UserError("--layers " + LayeredWeights.shape(sizes) + " must end with the 10 outputs of the classes");
        Method method = s.methodValue(1);
        if (method instanceof Method.Joint && seq.tasks().size() < 2) throw new UserError(s.sequence() + ": joint training needs at least two tasks");
        if (s.backend().equals("chip")) {
            if (method.gated()) GatedNetwork.training(sizes);
            else CompiledNetworks.training(sizes); // refuses what the compiler cannot build, before anything is written
        }
        BinaryDataset train = Datasets.load(data, v, Split.TRAIN, 0.5);
        BinaryDataset test = Datasets.load(data, v, Split.TEST, 0.5);
        List<TaskData> inFile = TaskData.build(s.sequence(), seq, train, test);
        List<TaskData> tasks = new ArrayList<>(inFile);
        if (seq.taskOrder() == TaskOrder.SHUFFLED) {
            SplitMix64 g = stream(s.seed(), TASK_ORDER);
            for (int i = tasks.size() - 1; i >= 1; i--) java.util.Collections.swap(tasks, i, g.nextInt(i + 1));
        }
        int total = 0;
        for (TaskData t : tasks) total += t.size();
        if (method instanceof Method.Rehearsal && s.buffer() == null) {
            s = s.withBuffer(Math.max(1, total / 100)); // the default: 1 % of the sequence's training samples
            method = s.methodValue(1);
        }
        return new Prepared(s, loaded, method, sizes, List.copyOf(tasks), stages(method, tasks), train, test, total);
    }

    static SplitMix64 stream(long seed, long label) {
        return new SplitMix64(seed).split(label);
    }

    private static List<Stage> stages(Method method, List<TaskData> tasks) {
        List<Stage> out = new ArrayList<>();
        if (method instanceof Method.Joint) {
            int n = 0, epochs = 0;
            for (TaskData t : tasks) {
                n += t.size();
                epochs = Math.max(epochs, t.task().epochs());
            }
            int[] task = new int[n], index = new int[n];
            int k = 0;
            for (int i = 0; i < tasks.size(); i++) {
                for (int j = 0; j < tasks.get(i).size(); j++) {
                    task[k] = i;
                    index[k++] = j;
                }
            }
            out.add(new Stage("joint", task, index, epochs, null, true));
            return out;
        }
        boolean[] seen = new boolean[10];
        for (int i = 0; i < tasks.size(); i++) {
            TaskData t = tasks.get(i);
            int[] task = new int[t.size()], index = new int[t.size()];
            for (int j = 0; j < t.size(); j++) {
                task[j] = i;
                index[j] = j;
            }
            for (int c : t.task().classes()) seen[c] = true;
            boolean[] open = method.gated() ? seen.clone() : null;
            boolean hiddenOpen = true;
            if (method instanceof Method.LabelGate g) {
                open = new boolean[10];
                for (int c : t.task().classes()) open[c] = true;
                hiddenOpen = !g.frozenHidden();
            }
            out.add(new Stage(t.task().name(), task, index, t.task().epochs(), open, hiddenOpen));
        }
        return out;
    }

    private static State initialState(Prepared p) {
        LayeredWeights init = TrainingRandom.create("synfire", p.settings().seed()).initialWeights(p.sizes());
        return new State(0, 0, 0, 0, 0, stream(p.settings().seed(), REPLAY).state(), List.of(), 0, 0, List.of(), init);
    }

    /** The sample order of epoch e of stage s: Fisher–Yates of 0..n−1 with the stage-and-epoch's own stream. */
    static int[] order(long seed, int stage, int epoch, int n) {
        SplitMix64 g = stream(seed, SHUFFLE + stage * 65_536L + epoch);
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        for (int i = n - 1; i >= 1; i--) {
            int j = g.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    private static Outcome trainInto(Prepared p, RunDirectory run, State start, String header, Listener listener, boolean plots) {
        ContinualSettings s = p.settings();
        listener.started(run.path());
        listener.info(header);
        listener.info(s.comment());
        run.log(OffsetDateTime.now() + " " + header);
        run.log(s.comment());
        for (int i = 0; i < p.tasks().size(); i++) {
            TaskData t = p.tasks().get(i);
            String line = String.format(Locale.ROOT, "task %d: %s, classes %s%s, %d training samples x %d epochs, evaluated on %d samples", i + 1, t.task().name(),
                    t.task().classes(), t.permutation() == null ? "" : ", permutation seed " + t.task().permutationSeed(), t.size(), t.task().epochs(), t.eval().size());
            listener.info(line);
            run.log(line);
        }
        int[] sizes = p.sizes();
        GatedLearner learner = GatedLearner.create(s.backend(), sizes, p.method().gated(), start.weights(), start.chipSamples(), s.seed(), s.checkPhasesEvery(),
                s.checkCopiesEvery());
        long[] warnings = {0};
        learner.onWarning(w -> {
            if (warnings[0]++ < WARNINGS_SHOWN) {
                run.log("synfire: warning: " + w);
                listener.warning(w);
            }
        });
        Loop loop = new Loop(p, run, learner, listener, start);
        try {
            if (start.points().isEmpty()) loop.evaluate(0, 0, false);
            loop.run();
        } finally {
            if (warnings[0] > WARNINGS_SHOWN) {
                String w = (warnings[0] - WARNINGS_SHOWN) + " more warnings were suppressed (" + warnings[0] + " in all; only the first " + WARNINGS_SHOWN + " are shown)";
                run.log("synfire: warning: " + w);
                listener.warning(w);
            }
        }
        Results r = ContinualOutputs.writeAll(run.path(), p, loop.state(), plots);
        run.log(OffsetDateTime.now() + " done: " + loop.samples + " training samples, " + loop.chipSamples + " through the learner");
        return new Outcome(run.path(), r, false);
    }

    /** The training loop's mutable state. */
    private static final class Loop {
        final Prepared p;
        final RunDirectory run;
        final GatedLearner learner;
        final Listener listener;
        final long seed;
        final int evalEvery;
        int stage, epoch, position;
        long samples, chipSamples;
        final SplitMix64 replay = new SplitMix64(0);
        ReplayBuffer buffer;
        double energy;
        long energySamples, sinceRestore;
        final List<EvalPoint> points;
        LayeredWeights weights;

        Loop(Prepared p, RunDirectory run, GatedLearner learner, Listener listener, State s) {
            this.p = p;
            this.run = run;
            this.learner = learner;
            this.listener = listener;
            this.seed = p.settings().seed();
            this.evalEvery = p.settings().evalEvery();
            stage = s.stage();
            epoch = s.epoch();
            position = s.position();
            samples = s.samples();
            chipSamples = s.chipSamples();
            replay.setState(s.replayState());
            int capacity = p.method() instanceof Method.Rehearsal r ? r.buffer() : 1;
            buffer = ReplayBuffer.of(capacity, s.buffer());
            energy = s.energyMicrojoules();
            energySamples = s.energySamples();
            points = new ArrayList<>(s.points());
            weights = s.weights();
        }

        State state() {
            return new State(stage, epoch, position, samples, chipSamples, replay.state(), buffer.contents(), energy, energySamples, points, weights);
        }

        void run() {
            byte[] x = new byte[p.sizes()[0]];
            byte[] out = new byte[p.sizes()[p.sizes().length - 1]];
            int replays = p.method() instanceof Method.Rehearsal r ? r.replay() : 0;
            int[] order = null;
            int orderStage = -1, orderEpoch = -1;
            long total = 0;
            for (Stage st : p.stages()) total += (long) st.size() * st.epochs();
            String label = null;
            while (stage < p.stages().size()) {
                Stage st = p.stages().get(stage);
                int n = st.size();
                if (orderStage != stage || orderEpoch != epoch) {
                    if (orderStage != stage) {
                        learner.gate(st.open(), st.hiddenOpen());
                        label = "task " + (stage + 1) + "/" + p.stages().size();
                    }
                    order = order(seed, stage, epoch, n);
                    orderStage = stage;
                    orderEpoch = epoch;
                }
                int k = order[position];
                TaskData t = p.tasks().get(st.task()[k]);
                t.input(st.index()[k], x);
                learner.train(x, t.label(st.index()[k]), out);
                chipSamples++;
                sinceRestore++;
                for (int r = 0; r < replays && buffer.size() > 0; r++) {
                    int[] e = buffer.entry(replay.nextInt(buffer.size()));
                    TaskData bt = p.tasks().get(e[0]);
                    bt.input(e[1], x);
                    learner.train(x, bt.label(e[1]), out);
                    chipSamples++;
                    sinceRestore++;
                }
                samples++;
                position++;
                listener.progress(label, samples, total);
                long stageSamples = (long) epoch * n + position;
                boolean end = position == n && epoch == st.epochs() - 1;
                boolean due = end || (evalEvery > 0 && stageSamples % evalEvery == 0);
                int trained = stage;
                if (position == n) {
                    position = 0;
                    epoch++;
                }
                if (end) {
                    // the buffer takes the finished task's share before the checkpoint, which must hold it
                    if (p.method() instanceof Method.Rehearsal) buffer.addTask(p.tasks().get(trained).size(), stream(seed, BUFFER + trained));
                    stage++;
                    epoch = 0;
                    replay.setState(stream(seed, REPLAY + stage).state());
                }
                if (due) evaluate(trained, stageSamples, end);
            }
        }

        /** Evaluates every task, records the point, saves a checkpoint and rebuilds the learner from the matrices. */
        void evaluate(int trainedStage, long stageSamples, boolean endOfStage) {
            boolean initial = points.isEmpty();
            weights = learner.matrices();
            List<EvalCounts> counts = new ArrayList<>();
            for (TaskData t : p.tasks()) counts.add(Evaluation.evaluate(weights, t.eval()));
            EvalPoint pt = new EvalPoint(points.size(), trainedStage, stageSamples, samples, chipSamples, endOfStage, counts);
            points.add(pt);
            if (!initial) {
                energy += learner.energySinceRestoreMicrojoules();
                energySamples += sinceRestore;
            }
            sinceRestore = 0;
            String line = ContinualOutputs.pointLine(p, pt);
            listener.point(pt, line);
            run.log(line);
            Path c = saveCheckpoint(run.path(), pt.index(), state());
            listener.checkpointSaved(c);
            ContinualOutputs.writeProgress(run.path(), p, points);
            learner.restore(weights, chipSamples);
        }
    }

    // ---------------------------------------------------------------- checkpoints

    private static final String STATE = "state.json";

    static Path checkpointDir(Path run, int point) {
        return run.resolve("checkpoints").resolve(String.format(Locale.ROOT, "point-%05d", point));
    }

    /** Weights, then state.json, then SHA256SUMS (last: a checkpoint without it is incomplete); keeps the newest two. */
    static Path saveCheckpoint(Path run, int point, State s) {
        Path d = checkpointDir(run, point);
        int[] sizes = s.weights().sizes();
        List<String> files = new ArrayList<>();
        for (int l = 0; l < s.weights().layers(); l++) {
            String f = "W" + (l + 1) + ".npy";
            Npy.writeInt32(d.resolve(f), s.weights().matrix(l), sizes[l], sizes[l + 1]);
            files.add(f);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", point);
        m.put("stage", s.stage());
        m.put("epoch", s.epoch());
        m.put("position", s.position());
        m.put("samples", s.samples());
        m.put("chip_samples", s.chipSamples());
        m.put("replay_state", s.replayState());
        m.put("buffer", s.buffer());
        m.put("energy_uj", s.energyMicrojoules());
        m.put("energy_samples", s.energySamples());
        m.put("points", s.points());
        AtomicFiles.writeString(d.resolve(STATE), toJson(m));
        files.add(STATE);
        StringBuilder sums = new StringBuilder();
        for (String f : files) sums.append(Checksums.sha256(d.resolve(f))).append("  ").append(f).append('\n');
        AtomicFiles.writeString(d.resolve(RunDirectory.CHECKSUMS), sums.toString());
        List<Path> all = checkpoints(run);
        for (int i = KEEP_CHECKPOINTS; i < all.size(); i++) deleteTree(all.get(i));
        return d;
    }

    /** Complete checkpoints, newest first. */
    static List<Path> checkpoints(Path run) {
        Path root = run.resolve("checkpoints");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> d.getFileName().toString().matches("point-\\d{5,}") && Files.isRegularFile(d.resolve(RunDirectory.CHECKSUMS)))
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UserError("cannot list " + root + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            for (Path f : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new AtomicFiles.WriteFailure(d, e);
        }
    }

    /** The newest checkpoint that passes its checks; damaged newer ones are skipped with a warning. Null if there is none. */
    static State latestCheckpoint(Path run, Prepared p, List<String> warnings) {
        List<Path> all = checkpoints(run);
        UserError first = null;
        for (Path d : all) {
            try {
                State s = readCheckpoint(d, p);
                if (first != null) warnings.add(first.getMessage() + "; resuming from the previous checkpoint " + d + " instead");
                return s;
            } catch (UserError e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw new UserError(first.getMessage() + "; no checkpoint of " + run + " can be resumed");
        return null;
    }

    static State readCheckpoint(Path d, Prepared p) {
        Path sums = d.resolve(RunDirectory.CHECKSUMS);
        try {
            for (String line : Files.readAllLines(sums)) {
                if (line.isBlank()) continue;
                if (line.indexOf("  ") != 64) throw new UserError(sums + ": malformed line '" + line + "'");
                Path f = d.resolve(line.substring(66));
                if (!Files.isRegularFile(f)) throw new UserError(f + " is missing");
                String got = Checksums.sha256(f);
                if (!got.equals(line.substring(0, 64))) throw new UserError(f + " is damaged: its SHA-256 is " + got + ", " + RunDirectory.CHECKSUMS + " says " + line.substring(0, 64));
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + sums + ": " + e.getMessage());
        }
        Path stateFile = d.resolve(STATE);
        try {
            Map<String, Object> m = Json.LENIENT.readValue(stateFile.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            List<EvalPoint> points = Json.LENIENT.convertValue(m.get("points"), new TypeReference<List<EvalPoint>>() {});
            List<List<Integer>> buffer = Json.LENIENT.convertValue(m.get("buffer"), new TypeReference<List<List<Integer>>>() {});
            int[] sizes = p.sizes();
            int[][] mats = new int[sizes.length - 1][];
            for (int l = 0; l < mats.length; l++) {
                Path f = d.resolve("W" + (l + 1) + ".npy");
                Npy.Matrix mx = Npy.readIntMatrix(f);
                if (mx.rows() != sizes[l] || mx.cols() != sizes[l + 1]) {
                    throw new UserError(f + ": shape (" + mx.rows() + ", " + mx.cols() + ") but the run's layers are " + LayeredWeights.shape(sizes));
                }
                mats[l] = mx.values();
            }
            State s = new State(num(m, "stage").intValue(), num(m, "epoch").intValue(), num(m, "position").intValue(), num(m, "samples").longValue(),
                    num(m, "chip_samples").longValue(), num(m, "replay_state").longValue(), buffer, num(m, "energy_uj").doubleValue(),
                    num(m, "energy_samples").longValue(), points, new LayeredWeights(sizes, mats));
            if (s.stage() < 0 || s.stage() > p.stages().size() || points.isEmpty() || points.size() != num(m, "point").intValue() + 1) {
                throw new UserError(stateFile + ": inconsistent with the run's " + p.stages().size() + " stages");
            }
            return s;
        } catch (IOException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new UserError(stateFile + ": cannot read checkpoint state (" + e.getMessage() + ")");
        }
    }

    private static Number num(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof Number n)) throw new IllegalArgumentException("no number '" + key + "'");
        return n;
    }

    static String toJson(Object o) {
        return Json.pretty(o);
    }

    // ---------------------------------------------------------------- config.json

    private static Map<String, Object> configFile(Prepared p, DataOptions data) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "continual");
        root.put("config", p.settings().toMap());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("synfire", org.synfire.training.TrainingRun.VERSION);
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("started", OffsetDateTime.now().toString());
        root.put("environment", env);
        Map<String, Object> seq = new LinkedHashMap<>(p.sequence().toMap());
        seq.put("file", p.loaded().origin());
        seq.put("sha256", p.settings().sequenceSha256());
        root.put("task_sequence", seq);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskData t : p.tasks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.task().name());
            m.put("file_position", t.index());
            m.put("training_samples", t.size());
            m.put("eval_samples", t.eval().size());
            m.put("eval", t.eval().description());
            tasks.add(m);
        }
        root.put("tasks_in_training_order", tasks);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("data_dir", data.dataDir() == null ? null : data.dataDir().toAbsolutePath().toString());
        d.put("verify", data.verify());
        Variant v = Variant.parse(p.sequence().variant());
        for (Split split : Split.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            BinaryDataset ds = split == Split.TRAIN ? p.trainSplit() : p.testSplit();
            m.put("description", ds.description());
            m.put("samples", ds.size());
            try {
                Datasets.SplitFiles f = Datasets.locate(data, v, split);
                m.put("images", Map.of("path", f.images().toAbsolutePath().toString(), "sha256_file", Checksums.sha256(f.images())));
                m.put("labels", Map.of("path", f.labels().toAbsolutePath().toString(), "sha256_file", Checksums.sha256(f.labels())));
            } catch (UserError e) {
                m.put("files", "not resolvable: " + e.getMessage());
            }
            d.put(split.name().toLowerCase(Locale.ROOT), m);
        }
        root.put("data", d);
        return root;
    }
}
