package org.synfire.nbp.sgsc;

import java.util.List;
import java.util.function.LongConsumer;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.net.NetworkDescription;

/**
 * A training network of any depth on the chip against the layered functional model (chip convention):
 * after every sample, the output spikes and every instance of every logical matrix, each negated
 * transpose against the model's own saturating copy.
 */
public final class SgscEquivalence {
    private SgscEquivalence() {}

    /**
     * @param divergence null when identical
     * @param negatedDrift per matrix l ≥ 2, entries of its negated copy that drifted
     * @param weights the model's weights after the last sample compared
     */
    public record Result(long samples, String divergence, long[] negatedDrift, LayeredWeights weights) {
        public boolean identical() {
            return divergence == null;
        }
    }

    public static Result run(NetworkDescription d, Protocol protocol, LayeredWeights initial, BinaryDataset data, int[] order, long samples,
            long seed, boolean checkPhases, LongConsumer progress) {
        SgscChip net = new SgscChip(d, protocol, initial, seed);
        LayeredNbp model = new LayeredNbp(initial, Convention.CHIP);
        int[] sizes = initial.sizes();
        int nOut = sizes[sizes.length - 1];
        byte[] chipOut = new byte[nOut], modelOut = new byte[nOut];
        for (long s = 0; s < samples; s++) {
            int i = order[(int) (s % order.length)];
            int label = data.labels()[i];
            int off = i * data.inputCount();
            net.runSample(data.inputs(), off, label, chipOut, checkPhases);
            model.train(data.inputs(), off, label, modelOut);
            for (int j = 0; j < nOut; j++) {
                if (chipOut[j] != modelOut[j]) {
                    return new Result(s + 1, "sample " + s + " (dataset index " + i + "): output spike " + j + " is " + chipOut[j]
                            + " on chip but " + modelOut[j] + " in the model", drift(model, sizes), model.weights());
                }
            }
            String diff = firstDifference(net, model, protocol, sizes);
            if (diff != null) return new Result(s + 1, "sample " + s + " (dataset index " + i + "): " + diff, drift(model, sizes), model.weights());
            if (progress != null) progress.accept(s + 1);
        }
        return new Result(samples, null, drift(model, sizes), model.weights());
    }

    private static String firstDifference(SgscChip net, LayeredNbp model, Protocol protocol, int[] sizes) {
        LayeredWeights w = model.weights();
        for (int l = 0; l < protocol.matrices().size(); l++) {
            List<Protocol.Instance> inst = protocol.instances().get(protocol.matrices().get(l));
            int rows = sizes[l], cols = sizes[l + 1];
            int[] plain = w.matrix(l);
            int[] negated = null;
            for (int k = 0; k < inst.size(); k++) {
                Protocol.Instance in = inst.get(k);
                int[] want = plain;
                if (in.negate()) {
                    if (negated == null) negated = model.negatedInstance(l + 1);
                    want = negated;
                }
                int[] got = net.instanceWeights(l, k);
                for (int pre = 0; pre < rows; pre++) {
                    for (int post = 0; post < cols; post++) {
                        int g = got[in.transpose() ? post * rows + pre : pre * cols + post];
                        if (g != want[pre * cols + post]) {
                            return "projection " + in.projection() + " at " + protocol.matrices().get(l) + "[" + pre + "][" + post + "]"
                                    + (in.negate() ? " (negated)" : "") + ": chip " + g + ", model " + want[pre * cols + post];
                        }
                    }
                }
            }
        }
        return null;
    }

    private static long[] drift(LayeredNbp model, int[] sizes) {
        long[] d = new long[sizes.length - 1];
        for (int l = 2; l < sizes.length; l++) d[l - 1] = model.negatedInstanceDrift(l);
        return d;
    }
}
