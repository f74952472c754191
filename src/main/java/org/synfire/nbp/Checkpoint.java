package org.synfire.nbp;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a run bit-exactly after a half-epoch boundary.
 *
 * @param epochIndex 0-based epoch in progress (or just finished, when position == order.length)
 * @param position samples of that epoch already trained
 * @param samplesTrained samples trained since the start of the run
 * @param order this epoch's sample order (indices into the file-order training set)
 * @param wrongBits per position of this epoch: wrong output bits of its training forward pass (0..nOut)
 * @param rngState the training random source's state
 * @param rows metrics rows so far
 * @param weights W1 … W_M at this point
 */
public record Checkpoint(
        int epochIndex,
        int position,
        long samplesTrained,
        int[] order,
        byte[] wrongBits,
        Map<String, Object> rngState,
        List<MetricsRow> rows,
        LayeredWeights weights) {

    public Checkpoint {
        if (wrongBits.length != order.length) throw new IllegalArgumentException("wrongBits and order differ in length");
        if (position < 0 || position > order.length) throw new IllegalArgumentException("position out of range: " + position);
        order = order.clone();
        wrongBits = wrongBits.clone();
        rows = List.copyOf(rows);
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    @Override
    public byte[] wrongBits() {
        return wrongBits.clone();
    }

    /** 1-based epoch and half (1 or 2) of this checkpoint, for directory names. */
    public int half() {
        return position == order.length ? 2 : 1;
    }
}
