package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synfire.chip.learning.LearningRule.POST;
import static org.synfire.chip.learning.LearningRule.PRE;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.LearningRule.Visit;

class DependencyAnalysisTest {

    private static LearningRule rule(String text) {
        return RuleParser.parse(text);
    }

    private static int mask(String text, int product) {
        return rule(text).products().get(product).requiredSpikesMask();
    }

    @Test
    void requiredSpikes() {
        // dependency y0 plus a plain x0 factor: both spikes needed
        assertThat(mask("y0*x0*r1*4 - y0*x0*2", 0)).isEqualTo(PRE | POST);
        assertThat(mask("y0*x0*r1*4 - y0*x0*2", 1)).isEqualTo(PRE | POST);
        assertThat(mask("2^-2*x1*y0 - 2^-2*y1*x0", 0)).isEqualTo(POST);
        assertThat(mask("2^-2*x1*y0 - 2^-2*y1*x0", 1)).isEqualTo(PRE);
        assertThat(mask("u0*r1", 0)).isZero();
        // u0 with a plain x0 factor needs the pre spike
        assertThat(mask("u0*x0*x1", 0)).isEqualTo(PRE);
        // (x0 - 1) is non-zero when x0 = 0, so it requires nothing
        assertThat(mask("(x0 - 1)*y0", 0)).isEqualTo(POST);
        assertThat(mask("x0*x0", 0)).isEqualTo(PRE);
        assertThat(PRE).isEqualTo(1);
        assertThat(POST).isEqualTo(2);
    }

    @Test
    void uDependencyEpochs() {
        Product u1 = rule("u1*x1").products().get(0);
        assertThat(u1.dependsOnU()).isTrue();
        // multiples of 2^1
        assertThat(u1.activeInEpoch(0)).isTrue();
        assertThat(u1.activeInEpoch(1)).isFalse();
        assertThat(u1.activeInEpoch(2)).isTrue();
        assertThat(u1.activeInEpoch(3)).isFalse();
        Product u3 = rule("u3").products().get(0);
        // multiples of 8
        assertThat(u3.activeInEpoch(8)).isTrue();
        assertThat(u3.activeInEpoch(4)).isFalse();
        assertThat(u3.activeInEpoch(-8)).isTrue();
        assertThat(u3.activeInEpoch(1L << 40)).isTrue();
        Product u0 = rule("u0").products().get(0);
        for (long e = 0; e < 5; e++) assertThat(u0.activeInEpoch(e)).isTrue();
        Product x0 = rule("x0").products().get(0);
        assertThat(x0.dependsOnU()).isFalse();
        assertThat(x0.activeInEpoch(7)).isTrue();
    }

    @Test
    void visitingCases() {
        assertThat(rule("y0*x0*r1*4 - y0*x0*2").visitingCases()).containsExactly(Visit.PRE_AND_POST);
        assertThat(rule("2^-2*x1*y0 - 2^-2*y1*x0").visitingCases()).containsExactlyInAnyOrder(Visit.PRE, Visit.POST);
        assertThat(rule("u0*r1").visitingCases()).containsExactly(Visit.EVERY_SYNAPSE);
        assertThat(rule("4*2^-7*x1*y0 - 4*2^-7*y1*x0 + 4*x0 - 4*y0").visitingCases())
                .containsExactlyInAnyOrder(Visit.PRE, Visit.POST);
        assertThat(rule("x1*y0-2^-1*u0").visitingCases().stream().map(Visit::mask).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, POST);
    }

    @Test
    void mayChange() {
        LearningRule renner = rule("y0*x0*r1*4 - y0*x0*2");
        CompiledRule compiled = CompiledRule.compile(renner, WeightFormat.MIXED_8);
        for (int spikes = 0; spikes < 4; spikes++) {
            boolean expected = spikes == (PRE | POST);
            assertThat(renner.mayChange(spikes, 5)).isEqualTo(expected);
            assertThat(compiled.mayChange(spikes, 5)).isEqualTo(expected);
        }
        LearningRule decimated = rule("u1*x1 + x0*2");
        // u1: even epochs only; x0 product: whenever pre spiked
        assertThat(decimated.mayChange(0, 2)).isTrue();
        assertThat(decimated.mayChange(0, 3)).isFalse();
        assertThat(decimated.mayChange(PRE, 3)).isTrue();
        assertThat(decimated.mayChange(POST, 3)).isFalse();
    }

    @Test
    void spikesMaskOfState() {
        LearningState s = new LearningState();
        assertThat(s.spikesMask()).isZero();
        s.x0 = 1;
        assertThat(s.spikesMask()).isEqualTo(PRE);
        s.y0 = 1;
        assertThat(s.spikesMask()).isEqualTo(PRE | POST);
        assertThat(s.clear().spikesMask()).isZero();
    }
}
