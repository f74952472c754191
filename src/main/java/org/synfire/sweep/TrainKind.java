package org.synfire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.data.DataOptions;
import org.synfire.data.Variant;
import org.synfire.io.Json;
import org.synfire.training.Backends;
import org.synfire.nbp.Convention;
import org.synfire.training.RunDirectory;
import org.synfire.io.Checksums;
import org.synfire.training.TrainingRun;
import org.synfire.training.TrainingSettings;

/**
 * A {@code synfire train} run. Its options are train's, named without the leading dashes, with the same defaults and
 * the same checks; its settings are {@link TrainingSettings#toMap()}, so a run equals {@code synfire train} given the
 * same options, file for file.
 */
public record TrainKind() implements RunKind {
    public static final TrainKind INSTANCE = new TrainKind();

    private static final Map<String, OptionType> OPTIONS = optionTable();

    private static Map<String, OptionType> optionTable() {
        Map<String, OptionType> m = new LinkedHashMap<>();
        m.put("backend", OptionType.STRING);
        m.put("convention", OptionType.STRING);
        m.put("rng", OptionType.STRING);
        m.put("seed", OptionType.LONG);
        m.put("variant", OptionType.STRING);
        m.put("dataset", OptionType.STRING);
        m.put("epochs", OptionType.INT);
        m.put("hidden", OptionType.INT);
        m.put("layers", OptionType.WIDTHS);
        m.put("limit", OptionType.INT);
        m.put("network", OptionType.FILE);
        m.put("holdout", OptionType.INT);
        m.put("shuffle", OptionType.BOOL);
        m.put("no-shuffle", OptionType.BOOL);
        m.put("input-threshold", OptionType.NUMBER);
        m.put("test-threshold", OptionType.NUMBER);
        m.put("eval-train", OptionType.BOOL);
        m.put("no-eval-train", OptionType.BOOL);
        m.put("init-weights", OptionType.FILE_PAIR);
        m.put("init-w1", OptionType.FILE);
        m.put("init-w2", OptionType.FILE);
        m.put("name", OptionType.STRING);
        m.put("check-phases", OptionType.INT);
        m.put("check-copies", OptionType.INT);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public Map<String, OptionType> options() {
        return OPTIONS;
    }

    @Override
    public Map<String, String> refused() {
        return Map.of(
                "out", "the sweep puts each run in RUN_ID/ under its runs/ folder",
                "resume", "a sweep resumes its interrupted runs by itself",
                "data", "give --data on the command line: each machine has its own data folder",
                "no-verify", "give --no-verify on the command line",
                "offline", "give --offline on the command line",
                "progress-every", "the sweep prints its own progress; give --progress-every on its command line",
                "threads", "results are the same for any thread count; a sweep runs one chip thread per run, runs side by side");
    }

    @Override
    public Configured configure(Map<String, Object> o, Path baseDir) {
        Variant v = o.containsKey("variant") ? Variant.parse((String) o.get("variant")) : null;
        if (o.containsKey("dataset")) {
            String d = ((String) o.get("dataset")).toLowerCase(Locale.ROOT);
            Variant byDataset = switch (d) {
                case "mnist" -> Variant.MNIST20;
                case "fashion-mnist", "fmnist", "fashion" -> Variant.FMNIST28;
                default -> throw new UserError("unknown dataset '" + o.get("dataset") + "' (use mnist or fashion-mnist)");
            };
            if (v != null && !v.dataset.equals(byDataset.dataset)) {
                throw new UserError("variant " + v.cliName() + " is " + v.dataset + ", not dataset " + o.get("dataset"));
            }
            if (v == null) v = byDataset;
        }
        if (v == null) v = Variant.MNIST20;
        String backend = (String) o.getOrDefault("backend", Backends.DEFAULT);
        Backends.get(backend);
        Convention conv = Convention.parse((String) o.getOrDefault("convention", "chip"));
        String rng = (String) o.getOrDefault("rng", "synfire");
        if (o.containsKey("shuffle") && o.containsKey("no-shuffle")) throw new UserError("give shuffle or no-shuffle, not both");
        boolean shuffle = o.containsKey("no-shuffle") ? !(Boolean) o.get("no-shuffle") : (Boolean) o.getOrDefault("shuffle", true);
        if (o.containsKey("eval-train") && o.containsKey("no-eval-train")) throw new UserError("give eval-train or no-eval-train, not both");
        boolean evalTrain = o.containsKey("no-eval-train") ? !(Boolean) o.get("no-eval-train") : (Boolean) o.getOrDefault("eval-train", true);

        List<String> init = null;
        if (o.containsKey("init-weights") && (o.containsKey("init-w1") || o.containsKey("init-w2"))) {
            throw new UserError("give either init-weights or init-w1 and init-w2, not both");
        }
        if (o.containsKey("init-weights")) {
            @SuppressWarnings("unchecked")
            List<String> pair = (List<String>) o.get("init-weights");
            init = List.of(resolve(baseDir, pair.get(0)), resolve(baseDir, pair.get(1)));
        } else if (o.containsKey("init-w1") || o.containsKey("init-w2")) {
            if (!o.containsKey("init-w1") || !o.containsKey("init-w2")) throw new UserError("init-w1 and init-w2 go together: give both files");
            init = List.of(resolve(baseDir, (String) o.get("init-w1")), resolve(baseDir, (String) o.get("init-w2")));
        }
        String name = (String) o.getOrDefault("name", v.cliName() + "-" + conv.cliName() + "-" + backend);
        if (!name.matches("[A-Za-z0-9._-]+")) throw new UserError("name may contain letters, digits, '.', '_' and '-' only: " + name);

        List<Integer> hidden = List.of((Integer) o.getOrDefault("hidden", 400));
        if (o.containsKey("layers")) {
            if (o.containsKey("hidden")) throw new UserError("give either hidden (one hidden layer) or layers, not both");
            String text = (String) o.get("layers");
            List<Integer> w = new ArrayList<>();
            for (String p : text.split(",")) w.add(Integer.parseInt(p));
            if (w.size() < 3) throw new UserError("layers " + text + ": give inputs, at least one hidden layer and outputs, e.g. 400,400,10");
            if (w.get(0) != v.inputs()) throw new UserError("layers " + text + " starts with " + w.get(0) + " inputs, but variant " + v.cliName() + " has " + v.inputs());
            if (w.get(w.size() - 1) != TrainingSettings.OUTPUTS) {
                throw new UserError("layers " + text + " must end with the " + TrainingSettings.OUTPUTS + " outputs of the dataset's classes");
            }
            hidden = w.subList(1, w.size() - 1);
            if (hidden.size() > 1 && init != null) throw new UserError("initial weight files give one hidden layer's weights; with layers " + text + " the seed draws them");
        }
        String network = null;
        if (o.containsKey("network")) {
            if (o.containsKey("layers") || o.containsKey("hidden")) throw new UserError("network takes the widths from the file; leave out layers and hidden");
            if (!backend.equals("chip")) throw new UserError("network runs a network file on the chip; use backend chip (the default)");
            Path file = Path.of(resolve(baseDir, (String) o.get("network")));
            hidden = TrainingRun.networkWidths(TrainingRun.readNetwork(file, v));
            network = file.toString();
            if (init != null && hidden.size() > 1) throw new UserError("initial weight files give one hidden layer's weights; " + file + " has " + hidden.size());
        }
        int epochs = (Integer) o.getOrDefault("epochs", 15);
        if (epochs < 1) throw new UserError("epochs must be at least 1");
        for (int h : hidden) if (h < 1) throw new UserError("hidden must be at least 1");
        Integer limit = (Integer) o.get("limit");
        if (limit != null && limit < 1) throw new UserError("limit must be at least 1");
        Integer holdout = (Integer) o.get("holdout");
        if (holdout != null && holdout < 1) throw new UserError("holdout must be at least 1");
        double inTh = (Double) o.getOrDefault("input-threshold", 0.5);
        double testTh = (Double) o.getOrDefault("test-threshold", 0.5);
        for (double th : new double[] {inTh, testTh}) {
            if (!(th >= 0 && th < 1)) throw new UserError("input-threshold and test-threshold must be in [0, 1), got " + th);
        }
        Backends.get(backend).check(conv);
        org.synfire.nbp.TrainingRandom.create(rng, (Long) o.getOrDefault("seed", 43L)); // refuses an unknown rng
        TrainingSettings s = new TrainingSettings(backend, conv.cliName(), rng, (Long) o.getOrDefault("seed", 43L), v.cliName(), epochs, hidden,
                limit, holdout, shuffle, evalTrain, inTh, testTh, init, name, network);
        Map<String, Object> runtime = new LinkedHashMap<>();
        TrainingRun.Checks checks = new TrainingRun.Checks((Integer) o.getOrDefault("check-phases", TrainingRun.Checks.DEFAULT.phasesEvery()),
                (Integer) o.getOrDefault("check-copies", TrainingRun.Checks.DEFAULT.copiesEvery()));
        runtime.put("check_phases", checks.phasesEvery());
        runtime.put("check_copies", checks.copiesEvery());
        return new Configured(s.toMap(), runtime);
    }

    private static String resolve(Path baseDir, String file) {
        return baseDir.resolve(file).toAbsolutePath().normalize().toString();
    }

    /**
     * Everything of {@link TrainingSettings#toMap()} but the name (it only labels the run), with each input file
     * replaced by the SHA-256 of its bytes, so the id does not depend on where the file lies.
     */
    @Override
    public Map<String, Object> hashed(Map<String, Object> settings) {
        Map<String, Object> h = new LinkedHashMap<>(settings);
        h.remove("name");
        if (h.get("network") != null) h.put("network", Map.of("sha256", sha256((String) h.get("network"))));
        if (h.get("init_weights") != null) {
            List<Object> files = new ArrayList<>();
            for (Object f : (List<?>) h.get("init_weights")) files.add(Map.of("sha256", sha256((String) f)));
            h.put("init_weights", files);
        }
        return h;
    }

    private static String sha256(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) throw new UserError(file + ": no such file");
        return Checksums.sha256(p);
    }

    @Override
    public void run(Path runDir, Configured c, DataOptions data, Progress progress) {
        TrainingSettings s = TrainingSettings.fromMap(new LinkedHashMap<>(c.settings()), runDir.resolve(RunDirectory.CONFIG));
        TrainingRun.Checks checks = new TrainingRun.Checks(((Number) c.runtime().get("check_phases")).intValue(),
                ((Number) c.runtime().get("check_copies")).intValue());
        TrainingRun.Listener listener = new TrainingRun.Listener() {
            @Override
            public void progress(int epoch, int epochs, int position, int epochSize) {
                progress.fraction(Math.min(1, Math.max(0, (epoch - 1 + (double) position / epochSize) / epochs)));
            }

            @Override
            public void checkpointSaved(org.synfire.nbp.Checkpoint checkpoint) {
                progress.checkpoint();
            }
        };
        if (Files.isRegularFile(runDir.resolve(RunDirectory.CONFIG))) {
            TrainingSettings there = TrainingRun.settingsOf(runDir);
            if (!hashedWithoutFiles(there.toMap()).equals(hashedWithoutFiles(s.toMap()))) {
                throw new UserError(runDir + " holds a run with other settings (" + there.comment() + "); move it away to run this one");
            }
            TrainingRun.resume(runDir, null, data, checks, listener);
        } else {
            TrainingRun.start(s, runDir, data, checks, listener);
        }
        progress.fraction(1);
    }

    /** Settings compared when a run directory is reused: all but the name and the input files' paths (a member's copies). */
    private static Map<String, Object> hashedWithoutFiles(Map<String, Object> m) {
        Map<String, Object> h = new LinkedHashMap<>(m);
        h.remove("name");
        h.put("network", h.get("network") == null ? null : "file");
        h.put("init_weights", h.get("init_weights") == null ? null : "files");
        return h;
    }

    @Override
    public Summary summarize(Path runDir) {
        Path f = runDir.resolve("metrics.json");
        if (!Files.isRegularFile(f)) return null;
        JsonNode rows;
        try {
            rows = Json.COMPACT.readTree(f.toFile()).get("rows");
        } catch (IOException e) {
            throw new UserError(f + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (rows == null || rows.isEmpty()) return null;
        int n = rows.size();
        double[] x = new double[n];
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (String m : Summary.METRICS) curves.put(m, new double[n]);
        long samples = 0;
        for (int i = 0; i < n; i++) {
            JsonNode r = rows.get(i);
            x[i] = r.path("epoch_progress").asDouble();
            samples = r.path("samples_trained").asLong();
            JsonNode test = r.path("test");
            curves.get("test_argmax_spikes")[i] = number(test.get("argmax_spikes"));
            curves.get("test_argmax_potential")[i] = number(test.get("argmax_potential"));
            curves.get("test_exact")[i] = number(test.get("exact"));
            curves.get("test_mse")[i] = number(test.get("mse"));
            curves.get("online_exact")[i] = number(r.path("online").get("exact"));
        }
        Map<String, Double> finals = new LinkedHashMap<>();
        Map<String, Double> bests = new LinkedHashMap<>();
        Map<String, Double> bestAt = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            finals.put(e.getKey(), y[n - 1]);
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(y[i])) continue;
                if (best < 0 || (Summary.lowerIsBetter(e.getKey()) ? y[i] < y[best] : y[i] > y[best])) best = i;
            }
            bests.put(e.getKey(), best < 0 ? Double.NaN : y[best]);
            bestAt.put(e.getKey(), best < 0 ? Double.NaN : x[best]);
        }
        return new Summary(finals, bests, bestAt, x, curves, samples);
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    @Override
    public List<String> replicateOptions() {
        return List.of("seed");
    }

    @Override
    public List<Path> inputFiles(Map<String, Object> settings) {
        List<Path> files = new ArrayList<>();
        if (settings.get("network") != null) files.add(Path.of((String) settings.get("network")));
        if (settings.get("init_weights") != null) for (Object f : (List<?>) settings.get("init_weights")) files.add(Path.of((String) f));
        return files;
    }

    @Override
    public Map<String, Object> withInputFiles(Map<String, Object> settings, List<Path> files) {
        Map<String, Object> m = new LinkedHashMap<>(settings);
        int i = 0;
        if (m.get("network") != null) m.put("network", files.get(i++).toString());
        if (m.get("init_weights") != null) m.put("init_weights", List.of(files.get(i++).toString(), files.get(i).toString()));
        return m;
    }
}
