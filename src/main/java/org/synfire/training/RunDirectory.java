package org.synfire.training;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.synfire.UserError;
import org.synfire.io.Json;
import org.synfire.io.Npy;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Checksums;
import org.synfire.io.Timeline;
import org.synfire.nbp.Checkpoint;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.MetricsRow;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.report.LearningCurvePlot;
import org.synfire.report.WeightPlots;

/**
 * A training run's directory. Every file is written atomically (temp file + rename):
 * <pre>
 * config.json                  effective configuration, environment, data files
 * metrics.csv, metrics.json    one row per half epoch
 * weights/W1.npy, W2.npy       latest weights, int32, shapes (n_in, n_hid) and (n_hid, n_out)
 * train.log                    what the run printed, with wall-clock times
 * learning-curve.{png,svg}     accuracies vs epoch; learning-curve-mse.{png,svg}: mse vs epoch
 * weights/W1-histogram.{png,svg}, W1-image.png, W1-fields.png (square inputs), the same for W2 …
 * checkpoints/epoch-E-half-H/  W1.npy, W2.npy, order.npy (int32), wrong-bits.npy (uint8), state.json,
 *                              SHA256SUMS (written last: the SHA-256 of every other file)
 * .lock                        held (an OS file lock) while a process trains into the directory
 * </pre>
 */
public final class RunDirectory implements AutoCloseable {
    public static final String CONFIG = "config.json";
    public static final String CHECKSUMS = "SHA256SUMS";
    private static final String LOCK = ".lock";
    private static final List<String> CHECKPOINT_FILES = List.of("order.npy", "wrong-bits.npy", "state.json");
    private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d+)-half-([12])");
    private final Path dir;
    private final StringBuilder log = new StringBuilder();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<String> warnings = new ArrayList<>();

    private RunDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * A new run directory; {@code out} null means runs/&lt;yyyyMMdd-HHmmss&gt;-&lt;name&gt;/. Refuses a directory that
     * holds a run or that another process is training into. The lock is taken before the check, so of two runs
     * started together into one directory exactly one proceeds.
     */
    public static RunDirectory create(Path out, String name) {
        Path d = out != null ? out
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name);
        try {
            Files.createDirectories(d);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError("permission denied: cannot create run directory " + d);
        } catch (IOException e) {
            throw new UserError("cannot create run directory " + d + ": " + e.getMessage());
        }
        RunDirectory r = locked(d);
        if (Files.exists(d.resolve(CONFIG))) {
            r.close();
            throw new UserError(d + " already holds a run (config.json); continue it with --resume " + d + " or choose another --out");
        }
        return r;
    }

    /** An existing run directory, for --resume; refused while another process trains into it. */
    public static RunDirectory open(Path d) {
        if (!Files.isRegularFile(d.resolve(CONFIG))) {
            throw new UserError(d + " is not a run directory (no " + CONFIG + ")");
        }
        RunDirectory r = locked(d);
        Path logFile = d.resolve("train.log");
        if (Files.isRegularFile(logFile)) {
            try {
                r.log.append(Files.readString(logFile));
            } catch (IOException e) {
                throw new UserError("cannot read " + logFile + ": " + e.getMessage());
            }
        }
        return r;
    }

    private static RunDirectory locked(Path d) {
        Path f = d.resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw new UserError(d + " is in use: another synfire process is training into it (" + f + " is locked);"
                        + " wait for it to finish, or choose another --out");
            }
            return new RunDirectory(d, ch, l);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError("permission denied: cannot write " + f);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new UserError(d + " is in use by another run in this process");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UserError("cannot lock " + f + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** Releases the directory's lock (the OS releases it too if the process dies). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    public Path path() {
        return dir;
    }

    /** Problems found while reading checkpoints that did not stop the run (a damaged newest checkpoint, ...). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void writeConfig(Map<String, Object> config) {
        AtomicFiles.writeString(dir.resolve(CONFIG), toJson(config));
    }

    public Map<String, Object> readConfig() {
        Path f = dir.resolve(CONFIG);
        try {
            return Json.LENIENT.readValue(f.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UserError(f + ": not valid JSON (" + e.getMessage() + ")");
        }
    }

    static String toJson(Object o) {
        return Json.pretty(o);
    }

    /** Appends a line to train.log (the whole file is rewritten atomically; logs are small). */
    public void log(String line) {
        log.append(line).append('\n');
        AtomicFiles.writeString(dir.resolve("train.log"), log.toString());
    }

    public void writeMetrics(List<MetricsRow> rows, Map<String, Object> config, String configComment) {
        AtomicFiles.writeString(dir.resolve("metrics.csv"), MetricsFiles.csv(rows, configComment));
        AtomicFiles.writeString(dir.resolve("metrics.json"), toJson(MetricsFiles.json(rows, config)));
    }

    public void writeWeights(LayeredWeights w) {
        writeWeights(dir.resolve("weights"), w);
    }

    /** W1.npy … WM.npy, int32, shape (pre, post). */
    static void writeWeights(Path d, LayeredWeights w) {
        int[] sizes = w.sizes();
        for (int l = 0; l < w.layers(); l++) Npy.writeInt32(d.resolve("W" + (l + 1) + ".npy"), w.matrix(l), sizes[l], sizes[l + 1]);
    }

    /** W1.npy, W2.npy, … as far as they go (at least two), chained by shape. */
    static LayeredWeights readWeights(Path d) {
        List<Npy.Matrix> mats = new ArrayList<>();
        for (int l = 1; Files.isRegularFile(d.resolve("W" + l + ".npy")); l++) mats.add(Npy.readIntMatrix(d.resolve("W" + l + ".npy")));
        if (mats.size() < 2) throw new UserError(d + ": needs W1.npy and W2.npy (found " + mats.size() + " weight files)");
        int[] sizes = new int[mats.size() + 1];
        int[][] values = new int[mats.size()][];
        sizes[0] = mats.get(0).rows();
        for (int l = 0; l < mats.size(); l++) {
            Npy.Matrix m = mats.get(l);
            if (m.rows() != sizes[l]) {
                throw new UserError(d.resolve("W" + (l + 1) + ".npy") + ": has " + m.rows() + " rows but W" + l + ".npy has " + sizes[l] + " columns");
            }
            sizes[l + 1] = m.cols();
            values[l] = m.values();
        }
        return new LayeredWeights(sizes, values);
    }

    // one colour per metric, one dash per data set: test solid, training set dashed, on-chip inference dotted
    private static final java.awt.Color POTENTIAL = new java.awt.Color(0x1f77b4), SPIKES = new java.awt.Color(0xd62728),
            EXACT = new java.awt.Color(0x2ca02c), ONLINE = new java.awt.Color(0xff7f0e), MSE = new java.awt.Color(0x6a3d9a);

    /**
     * Learning curves of accuracies and mse vs fractional epoch, and a histogram and an image of every weight matrix in
     * weights/ (the files {@link #writeWeights} wrote last).
     */
    public void writePlots(List<MetricsRow> rows, String subtitle) {
        writeCurves(rows, subtitle);
        writeWeightPlots();
    }

    /** The learning curves of {@link #writePlots(List, String)}. */
    void writeCurves(List<MetricsRow> rows, String subtitle) {
        int n = rows.size();
        double[] x = new double[n];
        String extraName = null;
        for (MetricsRow r : rows) if (r.extraName() != null) extraName = r.extraName();
        double[][] v = new double[12][n];
        for (int i = 0; i < n; i++) {
            MetricsRow r = rows.get(i);
            x[i] = r.epochProgress();
            EvalCounts test = r.test(), train = r.train(), extra = r.extra();
            v[0][i] = test.argmaxPotentialRate();
            v[1][i] = test.argmaxSpikesRate();
            v[2][i] = test.exactRate();
            v[3][i] = train == null ? Double.NaN : train.argmaxPotentialRate();
            v[4][i] = train == null ? Double.NaN : train.argmaxSpikesRate();
            v[5][i] = train == null ? Double.NaN : train.exactRate();
            v[6][i] = r.onlineExactRate();
            v[7][i] = extra == null ? Double.NaN : extra.argmaxSpikesRate();
            v[8][i] = extra == null ? Double.NaN : extra.exactRate();
            v[9][i] = test.mse();
            v[10][i] = train == null ? Double.NaN : train.mse();
            v[11][i] = r.onlineMse();
        }
        var solid = LearningCurvePlot.Dash.SOLID;
        var dashed = LearningCurvePlot.Dash.DASHED;
        var dotted = LearningCurvePlot.Dash.DOTTED;
        List<LearningCurvePlot.Series> acc = new ArrayList<>(List.of(
                new LearningCurvePlot.Series("test argmax(potential)", v[0], POTENTIAL, solid),
                new LearningCurvePlot.Series("test argmax(spikes)", v[1], SPIKES, solid),
                new LearningCurvePlot.Series("test exact", v[2], EXACT, solid),
                new LearningCurvePlot.Series("train argmax(potential)", v[3], POTENTIAL, dashed),
                new LearningCurvePlot.Series("train argmax(spikes)", v[4], SPIKES, dashed),
                new LearningCurvePlot.Series("train exact", v[5], EXACT, dashed),
                new LearningCurvePlot.Series("online exact (training)", v[6], ONLINE, solid)));
        if (extraName != null) {
            acc.add(new LearningCurvePlot.Series(extraName + " test argmax(spikes)", v[7], SPIKES, dotted));
            acc.add(new LearningCurvePlot.Series(extraName + " test exact", v[8], EXACT, dotted));
        }
        List<LearningCurvePlot.Series> mse = List.of(
                new LearningCurvePlot.Series("test", v[9], MSE, solid),
                new LearningCurvePlot.Series("train", v[10], MSE, dashed),
                new LearningCurvePlot.Series("online (training)", v[11], ONLINE, solid));
        LearningCurvePlot.write(dir, "learning-curve", "Accuracy  (" + subtitle + ")", "accuracy", x, acc);
        LearningCurvePlot.write(dir, "learning-curve-mse", "Mean squared error  (" + subtitle + ")", "mse", x, mse);
        Timeline.mark("learning curves written");
    }

    /** The weight plots of {@link #writeWeightPlots()} from the matrices themselves (the same files as from weights/*.npy). */
    void writeWeightPlots(LayeredWeights w) {
        Path d = dir.resolve("weights");
        int[] sizes = w.sizes();
        for (int l = 1; l <= w.layers(); l++) {
            int[] values = w.matrix(l - 1);
            int rows = sizes[l - 1], cols = sizes[l];
            String name = "W" + l;
            String pre = l == 1 ? "input" : "hidden layer " + (l - 1), post = l < w.layers() ? "hidden layer " + l : "output";
            WeightPlots.writeHistogram(d, name, values, rows, cols);
            WeightPlots.writeImage(d, name, values, rows, cols, pre, post);
            if (l == 1) WeightPlots.writeFields(d, name, values, rows, cols);
        }
        Timeline.mark("weight plots written");
    }

    /** weights/W&lt;l&gt;-histogram.{png,svg} and W&lt;l&gt;-image.png for every W&lt;l&gt;.npy there, and W1-fields.png when the inputs form a square image. */
    private void writeWeightPlots() {
        Path d = dir.resolve("weights");
        for (int l = 1; Files.isRegularFile(d.resolve("W" + l + ".npy")); l++) {
            Npy.Matrix m = Npy.readIntMatrix(d.resolve("W" + l + ".npy"));
            String name = "W" + l;
            String pre = l == 1 ? "input" : "hidden layer " + (l - 1), post = Files.isRegularFile(d.resolve("W" + (l + 1) + ".npy")) ? "hidden layer " + l : "output";
            WeightPlots.writeHistogram(d, name, m.values(), m.rows(), m.cols());
            WeightPlots.writeImage(d, name, m.values(), m.rows(), m.cols(), pre, post);
            if (l == 1) WeightPlots.writeFields(d, name, m.values(), m.rows(), m.cols());
        }
    }

    // ---------------------------------------------------------------- checkpoints

    public Path checkpointDir(int epoch, int half) {
        return dir.resolve("checkpoints").resolve("epoch-" + epoch + "-half-" + half);
    }

    /** Saves a checkpoint; state.json is written last, so a directory without it is incomplete and ignored. */
    public void saveCheckpoint(Checkpoint c) {
        Path d = checkpointDir(c.epochIndex() + 1, c.half());
        writeWeights(d, c.weights());
        int n = c.order().length;
        Npy.writeInt32(d.resolve("order.npy"), c.order(), n);
        Npy.writeUint8(d.resolve("wrong-bits.npy"), c.wrongBits(), n);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("epoch_index", c.epochIndex());
        state.put("position", c.position());
        state.put("samples_trained", c.samplesTrained());
        state.put("rng", MetricsFiles.snakeKeys(c.rngState()));
        List<Map<String, Object>> rows = Json.SNAKE.convertValue(c.rows(), new TypeReference<List<Map<String, Object>>>() {});
        for (int i = 0; i < rows.size(); i++) rows.get(i).put("estimates", MetricsFiles.estimates(c.rows().get(i))); // dynamic_energy_uj
        state.put("rows", rows);
        AtomicFiles.writeString(d.resolve("state.json"), toJson(state));
        StringBuilder sums = new StringBuilder();
        List<String> files = new ArrayList<>();
        for (int l = 1; l <= c.weights().layers(); l++) files.add("W" + l + ".npy");
        files.addAll(CHECKPOINT_FILES);
        for (String f : files) sums.append(Checksums.sha256(d.resolve(f))).append("  ").append(f).append('\n');
        AtomicFiles.writeString(d.resolve(CHECKSUMS), sums.toString());
    }

    /** What a checkpoint must agree with: the run's configuration (layer widths, training-set size). */
    public record Expected(int[] sizes, int trainSamples) {}

    /** Complete checkpoints (those with SHA256SUMS, written last), newest first. */
    public List<Path> checkpoints() {
        Path root = dir.resolve("checkpoints");
        List<long[]> keys = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isRegularFile(p.resolve(CHECKSUMS))) {
                        keys.add(new long[] {Long.parseLong(m.group(1)) * 2 + Long.parseLong(m.group(2)), found.size()});
                        found.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UserError("cannot list " + root + ": " + e.getMessage());
            }
        }
        keys.sort((x, y) -> Long.compare(y[0], x[0]));
        List<Path> out = new ArrayList<>();
        for (long[] k : keys) out.add(found.get((int) k[1]));
        return out;
    }

    /**
     * The newest checkpoint that passes every check (checksums, shapes against {@code expected}, the order a
     * permutation); a damaged newer one is skipped with a warning (see {@link #warnings}). Null when the run
     * has no checkpoint at all; a UserError naming the checkpoint when every one is damaged.
     */
    public Checkpoint latestCheckpoint(Expected expected) {
        List<Path> all = checkpoints();
        if (all.isEmpty()) return null;
        UserError first = null;
        for (Path p : all) {
            try {
                Checkpoint c = readCheckpoint(p, expected);
                if (first != null) warnings.add(first.getMessage() + "; resuming from the previous checkpoint " + p + " instead");
                return c;
            } catch (UserError e) {
                if (first == null) first = e;
                else warnings.add(e.getMessage());
            }
        }
        throw new UserError(first.getMessage() + (all.size() > 1 ? " (and every older checkpoint is damaged too)" : "")
                + "; no checkpoint of " + dir + " can be resumed");
    }

    /** Reads a checkpoint directory, checking its checksums first. */
    static Checkpoint readCheckpoint(Path d, Expected expected) {
        verifyChecksums(d);
        Checkpoint c = readCheckpoint(d);
        LayeredWeights w = c.weights();
        String where = d + ": ";
        if (!java.util.Arrays.equals(w.sizes(), expected.sizes())) {
            throw new UserError(where + "weights are " + w.shape() + " but config.json describes " + LayeredWeights.shape(expected.sizes()));
        }
        int[] order = c.order();
        if (expected.trainSamples() >= 0 && order.length != expected.trainSamples()) {
            throw new UserError(where + "order.npy holds " + order.length + " samples but the run trains on " + expected.trainSamples());
        }
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            int v = order[i];
            if (v < 0 || v >= order.length || seen[v]) {
                throw new UserError(where + "order.npy is not a permutation of 0.." + (order.length - 1) + " (entry " + i + " is " + v + ")");
            }
            seen[v] = true;
        }
        return c;
    }

    private static void verifyChecksums(Path d) {
        Path sums = d.resolve(CHECKSUMS);
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sums)) {
                if (line.isBlank()) continue;
                int sp = line.indexOf("  ");
                if (sp != 64) throw new UserError(sums + ": malformed line '" + line + "'");
                expected.put(line.substring(sp + 2), line.substring(0, sp));
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + sums + ": " + e.getMessage());
        }
        List<String> required = new ArrayList<>(CHECKPOINT_FILES);
        required.add("W1.npy");
        required.add("W2.npy");
        for (String f : expected.keySet()) if (!required.contains(f)) required.add(f);
        for (String f : required) {
            String want = expected.get(f);
            if (want == null) throw new UserError(sums + ": no checksum for " + f);
            Path file = d.resolve(f);
            if (!Files.isRegularFile(file)) throw new UserError(file + " is missing");
            String got = Checksums.sha256(file);
            if (!got.equals(want)) throw new UserError(file + " is damaged: its SHA-256 is " + got + ", " + CHECKSUMS + " says " + want);
        }
    }

    /**
     * Reads a checkpoint directory. state.json has snake_case keys; a checkpoint written before they were (camelCase:
     * epochIndex, samplesTrained, rows of onlineExact, ...) reads the same, so older runs still resume.
     */
    static Checkpoint readCheckpoint(Path d) {
        Path stateFile = d.resolve("state.json");
        Map<String, Object> state;
        List<MetricsRow> rows;
        boolean camel;
        try {
            var tree = Json.LENIENT.readTree(stateFile.toFile());
            if (tree == null || !tree.isObject()) throw new IllegalArgumentException("not a JSON object");
            camel = tree.has("epochIndex");
            state = Json.LENIENT.convertValue(tree, new TypeReference<LinkedHashMap<String, Object>>() {});
            rows = new ArrayList<>((camel ? Json.LENIENT : Json.SNAKE).convertValue(tree.get("rows"), new TypeReference<List<MetricsRow>>() {}));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(stateFile + ": cannot read checkpoint state (" + e.getMessage() + ")");
        }
        LayeredWeights w = readWeights(d);
        int[] order = Npy.read(d.resolve("order.npy")).toIntArray();
        byte[] wrong = Npy.read(d.resolve("wrong-bits.npy")).toByteArray();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> rng = camelKeys((Map<String, Object>) state.get("rng"));
            String epochKey = camel ? "epochIndex" : "epoch_index", samplesKey = camel ? "samplesTrained" : "samples_trained";
            return new Checkpoint(((Number) state.get(epochKey)).intValue(), ((Number) state.get("position")).intValue(),
                    ((Number) state.get(samplesKey)).longValue(), order, wrong, rng, rows, w);
        } catch (RuntimeException e) {
            throw new UserError(stateFile + ": inconsistent checkpoint (" + e.getMessage() + ")");
        }
    }

    /** The random source's state as {@link TrainingRandom#restoreState} reads it (has_gauss → hasGauss). */
    private static Map<String, Object> camelKeys(Map<String, Object> m) {
        if (m == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            StringBuilder b = new StringBuilder();
            String k = e.getKey();
            for (int i = 0; i < k.length(); i++) {
                char ch = k.charAt(i);
                if (ch == '_' && i + 1 < k.length()) b.append(Character.toUpperCase(k.charAt(++i)));
                else b.append(ch);
            }
            out.put(b.toString(), e.getValue());
        }
        return out;
    }

    /**
     * Reads W1 (n_in x n_hid) and W2 (n_hid x n_out) from .npy files of any integer dtype (or floats holding whole
     * numbers), C or Fortran order; expected sizes of -1 are taken from the files. Every problem is a UserError
     * naming the file.
     */
    public static NbpWeights readWeights(Path w1File, Path w2File, int nIn, int nHid, int nOut) {
        Npy.Matrix a = Npy.readIntMatrix(w1File);
        Npy.Matrix b = Npy.readIntMatrix(w2File);
        int in = a.rows();
        int hid = a.cols();
        if (nIn >= 0 && in != nIn) throw new UserError(w1File + ": W1 has " + in + " rows but the data have " + nIn + " inputs");
        if (nHid >= 0 && hid != nHid) throw new UserError(w1File + ": W1 has " + hid + " columns but --hidden is " + nHid);
        if (b.rows() != hid) throw new UserError(w2File + ": W2 has " + b.rows() + " rows but W1 has " + hid + " hidden columns");
        if (nOut >= 0 && b.cols() != nOut) throw new UserError(w2File + ": W2 has " + b.cols() + " columns, expected " + nOut + " outputs");
        return new NbpWeights(in, hid, b.cols(), a.values(), b.values());
    }
}
