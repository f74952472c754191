package org.synfire.sweep;

import java.util.List;
import java.util.Map;

/**
 * A run's result as the sweep tables show it.
 *
 * @param finals metric name to its value in the last row
 * @param bests metric name to its best value over the rows (largest accuracy, smallest mse)
 * @param bestAt metric name to the epoch (fractional: 0.5 = mid-epoch) of its best value
 * @param x the curves' x values (epochs)
 * @param curves metric name to its value at each x
 * @param samplesTrained samples trained in all
 */
public record Summary(Map<String, Double> finals, Map<String, Double> bests, Map<String, Double> bestAt, double[] x,
        Map<String, double[]> curves, long samplesTrained) {

    /** The metrics in the order the tables list them; lower is better for those ending in _mse. */
    public static final List<String> METRICS = List.of("test_argmax_spikes", "test_argmax_potential", "test_exact", "test_mse", "online_exact");

    static boolean lowerIsBetter(String metric) {
        return metric.endsWith("_mse");
    }
}
