package org.synfire.nbp;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Integer weights of a network with any number of layers, in weight units (1.0 = 1024 wu): matrix l
 * (0-based) is W_{l+1}, sizes[l] × sizes[l+1], row = presynaptic unit (index {@code pre*sizes[l+1] + post}).
 * Arrays are copied in and out.
 */
public record LayeredWeights(int[] sizes, int[][] matrices) {
    public LayeredWeights {
        if (sizes == null || sizes.length < 2) throw new IllegalArgumentException("a network needs at least inputs and outputs");
        for (int s : sizes) if (s <= 0) throw new IllegalArgumentException("layer sizes must be positive: " + shape(sizes));
        if (matrices == null || matrices.length != sizes.length - 1) {
            throw new IllegalArgumentException(shape(sizes) + " needs " + (sizes.length - 1) + " matrices");
        }
        sizes = sizes.clone();
        int[][] copy = new int[matrices.length][];
        for (int l = 0; l < matrices.length; l++) {
            long n = (long) sizes[l] * sizes[l + 1];
            if (matrices[l] == null || matrices[l].length != n) {
                throw new IllegalArgumentException("W" + (l + 1) + " must hold " + sizes[l] + "*" + sizes[l + 1] + " = " + n + " values");
            }
            copy[l] = matrices[l].clone();
        }
        matrices = copy;
    }

    /** The one-hidden-layer weights as a 3-layer network. */
    public static LayeredWeights of(NbpWeights w) {
        return new LayeredWeights(new int[] {w.nIn(), w.nHid(), w.nOut()}, new int[][] {w.w1(), w.w2()});
    }

    /** The same weights as a one-hidden-layer network (three layers only). */
    public NbpWeights oneHiddenLayer() {
        if (sizes.length != 3) throw new IllegalStateException(shape() + " has " + (sizes.length - 2) + " hidden layers, not one");
        return new NbpWeights(sizes[0], sizes[1], sizes[2], matrices[0], matrices[1]);
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public int[][] matrices() {
        int[][] out = new int[matrices.length][];
        for (int l = 0; l < out.length; l++) out[l] = matrices[l].clone();
        return out;
    }

    /** A copy of matrix l (0-based: W_{l+1}). */
    public int[] matrix(int l) {
        return matrices[l].clone();
    }

    /** W_layer[pre][post], 1-based layer, without copying. */
    public int weight(int layer, int pre, int post) {
        return matrices[layer - 1][pre * sizes[layer] + post];
    }

    public int layers() {
        return matrices.length;
    }

    /** "400-400-10". */
    public String shape() {
        return shape(sizes);
    }

    public static String shape(int[] sizes) {
        StringJoiner j = new StringJoiner("-");
        for (int s : sizes) j.add(Integer.toString(s));
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayeredWeights w && Arrays.equals(sizes, w.sizes) && Arrays.deepEquals(matrices, w.matrices);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + Arrays.deepHashCode(matrices);
    }

    @Override
    public String toString() {
        return "LayeredWeights[" + shape() + "]";
    }
}
