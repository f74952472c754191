package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every step in which a silent population hears a presynaptic spike is covered by an inhibitory gate. */
class ExposuresTest {

    @Test
    void thePaperNetworkLeftOUngatedInPhases1And8AndTheCompilerNowInhibitsIt() {
        String compiled = SgscCompiler.trainingNetwork(400, 400, 10);
        assertThat(Exposures.uncovered(CompiledNetworks.of("compiled", compiled))).isEmpty();
        // without the six inhibitions the compiler adds, phase 8 leaves o and its copies open to W2·d1+ (h1 shows d1+ in
        // phase 7), and phase 1 to W2 times the tolerated phase-0 spikes of h1
        String paper = compiled;
        for (String g : List.of("g01", "g08")) {
            for (String o : List.of("o", "o_copy", "o_copy2")) {
                String line = "  - {from: " + g + ", to: " + o + ", type: gi}\n";
                assertThat(paper).contains(line);
                paper = paper.replace(line, "");
            }
        }
        List<Exposures.Exposure> open = Exposures.uncovered(CompiledNetworks.of("paper", paper));
        assertThat(open).extracting(Exposures.Exposure::phase).containsOnly(1, 8);
        assertThat(open).extracting(Exposures.Exposure::population).containsExactlyInAnyOrder("o", "o_copy", "o_copy2", "o", "o_copy", "o_copy2");
        assertThat(open).extracting(Exposures.Exposure::from).containsOnly("h1");
    }

    @Test
    void deeperNetworksHaveNoUncoveredExposure() {
        for (int[] w : new int[][] {{400, 400, 400, 10}, {400, 300, 200, 10}, {400, 200, 200, 200, 10}, {784, 100, 100, 100, 100, 10}}) {
            assertThat(Exposures.uncovered(CompiledNetworks.training(w))).as(java.util.Arrays.toString(w)).isEmpty();
            assertThat(Exposures.uncovered(CompiledNetworks.inference(w))).as("inference " + java.util.Arrays.toString(w)).isEmpty();
        }
    }

    @Test
    void theWidestOneLayerNetworkThatFitsTheChipIsCoveredToo() {
        // 6 n_hid + 2 n_in + 51 + 10 x 8 compartments must stay within 131072 (the compiler's populations for L = 1)
        int widest = 21698;
        assertThat(Exposures.uncovered(CompiledNetworks.training(new int[] {400, widest, 10}))).isEmpty();
        assertThat(CompiledNetworks.training(new int[] {400, widest, 10}).oneChipProblems()).isEmpty();
        assertThat(CompiledNetworks.training(new int[] {400, widest + 1, 10}).oneChipProblems()).singleElement().asString()
                .contains("131076 compartments in all");
        assertThat(Exposures.uncovered(CompiledNetworks.training(new int[] {400, 5000, 5000, 10}))).isEmpty();
    }
}
