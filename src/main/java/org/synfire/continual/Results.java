package org.synfire.continual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.nbp.EvalCounts;

/**
 * A run's accuracy matrices (from the output spikes and from the output potential), their metrics, and what the
 * training cost. Rows are the points at the end of each stage; the baseline is the untrained network.
 *
 * @param tasks task names in training order (the matrix's columns)
 * @param rows the stages finished so far (their names)
 * @param energyMicrojoules predicted dynamic energy of every sample streamed through the chip (0 for the functional backend)
 */
public record Results(List<String> tasks, List<String> rows, Readout spikes, Readout potential, long samples, long chipSamples,
                      double energyMicrojoules, long energySamples, boolean complete) {

    /** One readout's matrix r[i][j] (after stage i, task j), baseline b[j], and metrics (null until complete). */
    public record Readout(String name, double[] baseline, double[][] matrix, ContinualMetrics metrics) {}

    static Results of(ContinualRun.Prepared p, ContinualRun.State s) {
        return of(p, s.points(), s.samples(), s.chipSamples(), s.energyMicrojoules(), s.energySamples());
    }

    static Results of(ContinualRun.Prepared p, List<EvalPoint> points, long samples, long chipSamples, double energy, long energySamples) {
        List<String> tasks = new ArrayList<>();
        for (TaskData t : p.tasks()) tasks.add(t.task().name());
        List<EvalPoint> ends = points.stream().filter(EvalPoint::endOfStage).toList();
        List<String> rows = new ArrayList<>();
        for (EvalPoint e : ends) rows.add(p.stages().get(e.stage()).name());
        boolean complete = ends.size() == p.stages().size();
        boolean joint = p.method() instanceof Method.Joint;
        return new Results(tasks, rows, readout("spikes", points, ends, complete, joint, true), readout("potential", points, ends, complete, joint, false),
                samples, chipSamples, energy, energySamples, complete);
    }

    private static Readout readout(String name, List<EvalPoint> points, List<EvalPoint> ends, boolean complete, boolean joint, boolean spikes) {
        double[] b = accuracies(points.getFirst(), spikes);
        double[][] r = new double[ends.size()][];
        for (int i = 0; i < r.length; i++) r[i] = accuracies(ends.get(i), spikes);
        ContinualMetrics m = !complete ? null : joint ? ContinualMetrics.ofFinalRow(r[r.length - 1]) : ContinualMetrics.of(r, b);
        return new Readout(name, b, r, m);
    }

    static double[] accuracies(EvalPoint p, boolean spikes) {
        double[] a = new double[p.tasks().size()];
        for (int j = 0; j < a.length; j++) {
            EvalCounts c = p.tasks().get(j);
            a[j] = spikes ? c.argmaxSpikesRate() : c.argmaxPotentialRate();
        }
        return a;
    }

    /** Energy per sample streamed through the chip, and per new training sample (NaN without chip counts). */
    public double energyPerChipSample() {
        return energySamples == 0 || energyMicrojoules == 0 ? Double.NaN : energyMicrojoules / energySamples;
    }

    public double energyPerTrainingSample() {
        return samples == 0 || energyMicrojoules == 0 ? Double.NaN : energyMicrojoules / samples;
    }

    Map<String, Object> readoutMap(Readout r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial", list(r.baseline()));
        List<Object> rowsOut = new ArrayList<>();
        for (double[] row : r.matrix()) rowsOut.add(list(row));
        m.put("after_task", rowsOut);
        m.put("metrics", r.metrics() == null ? null : r.metrics().toMap());
        return m;
    }

    private static List<Double> list(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) l.add(ContinualMetrics.json(d));
        return l;
    }
}
