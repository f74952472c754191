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

    /** Adds this step's presynaptic spikes to the target's accumulator slot for t+1+delay; returns synaptic ops. */
    long deliver(long t) {
        final int nf = src.firedCount;
        final int[] fired = src.fired, acc = dst.acc;
        final short[] w = this.w;
        final int n = dst.size, base = dst.slotBase(t + 1 + delay), e = weightExponent;
        final int up = LoihiMath.SCALE_SHIFT + Math.max(e, 0), down = Math.max(-e, 0);
        long ops = 0;
        if (nf > 0) dst.markInput(t + 1 + delay);
        switch (kind) {
            case DENSE -> {
                int f = 0;
                if (down == 0) {
                    // four rows per pass: one accumulator read-modify-write instead of four; the sum is exact
                    // because a left shift distributes over addition modulo 2^32
                    for (; f + 4 <= nf; f += 4) {
                        int r0 = fired[f] * n, r1 = fired[f + 1] * n, r2 = fired[f + 2] * n, r3 = fired[f + 3] * n;
                        for (int j = 0; j < n; j++) acc[base + j] += (w[r0 + j] + w[r1 + j] + w[r2 + j] + w[r3 + j]) << up;
                    }
                    for (; f < nf; f++) {
                        int row = fired[f] * n;
                        for (int j = 0; j < n; j++) acc[base + j] += w[row + j] << up;
                    }
                } else {
                    for (; f < nf; f++) {
                        int row = fired[f] * n;
                        for (int j = 0; j < n; j++) acc[base + j] += (w[row + j] >> down) << up;
                    }
                }
                ops = (long) nf * n;
            }
            case CONST -> {
                int eff = (w[0] >> down) << up;
                if (nf > 0) {
                    int total = eff * nf;
                    for (int j = 0; j < n; j++) acc[base + j] += total;
                }
                ops = (long) nf * n;
            }
            case ONE_TO_ONE -> {
                for (int f = 0; f < nf; f++) {
                    int i = fired[f];
                    acc[base + i] += (w[i] >> down) << up;
                }
                ops = nf;
            }
            case CSR -> {
                for (int f = 0; f < nf; f++) {
                    int i = fired[f];
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        acc[base + col[k]] += (w[k] >> down) << up;
                    }
                    ops += rowStart[i + 1] - rowStart[i];
                }
            }
        }
        return ops;
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
