package org.synfire.chip.probe;

import java.util.Arrays;

/** Spikes of one population over a window, stored sparsely as (step, index) pairs in step order. */
public final class SpikeProbe implements Probe {
    private final String population;
    private final int size;
    private final long from, to;
    private long[] steps = new long[256];
    private int[] indices = new int[256];
    private int count;

    public SpikeProbe(String population, int size, long from, long to) {
        this.population = population;
        this.size = size;
        this.from = from;
        this.to = to;
    }

    /** Called by the chip with the indices that spiked at step t. */
    public void record(long t, int[] fired, int n) {
        if (count + n > steps.length) {
            int cap = Math.max(steps.length * 2, count + n);
            steps = Arrays.copyOf(steps, cap);
            indices = Arrays.copyOf(indices, cap);
        }
        for (int k = 0; k < n; k++) {
            steps[count] = t;
            indices[count++] = fired[k];
        }
    }

    public String population() { return population; }
    public int populationSize() { return size; }
    public int count() { return count; }
    public long step(int k) { return steps[k]; }
    public int index(int k) { return indices[k]; }
    @Override public long fromStep() { return from; }
    @Override public long toStep() { return to; }

    /** Spike counts per index over the window. */
    public int[] countsPerIndex() {
        int[] c = new int[size];
        for (int k = 0; k < count; k++) c[indices[k]]++;
        return c;
    }
}
