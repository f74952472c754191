package org.synfire.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synfire.io.AtomicFiles;

/** sweep.csv/json (one row per run) and aggregate.csv/json (mean and sd over seeds per configuration). */
public final class SweepResults {
    private SweepResults() {}

    /** A run with what the sweep directory holds of it. */
    public record Row(RunSpec spec, RunState state, Summary summary) {}

    public static List<Row> rows(SweepDirectory dir, List<RunSpec> runs) {
        List<Row> rows = new ArrayList<>();
        for (RunSpec r : runs) {
            Summary s = null;
            try {
                s = r.kind().summarize(dir.runDir(r.id()));
            } catch (org.synfire.UserError e) {
                // a damaged metrics file: the row shows no metrics, the state says what happened
            }
            rows.add(new Row(r, dir.state(r.id()), s));
        }
        return rows;
    }

    /** Writes sweep.csv, sweep.json, aggregate.csv and aggregate.json. */
    public static void writeTables(SweepDirectory dir, SweepFile file, List<Row> rows) {
        List<String> settingKeys = new ArrayList<>();
        for (Row r : rows) for (String k : r.spec().run().settings().keySet()) if (!settingKeys.contains(k)) settingKeys.add(k);

        List<String> head = new ArrayList<>(List.of("run_id", "index", "label", "group", "status", "attempts", "host", "wall_time_s",
                "roundtrip_s", "samples_trained"));
        head.addAll(settingKeys);
        for (String m : Summary.METRICS) head.add("final_" + m);
        for (String m : Summary.METRICS) {
            head.add("best_" + m);
            head.add("best_" + m + "_epoch");
        }
        head.add("error");
        head.add("run_dir");
        StringBuilder csv = new StringBuilder(String.join(",", head)).append('\n');
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row r : rows) {
            RunState st = r.state();
            Summary s = r.summary();
            List<String> c = new ArrayList<>();
            c.add(r.spec().id());
            c.add(Integer.toString(r.spec().index()));
            c.add(csv(r.spec().label()));
            c.add(csv(r.spec().group()));
            c.add(st.status());
            c.add(Integer.toString(st.attempts()));
            c.add(csv(st.host()));
            c.add(num(st.wallTimeS()));
            c.add(num(st.roundtripS()));
            c.add(s == null ? "" : Long.toString(s.samplesTrained()));
            for (String k : settingKeys) c.add(csv(value(r.spec().run().settings().get(k))));
            for (String m : Summary.METRICS) c.add(s == null ? "" : num(s.finals().get(m)));
            for (String m : Summary.METRICS) {
                c.add(s == null ? "" : num(s.bests().get(m)));
                c.add(s == null ? "" : num(s.bestAt().get(m)));
            }
            c.add(csv(st.error()));
            c.add("runs/" + r.spec().id());
            csv.append(String.join(",", c)).append('\n');

            Map<String, Object> j = new LinkedHashMap<>();
            j.put("run_id", r.spec().id());
            j.put("index", r.spec().index());
            j.put("label", r.spec().label());
            j.put("group", r.spec().group());
            j.put("varied", r.spec().varied());
            j.put("status", st.status());
            j.put("attempts", st.attempts());
            j.put("host", st.host());
            j.put("wall_time_s", st.wallTimeS());
            j.put("roundtrip_s", Double.isNaN(st.roundtripS()) ? null : st.roundtripS());
            j.put("error", st.error());
            j.put("run_dir", "runs/" + r.spec().id());
            j.put("config", r.spec().run().settings());
            j.put("runtime", r.spec().run().runtime());
            j.put("samples_trained", s == null ? null : s.samplesTrained());
            j.put("final", s == null ? null : SweepDirectory.nanToNull(s.finals()));
            j.put("best", s == null ? null : SweepDirectory.nanToNull(s.bests()));
            j.put("best_epoch", s == null ? null : SweepDirectory.nanToNull(s.bestAt()));
            json.add(j);
        }
        AtomicFiles.writeString(dir.path().resolve("sweep.csv"), csv.toString());
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", file.name());
        about.put("kind", file.kind().name());
        about.put("file", file.file().toAbsolutePath().toString());
        about.put("id_scheme", RunIds.SCHEME);
        about.put("runs", rows.size());
        for (String status : List.of(RunState.DONE, RunState.FAILED, RunState.RUNNING, RunState.QUEUED)) {
            about.put(status, rows.stream().filter(r -> r.state().status().equals(status)).count());
        }
        root.put("sweep", about);
        root.put("runs", json);
        dir.writeJson(dir.path().resolve("sweep.json"), root);
        writeAggregate(dir, groups(rows));
    }

    /** Runs by group (configuration without the seed), in the order the groups first appear. */
    public static Map<String, List<Row>> groups(List<Row> rows) {
        Map<String, List<Row>> g = new LinkedHashMap<>();
        for (Row r : rows) g.computeIfAbsent(r.spec().group(), k -> new ArrayList<>()).add(r);
        return g;
    }

    private static void writeAggregate(SweepDirectory dir, Map<String, List<Row>> groups) {
        List<String> head = new ArrayList<>(List.of("group", "runs", "runs_done", "seeds"));
        for (String m : Summary.METRICS) {
            head.add("final_" + m + "_mean");
            head.add("final_" + m + "_sd");
        }
        for (String m : Summary.METRICS) {
            head.add("best_" + m + "_mean");
            head.add("best_" + m + "_sd");
        }
        head.add("wall_time_s_mean");
        StringBuilder csv = new StringBuilder(String.join(",", head)).append('\n');
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : groups.entrySet()) {
            List<Row> done = e.getValue().stream().filter(r -> r.state().done() && r.summary() != null).toList();
            List<String> seeds = new ArrayList<>();
            for (Row r : e.getValue()) {
                for (String rep : r.spec().kind().replicateOptions()) {
                    Object v = r.spec().run().settings().get(rep);
                    if (v != null) seeds.add(String.valueOf(v));
                }
            }
            List<String> c = new ArrayList<>(List.of(csv(e.getKey()), Integer.toString(e.getValue().size()), Integer.toString(done.size()),
                    csv(String.join(" ", seeds))));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("group", e.getKey());
            j.put("runs", e.getValue().size());
            j.put("runs_done", done.size());
            j.put("seeds", seeds);
            Map<String, Object> fin = new LinkedHashMap<>();
            Map<String, Object> best = new LinkedHashMap<>();
            for (String m : Summary.METRICS) {
                double[] ms = meanSd(done.stream().mapToDouble(r -> r.summary().finals().get(m)).toArray());
                c.add(num(ms[0]));
                c.add(num(ms[1]));
                fin.put(m, meanSdJson(ms));
            }
            for (String m : Summary.METRICS) {
                double[] ms = meanSd(done.stream().mapToDouble(r -> r.summary().bests().get(m)).toArray());
                c.add(num(ms[0]));
                c.add(num(ms[1]));
                best.put(m, meanSdJson(ms));
            }
            double wall = meanSd(done.stream().mapToDouble(r -> r.state().wallTimeS()).toArray())[0];
            c.add(num(wall));
            j.put("final", fin);
            j.put("best", best);
            j.put("wall_time_s_mean", jsonNum(wall));
            csv.append(String.join(",", c)).append('\n');
            json.add(j);
        }
        AtomicFiles.writeString(dir.path().resolve("aggregate.csv"), csv.toString());
        dir.writeJson(dir.path().resolve("aggregate.json"), Map.of("groups", json));
    }

    /** Mean and sample standard deviation (n - 1); NaN where undefined (no values; one value for the sd). */
    static double[] meanSd(double[] v) {
        int n = 0;
        double sum = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
            }
        }
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double mean = sum / n;
        if (n == 1) return new double[] {mean, Double.NaN};
        double ss = 0;
        for (double x : v) if (!Double.isNaN(x)) ss += (x - mean) * (x - mean);
        return new double[] {mean, Math.sqrt(ss / (n - 1))};
    }

    private static Map<String, Object> meanSdJson(double[] ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", jsonNum(ms[0]));
        m.put("sd", jsonNum(ms[1]));
        return m;
    }

    private static Object jsonNum(double d) {
        return Double.isNaN(d) ? null : d;
    }

    private static String num(Double d) {
        return d == null || Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6g", d);
    }

    private static String value(Object v) {
        if (v == null) return "";
        return RunSpec.text(v);
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String csv(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
