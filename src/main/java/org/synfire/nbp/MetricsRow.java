package org.synfire.nbp;

import java.util.Map;

/**
 * Metrics after one half of an epoch ({@code half} 1 = mid-epoch checkpoint, 2 = end of epoch), kept
 * as integer counts so a resumed run reproduces them exactly. Rates are derived.
 *
 * @param epoch 1-based epoch
 * @param half 1 or 2
 * @param position samples trained so far in this epoch (n/2 or n)
 * @param epochSize n, samples per epoch
 * @param samplesTrained samples trained since the start of the run
 * @param onlineExact samples of this epoch, up to position, whose training forward pass was exactly right
 * @param onlineWrongBits sum over those samples of the wrong output bits, sum((o - t)^2)
 * @param numpyAccAt the sample index m at which numpy_simulation.py last printed "acc" (largest multiple of
 *     5000 with m &lt;= position and m &lt; n), or 0 if it prints nothing
 * @param numpyAccCorrect exact samples among m-4999..m-1 (numpy's acc = this / 5000)
 * @param numpyLossWrongBits wrong bits among samples m-5000..m-2 (numpy's loss = this / (nOut * 4999))
 * @param test off-chip evaluation of the test set
 * @param train off-chip evaluation of the whole training set, or null when switched off
 * @param extraName name of the extra test evaluator (e.g. on-chip inference), or null
 * @param extra its result, or null
 * @param activity spikes per population during this half epoch (from the learner), possibly empty
 * @param estimates hardware cost estimates per sample during this half epoch (from the learner), possibly empty
 * @param copyDrift per on-chip instance, entries that differ from a rebuild from W1/W2 at the end of this half
 *     epoch (saturation drift, see {@link NbpLearner#copyDrift}), possibly empty
 */
public record MetricsRow(
        int epoch,
        int half,
        int position,
        int epochSize,
        long samplesTrained,
        int onlineExact,
        long onlineWrongBits,
        int numpyAccAt,
        int numpyAccCorrect,
        long numpyLossWrongBits,
        EvalCounts test,
        EvalCounts train,
        String extraName,
        EvalCounts extra,
        Map<String, Long> activity,
        int activitySamples,
        Map<String, Double> estimates,
        Map<String, Long> copyDrift) {

    public MetricsRow {
        copyDrift = copyDrift == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(copyDrift));
        activity = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(activity));
        estimates = estimates == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(estimates));
    }

    /** Fractional epoch at this row: 0.5, 1.0, 1.5, ... */
    public double epochProgress() {
        return epoch - 1 + (double) position / epochSize;
    }

    public double onlineExactRate() {
        return (double) onlineExact / position;
    }

    public double onlineMse() {
        return (double) onlineWrongBits / ((double) position * test.outputs());
    }

    /** numpy_simulation.py's printed "acc" at sample {@link #numpyAccAt}, or NaN. */
    public double numpyAcc() {
        return numpyAccAt == 0 ? Double.NaN : numpyAccCorrect / 5000.0;
    }

    /** numpy_simulation.py's printed "loss" at sample {@link #numpyAccAt}, or NaN. */
    public double numpyLoss() {
        return numpyAccAt == 0 ? Double.NaN : numpyLossWrongBits / (test.outputs() * 4999.0);
    }

    public double spikesPerSample(String population) {
        Long n = activity.get(population);
        return n == null || activitySamples == 0 ? Double.NaN : (double) n / activitySamples;
    }
}
