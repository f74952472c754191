package org.synfire.chip;

/** A population of compartments sharing one prototype; state lives in flat arrays. */
final class CompartmentGroup extends SpikeSource {
    final CompartmentPrototype proto;
    final int decayU, decayV, bias, threshold, vMin, vMax, refractoryDelay;
    final boolean fullDecay;
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
    /** Full decay only: logically every u is 0, every v equals {@link #restingV}, every refractory counter is 0; u and v may hold older values. */
    private boolean atRest;
    /** v of a full-decay compartment with no input and not refractory: clamp(wrap24(bias)). */
    final int restingV;
    /** Tests switch the resting shortcut off to compare it with the general loop. */
    static boolean restFastPath = true;
    /** Last step in which any compartment of the group spiked. */
    private long lastGroupSpike = NEVER;
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
        this.fullDecay = decayU == LoihiMath.DECAY_ONE && decayV == LoihiMath.DECAY_ONE;
        this.u = new int[size];
        this.v = new int[size];
        this.refCount = new int[size];
        this.acc = new char[p.numDendriticAccumulators() * size];
        this.slotMask = p.numDendriticAccumulators() - 1;
        this.slotHasInput = new boolean[p.numDendriticAccumulators()];
        this.restingV = LoihiMath.clamp(LoihiMath.wrap24(bias), vMin, vMax);
        this.multi = p.multiCompartment();
        this.spikes = p.thresholdMode() == CompartmentPrototype.ThresholdMode.SPIKE_AND_RESET;
        this.pushed = p.stackOut() == CompartmentPrototype.StackOut.PUSH ? new int[size] : null;
    }

    /** Sets every compartment's state (u, v, refractory counter, accumulators) to 0, as a reset between inputs does. */
    void resetState() {
        java.util.Arrays.fill(u, 0);
        java.util.Arrays.fill(v, 0);
        java.util.Arrays.fill(refCount, 0);
        java.util.Arrays.fill(acc, (char) 0);
        java.util.Arrays.fill(slotHasInput, false);
        if (pushed != null) java.util.Arrays.fill(pushed, 0);
        atRest = false;
        lastGroupSpike = NEVER;
        firedCount = 0;
    }

    /** Current u of compartment j (the resting value while the group rests). */
    int u(int j) {
        return atRest ? 0 : u[j];
    }

    int v(int j) {
        return atRest ? restingV : v[j];
    }

    /** Writes the resting values into the arrays if the group rests, so they can be read directly. */
    void materialize() {
        if (atRest) {
            java.util.Arrays.fill(u, 0);
            java.util.Arrays.fill(v, restingV);
        }
    }

    void markInput(long step) {
        slotHasInput[(int) (step & slotMask)] = true;
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
        final char[] acc = this.acc;
        final int[] u = this.u, v = this.v, ref = this.refCount, fired = this.fired;
        final long[] last = this.lastSpike;
        final int base = slotBase(t), n = size, bias = this.bias, th = this.threshold, lo = vMin, hi = vMax, rd = refractoryDelay;
        int nf = 0;
        int active = 0;
        final int slot = (int) (t & slotMask);
        final boolean input = slotHasInput[slot];
        slotHasInput[slot] = false;
        if (restFastPath && fullDecay && !input && restingV <= th && t - lastGroupSpike >= rd) {
            // No input this step (every q is 0), no refractory counter left (the last spike was R or more steps
            // ago, so the loop has already counted every counter down to 0), and bias alone stays below
            // threshold: the loop below would set u = 0 and v = restingV everywhere and fire nothing. The
            // arrays are not written; u(j), v(j) and materialize() read the resting values instead.
            if (bias != 0) {
                active = n;
            } else if (atRest) {
                active = restingV != 0 ? n : 0;
            } else {
                for (int j = 0; j < n; j++) if (v[j] != 0) active++;
            }
            atRest = true;
            firedCount = 0;
            return active;
        }
        final boolean wasAtRest = atRest;
        atRest = false;
        if (fullDecay) {
            // decay(x, 4096) = 0 for every x, so u = wrap24(q) and v = clamp(wrap24(u + bias)): the same integers as the general loop.
            // after a rest the arrays still hold older values; the previous v was restingV everywhere
            final boolean restedActive = wasAtRest && restingV != 0, fromArrays = !wasAtRest && bias == 0;
            for (int j = 0; j < n; j++) {
                int q = (short) acc[base + j] << LoihiMath.SCALE_SHIFT;
                acc[base + j] = 0;
                if (q != 0 || bias != 0 || restedActive || (fromArrays && v[j] != 0)) active++;
                int uj = LoihiMath.wrap24(q);
                u[j] = uj;
                int vj = LoihiMath.clamp(LoihiMath.wrap24(uj + bias), lo, hi);
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
        } else {
            final int du = decayU, dv = decayV;
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
        }
        firedCount = nf;
        if (nf > 0) lastGroupSpike = t;
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
        final int slot = (int) (t & slotMask);
        slotHasInput[slot] = false;
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
        if (nf > 0) lastGroupSpike = t;
        return active;
    }
}
