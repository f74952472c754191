package org.synfire.chip;

import java.util.Arrays;

/**
 * A population of compartments sharing one prototype; state lives in flat arrays.
 *
 * <p>Full-decay groups (decayU = decayV = 4096, all of Renner's neurons) keep their state implicit: with full
 * decay u is this step's input q and v is clamp(wrap24(q + bias)), or 0 while refractory or in the step of a spike,
 * so the group stores only the consumed accumulator slot and each compartment's last spike, and an update only
 * looks for compartments whose input exceeds the threshold. {@link #u(int)}, {@link #v(int)} and
 * {@link #materialize()} derive u and v from them. The general loop computes the same integers (tested).
 */
final class CompartmentGroup extends SpikeSource {
    final CompartmentPrototype proto;
    final int decayU, decayV, bias, threshold, vMin, vMax, refractoryDelay;
    final int[] u, v, refCount;
    /**
     * Dendritic accumulator ring: slot s of compartment j is {@code acc[s * size + j]}, in units of 2^6 and wrapped
     * to 16 bits. Every synaptic contribution is a multiple of 2^6 (⌊w·2^exp⌋·64), so the chip's 21-bit-plus-sign
     * input wrap of the sum, taken modulo 2^22, is exactly the 16-bit wrap of the sum over 64: q = (short) acc·64.
     * char, not short: C2 vectorizes the delivery loops only when it can tell the accumulators from the short[]
     * weights (arrays of different types never alias).
     */
    final char[] acc;
    final int slotMask;
    /** Whether anything was delivered into each accumulator slot since it was last consumed. */
    final boolean[] slotHasInput;
    /**
     * Per slot, bounds on what any one compartment's input summed to (before the 16-bit wrap), from the bounds of each
     * delivery (see {@link Synapses#lowerBound}): when the sum cannot wrap and cannot exceed {@link #spikeAbove}, an
     * update knows without looking that nothing fires (gates alone, inhibition, weak input).
     */
    final long[] slotLo, slotHi;
    /** Tests switch the implicit full-decay state off (for groups built afterwards) to compare it with the general loop. */
    static boolean implicitState = true;
    /** Full decay, one compartment per neuron: state implicit (class comment). */
    final boolean implicit;
    /** Implicit state: a compartment spikes (unless refractory) iff its accumulator, as a short, exceeds this. */
    final int spikeAbove;
    /** Implicit state: the slot consumed by the last update, still holding its input (−1: none since a reset, u = v = 0). */
    private int lastSlot = -1;
    /** Implicit state: the step of the last update, and the last reset (spikes up to it no longer make a compartment refractory). */
    private long updatedAt, resetAt = NEVER;
    /** Multi-compartment neurons: the value each compartment pushed this step (null unless stackOut is PUSH). */
    final int[] pushed;
    /** The group whose pushed values this group pops, compartment by compartment (set by the chip; null without POP_A). */
    CompartmentGroup popFrom;
    private final boolean multi, spikes;

    CompartmentGroup(int handle, String name, int size, CompartmentPrototype p) {
        super(handle, name, size);
        this.proto = p;
        this.decayU = p.decayU();
        this.decayV = p.decayV();
        this.bias = p.bias();
        this.threshold = p.threshold();
        this.vMin = LoihiMath.vMin(p.vMinExp());
        this.vMax = LoihiMath.vMax(p.vMaxExp());
        this.refractoryDelay = p.refractoryDelay();
        this.u = new int[size];
        this.v = new int[size];
        this.refCount = new int[size];
        this.acc = new char[p.numDendriticAccumulators() * size];
        this.slotMask = p.numDendriticAccumulators() - 1;
        this.slotHasInput = new boolean[p.numDendriticAccumulators()];
        this.slotLo = new long[p.numDendriticAccumulators()];
        this.slotHi = new long[p.numDendriticAccumulators()];
        this.multi = p.multiCompartment();
        this.spikes = p.thresholdMode() == CompartmentPrototype.ThresholdMode.SPIKE_AND_RESET;
        this.pushed = p.stackOut() == CompartmentPrototype.StackOut.PUSH ? new int[size] : null;
        this.implicit = implicitState && !multi && decayU == LoihiMath.DECAY_ONE && decayV == LoihiMath.DECAY_ONE;
        this.spikeAbove = spikeAbove(bias, threshold, vMin, vMax);
    }

    /** v of a full-decay compartment that is not refractory, for accumulator value a (as a short). */
    static int fullDecayV(int a, int bias, int vMin, int vMax) {
        return LoihiMath.clamp(LoihiMath.wrap24(LoihiMath.wrap24(a << LoihiMath.SCALE_SHIFT) + bias), vMin, vMax);
    }

    /**
     * The largest accumulator value a in [−2^15, 2^15) whose v stays at or below the threshold (−2^15 − 1 if none).
     * v is non-decreasing in a: a·64 + bias lies within ±(2^21 + 2^19), where neither wrap24 changes anything, and
     * clamp is monotone. So "v > threshold" is "a > this", found by bisection (every a is checked in a test).
     */
    static int spikeAbove(int bias, int threshold, int vMin, int vMax) {
        if (fullDecayV(Short.MIN_VALUE, bias, vMin, vMax) > threshold) return Short.MIN_VALUE - 1;
        int lo = Short.MIN_VALUE, hi = Short.MAX_VALUE + 1; // v(lo) <= threshold; v(hi) > threshold or hi out of range
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (fullDecayV(mid, bias, vMin, vMax) > threshold) hi = mid; else lo = mid;
        }
        return lo;
    }

    /** Sets every compartment's state (u, v, refractory counter, accumulators) to 0, as a reset between inputs does at {@code now}. */
    void resetState(long now) {
        Arrays.fill(u, 0);
        Arrays.fill(v, 0);
        Arrays.fill(refCount, 0);
        Arrays.fill(acc, (char) 0);
        Arrays.fill(slotHasInput, false);
        Arrays.fill(slotLo, 0);
        Arrays.fill(slotHi, 0);
        if (pushed != null) Arrays.fill(pushed, 0);
        lastSlot = -1;
        resetAt = now;
        firedCount = 0;
    }

    /** Current u of compartment j. */
    int u(int j) {
        if (!implicit) return u[j];
        return lastSlot < 0 ? 0 : LoihiMath.wrap24((short) acc[lastSlot * size + j] << LoihiMath.SCALE_SHIFT);
    }

    int v(int j) {
        if (!implicit) return v[j];
        if (lastSlot < 0 || refractory(j, updatedAt)) return 0;
        return fullDecayV((short) acc[lastSlot * size + j], bias, vMin, vMax);
    }

    /** Implicit state: whether compartment j was held at 0 in step t (it spiked in t, or fewer than R steps before). */
    private boolean refractory(int j, long t) {
        long s = lastSpike[j];
        return s > resetAt && t - s < refractoryDelay;
    }

    /** Writes u and v into the arrays (implicit state keeps them elsewhere), so they can be read directly. */
    void materialize() {
        if (!implicit) return;
        for (int j = 0; j < size; j++) {
            u[j] = u(j);
            v[j] = v(j);
        }
    }

    /** Records a delivery into the slot of {@code step} that adds between lo and hi to any one compartment (units of 64). */
    void markInput(long step, long lo, long hi) {
        int slot = (int) (step & slotMask);
        slotHasInput[slot] = true;
        slotLo[slot] += lo;
        slotHi[slot] += hi;
    }

    int slotBase(long step) {
        return (int) (step & slotMask) * size;
    }

    /**
     * One step (docs/chip.md#one-time-step) for every compartment; fills {@link #fired}. Returns the number of
     * "active" updates (q ≠ 0, v ≠ 0 before the update, or bias ≠ 0).
     */
    int update(long t) {
        if (multi) return updateCompartmentTree(t);
        if (implicit) return updateImplicit(t);
        final char[] acc = this.acc;
        final int[] u = this.u, v = this.v, ref = this.refCount, fired = this.fired;
        final long[] last = this.lastSpike;
        final int base = slotBase(t), n = size, bias = this.bias, th = this.threshold, lo = vMin, hi = vMax, rd = refractoryDelay;
        final int du = decayU, dv = decayV;
        clearSlot((int) (t & slotMask));
        int nf = 0, active = 0;
        for (int j = 0; j < n; j++) {
            int q = (short) acc[base + j] << LoihiMath.SCALE_SHIFT;
            acc[base + j] = 0;
            if (q != 0 || v[j] != 0 || bias != 0) active++;
            int uj = LoihiMath.wrap24(LoihiMath.decay(u[j], du) + q);
            u[j] = uj;
            int u2 = LoihiMath.wrap24(uj + bias);
            int vj = LoihiMath.clamp(LoihiMath.decay(v[j], dv) + u2, lo, hi);
            int r = ref[j];
            if (r > 0) {
                vj = 0;
                ref[j] = r - 1;
            } else if (vj > th) {
                vj = 0;
                fired[nf++] = j;
                last[j] = t;
                ref[j] = rd - 1;
            }
            v[j] = vj;
        }
        firedCount = nf;
        return active;
    }

    /**
     * The update of a full-decay group with implicit state. Consuming slot t leaves its input in place for u and
     * v (the slot of t−1 is cleared now: nothing is delivered into a slot in the step that consumes it, since
     * delays stop two short of the ring). A compartment spikes iff its input is above {@link #spikeAbove} and it is
     * not refractory, the conditions of the general loop with decay(x, 4096) = 0.
     */
    private int updateImplicit(long t) {
        final char[] acc = this.acc;
        final int n = size, slot = (int) (t & slotMask), base = slot * n;
        final boolean input = slotHasInput[slot];
        final long lo = slotLo[slot], hi = slotHi[slot];
        clearSlot(slot);
        int active = bias != 0 ? n : activeWithoutBias(input, base);
        if (lastSlot >= 0) Arrays.fill(acc, lastSlot * n, lastSlot * n + n, (char) 0);
        lastSlot = slot;
        updatedAt = t;
        final int above = spikeAbove;
        if (hi <= above && lo >= Short.MIN_VALUE && hi <= Short.MAX_VALUE) {
            // every input sum lies in [lo, hi] (no input: [0, 0]), so it did not wrap and none is above the threshold
            firedCount = 0;
            return active;
        }
        final int[] fired = this.fired;
        int nf = 0;
        // branch-free: every index is written, and kept iff its input is above the threshold
        for (int j = 0; j < n; j++) {
            fired[nf] = j;
            nf += (above - (short) acc[base + j]) >>> 31;
        }
        final long[] last = lastSpike;
        int kept = 0;
        for (int f = 0; f < nf; f++) {
            int j = fired[f];
            if (refractory(j, t)) continue;
            last[j] = t;
            fired[kept++] = j;
        }
        firedCount = kept;
        return active;
    }

    private void clearSlot(int slot) {
        slotHasInput[slot] = false;
        slotLo[slot] = 0;
        slotHi[slot] = 0;
    }

    /** Active updates of a group without bias: compartments with input now, or a v ≠ 0 left by the last update. */
    private int activeWithoutBias(boolean input, int base) {
        int active = 0;
        for (int j = 0; j < size; j++) if ((input && acc[base + j] != 0) || v(j) != 0) active++;
        return active;
    }

    /**
     * The update of a compartment in a multi-compartment neuron (docs/chip.md#multi-compartment-neurons):
     * the general loop, with operand A (the value the paired compartment of {@link #popFrom} pushed this
     * step) joined into the input current, the threshold mode, and the push of v. Existing single-compartment
     * groups never come here.
     */
    private int updateCompartmentTree(long t) {
        final char[] acc = this.acc;
        final int[] u = this.u, v = this.v, ref = this.refCount, fired = this.fired;
        final int[] in = popFrom == null ? null : popFrom.pushed, out = pushed;
        final long[] last = this.lastSpike;
        final int base = slotBase(t), n = size, bias = this.bias, th = this.threshold, lo = vMin, hi = vMax, rd = refractoryDelay;
        final int du = decayU, dv = decayV;
        clearSlot((int) (t & slotMask));
        int nf = 0, active = 0;
        for (int j = 0; j < n; j++) {
            int q = (short) acc[base + j] << LoihiMath.SCALE_SHIFT;
            acc[base + j] = 0;
            int a = in == null ? 0 : in[j];
            if (q != 0 || v[j] != 0 || bias != 0 || a != 0) active++;
            int uj = LoihiMath.wrap24(LoihiMath.decay(u[j], du) + q);
            u[j] = uj;
            // join ADD: operand A joins the current that enters v; u itself keeps its own dendritic input
            int joined = in == null ? uj : LoihiMath.wrap24(uj + a);
            int u2 = LoihiMath.wrap24(joined + bias);
            int vj = LoihiMath.clamp(LoihiMath.decay(v[j], dv) + u2, lo, hi);
            if (spikes) {
                int r = ref[j];
                if (r > 0) {
                    vj = 0;
                    ref[j] = r - 1;
                } else if (vj > th) {
                    vj = 0;
                    fired[nf++] = j;
                    last[j] = t;
                    ref[j] = rd - 1;
                }
            }
            v[j] = vj;
            if (out != null) out[j] = vj;
        }
        firedCount = nf;
        return active;
    }
}
