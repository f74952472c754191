package org.synfire.chip.probe;

import java.util.Arrays;

/** u or v of chosen compartments, every step of a window; v reads 0 at a spike step (docs/chip.md#one-time-step). */
public final class StateProbe implements Probe {
    public enum Variable { U, V }

    private final String population;
    private final Variable variable;
    private final int[] compartments;
    private final long from, to;
    private long[] steps = new long[64];
    private int[] values = new int[0];
    private int rows;

    public StateProbe(String population, Variable variable, int[] compartments, long from, long to) {
        this.population = population;
        this.variable = variable;
        this.compartments = compartments.clone();
        this.from = from;
        this.to = to;
        this.values = new int[64 * compartments.length];
    }

    public void record(long t, int[] state) {
        if (rows == steps.length) {
            steps = Arrays.copyOf(steps, rows * 2);
            values = Arrays.copyOf(values, rows * 2 * compartments.length);
        }
        steps[rows] = t;
        int base = rows * compartments.length;
        for (int k = 0; k < compartments.length; k++) values[base + k] = state[compartments[k]];
        rows++;
    }

    public String population() { return population; }
    public Variable variable() { return variable; }
    public int[] compartments() { return compartments.clone(); }
    public int rows() { return rows; }
    public long step(int row) { return steps[row]; }
    public int value(int row, int k) { return values[row * compartments.length + k]; }
    /** Row-major (rows × compartments) copy. */
    public int[] values() { return Arrays.copyOf(values, rows * compartments.length); }
    @Override public long fromStep() { return from; }
    @Override public long toStep() { return to; }
}
