package org.synfire.nbp;

import org.synfire.data.BinaryDataset;

/** Off-chip evaluation from the weights (forward pass only), as the authors' {@code inference_from_weights}. */
public final class Evaluation {
    private Evaluation() {}

    /** Index of the largest value in v[off, off+n); ties go to the lowest index (numpy argmax). */
    public static int argmax(int[] v, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[off + j] > v[off + best]) best = j;
        }
        return best;
    }

    /** Same for 0/1 spikes: the first spiking output, or 0 when none spikes. */
    public static int argmax(byte[] v, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[off + j] > v[off + best]) best = j;
        }
        return best;
    }

    /** Number of outputs whose spike differs from the one-hot target of label, i.e. sum((o - t)^2). */
    public static int wrongBits(byte[] spikes, int off, int n, int label) {
        int wrong = 0;
        for (int j = 0; j < n; j++) {
            int t = j == label ? 1 : 0;
            if (spikes[off + j] != t) wrong++;
        }
        return wrong;
    }

    /** Runs every sample of data through w (one thread, deterministic); one hidden layer takes the packed fast path. */
    public static EvalCounts evaluate(LayeredWeights w, BinaryDataset data) {
        if (w.layers() == 2) return evaluate(w.oneHiddenLayer(), data);
        if (w.inputs() != data.inputCount()) {
            throw new IllegalArgumentException("weights expect " + w.inputs() + " inputs but " + data.description() + " has " + data.inputCount());
        }
        int[] sizes = w.sizes();
        int m = sizes.length - 1;
        int nOut = sizes[m];
        int[][] mats = w.matrices();
        int widest = 0;
        for (int s : sizes) widest = Math.max(widest, s);
        int[] active = new int[widest], next = new int[widest], sum = new int[widest];
        byte[] x = data.inputs();
        int exact = 0, argmaxSpikes = 0, argmaxPotential = 0;
        long wrong = 0;
        for (int s = 0; s < data.size(); s++) {
            int na = 0;
            for (int k = 0; k < sizes[0]; k++) if (x[s * sizes[0] + k] != 0) active[na++] = k;
            for (int l = 1; l <= m; l++) {
                int width = sizes[l];
                java.util.Arrays.fill(sum, 0, width, 0);
                int[] wl = mats[l - 1];
                for (int p = 0; p < na; p++) {
                    int base = active[p] * width;
                    for (int i = 0; i < width; i++) sum[i] += wl[base + i];
                }
                if (l == m) break;
                int c = 0;
                for (int i = 0; i < width; i++) if (sum[i] > ForwardPass.ACTIVATION_THRESHOLD) next[c++] = i;
                int[] t = active;
                active = next;
                next = t;
                na = c;
            }
            int label = data.labels()[s];
            int firstSpike = -1, wrongHere = 0;
            for (int j = 0; j < nOut; j++) {
                boolean o = sum[j] > ForwardPass.ACTIVATION_THRESHOLD;
                if (o && firstSpike < 0) firstSpike = j;
                if (o != (j == label)) wrongHere++;
            }
            if (wrongHere == 0) exact++;
            if ((firstSpike < 0 ? 0 : firstSpike) == label) argmaxSpikes++;
            if (argmax(sum, 0, nOut) == label) argmaxPotential++;
            wrong += wrongHere;
        }
        return new EvalCounts(data.size(), nOut, exact, argmaxSpikes, argmaxPotential, wrong);
    }

    /** Runs every sample of data through w (one thread, deterministic). */
    public static EvalCounts evaluate(NbpWeights w, BinaryDataset data) {
        checkShape(w, data);
        int nIn = w.nIn();
        int nHid = w.nHid();
        int nOut = w.nOut();
        int[] w1 = PackedW1.pack(w.w1(), nIn, nHid);
        int[] w2 = w.w2();
        ForwardPass fwd = new ForwardPass(nIn, nHid, nOut);
        byte[] x = data.inputs();
        byte[] labels = data.labels();
        int exact = 0;
        int argmaxSpikes = 0;
        int argmaxPotential = 0;
        long wrong = 0;
        for (int s = 0; s < data.size(); s++) {
            fwd.run(x, s * nIn, w1, w2);
            int label = labels[s];
            int firstSpike = -1;
            int wrongHere = 0;
            for (int j = 0; j < nOut; j++) {
                boolean o = fwd.outSum[j] > ForwardPass.ACTIVATION_THRESHOLD;
                if (o && firstSpike < 0) firstSpike = j;
                if (o != (j == label)) wrongHere++;
            }
            if (wrongHere == 0) exact++;
            if ((firstSpike < 0 ? 0 : firstSpike) == label) argmaxSpikes++;
            if (argmax(fwd.outSum, 0, nOut) == label) argmaxPotential++;
            wrong += wrongHere;
        }
        return new EvalCounts(data.size(), nOut, exact, argmaxSpikes, argmaxPotential, wrong);
    }

    /** Metrics from output spikes reported by another evaluator (size x nOut bytes, 0/1); no potentials. */
    public static EvalCounts fromSpikes(byte[] spikes, int nOut, BinaryDataset data) {
        if (spikes.length != (long) data.size() * nOut) {
            throw new IllegalArgumentException("expected " + (long) data.size() * nOut + " output spikes, got " + spikes.length);
        }
        int exact = 0;
        int argmax = 0;
        long wrong = 0;
        for (int s = 0; s < data.size(); s++) {
            int label = data.labels()[s];
            int w = wrongBits(spikes, s * nOut, nOut, label);
            if (w == 0) exact++;
            if (argmax(spikes, s * nOut, nOut) == label) argmax++;
            wrong += w;
        }
        return new EvalCounts(data.size(), nOut, exact, argmax, -1, wrong);
    }

    static void checkShape(NbpWeights w, BinaryDataset data) {
        if (w.nIn() != data.inputCount()) {
            throw new IllegalArgumentException("weights expect " + w.nIn() + " inputs but " + data.description()
                    + " has " + data.inputCount());
        }
    }
}
