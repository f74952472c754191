package org.synfire.nbp;

/**
 * The functional model written as literally as possible on 2-D arrays: the oracle for the optimised
 * model. In the chip convention it keeps the chip's negated-transpose instance n = w2Tm (in W2's
 * orientation) as its own matrix and runs the backward pass as the chip's phases 6 and 10 do.
 */
final class NaiveNbp {
    final int[][] w1;
    final int[][] w2;
    final int[][] n;
    final Convention c;

    NaiveNbp(NbpWeights w, Convention c) {
        this.c = c;
        w1 = new int[w.nIn()][w.nHid()];
        w2 = new int[w.nHid()][w.nOut()];
        for (int k = 0; k < w.nIn(); k++) for (int i = 0; i < w.nHid(); i++) w1[k][i] = w.w1(k, i);
        for (int i = 0; i < w.nHid(); i++) for (int j = 0; j < w.nOut(); j++) w2[i][j] = w.w2(i, j);
        n = new int[w.nHid()][w.nOut()];
        for (int i = 0; i < w.nHid(); i++) for (int j = 0; j < w.nOut(); j++) n[i][j] = Math.min(254, -w2[i][j]);
    }

    private int clip(int v) {
        return Math.max(c.weightMin, Math.min(c.weightMax, v));
    }

    int[] train(int[] x, int label) {
        int nIn = w1.length;
        int nHid = w2.length;
        int nOut = w2[0].length;
        int[] ah = new int[nHid];
        for (int i = 0; i < nHid; i++) for (int k = 0; k < nIn; k++) ah[i] += x[k] * w1[k][i];
        int[] h = new int[nHid];
        for (int i = 0; i < nHid; i++) h[i] = ah[i] > 512 ? 1 : 0;
        int[] ao = new int[nOut];
        for (int j = 0; j < nOut; j++) for (int i = 0; i < nHid; i++) ao[j] += h[i] * w2[i][j];
        int[] o = new int[nOut];
        int[] d2 = new int[nOut];
        for (int j = 0; j < nOut; j++) {
            o[j] = ao[j] > 512 ? 1 : 0;
            int t = j == label ? 1 : 0;
            boolean lo = ao[j] > 0;
            boolean hi = ao[j] > c.saturation;
            if (t == 1 && o[j] == 0 && lo) d2[j] = 1;
            if (t == 0 && o[j] == 1 && lo && !hi) d2[j] = -1;
        }
        if (c == Convention.CHIP) {
            trainChip(x, ah, h, d2);
            return o;
        }
        int[] s = new int[nHid];
        if (c.backpropBeforeUpdate) s = back(d2);
        for (int i = 0; i < nHid; i++) {
            for (int j = 0; j < nOut; j++) {
                w2[i][j] = Math.max(c.weightMin, Math.min(c.weightMax, w2[i][j] + 2 * h[i] * d2[j]));
            }
        }
        if (!c.backpropBeforeUpdate) s = back(d2);
        for (int i = 0; i < nHid; i++) {
            boolean fh = ah[i] > 0 && !(ah[i] > c.saturation);
            int d1 = fh ? Integer.signum(s[i]) : 0;
            for (int k = 0; k < nIn; k++) {
                w1[k][i] = Math.max(c.weightMin, Math.min(c.weightMax, w1[k][i] + 2 * x[k] * d1));
            }
        }
        return o;
    }

    /** Phases 5 to 11 of the chip, one by one. */
    private void trainChip(int[] x, int[] ah, int[] h, int[] d2) {
        int nIn = w1.length, nHid = w2.length, nOut = w2[0].length;
        int[] d1p = new int[nHid], d1m = new int[nHid];
        for (int i = 0; i < nHid; i++) {
            int sp = 0, sm = 0; // h1T's input in phases 6 (from o = d2+ through W2^T, oT_neg = d2- through w2Tm) and 10
            for (int j = 0; j < nOut; j++) {
                if (d2[j] > 0) { sp += w2[i][j]; sm += n[i][j]; }
                if (d2[j] < 0) { sp += n[i][j]; sm += w2[i][j]; }
            }
            boolean fh = ah[i] > 0 && !(ah[i] > c.saturation);
            d1p[i] = fh && sp > 0 ? 1 : 0;
            d1m[i] = fh && sm > 0 ? 1 : 0;
        }
        for (int i = 0; i < nHid; i++) {
            for (int j = 0; j < nOut; j++) {
                if (h[i] == 1 && d2[j] > 0) { w2[i][j] = clip(w2[i][j] + 2); n[i][j] = clip(n[i][j] - 2); }
                if (h[i] == 1 && d2[j] < 0) { w2[i][j] = clip(w2[i][j] - 2); n[i][j] = clip(n[i][j] + 2); }
            }
        }
        for (int k = 0; k < nIn; k++) for (int i = 0; i < nHid; i++) if (x[k] == 1 && d1p[i] == 1) w1[k][i] = clip(w1[k][i] + 2);
        for (int k = 0; k < nIn; k++) for (int i = 0; i < nHid; i++) if (x[k] == 1 && d1m[i] == 1) w1[k][i] = clip(w1[k][i] - 2);
    }

    private int[] back(int[] d2) {
        int[] s = new int[w2.length];
        for (int i = 0; i < w2.length; i++) for (int j = 0; j < d2.length; j++) s[i] += w2[i][j] * d2[j];
        return s;
    }

    NbpWeights weights() {
        int nIn = w1.length;
        int nHid = w2.length;
        int nOut = w2[0].length;
        int[] a = new int[nIn * nHid];
        int[] b = new int[nHid * nOut];
        for (int k = 0; k < nIn; k++) for (int i = 0; i < nHid; i++) a[k * nHid + i] = w1[k][i];
        for (int i = 0; i < nHid; i++) for (int j = 0; j < nOut; j++) b[i * nOut + j] = w2[i][j];
        return new NbpWeights(nIn, nHid, nOut, a, b);
    }
}
