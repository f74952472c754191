package org.synfire.chip;

/** A population of compartments sharing one prototype; state lives in flat arrays. */
final class CompartmentGroup extends SpikeSource {
    final CompartmentPrototype proto;
    final int decayU, decayV, bias, threshold, vMin, vMax, refractoryDelay;
    final boolean fullDecay;
    final int[] u, v, refCount;
    /** Dendritic accumulator ring: slot s of compartment j is {@code acc[s * size + j]}. */
    final int[] acc;
    final int slotMask;

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
        this.acc = new int[p.numDendriticAccumulators() * size];
        this.slotMask = p.numDendriticAccumulators() - 1;
    }

    int slotBase(long step) {
        return (int) (step & slotMask) * size;
    }

    /**
     * One step of semantics-doc §1.4 for every compartment; fills {@link #fired}. Returns the number of
     * "active" updates (q ≠ 0, v ≠ 0 before the update, or bias ≠ 0).
     */
    int update(long t) {
        final int[] acc = this.acc, u = this.u, v = this.v, ref = this.refCount, fired = this.fired;
        final long[] last = this.lastSpike;
        final int base = slotBase(t), n = size, bias = this.bias, th = this.threshold, lo = vMin, hi = vMax, rd = refractoryDelay;
        int nf = 0;
        int active = 0;
        if (fullDecay) {
            // decay(x, 4096) = 0 for every x, so u = wrap24(q) and v = clamp(wrap24(u + bias)): the same integers as the general loop.
            for (int j = 0; j < n; j++) {
                int q = LoihiMath.wrapInput(acc[base + j]);
                acc[base + j] = 0;
                if (q != 0 || v[j] != 0 || bias != 0) active++;
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
                int q = LoihiMath.wrapInput(acc[base + j]);
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
        return active;
    }
}
