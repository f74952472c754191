package org.synfire.continual;

import java.util.Arrays;
import org.synfire.random.SplitMix64;

/**
 * A fixed permutation of the input pixels: the permuted image's pixel k is the original's pixel {@code source[k]}.
 * Seeded ones are Fisher–Yates shuffles (i = n−1 … 1, j = nextInt(i+1)) driven by {@code new SplitMix64(seed)},
 * so a task-sequence file fixes its permutations whatever seed the run has.
 */
public record Permutation(int[] source) {
    public Permutation {
        source = source.clone();
        boolean[] seen = new boolean[source.length];
        for (int s : source) {
            if (s < 0 || s >= source.length || seen[s]) throw new IllegalArgumentException("not a permutation of 0.." + (source.length - 1));
            seen[s] = true;
        }
    }

    public static Permutation identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return new Permutation(p);
    }

    public static Permutation seeded(int n, long seed) {
        int[] p = identity(n).source;
        SplitMix64 g = new SplitMix64(seed);
        for (int i = n - 1; i >= 1; i--) {
            int j = g.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return new Permutation(p);
    }

    @Override
    public int[] source() {
        return source.clone();
    }

    public int size() {
        return source.length;
    }

    /** dst[dstOff + k] = src[srcOff + source[k]] for every pixel k. */
    public void apply(byte[] src, int srcOff, byte[] dst, int dstOff) {
        for (int k = 0; k < source.length; k++) dst[dstOff + k] = src[srcOff + source[k]];
    }

    /** The permutation that undoes this one. */
    public Permutation inverse() {
        int[] q = new int[source.length];
        for (int k = 0; k < source.length; k++) q[source[k]] = k;
        return new Permutation(q);
    }

    public boolean isIdentity() {
        for (int k = 0; k < source.length; k++) if (source[k] != k) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(source, p.source);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source);
    }

    @Override
    public String toString() {
        return "Permutation[" + source.length + "]";
    }
}
