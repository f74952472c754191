package org.synfire.nbp.onchip;

import java.util.function.LongConsumer;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.Convention;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.NbpWeights;

/**
 * Runs the spiking training network and the functional model ({@code chip} convention) side by side
 * from the same weights over the same samples, and after every sample compares the forward-pass output
 * spikes and all eight on-chip matrices: the W1 and W2 copies and W2ᵀ with the model's W1 and W2, and
 * the negated transpose with the model's own copy of it, saturation drift included.
 */
public final class Equivalence {
    private Equivalence() {}

    /**
     * @param samples samples compared
     * @param divergence null when identical, else the first difference (sample, matrix, index, both values)
     * @param chipNanos time spent in the chip emulation (not the comparison)
     * @param negatedDrift entries of w2Tm that differ from min(254, −W2ᵀ) after the last sample compared
     */
    public record Result(long samples, String divergence, long chipNanos, long negatedDrift) {
        public boolean identical() {
            return divergence == null;
        }

        public String summary() {
            if (!identical()) return "diverged: " + divergence;
            return "identical after " + samples + " samples" + (negatedDrift == 0 ? ""
                    : " (w2Tm differs from a rebuild from W2 in " + negatedDrift + (negatedDrift == 1 ? " entry" : " entries")
                    + " by its own saturation, on chip and in the model alike)");
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
                            + " on chip but " + modelOut[j] + " in the functional model", chipNanos, model.negatedInstanceDrift());
                }
            }
            NbpWeights w = model.weights();
            for (PlasticMatrix m : PlasticMatrix.values()) {
                int k = m.firstDifference(chip, handles[m.ordinal()], model, w);
                if (k >= 0) {
                    return new Result(s + 1, "sample " + s + " (dataset index " + i + "): matrix " + m.connection + " at " + m.position(w, k)
                            + (m.negated ? " (negated)" : "") + ": chip " + chip.weight(handles[m.ordinal()], k)
                            + ", functional " + m.expected(model, w, k), chipNanos, model.negatedInstanceDrift());
                }
            }
            if (progress != null) progress.accept(s + 1);
        }
        return new Result(samples, null, chipNanos, model.negatedInstanceDrift());
    }
}
