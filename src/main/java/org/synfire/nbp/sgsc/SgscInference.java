package org.synfire.nbp.sgsc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TestEvaluator;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;

/** Test-set inference on the chip through a compiled inference network of any depth, driven by its protocol. */
public final class SgscInference implements TestEvaluator {
    private final long seed;

    public SgscInference(long seed) {
        this.seed = seed;
    }

    @Override
    public byte[] outputSpikes(LayeredWeights weights, BinaryDataset test) {
        CompiledNetworks n = CompiledNetworks.inference(weights.sizes());
        Protocol p = n.protocol();
        int[] sizes = weights.sizes();
        Map<String, IntMatrix> matrices = new LinkedHashMap<>();
        for (int l = 0; l < p.matrices().size(); l++) matrices.put(p.matrices().get(l), new IntMatrix(sizes[l], sizes[l + 1], weights.matrix(l)));
        Chip chip = NetworkCompiler.compile(n.description(), matrices, seed, new NetworkCompiler.Options(true, true)).chip();
        int input = chip.source(p.generator(Protocol.Role.INPUT).name());
        int output = chip.source(p.readout().population());
        Protocol.Generator start = p.generator(Protocol.Role.GATE_START);
        chip.schedule(chip.source(start.name()), 0, start.phases().get(0));
        chip.run(p.steps());
        int nIn = sizes[0], nOut = sizes[sizes.length - 1];
        int inputPhase = p.generator(Protocol.Role.INPUT).phases().get(0);
        int[] scratch = new int[Math.max(nIn, nOut)];
        byte[] out = new byte[test.size() * nOut];
        for (int s = 0; s < test.size(); s++) {
            long base = chip.time();
            for (int k = 0; k < nIn; k++) if (test.inputs()[s * nIn + k] != 0) chip.schedule(input, k, base + 1 + inputPhase);
            for (int ph = 0; ph < p.steps(); ph++) {
                chip.step();
                if (ph == p.readout().phase()) {
                    int f = chip.fired(output, scratch);
                    for (int i = 0; i < f; i++) out[s * nOut + scratch[i]] = 1;
                }
            }
        }
        return out;
    }
}
