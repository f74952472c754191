package org.synfire.data;

/**
 * Binarised samples in file order: {@code inputs[i * inputCount + k]} is 0 or 1 for pixel k of
 * sample i, {@code labels[i]} is the class 0..9. Arrays are owned by the record; do not modify.
 *
 * @param description where it came from (dataset, variant, split, threshold), for logs and config.json
 */
public record BinaryDataset(String description, int inputCount, int size, byte[] inputs, byte[] labels) {
    public BinaryDataset {
        if (inputs.length != (long) inputCount * size) throw new IllegalArgumentException("inputs length " + inputs.length + " != " + inputCount + " x " + size);
        if (labels.length != size) throw new IllegalArgumentException("labels length " + labels.length + " != " + size);
    }

    /** The first {@code n} samples (or all, if fewer). */
    /** The last n samples (for a held-out validation set), or all of them. */
    public BinaryDataset last(int n) {
        if (n >= size) return this;
        return new BinaryDataset(description + " (last " + n + ")", inputCount, n,
                java.util.Arrays.copyOfRange(inputs, (size - n) * inputCount, size * inputCount), java.util.Arrays.copyOfRange(labels, size - n, size));
    }

    public BinaryDataset limit(int n) {
        if (n >= size) return this;
        return new BinaryDataset(description + " (first " + n + ")", inputCount, n,
                java.util.Arrays.copyOf(inputs, n * inputCount), java.util.Arrays.copyOf(labels, n));
    }
}
