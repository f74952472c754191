package org.synfire.continual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synfire.io.Npy;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.LayeredWeights;
import org.synfire.io.AtomicFiles;

/**
 * The files of a continual run directory (each written to a temporary file and renamed):
 * <pre>
 * evaluations.csv                      every evaluation point: samples so far, each task's accuracy (spikes, potential)
 * accuracy-matrix.csv, .json           R[i][j] after each task i on each task j, both readouts, with the metrics
 * accuracy-matrix.png/.svg             heatmap of R from the output spikes; accuracy-matrix-potential.* from the potential
 * accuracy-curves.png/.svg             each task's accuracy over the run (spikes); accuracy-curves-potential.*
 * summary.json                         metrics, samples, replays, buffer, predicted energy per training sample
 * weights/W1.npy …                     the final weights
 * </pre>
 */
final class ContinualOutputs {
    private ContinualOutputs() {}

    static String pointLine(ContinualRun.Prepared p, EvalPoint pt) {
        StringBuilder b = new StringBuilder();
        if (pt.initial()) {
            b.append("untrained network                 ");
        } else {
            ContinualRun.Stage st = p.stages().get(pt.stage());
            b.append(String.format(Locale.ROOT, "%-4s %-12s %7d/%-7d %s", (pt.stage() + 1) + "/" + p.stages().size(), abbreviate(st.name()), pt.stageSamples(),
                    (long) st.epochs() * st.size(), pt.endOfStage() ? "end" : "   "));
        }
        b.append(" | spikes");
        for (EvalCounts c : pt.tasks()) b.append(String.format(Locale.ROOT, " %.3f", c.argmaxSpikesRate()));
        b.append(" | potential");
        for (EvalCounts c : pt.tasks()) b.append(String.format(Locale.ROOT, " %.3f", c.argmaxPotentialRate()));
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 11) + "~" : s;
    }

    /** After every point: the evaluations and the matrix so far (the plots, which take a while to draw, at the end). */
    static void writeProgress(Path dir, ContinualRun.Prepared p, List<EvalPoint> points) {
        writeEvaluations(dir, p, points);
        writeMatrix(dir, p, Results.of(p, points, points.getLast().samples(), points.getLast().chipSamples(), 0, 0));
    }

    /** Every output, from the state at the end (or the last checkpoint of a finished run). */
    static Results writeAll(Path dir, ContinualRun.Prepared p, ContinualRun.State s, boolean plots) {
        Results r = Results.of(p, s);
        writeEvaluations(dir, p, s.points());
        writeMatrix(dir, p, r);
        if (plots) writePlots(dir, p, s.points(), r);
        writeWeights(dir.resolve("weights"), s.weights());
        AtomicFiles.writeString(dir.resolve("summary.json"), ContinualRun.toJson(summary(p, r)));
        return r;
    }

    static void writeWeights(Path d, LayeredWeights w) {
        int[] sizes = w.sizes();
        for (int l = 0; l < w.layers(); l++) Npy.writeInt32(d.resolve("W" + (l + 1) + ".npy"), w.matrix(l), sizes[l], sizes[l + 1]);
    }

    private static void writeEvaluations(Path dir, ContinualRun.Prepared p, List<EvalPoint> points) {
        StringBuilder b = new StringBuilder("# ").append(p.settings().comment()).append('\n');
        b.append("point,stage,stage_name,stage_samples,samples,chip_samples,end_of_stage");
        for (TaskData t : p.tasks()) b.append(",spikes_").append(t.task().name());
        for (TaskData t : p.tasks()) b.append(",potential_").append(t.task().name());
        b.append('\n');
        for (EvalPoint pt : points) {
            b.append(pt.index()).append(',').append(pt.initial() ? "" : pt.stage() + 1).append(',').append(pt.initial() ? "initial" : p.stages().get(pt.stage()).name())
                    .append(',').append(pt.stageSamples()).append(',').append(pt.samples()).append(',').append(pt.chipSamples()).append(',').append(pt.endOfStage());
            for (EvalCounts c : pt.tasks()) b.append(',').append(fmt(c.argmaxSpikesRate()));
            for (EvalCounts c : pt.tasks()) b.append(',').append(fmt(c.argmaxPotentialRate()));
            b.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("evaluations.csv"), b.toString());
    }

    private static void writeMatrix(Path dir, ContinualRun.Prepared p, Results r) {
        StringBuilder b = new StringBuilder("# ").append(p.settings().comment()).append('\n');
        b.append("readout,after");
        for (String t : r.tasks()) b.append(',').append(t);
        b.append('\n');
        for (Results.Readout ro : List.of(r.spikes(), r.potential())) {
            b.append(ro.name()).append(",initial");
            for (double v : ro.baseline()) b.append(',').append(fmt(v));
            b.append('\n');
            for (int i = 0; i < ro.matrix().length; i++) {
                b.append(ro.name()).append(',').append(r.rows().get(i));
                for (double v : ro.matrix()[i]) b.append(',').append(fmt(v));
                b.append('\n');
            }
        }
        AtomicFiles.writeString(dir.resolve("accuracy-matrix.csv"), b.toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", p.settings().toMap());
        m.put("tasks", r.tasks());
        List<Integer> evalSizes = new ArrayList<>();
        for (TaskData t : p.tasks()) evalSizes.add(t.eval().size());
        m.put("eval_samples", evalSizes);
        m.put("after_task", r.rows());
        m.put("complete", r.complete());
        Map<String, Object> ro = new LinkedHashMap<>();
        ro.put("spikes", r.readoutMap(r.spikes()));
        ro.put("potential", r.readoutMap(r.potential()));
        m.put("readouts", ro);
        AtomicFiles.writeString(dir.resolve("accuracy-matrix.json"), ContinualRun.toJson(m));
    }

    private static void writePlots(Path dir, ContinualRun.Prepared p, List<EvalPoint> points, Results r) {
        String method = switch (p.method()) {
            case Method.Rehearsal h -> "rehearsal, buffer " + h.buffer() + ", replay " + h.replay() + (h.activeClasses() ? ", active classes" : "");
            case Method.FineTune f -> f.activeClasses() ? "finetune, active classes" : "finetune";
            default -> p.method().cliName();
        };
        String title = p.sequence().name() + ", " + method + ", " + p.settings().backend() + ", seed " + p.settings().seed();
        for (Results.Readout ro : List.of(r.spikes(), r.potential())) {
            String suffix = ro.name().equals("spikes") ? "" : "-potential";
            ContinualPlots.heatmap(dir, "accuracy-matrix" + suffix, "Accuracy R[i][j] from the output " + (ro.name().equals("spikes") ? "spikes" : "potential")
                    + "  (" + title + ")", r.rows(), r.tasks(), ro.matrix());
            double[] x = new double[points.size()];
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String t : r.tasks()) series.put(t, new double[points.size()]);
            for (int i = 0; i < points.size(); i++) {
                x[i] = points.get(i).samples();
                double[] a = Results.accuracies(points.get(i), ro.name().equals("spikes"));
                for (int j = 0; j < a.length; j++) series.get(r.tasks().get(j))[i] = a[j];
            }
            List<Double> boundaries = new ArrayList<>();
            for (EvalPoint pt : points) if (pt.endOfStage()) boundaries.add((double) pt.samples());
            ContinualPlots.curves(dir, "accuracy-curves" + suffix, "Accuracy on each task from the output " + ro.name() + "  (" + title + ")", x, series, boundaries);
        }
    }

    static Map<String, Object> summary(ContinualRun.Prepared p, Results r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", p.settings().toMap());
        m.put("sequence", p.sequence().name());
        m.put("scenario", p.sequence().scenario().fileName());
        m.put("tasks", r.tasks());
        m.put("training_samples", r.samples());
        m.put("chip_samples", r.chipSamples());
        m.put("chip_samples_per_training_sample", (double) r.chipSamples() / Math.max(1, r.samples()));
        if (p.method() instanceof Method.Rehearsal reh) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("capacity", reh.buffer());
            b.put("fraction_of_training_samples", (double) reh.buffer() / p.trainingSamples());
            b.put("replay_per_sample", reh.replay());
            m.put("buffer", b);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("model", "synfire energy defaults: SANA-FE operation costs, every plastic synapse at every learning epoch, authors' placement;"
                + " dynamic energy, no static power");
        e.put("dynamic_energy_uj_per_chip_sample", ContinualMetrics.json(r.energyPerChipSample()));
        e.put("dynamic_energy_uj_per_training_sample", ContinualMetrics.json(r.energyPerTrainingSample()));
        e.put("note", p.settings().backend().equals("chip") ? "from the emulated chip's operation counts"
                : "the functional backend counts no chip operations: see a chip run of the same method");
        m.put("energy", e);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("spikes", r.spikes().metrics() == null ? null : r.spikes().metrics().toMap());
        metrics.put("potential", r.potential().metrics() == null ? null : r.potential().metrics().toMap());
        m.put("metrics", metrics);
        return m;
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }
}
