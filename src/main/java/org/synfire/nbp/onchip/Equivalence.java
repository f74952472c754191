package org.synfire.nbp.onchip;

import java.util.function.LongConsumer;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.Convention;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.NbpWeights;

/**
 * Runs the spiking training network and the functional model ({@code chip} convention) side by side
 * from the same weights over the same samples, and after every sample compares all eight on-chip
 * matrices with W1, W2, W2ᵀ and −W2ᵀ, and the forward-pass output spikes.
 */
public final class Equivalence {
    private Equivalence() {}

    /**
     * @param samples samples compared
     * @param divergence null when identical, else the first difference (sample, matrix, index, both values)
     * @param chipNanos time spent in the chip emulation (not the comparison)
     */
    public record Result(long samples, String divergence, long chipNanos) {
        public boolean identical() {
            return divergence == null;
        }

        public String summary() {
            return identical() ? "identical after " + samples + " samples" : "diverged: " + divergence;
        }
    }

    /**
     * @param order indices into {@code data} in training order; samples beyond its length wrap around
     */
    public static Result run(NbpWeights initial, BinaryDataset data, int[] order, long samples, long seed, LongConsumer progress) {
        TrainingChip net = new TrainingChip(initial, seed);
        FunctionalNbp model = new FunctionalNbp(initial, Convention.CHIP);
        Chip chip = net.chip();
        int nOut = initial.nOut();
        int[] handles = new int[PlasticMatrix.values().length];
        for (PlasticMatrix m : PlasticMatrix.values()) handles[m.ordinal()] = chip.connection(m.connection);
        byte[] chipOut = new byte[nOut], modelOut = new byte[nOut];
        long chipNanos = 0;
        for (long s = 0; s < samples; s++) {
            int i = order[(int) (s % order.length)];
            int label = data.labels()[i];
            int off = i * data.inputCount();
            long t0 = System.nanoTime();
            net.runSample(data.inputs(), off, label, chipOut, false);
            chipNanos += System.nanoTime() - t0;
            model.train(data.inputs(), off, label, modelOut);
            for (int j = 0; j < nOut; j++) {
                if (chipOut[j] != modelOut[j]) {
                    return new Result(s + 1, "sample " + s + " (dataset index " + i + "): output spike o[" + j + "] is " + chipOut[j]
                            + " on chip but " + modelOut[j] + " in the functional model", chipNanos);
                }
            }
            NbpWeights w = model.weights();
            for (PlasticMatrix m : PlasticMatrix.values()) {
                int k = m.firstDifference(chip, handles[m.ordinal()], w);
                if (k >= 0) {
                    return new Result(s + 1, "sample " + s + " (dataset index " + i + "): matrix " + m.connection + " at " + m.position(w, k)
                            + (m.negated ? " (negated)" : "") + ": chip " + chip.weight(handles[m.ordinal()], k)
                            + ", functional " + m.expected(w, k), chipNanos);
                }
            }
            if (progress != null) progress.accept(s + 1);
        }
        return new Result(samples, null, chipNanos);
    }
}
