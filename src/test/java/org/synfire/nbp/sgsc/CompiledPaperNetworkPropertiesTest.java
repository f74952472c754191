package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.synfire.Gens.ints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

/**
 * For one hidden layer of any width, the compiler's networks are the shipped paper networks with their
 * parameters set (so every L = 1 run, energy estimate and fit check that once loaded the shipped files sees
 * the same network through the compiler), and the fit checks report what they reported for the shipped files.
 */
class CompiledPaperNetworkPropertiesTest {
    private static final String TRAIN = "/org/synfire/nbp/sgsc-train.yaml", INFER = "/org/synfire/nbp/sgsc-infer.yaml";

    private static NetworkDescription shipped(String resource, int[] w) {
        return NetworkLoader.loadResource(resource, Map.of("n_in", w[0], "n_hid", w[1], "n_out", w[2]));
    }

    /** n_in, n_hid, n_out: mostly small, sometimes wide enough to leave one chip or one Java array. */
    private static Gen<int[]> widths() {
        return ints(1, 1600).zip(ints(1, 4_000_000), ints(1, 40), (a, b, c) -> new int[] {a, b, c});
    }

    @Test
    void theCompiledOneHiddenLayerNetworksAreTheShippedOnesWithTheirParametersSet() {
        qt().withExamples(30).withShrinkCycles(100).forAll(widths()).checkAssert(w -> {
            assertThat(CompiledNetworks.describe(SgscCompiler.trainingNetwork(w))).isEqualTo(shipped(TRAIN, w));
            assertThat(CompiledNetworks.describe(SgscCompiler.inferenceNetwork(w))).isEqualTo(shipped(INFER, w));
            if (CompiledNetworks.fitProblems(w).isEmpty()) {
                assertThat(CompiledNetworks.training(w).description()).isEqualTo(shipped(TRAIN, w));
                assertThat(CompiledNetworks.inference(w).description()).isEqualTo(shipped(INFER, w));
            }
        });
    }

    @Test
    void theFitChecksReportWhatTheShippedFilesReported() {
        qt().withExamples(30).withShrinkCycles(100).forAll(widths()).checkAssert(w -> {
            List<String> fit = NetworkCompiler.fitProblems(shipped(TRAIN, w));
            if (fit.isEmpty()) fit = NetworkCompiler.fitProblems(shipped(INFER, w));
            assertThat(CompiledNetworks.fitProblems(w)).isEqualTo(fit);
            List<String> one = NetworkCompiler.oneChipProblems(shipped(TRAIN, w));
            if (one.isEmpty()) one = NetworkCompiler.oneChipProblems(shipped(INFER, w));
            assertThat(CompiledNetworks.oneChipProblems(w)).isEqualTo(one);
        });
    }

    /** Both kinds of problem exist at these widths, so the properties above compare something. */
    @Test
    void theWidthsReachBothLimits() {
        assertThat(CompiledNetworks.fitProblems(new int[] {400, 400, 10})).isEmpty();
        assertThat(CompiledNetworks.oneChipProblems(new int[] {400, 400, 10})).isEmpty();
        assertThat(CompiledNetworks.oneChipProblems(new int[] {400, 30_000, 10})).isNotEmpty();
        assertThat(CompiledNetworks.fitProblems(new int[] {400, 30_000, 10})).isEmpty();
        assertThat(CompiledNetworks.fitProblems(new int[] {1600, 4_000_000, 10})).isNotEmpty();
    }
}
