package org.synfire.nbp.sgsc;

import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpWeights;

/** Test support: the paper's 400-400-10 networks as every run builds them, the compiler's output for these widths. */
final class PaperChips {
    private PaperChips() {}

    static final int[] WIDTHS = {400, 400, 10};

    /** The training network (byte for byte the shipped sgsc-train.yaml, see SgscCompilerTest). */
    static CompiledNetworks training() {
        return CompiledNetworks.training(WIDTHS);
    }

    static SgscChip chip(NbpWeights w, long seed) {
        return chip(training(), w, seed);
    }

    static SgscChip chip(CompiledNetworks n, NbpWeights w, long seed) {
        return new SgscChip(n.description(), n.protocol(), LayeredWeights.of(w), seed);
    }

    /** The training network's text with one edit applied; fails if the edit changes nothing. */
    static CompiledNetworks edited(String origin, String from, String to) {
        String good = SgscCompiler.trainingNetwork(WIDTHS);
        String bad = good.replace(from, to);
        if (bad.equals(good)) throw new AssertionError("the edit '" + from + "' matches nothing in the compiled network");
        return CompiledNetworks.of(origin, bad);
    }
}
