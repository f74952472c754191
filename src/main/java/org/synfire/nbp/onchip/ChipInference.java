package org.synfire.nbp.onchip;

import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TestEvaluator;

/**
 * Test-set inference on the chip with the 4-phase network (resource {@code sgsc-infer.yaml}): W1 and W2
 * are loaded as static synapses and the samples stream through, 4 steps each; the readout is the o
 * spike vector of phase 3 (the authors' probe mode 3).
 */
public final class ChipInference implements TestEvaluator {
    public static final String RESOURCE = "/org/synfire/nbp/sgsc-infer.yaml";

    private final long seed;

    public ChipInference(long seed) {
        this.seed = seed;
    }

    /** A compiled inference network, ready for a stream of samples. */
    public static final class Network {
        private final Chip chip;
        private final int input, output, nIn, nOut;
        private final int[] scratch;

        public Network(NbpWeights w, long seed) {
            nIn = w.nIn();
            nOut = w.nOut();
            chip = Networks.compile(RESOURCE, Map.of("n_in", nIn, "n_hid", w.nHid(), "n_out", nOut), w, seed);
            input = chip.source("input");
            output = chip.source("o");
            scratch = new int[Math.max(nIn, nOut)];
            chip.schedule(chip.source("in_g"), 0, Phases.INFER_PHASES - 1);
            chip.run(Phases.INFER_PHASES);
        }

        public Chip chip() {
            return chip;
        }

        /** Runs one sample (4 steps) and writes its output spikes to out[outOffset .. outOffset+nOut). */
        public void infer(byte[] x, int xOffset, byte[] out, int outOffset) {
            inferStepwise(x, xOffset, out, outOffset, null);
        }

        /** As {@link #infer}; {@code afterStep}, if not null, runs after each of the 4 steps. */
        public void inferStepwise(byte[] x, int xOffset, byte[] out, int outOffset, Runnable afterStep) {
            long base = chip.time();
            for (int k = 0; k < nIn; k++) if (x[xOffset + k] != 0) chip.schedule(input, k, base + Phases.INPUT_OFFSET);
            for (int p = 0; p < Phases.INFER_PHASES; p++) {
                chip.step();
                if (afterStep != null) afterStep.run();
                if (p == Phases.OUTPUT_PHASE) {
                    int n = chip.fired(output, scratch);
                    for (int f = 0; f < n; f++) out[outOffset + scratch[f]] = 1;
                }
            }
        }
    }

    @Override
    public byte[] outputSpikes(org.synfire.nbp.LayeredWeights weights, BinaryDataset test) {
        return outputSpikes(weights.oneHiddenLayer(), test);
    }

    /** Output spikes of every test sample, through the 4-phase network with W1 and W2. */
    public byte[] outputSpikes(NbpWeights weights, BinaryDataset test) {
        Network net = new Network(weights, seed);
        byte[] out = new byte[test.size() * weights.nOut()];
        for (int i = 0; i < test.size(); i++) net.infer(test.inputs(), i * test.inputCount(), out, i * weights.nOut());
        return out;
    }
}
