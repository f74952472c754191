package org.synfire.nbp;

import java.util.Arrays;

/**
 * The functional binarized nBP model for any number of layers: x → h_1 → … → h_{M−1} → o through M weight
 * matrices W_1 … W_M (M − 1 hidden layers). One sample at a time, flat int arrays, no allocation per sample.
 *
 * <ul>
 *   <li>Forward: a_l = h_{l−1}·W_l, h_l = [a_l &gt; 512] (h_0 = x, h_M = o).
 *   <li>Output error as {@link FunctionalNbp}: d⁺ = t ∧ ¬o ∧ a &gt; 0, d⁻ = ¬t ∧ o ∧ a ≤ saturation.
 *   <li>Backward, layer by layer from the output: d_l = sign(W_{l+1}·d_{l+1}) ⊙ f'(a_l), f'(a) = [0 &lt; a ≤ saturation].
 *   <li>Updates W_l += μ·outer(h_{l−1}, d_l), clipped.
 * </ul>
 *
 * <p>{@code chip} convention: every backward step reads W_{l+1} from before this sample's update, and for
 * every l ≥ 2 the model keeps the chip's saturating copy N_l of −W_l (see {@link FunctionalNbp} and
 * docs/functional.md): d_l⁺ = [W·d⁺ + N·d⁻ &gt; 0], d_l⁻ = [W·d⁻ + N·d⁺ &gt; 0]. {@code reference}
 * convention: each W_{l+1} is updated before the error passes through it, as the authors' numpy model
 * does for one hidden layer. With M = 2 this computes exactly what {@link FunctionalNbp} computes (tested).
 */
public final class LayeredNbp implements NbpLearner {
    private final Convention convention;
    /** sizes[0] inputs, sizes[1..M−1] hidden widths, sizes[M] outputs. */
    private final int[] sizes;
    private final int m;
    /** w[l] is W_{l+1}, sizes[l] × sizes[l+1], row = presynaptic unit. */
    private final int[][] w;
    /** neg[l] is the chip's copy of −W_{l+1} for l ≥ 1 (null for W_1); in the reference convention it stays exactly −W. */
    private final int[][] neg;
    /** Per layer 0..M: input sums (layer 0 unused), active units and their count. */
    private final int[][] sum;
    private final int[][] active;
    private final int[] activeCount;
    /** Per layer 1..M: error sign per unit (+1, 0, −1), and the units with an error. */
    private final int[][] err;
    private final int[][] errUnit;
    private final int[] errCount;
    /** Spikes per layer since the last restore. */
    private final long[] spikes;
    /** Output units whose error may reach the weights (null: all), and whether any error reaches the hidden layers. */
    private boolean[] openOutputs;
    private boolean hiddenOpen = true;

    public LayeredNbp(LayeredWeights initial, Convention convention) {
        this.convention = convention;
        this.sizes = initial.sizes();
        this.m = sizes.length - 1;
        this.w = new int[m][];
        this.neg = new int[m][];
        for (int l = 0; l < m; l++) {
            w[l] = new int[sizes[l] * sizes[l + 1]];
            if (l > 0) neg[l] = new int[w[l].length];
        }
        sum = new int[m + 1][];
        active = new int[m + 1][];
        activeCount = new int[m + 1];
        err = new int[m + 1][];
        errUnit = new int[m + 1][];
        errCount = new int[m + 1];
        spikes = new long[m + 1];
        for (int l = 0; l <= m; l++) {
            sum[l] = new int[sizes[l]];
            active[l] = new int[sizes[l]];
            err[l] = new int[sizes[l]];
            errUnit[l] = new int[sizes[l]];
        }
        load(initial);
    }

    /** Replaces the weights; in the chip convention rebuilds every N_l = min(254, −W_l), as building the chip does. */
    public void load(LayeredWeights weights) {
        if (!Arrays.equals(weights.sizes(), sizes)) {
            throw new IllegalArgumentException("weights are " + weights.shape() + " but the model is " + LayeredWeights.shape(sizes));
        }
        for (int l = 0; l < m; l++) {
            int[] src = weights.matrix(l);
            for (int k = 0; k < src.length; k++) {
                if (src[k] < convention.weightMin || src[k] > convention.weightMax) {
                    throw new IllegalArgumentException("W" + (l + 1) + " value " + src[k] + " at flat index " + k + " is outside ["
                            + convention.weightMin + ", " + convention.weightMax + "] of convention " + convention.cliName());
                }
            }
            System.arraycopy(src, 0, w[l], 0, src.length);
            if (l > 0) {
                for (int k = 0; k < src.length; k++) neg[l][k] = Math.min(convention.weightMax, -src[k]);
            }
        }
    }

    public LayeredWeights weights() {
        return new LayeredWeights(sizes, w);
    }

    @Override
    public LayeredWeights matrices() {
        return weights();
    }

    @Override
    public void restore(LayeredWeights weights, long samplesTrained) {
        load(weights);
        java.util.Arrays.fill(spikes, 0);
    }

    /** Spikes per layer since the last restore: x, h1 … o as the layers' names in the metrics. */
    @Override
    public java.util.Map<String, Long> activityCounts() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (int l = 0; l <= this.m; l++) m.put(l == 0 ? "x" : l == this.m ? "o" : "h" + l, spikes[l]);
        return m;
    }

    @Override
    public java.util.Map<String, Long> copyDrift() {
        if (convention != Convention.CHIP) return java.util.Map.of(); // the authors' numpy model has no chip copies
        java.util.Map<String, Long> d = new java.util.LinkedHashMap<>();
        for (int l = 2; l <= this.m; l++) d.put("w" + l + "Tm", (long) negatedInstanceDrift(l));
        return d;
    }

    /** The chip's copy of −W_{layer} at [pre][post] (layer ≥ 2, chip convention), else exactly −W. */
    public int negatedInstance(int layer, int pre, int post) {
        int k = pre * sizes[layer] + post;
        return neg[layer - 1][k];
    }

    /** A copy of the chip's copy of −W_layer (layer ≥ 2), row = pre; exactly −W where the convention keeps none. */
    public int[] negatedInstance(int layer) {
        return neg[layer - 1].clone();
    }

    /** Entries of N_layer that differ from a rebuild, min(254, −W_layer); 0 without such a copy. */
    public int negatedInstanceDrift(int layer) {
        int[] a = w[layer - 1], n = neg[layer - 1];
        int d = 0;
        for (int k = 0; k < a.length; k++) if (n[k] != Math.min(convention.weightMax, -a[k])) d++;
        return d;
    }

    /**
     * For the samples that follow, lets the error of only the output units marked in {@code openOutputs} (null: all)
     * reach the weights, and with {@code hiddenOpen} false no error reach the hidden layers, so that only W_M learns.
     * This is what continual learning's gate generators do on chip (they inhibit the closed units' d⁺/d⁻ and the
     * derivative populations). Survives {@link #restore}.
     */
    public void gate(boolean[] openOutputs, boolean hiddenOpen) {
        if (openOutputs != null && openOutputs.length != sizes[m]) {
            throw new IllegalArgumentException("gate has " + openOutputs.length + " outputs, the model " + sizes[m]);
        }
        this.openOutputs = openOutputs == null ? null : openOutputs.clone();
        this.hiddenOpen = hiddenOpen;
    }

    /** One online step on x (0/1 bytes at xOffset) with class label; writes the output spikes (0/1) into outSpikes. */
    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        int nOut = sizes[m];
        if (label < 0 || label >= nOut) throw new IllegalArgumentException("label out of range: " + label);
        forward(x, xOffset);
        final int sat = convention.saturation;
        int[] a = sum[m];
        int[] e = err[m];
        int ne = 0;
        Arrays.fill(outSpikes, 0, nOut, (byte) 0);
        for (int j = 0; j < nOut; j++) {
            boolean o = a[j] > ForwardPass.ACTIVATION_THRESHOLD;
            if (o) outSpikes[j] = 1;
            boolean t = j == label;
            e[j] = t && !o && a[j] > 0 ? 1 : (!t && o && a[j] <= sat ? -1 : 0);
            if (openOutputs != null && !openOutputs[j]) e[j] = 0;
            if (e[j] != 0) errUnit[m][ne++] = j;
        }
        errCount[m] = ne;
        if (ne == 0) return; // no error reaches any weight
        if (convention.backpropBeforeUpdate) {
            for (int l = m - 1; l >= 1; l--) backpropagate(l);
            for (int l = m; l >= 1; l--) update(l);
        } else {
            for (int l = m; l >= 1; l--) {
                update(l);
                if (l > 1) backpropagate(l - 1);
            }
        }
    }

    private void forward(byte[] x, int xOffset) {
        int n0 = sizes[0];
        int na = 0;
        for (int k = 0; k < n0; k++) if (x[xOffset + k] != 0) active[0][na++] = k;
        activeCount[0] = na;
        for (int l = 1; l <= m; l++) {
            int width = sizes[l];
            int[] s = sum[l];
            Arrays.fill(s, 0);
            int[] wl = w[l - 1];
            int[] prev = active[l - 1];
            for (int p = 0; p < activeCount[l - 1]; p++) {
                int base = prev[p] * width;
                for (int i = 0; i < width; i++) s[i] += wl[base + i];
            }
            int c = 0;
            for (int i = 0; i < width; i++) if (s[i] > ForwardPass.ACTIVATION_THRESHOLD) active[l][c++] = i;
            activeCount[l] = c;
        }
        for (int l = 0; l <= m; l++) spikes[l] += activeCount[l];
    }

    /** d_l from d_{l+1} through W_{l+1} (and its negated copy in the chip convention), gated by f'(a_l). */
    private void backpropagate(int l) {
        if (!hiddenOpen) {
            errCount[l] = 0;
            return;
        }
        final int sat = convention.saturation;
        int width = sizes[l], next = sizes[l + 1];
        int[] wn = w[l];
        int[] nn = neg[l];
        int[] de = err[l + 1], du = errUnit[l + 1];
        int nd = errCount[l + 1];
        int[] a = sum[l], e = err[l], eu = errUnit[l];
        int c = 0;
        for (int i = 0; i < width; i++) {
            int step = 0;
            if (a[i] > 0 && a[i] <= sat) {
                int base = i * next;
                int sPlus = 0, sMinus = 0; // with N = −W (reference) this is sign(W·d)
                for (int q = 0; q < nd; q++) {
                    int j = du[q];
                    if (de[j] > 0) {
                        sPlus += wn[base + j];
                        sMinus += nn[base + j];
                    } else {
                        sPlus += nn[base + j];
                        sMinus += wn[base + j];
                    }
                }
                step = sPlus > 0 ? 1 : (sMinus > 0 ? -1 : 0); // never both: see FunctionalNbp
            }
            e[i] = step;
            if (step != 0) eu[c++] = i;
        }
        errCount[l] = c;
    }

    /** W_l += μ·outer(h_{l−1}, d_l), clipped; N_l moves the other way, clipped on its own. */
    private void update(int l) {
        int nd = errCount[l];
        if (nd == 0) return;
        final int lo = convention.weightMin, hi = convention.weightMax, mu = FunctionalNbp.LEARNING_RATE;
        int width = sizes[l];
        int[] wl = w[l - 1];
        int[] nl = neg[l - 1];
        int[] e = err[l], eu = errUnit[l];
        int[] pre = active[l - 1];
        for (int p = 0; p < activeCount[l - 1]; p++) {
            int base = pre[p] * width;
            for (int q = 0; q < nd; q++) {
                int idx = base + eu[q];
                int step = mu * e[eu[q]];
                wl[idx] = Math.min(hi, Math.max(lo, wl[idx] + step));
                if (nl != null) nl[idx] = Math.min(hi, Math.max(lo, nl[idx] - step));
            }
        }
    }
}
