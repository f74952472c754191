package org.synfire.nbp.sgsc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.io.Timeline;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TestEvaluator;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;

/** Test-set inference on the chip through a compiled inference network of any depth, driven by its protocol. */
public final class SgscInference implements TestEvaluator {
    private final long seed;
    private record Cached(int[] sizes, CompiledNetworks network) {}

    /** The inference network of the widths last evaluated: written and parsed once per run, not per evaluation. */
    private volatile Cached cached;

    public SgscInference(long seed) {
        this.seed = seed;
    }

    private CompiledNetworks network(int[] sizes) {
        Cached c = cached;
        if (c == null || !java.util.Arrays.equals(c.sizes(), sizes)) cached = c = new Cached(sizes.clone(), CompiledNetworks.inference(sizes));
        return c.network();
    }

    /**
     * The inference network the compiler writes for these weights' widths, on a chip whose gating ring has
     * started, ready for a stream of samples (for 400-400-10, the shipped 4-phase network).
     */
    public static final class Network {
        private final Chip chip;
        private final int input, output, nIn, nOut, inputPhase, readoutPhase, steps;
        private final int[] scratch;

        public Network(LayeredWeights weights, long seed) {
            this(CompiledNetworks.inference(weights.sizes()), weights, seed);
        }

        /** The network {@code n} (an inference network for these weights' widths) with these weights. */
        public Network(CompiledNetworks n, LayeredWeights weights, long seed) {
            Protocol p = n.protocol();
            int[] sizes = weights.sizes();
            Map<String, IntMatrix> matrices = new LinkedHashMap<>();
            for (int l = 0; l < p.matrices().size(); l++) matrices.put(p.matrices().get(l), new IntMatrix(sizes[l], sizes[l + 1], weights.matrix(l)));
            // strict weights: a weight stored inexactly would make the run silently differ
            chip = NetworkCompiler.compile(n.description(), matrices, seed, new NetworkCompiler.Options(true, true)).chip();
            input = chip.source(p.generator(Protocol.Role.INPUT).name());
            output = chip.source(p.readout().population());
            nIn = sizes[0];
            nOut = sizes[sizes.length - 1];
            inputPhase = p.generator(Protocol.Role.INPUT).phases().get(0);
            readoutPhase = p.readout().phase();
            steps = p.steps();
            scratch = new int[Math.max(nIn, nOut)];
            Protocol.Generator start = p.generator(Protocol.Role.GATE_START);
            chip.schedule(chip.source(start.name()), 0, start.phases().get(0));
            chip.run(steps); // the gate ring starts; no sample yet
        }

        public Chip chip() {
            return chip;
        }

        /** Steps per sample. */
        public int steps() {
            return steps;
        }

        /** Runs one sample and sets out[outOffset + j] to 1 for every output j that spiked (other entries are left alone). */
        public void infer(byte[] x, int xOffset, byte[] out, int outOffset) {
            infer(x, xOffset, out, outOffset, null);
        }

        /** As {@link #infer(byte[], int, byte[], int)}; {@code afterStep}, if not null, runs after each step (counter windows). */
        public void infer(byte[] x, int xOffset, byte[] out, int outOffset, Runnable afterStep) {
            long base = chip.time();
            for (int k = 0; k < nIn; k++) if (x[xOffset + k] != 0) chip.schedule(input, k, base + 1 + inputPhase);
            for (int ph = 0; ph < steps; ph++) {
                chip.step();
                if (afterStep != null) afterStep.run();
                if (ph == readoutPhase) {
                    int f = chip.fired(output, scratch);
                    for (int i = 0; i < f; i++) out[outOffset + scratch[i]] = 1;
                }
            }
        }
    }

    @Override
    public byte[] outputSpikes(LayeredWeights weights, BinaryDataset test) {
        Network net = new Network(network(weights.sizes()), weights, seed);
        int nOut = weights.outputs();
        byte[] out = new byte[test.size() * nOut];
        for (int s = 0; s < test.size(); s++) net.infer(test.inputs(), s * test.inputCount(), out, s * nOut);
        Timeline.mark("on-chip inference", test.size(), "samples");
        return out;
    }
}
