package org.synfire.continual;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The continual-learning metrics of an accuracy matrix (docs/continual.md#metrics). With T tasks,
 * {@code r[i][j]} is the accuracy on task j after training task i (0-based) and {@code b[j]} the accuracy
 * of the initial, untrained network on task j:
 *
 * <ul>
 *   <li>average accuracy (Lopez-Paz and Ranzato 2017, ACC): A = (1/T) Σ_j r[T−1][j];
 *   <li>backward transfer (ibid., BWT): (1/(T−1)) Σ_{j&lt;T−1} (r[T−1][j] − r[j][j]);
 *   <li>forward transfer (ibid., FWT): (1/(T−1)) Σ_{j≥1} (r[j−1][j] − b[j]);
 *   <li>forgetting of task j &lt; T−1 (Chaudhry et al. 2018): f_j = max_{l&lt;T−1} r[l][j] − r[T−1][j], and its mean.
 * </ul>
 *
 * With one task (or one row, as joint training has) the transfers and forgetting are undefined (NaN).
 *
 * @param averageAfter average accuracy over the tasks seen so far after each task: (1/(i+1)) Σ_{j≤i} r[i][j]
 */
public record ContinualMetrics(double averageAccuracy, double backwardTransfer, double forwardTransfer, double[] forgetting,
                               double averageForgetting, double[] averageAfter) {

    public ContinualMetrics {
        forgetting = forgetting.clone();
        averageAfter = averageAfter.clone();
    }

    /** Metrics of a square matrix r (T × T) and baseline b (T). */
    public static ContinualMetrics of(double[][] r, double[] b) {
        int t = b.length;
        if (r.length != t) throw new IllegalArgumentException("need " + t + " rows (one per task), got " + r.length);
        for (double[] row : r) if (row.length != t) throw new IllegalArgumentException("rows must have " + t + " entries");
        double[] last = r[t - 1];
        double acc = mean(last, 0, t);
        double bwt = Double.NaN, fwt = Double.NaN, meanForgetting = Double.NaN;
        double[] f = new double[Math.max(0, t - 1)];
        if (t > 1) {
            double s = 0, g = 0, fs = 0;
            for (int j = 0; j < t - 1; j++) {
                s += last[j] - r[j][j];
                double best = r[0][j];
                for (int l = 1; l < t - 1; l++) best = Math.max(best, r[l][j]);
                f[j] = best - last[j];
                fs += f[j];
            }
            for (int j = 1; j < t; j++) g += r[j - 1][j] - b[j];
            bwt = s / (t - 1);
            fwt = g / (t - 1);
            meanForgetting = fs / (t - 1);
        }
        double[] after = new double[t];
        for (int i = 0; i < t; i++) after[i] = mean(r[i], 0, i + 1);
        return new ContinualMetrics(acc, bwt, fwt, f, meanForgetting, after);
    }

    /** Joint training: one row after training on every task at once; only the average accuracy is defined. */
    public static ContinualMetrics ofFinalRow(double[] last) {
        double[] f = new double[Math.max(0, last.length - 1)];
        Arrays.fill(f, Double.NaN);
        double[] after = new double[last.length];
        Arrays.fill(after, Double.NaN);
        after[last.length - 1] = mean(last, 0, last.length);
        return new ContinualMetrics(mean(last, 0, last.length), Double.NaN, Double.NaN, f, Double.NaN, after);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return s / (to - from);
    }

    @Override
    public double[] forgetting() {
        return forgetting.clone();
    }

    @Override
    public double[] averageAfter() {
        return averageAfter.clone();
    }

    /** snake_case map for JSON; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("average_accuracy", json(averageAccuracy));
        m.put("backward_transfer", json(backwardTransfer));
        m.put("forward_transfer", json(forwardTransfer));
        m.put("forgetting", Arrays.stream(forgetting).mapToObj(ContinualMetrics::json).toList());
        m.put("average_forgetting", json(averageForgetting));
        m.put("average_accuracy_after_each_task", Arrays.stream(averageAfter).mapToObj(ContinualMetrics::json).toList());
        return m;
    }

    static Double json(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
