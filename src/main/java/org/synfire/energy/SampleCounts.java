package org.synfire.energy;

import java.util.ArrayList;
import java.util.List;
import org.synfire.chip.OpCounters;

/**
 * Operation counts of a run of {@code samples} samples, as consecutive windows of chip counter
 * differences ({@link OpCounters.Snapshot#minus}). Energy is additive, so the window length does not
 * change it; latency takes the busiest core per window, so one window per step gives the most faithful
 * latency, and one window for the whole run assumes the load of every step is the run's average.
 *
 * @param label e.g. "train" or "infer"
 * @param windows counts of consecutive windows, indexed by the chip's source and connection handles
 */
public record SampleCounts(String label, long samples, List<OpCounters.Snapshot> windows) {

    public SampleCounts {
        windows = List.copyOf(windows);
        if (samples < 1) throw new IllegalArgumentException(label + ": samples must be at least 1, got " + samples);
        if (windows.isEmpty()) throw new IllegalArgumentException(label + ": no count windows");
        OpCounters.Snapshot first = windows.getFirst();
        for (OpCounters.Snapshot w : windows) {
            if (w.steps() < 1) throw new IllegalArgumentException(label + ": a count window covers " + w.steps() + " steps");
            if (w.spikes().length != first.spikes().length || w.learning()[0].length != first.learning()[0].length) {
                throw new IllegalArgumentException(label + ": count windows come from different networks");
            }
        }
    }

    /** Windows from cumulative snapshots s0, s1, …, sn: s1 − s0, …, sn − s(n−1). */
    public static SampleCounts fromCumulative(String label, long samples, List<OpCounters.Snapshot> cumulative) {
        if (cumulative.size() < 2) throw new IllegalArgumentException(label + ": need a start snapshot and at least one more");
        List<OpCounters.Snapshot> w = new ArrayList<>();
        for (int i = 1; i < cumulative.size(); i++) w.add(cumulative.get(i).minus(cumulative.get(i - 1)));
        return new SampleCounts(label, samples, w);
    }

    public long steps() {
        return windows.stream().mapToLong(OpCounters.Snapshot::steps).sum();
    }

    public double stepsPerSample() {
        return (double) steps() / samples;
    }
}
