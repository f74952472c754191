package org.synfire.nbp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functional (matrix-level) binarized nBP model on flat int arrays: forward pass, output error d2,
 * sign-backpropagated hidden error d1, and ±2 wu updates with clipping, one sample at a time. No
 * allocation per sample. {@link Convention} selects the Loihi-faithful or the authors' numpy variant.
 *
 * <p>The model also holds the state of the chip's negated-transpose instance of W2 ({@code w2Tm}, here
 * N in W2's orientation); in the {@code reference} convention's symmetric clip it stays exactly −W2. The chip cannot store +256, so where W2
 * sits at −256 the instance holds +254, and where W2 is held at +254 by the clip, N keeps falling to
 * −256: the two drift apart, and the backward pass then reads s⁺ = W2·d2⁺ + N·d2⁻ and s⁻ = W2·d2⁻ +
 * N·d2⁺ separately (docs/functional.md, "Saturation drift"). A {@link #load} rebuilds N from W2, as
 * the chip is rebuilt at every checkpoint.
 */
public final class FunctionalNbp implements NbpLearner {
    /** μ: every weight moves by exactly this many wu per coincidence (the smallest 8-bit Loihi step). */
    public static final int LEARNING_RATE = 2;
    /** The chip connection that holds −W2ᵀ: the one instance whose saturation differs from W2's. */
    public static final String NEGATED_INSTANCE = "w2Tm";

    private final Convention convention;
    private final int nIn;
    private final int nHid;
    private final int nOut;
    /** W1, two weights per int (see {@link PackedW1}). */
    private final int[] w1p;
    private final int half;
    private final int[] w2;
    /** The w2Tm instance's own values, index i*nOut+j: −W2 until a chip-convention weight saturates. */
    private final int[] w2Neg;
    private final ForwardPass fwd;
    /** Output units with a non-zero d2, and their sign (+1 potentiate, -1 depress). */
    private final int[] d2Unit;
    private final int[] d2Sign;
    /** Per hidden unit: μ·d1 ∈ {-2, 0, +2}. */
    private final int[] d1Step;
    private final int[] d1Unit;
    /** d1Step split by packed lane (low: hidden i, high: hidden half+i), same index as a W1 row: vectorisable. */
    private final int[] d1StepLow;
    private final int[] d1StepHigh;
    /** One packed W1 row, copied out so the update loop indexes every array alike (no possible aliasing). */
    private final int[] rowScratch;
    private long inputSpikes;
    private long hiddenSpikes;
    private long outputSpikes;

    public FunctionalNbp(NbpWeights initial, Convention convention) {
        this.convention = convention;
        this.nIn = initial.nIn();
        this.nHid = initial.nHid();
        this.nOut = initial.nOut();
        this.half = PackedW1.half(nHid);
        this.w1p = new int[nIn * half];
        this.w2 = new int[nHid * nOut];
        this.w2Neg = new int[nHid * nOut];
        this.fwd = new ForwardPass(nIn, nHid, nOut);
        this.d2Unit = new int[nOut];
        this.d2Sign = new int[nOut];
        this.d1Step = new int[2 * half]; // a dummy 0 slot when nHid is odd (the unused high lane)
        this.d1Unit = new int[nHid];
        this.d1StepLow = new int[half];
        this.d1StepHigh = new int[half];
        this.rowScratch = new int[half];
        load(initial);
    }

    public Convention convention() {
        return convention;
    }

    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        if (label < 0 || label >= nOut) throw new IllegalArgumentException("label out of range: " + label);
        final int sat = convention.saturation;
        fwd.run(x, xOffset, w1p, w2);
        inputSpikes += fwd.activeCount;
        hiddenSpikes += fwd.hidCount;

        // d2+ = t & !o & a>0 ; d2- = !t & o & !(a>sat)   (o implies a>0)
        int nd2 = 0;
        for (int j = 0; j < nOut; j++) {
            int a = fwd.outSum[j];
            boolean o = a > ForwardPass.ACTIVATION_THRESHOLD;
            outSpikes[j] = (byte) (o ? 1 : 0);
            if (o) outputSpikes++;
            boolean t = j == label;
            if (t && !o && a > 0) {
                d2Unit[nd2] = j;
                d2Sign[nd2++] = 1;
            } else if (!t && o && a <= sat) {
                d2Unit[nd2] = j;
                d2Sign[nd2++] = -1;
            }
        }
        if (nd2 == 0) return; // no error reaches any weight

        int nd1;
        if (convention.backpropBeforeUpdate) {
            nd1 = backpropagate(nd2);
            updateW2(nd2);
            updateW2Neg(nd2);
        } else {
            updateW2(nd2);
            updateW2Neg(nd2);
            nd1 = backpropagate(nd2);
        }
        if (nd1 > 0) updateW1(nd1);
    }

    /**
     * The backward pass as the chip computes it: d1⁺ = [W2·d2⁺ + N·d2⁻ &gt; 0] (phase 6) and d1⁻ = [W2·d2⁻ +
     * N·d2⁺ &gt; 0] (phase 10), both gated by f'(a_h). While N = −W2 this is sign(W2·d2), the reference
     * convention's rule (its symmetric clip keeps N = −W2 exactly). Both cannot fire: N + W2 &lt;= 0 entrywise
     * after a rebuild, and no clipped update raises it above 0 (docs/functional.md), so s⁺ + s⁻ &lt;= 0.
     * Returns how many hidden units have a non-zero d1Step.
     */
    private int backpropagate(int nd2) {
        final int sat = convention.saturation;
        final int[] hs = fwd.hidSum;
        int count = 0;
        for (int i = 0; i < nHid; i++) {
            int a = hs[i];
            int step = 0;
            if (a > 0 && a <= sat) {
                int base = i * nOut;
                int sPlus = 0, sMinus = 0;
                for (int n = 0; n < nd2; n++) {
                    int idx = base + d2Unit[n];
                    if (d2Sign[n] > 0) {
                        sPlus += w2[idx];
                        sMinus += w2Neg[idx];
                    } else {
                        sPlus += w2Neg[idx];
                        sMinus += w2[idx];
                    }
                }
                step = sPlus > 0 ? LEARNING_RATE : (sMinus > 0 ? -LEARNING_RATE : 0);
            }
            d1Step[i] = step;
            if (step != 0) d1Unit[count++] = i;
        }
        return count;
    }

    /** N moves opposite to W2 on the same entries (phases 5 and 9 of w2Tm), clipped on its own. */
    private void updateW2Neg(int nd2) {
        final int lo = convention.weightMin;
        final int hi = convention.weightMax;
        for (int h = 0; h < fwd.hidCount; h++) {
            int base = fwd.hidOn[h] * nOut;
            for (int n = 0; n < nd2; n++) {
                int idx = base + d2Unit[n];
                w2Neg[idx] = Math.min(hi, Math.max(lo, w2Neg[idx] - LEARNING_RATE * d2Sign[n]));
            }
        }
    }

    /** W2 += μ·outer(h, d2), clipped; only rows of spiking hidden units and columns with d2 ≠ 0 change. */
    private void updateW2(int nd2) {
        final int lo = convention.weightMin;
        final int hi = convention.weightMax;
        for (int h = 0; h < fwd.hidCount; h++) {
            int base = fwd.hidOn[h] * nOut;
            for (int n = 0; n < nd2; n++) {
                int idx = base + d2Unit[n];
                w2[idx] = Math.min(hi, Math.max(lo, w2[idx] + LEARNING_RATE * d2Sign[n]));
            }
        }
    }

    /** W1 += μ·outer(x, d1), clipped; only rows of active inputs change. Works on the packed lanes. */
    private void updateW1(int nd1) {
        final int lo = convention.weightMin + PackedW1.OFFSET;
        final int hi = convention.weightMax + PackedW1.OFFSET;
        final int[] act = fwd.active;
        final int na = fwd.activeCount;
        final int h2 = half;
        final int[] p = w1p;
        if (nd1 * 8 < nHid) { // few hidden errors: touching single lanes is as fast as the vectorised full-row pass
            for (int a = 0; a < na; a++) {
                int base = act[a] * h2;
                for (int n = 0; n < nd1; n++) {
                    int i = d1Unit[n];
                    int step = d1Step[i];
                    if (i < h2) {
                        int v = p[base + i];
                        int l = Math.min(hi, Math.max(lo, (v & 0xFFFF) + step));
                        p[base + i] = (v & 0xFFFF0000) | l;
                    } else {
                        int v = p[base + i - h2];
                        int u = Math.min(hi, Math.max(lo, (v >>> 16) + step));
                        p[base + i - h2] = (v & 0xFFFF) | (u << 16);
                    }
                }
            }
        } else {
            // Dense row update on both lanes; lanes with d1 = 0 are unchanged because weights stay in [lo, hi].
            final int[] stepLow = d1StepLow;
            final int[] stepHigh = d1StepHigh;
            System.arraycopy(d1Step, 0, stepLow, 0, h2);
            System.arraycopy(d1Step, h2, stepHigh, 0, h2);
            final int[] row = rowScratch;
            for (int a = 0; a < na; a++) {
                int base = act[a] * h2;
                System.arraycopy(p, base, row, 0, h2);
                for (int i = 0; i < h2; i++) {
                    int v = row[i];
                    int l = Math.min(hi, Math.max(lo, (v & 0xFFFF) + stepLow[i]));
                    int u = Math.min(hi, Math.max(lo, (v >>> 16) + stepHigh[i]));
                    row[i] = l | (u << 16);
                }
                System.arraycopy(row, 0, p, base, h2);
            }
        }
    }

    @Override
    public LayeredWeights matrices() {
        return LayeredWeights.of(weights());
    }

    @Override
    public void restore(LayeredWeights w, long samplesTrained) {
        load(w.oneHiddenLayer());
    }

    /** W1 and W2. */
    public NbpWeights weights() {
        return new NbpWeights(nIn, nHid, nOut, PackedW1.unpack(w1p, nIn, nHid), w2);
    }

    /** Replaces W1 and W2 and rebuilds the copy of −W2ᵀ (chip convention). */
    public void load(NbpWeights w) {
        if (w.nIn() != nIn || w.nHid() != nHid || w.nOut() != nOut) {
            throw new IllegalArgumentException("weights are " + w.nIn() + "-" + w.nHid() + "-" + w.nOut()
                    + " but the model is " + nIn + "-" + nHid + "-" + nOut);
        }
        int[] w1 = w.w1();
        checkRange(w1, "W1");
        checkRange(w.w2(), "W2");
        System.arraycopy(PackedW1.pack(w1, nIn, nHid), 0, w1p, 0, w1p.length);
        w.copyW2(w2);
        rebuildNegatedInstance();
        inputSpikes = 0;
        hiddenSpikes = 0;
        outputSpikes = 0;
    }

    /** N = −W2 where representable: what building the chip writes into w2Tm (−(−256) is stored as +254). */
    private void rebuildNegatedInstance() {
        for (int k = 0; k < w2.length; k++) w2Neg[k] = Math.min(convention.weightMax, -w2[k]);
    }

    /** The value the chip's negated-transpose instance holds for W2[hidden][output] (reference convention: −W2). */
    public int negatedInstance(int hidden, int output) {
        return w2Neg[hidden * nOut + output];
    }

    /**
     * Entries of the negated-transpose instance that differ from what a rebuild from W2 would write
     * (min(254, −W2)): the saturation drift since the last {@link #load}. Always 0 in the reference convention.
     */
    public int negatedInstanceDrift() {
        int d = 0;
        for (int k = 0; k < w2.length; k++) if (w2Neg[k] != Math.min(convention.weightMax, -w2[k])) d++;
        return d;
    }

    @Override
    public Map<String, Long> copyDrift() {
        // the authors' numpy model (reference) has no chip, so no copy to report
        return convention == Convention.CHIP ? Map.of(NEGATED_INSTANCE, (long) negatedInstanceDrift()) : Map.of();
    }

    private void checkRange(int[] w, String name) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] < convention.weightMin || w[i] > convention.weightMax) {
                throw new IllegalArgumentException(name + " value " + w[i] + " at flat index " + i + " is outside ["
                        + convention.weightMin + ", " + convention.weightMax + "] of convention " + convention.cliName());
            }
        }
    }

    @Override
    public Map<String, Long> activityCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("in", inputSpikes);
        m.put("hid", hiddenSpikes);
        m.put("out", outputSpikes);
        return m;
    }
}
