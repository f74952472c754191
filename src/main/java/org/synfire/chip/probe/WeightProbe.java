package org.synfire.chip.probe;

import java.util.ArrayList;
import java.util.List;

/** Snapshots of one connection's stored weights every {@code interval} steps of a window (after learning). */
public final class WeightProbe implements Probe {
    private final String connection;
    private final long interval, from, to;
    private final List<long[]> stepList = new ArrayList<>();
    private final List<int[]> snapshots = new ArrayList<>();

    public WeightProbe(String connection, long interval, long from, long to) {
        if (interval < 1) throw new IllegalArgumentException("weight probe interval must be >= 1");
        this.connection = connection;
        this.interval = interval;
        this.from = from;
        this.to = to;
    }

    public boolean due(long t) {
        return covers(t) && (t - from) % interval == 0;
    }

    public void record(long t, int[] weights) {
        stepList.add(new long[] {t});
        snapshots.add(weights);
    }

    public String connection() { return connection; }
    public int count() { return snapshots.size(); }
    public long step(int k) { return stepList.get(k)[0]; }
    public int[] weights(int k) { return snapshots.get(k).clone(); }
    @Override public long fromStep() { return from; }
    @Override public long toStep() { return to; }
}
