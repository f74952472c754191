package org.synfire.chip;

import org.synfire.chip.learning.SignMode;

/** A connection group at run time: stored weights in the layout that makes delivery a contiguous add. */
final class Synapses {
    enum Kind { DENSE, ONE_TO_ONE, CONST, CSR }

    final int handle;
    final String name;
    final SpikeSource src;
    final CompartmentGroup dst;
    final Kind kind;
    final SignMode signMode;
    final int numWeightBits, droppedBits, weightExponent, delay;
    /**
     * Stored weights (weight units, −256..255, so 16 bits halve the memory traffic of delivery): DENSE
     * pre-major [pre*post]; ONE_TO_ONE [i]; CSR [k]; CONST [0].
     */
    final short[] w;
    /** CSR: synapses of pre i are k in [rowStart[i], rowStart[i+1]), going to post col[k]. */
    final int[] rowStart, col;
    /** Learning state, or null for a static connection. */
    Plasticity plasticity;
    /** Bounds on one synapse's contribution ⌊w·2^exp⌋ (units of 64), over the weights it holds or, if plastic, may hold. */
    private int contributionMin, contributionMax;
    /** Sparse only: the most synapses any one post compartment has. */
    private final int maxInDegree;

    Synapses(int handle, String name, SpikeSource src, CompartmentGroup dst, Kind kind, SignMode signMode, int numWeightBits,
             int weightExponent, int delay, short[] w, int[] rowStart, int[] col) {
        this.handle = handle;
        this.name = name;
        this.src = src;
        this.dst = dst;
        this.kind = kind;
        this.signMode = signMode;
        this.numWeightBits = numWeightBits;
        this.droppedBits = WeightEncoding.droppedBits(signMode, numWeightBits);
        this.weightExponent = weightExponent;
        this.delay = delay;
        this.w = w;
        this.rowStart = rowStart;
        this.col = col;
        int in = 0;
        if (kind == Kind.CSR) {
            int[] deg = new int[dst.size];
            for (int c : col) in = Math.max(in, ++deg[c]);
        }
        this.maxInDegree = in;
        updateBounds();
    }

    private int contribution(int w) {
        return (w >> Math.max(-weightExponent, 0)) << Math.max(weightExponent, 0);
    }

    /** Recomputes the contribution bounds: from the stored weights, or from the sign mode's range once plastic. */
    void updateBounds() {
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        if (plasticity != null) {
            lo = contribution(WeightEncoding.min(signMode));
            hi = contribution(WeightEncoding.max(signMode));
        } else {
            for (short v : w) {
                int c = contribution(v);
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
            if (w.length == 0) lo = hi = 0;
        }
        contributionMin = lo;
        contributionMax = hi;
    }

    /** The least this step's spikes add to any one target compartment (units of 64; see {@link CompartmentGroup#slotLo}). */
    long lowerBound() {
        long nf = src.firedCount;
        return switch (kind) {
            case DENSE, CONST -> nf * contributionMin;
            case ONE_TO_ONE -> Math.min(0, contributionMin);
            case CSR -> (long) Math.min(0, contributionMin) * maxInDegree;
        };
    }

    /** The most this step's spikes add to any one target compartment. */
    long upperBound() {
        long nf = src.firedCount;
        return switch (kind) {
            case DENSE, CONST -> nf * contributionMax;
            case ONE_TO_ONE -> Math.max(0, contributionMax);
            case CSR -> (long) Math.max(0, contributionMax) * maxInDegree;
        };
    }

    long synapseCount() {
        return switch (kind) {
            case DENSE, CONST -> (long) src.size * dst.size;
            case ONE_TO_ONE -> src.size;
            case CSR -> col.length;
        };
    }

    int fanout(int pre) {
        return switch (kind) {
            case DENSE, CONST -> dst.size;
            case ONE_TO_ONE -> 1;
            case CSR -> rowStart[pre + 1] - rowStart[pre];
        };
    }

    /**
     * Adds this step's presynaptic spikes to the target's accumulator slot for t+1+delay; returns synaptic ops.
     * Accumulators count units of 2^6 (see {@link CompartmentGroup#acc}): a synapse adds ⌊w·2^exp⌋ there.
     */
    long deliver(long t) {
        if (src.firedCount == 0) return 0;
        dst.markInput(t + 1 + delay, lowerBound(), upperBound());
        add(t, 0, dst.size);
        return ops();
    }

    /** Synaptic ops of this step's spikes (what {@link #deliver} returns). */
    long ops() {
        final int nf = src.firedCount;
        return switch (kind) {
            case DENSE, CONST -> (long) nf * dst.size;
            case ONE_TO_ONE -> nf;
            case CSR -> {
                long ops = 0;
                for (int f = 0; f < nf; f++) ops += rowStart[src.fired[f] + 1] - rowStart[src.fired[f]];
                yield ops;
            }
        };
    }

    /**
     * The additions of this step's spikes into target compartments [from, to) (all of them for sparse
     * connections, whose rows are not sorted by target); the caller marks the slot. Disjoint ranges touch disjoint
     * accumulators, so threads may add ranges of one target at once.
     */
    void add(long t, int from, int to) {
        final int nf = src.firedCount;
        final int[] fired = src.fired;
        final char[] acc = dst.acc;
        final short[] w = this.w;
        final int n = dst.size, base = dst.slotBase(t + 1 + delay), e = weightExponent;
        final int up = Math.max(e, 0), down = Math.max(-e, 0);
        switch (kind) {
            case DENSE -> {
                if (down == 0) addRows(acc, base, w, fired, nf, n, up, from, to);
                else for (int f = 0; f < nf; f++) addRowFloor(acc, base, w, fired[f] * n, from, to, down);
            }
            case CONST -> {
                char total = (char) (((w[0] >> down) << up) * nf);
                for (int j = from; j < to; j++) acc[base + j] += total;
            }
            case ONE_TO_ONE -> {
                for (int f = 0; f < nf; f++) {
                    int i = fired[f];
                    if (i >= from && i < to) acc[base + i] += (char) ((w[i] >> down) << up);
                }
            }
            case CSR -> {
                if (from != 0 || to != n) throw new IllegalStateException(name + ": a sparse connection is added whole");
                for (int f = 0; f < nf; f++) {
                    int i = fired[f];
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) acc[base + col[k]] += (char) ((w[k] >> down) << up);
                }
            }
        }
    }

    /**
     * acc[base + j] += Σ w[rows[f]·n + j] << shift over f < count and j in [from, to), modulo 2^16. Four rows per
     * pass: one accumulator read-modify-write instead of four; exact, as addition and left shifts commute with
     * the 16-bit wrap.
     */
    static void addRows(char[] acc, int base, short[] w, int[] rows, int count, int n, int shift, int from, int to) {
        int f = 0;
        for (; f + 4 <= count; f += 4) {
            int r0 = rows[f] * n, r1 = rows[f + 1] * n, r2 = rows[f + 2] * n, r3 = rows[f + 3] * n;
            for (int j = from; j < to; j++) acc[base + j] = (char) (acc[base + j] + ((w[r0 + j] + w[r1 + j] + w[r2 + j] + w[r3 + j]) << shift));
        }
        for (; f < count; f++) {
            int r = rows[f] * n;
            for (int j = from; j < to; j++) acc[base + j] = (char) (acc[base + j] + (w[r + j] << shift));
        }
    }

    /** acc[base + j] += ⌊w[row + j]·2^−down⌋ for j in [from, to) (negative exponents: an arithmetic shift per synapse, before the sum). */
    private static void addRowFloor(char[] acc, int base, short[] w, int row, int from, int to, int down) {
        for (int j = from; j < to; j++) acc[base + j] = (char) (acc[base + j] + (w[row + j] >> down));
    }

    /** Weights as (pre × post) for DENSE/CONST, per pair for ONE_TO_ONE, in synapse-list order for CSR. */
    int[] weightsCopy() {
        if (kind == Kind.CONST) {
            int[] out = new int[src.size * dst.size];
            java.util.Arrays.fill(out, w[0]);
            return out;
        }
        int[] out = new int[w.length];
        for (int k = 0; k < w.length; k++) out[k] = w[k];
        return out;
    }
}
