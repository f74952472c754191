package org.synfire.nbp.onchip;

import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.nbp.NbpWeights;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

/** Loads the shipped network descriptions and compiles them with W1/W2 as their named matrices. */
final class Networks {
    private Networks() {}

    static NetworkDescription describe(String resource, NbpWeights w) {
        return NetworkLoader.loadResource(resource, Map.of("n_in", w.nIn(), "n_hid", w.nHid(), "n_out", w.nOut()));
    }

    /** Strict weights: every weight of these networks must be stored exactly, or the run would silently differ. */
    static Chip compile(String resource, Map<String, Integer> params, NbpWeights w, long seed) {
        NetworkDescription d = NetworkLoader.loadResource(resource, params);
        Map<String, IntMatrix> matrices = Map.of(
                "W1", new IntMatrix(w.nIn(), w.nHid(), w.w1()),
                "W2", new IntMatrix(w.nHid(), w.nOut(), w.w2()));
        return NetworkCompiler.compile(d, matrices, seed, new NetworkCompiler.Options(true, true)).chip();
    }
}
