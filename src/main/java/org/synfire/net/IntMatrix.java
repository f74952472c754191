package org.synfire.net;

import java.util.Arrays;

/**
 * An int matrix in row-major order. As a weight matrix its shape is (pre, post): row i holds the
 * weights from presynaptic neuron i, the layout of W1 (N_in × N_h) in the authors' matrix model.
 */
public record IntMatrix(int rows, int cols, int[] data) {
    public IntMatrix {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative matrix shape " + rows + "×" + cols);
        if ((long) rows * cols != data.length) throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
        data = data.clone();
    }

    public static IntMatrix of(int[][] rowsOfValues) {
        int r = rowsOfValues.length, c = r == 0 ? 0 : rowsOfValues[0].length;
        int[] d = new int[r * c];
        for (int i = 0; i < r; i++) {
            if (rowsOfValues[i].length != c) throw new IllegalArgumentException("row " + i + " has " + rowsOfValues[i].length + " values, row 0 has " + c);
            System.arraycopy(rowsOfValues[i], 0, d, i * c, c);
        }
        return new IntMatrix(r, c, d);
    }

    public int get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of the values (the record's own array is never handed out). */
    @Override
    public int[] data() {
        return data.clone();
    }

    /** The backing array without a copy, for read-only use inside this package. */
    int[] raw() {
        return data;
    }

    public IntMatrix transpose() {
        int[] t = new int[data.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = data[i * cols + j];
        return new IntMatrix(cols, rows, t);
    }

    /** Element-wise negation; fails on Integer.MIN_VALUE rather than wrapping. */
    public IntMatrix negate() {
        int[] n = new int[data.length];
        for (int k = 0; k < n.length; k++) n[k] = Math.negateExact(data[k]);
        return new IntMatrix(rows, cols, n);
    }

    public String shape() {
        return rows + "×" + cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IntMatrix[" + shape() + (data.length <= 16 ? " " + Arrays.toString(data) : "") + "]";
    }
}
