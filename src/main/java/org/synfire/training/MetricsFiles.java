package org.synfire.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.MetricsRow;

/** metrics.csv / metrics.json content and the printed table, from {@link MetricsRow}s. */
public final class MetricsFiles {
    private MetricsFiles() {}

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static TreeSet<String> populations(List<MetricsRow> rows) {
        TreeSet<String> pops = new TreeSet<>();
        for (MetricsRow r : rows) pops.addAll(r.activity().keySet());
        return pops;
    }

    /** CSV with one header line preceded by a '#' line naming the run's seed and configuration. */
    public static String csv(List<MetricsRow> rows, String configComment) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(configComment.replace('\n', ' ')).append('\n');
        List<String> head = new ArrayList<>(List.of("epoch", "half", "epoch_progress", "samples_trained",
                "online_exact", "online_mse", "numpy_acc_at", "numpy_acc", "numpy_loss",
                "test_exact", "test_argmax_spikes", "test_argmax_potential", "test_mse",
                "train_exact", "train_argmax_spikes", "train_argmax_potential", "train_mse"));
        String extraName = rows.stream().map(MetricsRow::extraName).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (extraName != null) {
            head.add(extraName + "_test_exact");
            head.add(extraName + "_test_argmax_spikes");
            head.add(extraName + "_test_mse");
        }
        TreeSet<String> pops = populations(rows);
        for (String p : pops) head.add("spikes_per_sample_" + p);
        TreeSet<String> est = new TreeSet<>();
        for (MetricsRow r : rows) est.addAll(estimates(r).keySet());
        for (String e : est) head.add("est_" + e);
        TreeSet<String> drift = new TreeSet<>();
        for (MetricsRow r : rows) drift.addAll(r.copyDrift().keySet());
        for (String d : drift) head.add("copy_drift_" + d);
        sb.append(String.join(",", head)).append('\n');
        for (MetricsRow r : rows) {
            List<String> c = new ArrayList<>();
            c.add(Integer.toString(r.epoch()));
            c.add(Integer.toString(r.half()));
            c.add(f(r.epochProgress()));
            c.add(Long.toString(r.samplesTrained()));
            c.add(f(r.onlineExactRate()));
            c.add(f(r.onlineMse()));
            c.add(r.numpyAccAt() == 0 ? "" : Integer.toString(r.numpyAccAt()));
            c.add(f(r.numpyAcc()));
            c.add(f(r.numpyLoss()));
            addEval(c, r.test(), true);
            addEval(c, r.train(), true);
            if (extraName != null) {
                EvalCounts e = r.extra();
                c.add(e == null ? "" : f(e.exactRate()));
                c.add(e == null ? "" : f(e.argmaxSpikesRate()));
                c.add(e == null ? "" : f(e.mse()));
            }
            for (String p : pops) c.add(f(r.spikesPerSample(p)));
            Map<String, Double> re = estimates(r);
            for (String e : est) c.add(re.containsKey(e) ? String.format(Locale.ROOT, "%.6g", re.get(e)) : "");
            for (String d : drift) c.add(r.copyDrift().containsKey(d) ? Long.toString(r.copyDrift().get(d)) : "");
            sb.append(String.join(",", c)).append('\n');
        }
        return sb.toString();
    }

    private static void addEval(List<String> c, EvalCounts e, boolean potential) {
        if (e == null) {
            c.add("");
            c.add("");
            c.add("");
            c.add("");
            return;
        }
        c.add(f(e.exactRate()));
        c.add(f(e.argmaxSpikesRate()));
        c.add(potential ? f(e.argmaxPotentialRate()) : "");
        c.add(f(e.mse()));
    }

    private static Map<String, Object> evalJson(EvalCounts e) {
        if (e == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", e.samples());
        m.put("exact", e.exactRate());
        m.put("argmax_spikes", e.argmaxSpikesRate());
        if (e.argmaxPotential() >= 0) m.put("argmax_potential", e.argmaxPotentialRate());
        m.put("mse", e.mse());
        Map<String, Object> counts = new LinkedHashMap<>(); // ordered: Map.of iterates in a per-JVM random order
        counts.put("exact", e.exact());
        counts.put("argmax_spikes", e.argmaxSpikes());
        counts.put("argmax_potential", e.argmaxPotential());
        counts.put("wrong_bits", e.wrongBits());
        m.put("counts", counts);
        return m;
    }

    /**
     * The learner's cost estimates under snake_case names with the unit at the end in lower case
     * ({@code dynamic_energy_uJ} becomes {@code dynamic_energy_uj}), so metrics.csv, metrics.json and checkpoints
     * name them alike whether a row came from the learner or from an older checkpoint.
     */
    static Map<String, Double> estimates(MetricsRow r) {
        Map<String, Double> m = new java.util.TreeMap<>();
        for (Map.Entry<String, Double> e : r.estimates().entrySet()) m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        return m;
    }

    /** camelCase to snake_case: {@code epochIndex} → {@code epoch_index}, {@code sha256File} → {@code sha256_file}; snake_case stays. */
    static String snake(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && key.charAt(i - 1) != '_' && !Character.isUpperCase(key.charAt(i - 1))) b.append('_');
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /**
     * A copy of a tree of settings with every map key in snake_case (for the configuration section, whose keys are all
     * field names; trees keyed by population or matrix names must not go through here).
     */
    @SuppressWarnings("unchecked")
    static Object snakeKeys(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(snake(String.valueOf(e.getKey())), snakeKeys(e.getValue()));
            return out;
        }
        if (tree instanceof List<?> l) return l.stream().map(MetricsFiles::snakeKeys).toList();
        return tree;
    }

    /** What the numbers of metrics.json count; the units of the estimates end their names. */
    static Map<String, Object> units() {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("epoch_progress", "epochs (0.5 = the middle of the first epoch)");
        u.put("samples_trained", "samples");
        u.put("exact", "fraction of the samples whose output spikes equal the one-hot target");
        u.put("argmax_spikes", "fraction of the samples whose first most-spiking output is the label");
        u.put("argmax_potential", "fraction of the samples whose output with the largest potential is the label");
        u.put("mse", "mean over samples and outputs of (o - t)^2, o and t in {0, 1}");
        u.put("numpy_acc", "fraction, as numpy_simulation.py prints it (the last 5000 samples)");
        u.put("numpy_loss", "as numpy_simulation.py prints it");
        u.put("counts", "samples; wrong_bits: output bits");
        u.put("spikes_per_sample", "spikes per training sample, by population");
        u.put("estimates_per_sample", "per training sample; the unit ends the name: _uj microjoules, _us microseconds, else operations");
        u.put("copy_drift_entries", "matrix entries that differ from a rebuild from W1, W2, ...");
        return u;
    }

    /** The metrics.json tree: the effective configuration (snake_case keys), the units, and one object per row. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(List<MetricsRow> rows, Map<String, Object> config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", config == null ? null : (Map<String, Object>) snakeKeys(config));
        root.put("units", units());
        List<Map<String, Object>> list = new ArrayList<>();
        for (MetricsRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", r.epoch());
            m.put("half", r.half());
            m.put("epoch_progress", r.epochProgress());
            m.put("samples_trained", r.samplesTrained());
            Map<String, Object> online = new LinkedHashMap<>();
            online.put("samples", r.position());
            online.put("exact", r.onlineExactRate());
            online.put("mse", r.onlineMse());
            if (r.numpyAccAt() > 0) {
                online.put("numpy_acc_at", r.numpyAccAt());
                online.put("numpy_acc", r.numpyAcc());
                online.put("numpy_loss", r.numpyLoss());
            }
            m.put("online", online);
            m.put("test", evalJson(r.test()));
            if (r.train() != null) m.put("train", evalJson(r.train()));
            if (r.extra() != null) m.put(r.extraName() + "_test", evalJson(r.extra()));
            if (!r.activity().isEmpty()) {
                Map<String, Object> a = new LinkedHashMap<>();
                for (String p : r.activity().keySet()) a.put(p, r.spikesPerSample(p));
                m.put("spikes_per_sample", a);
            }
            if (!r.estimates().isEmpty()) m.put("estimates_per_sample", estimates(r));
            if (!r.copyDrift().isEmpty()) m.put("copy_drift_entries", new LinkedHashMap<>(r.copyDrift()));
            list.add(m);
        }
        root.put("rows", list);
        return root;
    }

    /** A fixed-width table for the terminal: header once, then rows. */
    public static String tableHeader(boolean train) {
        String h = String.format(Locale.ROOT, "%6s %6s | %7s %7s | %7s %7s %7s %7s", "epoch", "half",
                "online", "np-acc", "t.exact", "t.spike", "t.pot", "t.mse");
        if (train) h += String.format(Locale.ROOT, " | %7s %7s %7s", "tr.exact", "tr.spike", "tr.pot");
        return h;
    }

    public static String tableRow(MetricsRow r) {
        String s = String.format(Locale.ROOT, "%6d %6d | %7.4f %7s | %7.4f %7.4f %7.4f %7.4f", r.epoch(), r.half(),
                r.onlineExactRate(), r.numpyAccAt() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", r.numpyAcc()),
                r.test().exactRate(), r.test().argmaxSpikesRate(), r.test().argmaxPotentialRate(), r.test().mse());
        if (r.train() != null) {
            s += String.format(Locale.ROOT, " | %8.4f %8.4f %7.4f", r.train().exactRate(), r.train().argmaxSpikesRate(),
                    r.train().argmaxPotentialRate());
        }
        if (r.extra() != null) {
            s += String.format(Locale.ROOT, " | %s exact %.4f spikes %.4f", r.extraName(), r.extra().exactRate(),
                    r.extra().argmaxSpikesRate());
        }
        return s;
    }
}
