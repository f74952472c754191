package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.synfire.Gens.ints;

import org.junit.jupiter.api.Test;

class StochasticRoundingTest {

    @Test
    void positive() {
        // 11 / 4 = 2.75: floor 2, fraction 3/4 -> r in {0, 1, 2} rounds up, r = 3 does not
        assertThat(StochasticRounding.round(11, 2, 0)).isEqualTo(3);
        assertThat(StochasticRounding.round(11, 2, 2)).isEqualTo(3);
        assertThat(StochasticRounding.round(11, 2, 3)).isEqualTo(2);
        // only the low 2 bits are read: 0b111 has r = 3
        assertThat(StochasticRounding.round(11, 2, 0b111)).isEqualTo(2);
        // exact values ignore the random bits
        assertThat(StochasticRounding.round(12, 2, -1L)).isEqualTo(3);
    }

    @Test
    void negative() {
        // -5 / 4 = -1.25: floor -2 with fraction 3/4 -> r < 3 gives -1
        assertThat(StochasticRounding.round(-5L, 2, 2, StochasticRounding.Mode.FLOOR)).isEqualTo(-1);
        assertThat(StochasticRounding.round(-5L, 2, 3, StochasticRounding.Mode.FLOOR)).isEqualTo(-2);
        // sign-magnitude: 5 / 4 = 1.25, fraction 1/4 -> r < 1 gives -2
        assertThat(StochasticRounding.round(-5L, 2, 0, StochasticRounding.Mode.SIGN_MAGNITUDE)).isEqualTo(-2);
        assertThat(StochasticRounding.round(-5L, 2, 1, StochasticRounding.Mode.SIGN_MAGNITUDE)).isEqualTo(-1);
    }

    @Test
    void zeroFractionBits() {
        assertThat(StochasticRounding.round(-7, 0, -1L)).isEqualTo(-7);
    }

    /** Over all 2^F random values the results sum to exactly the value: the rounding is unbiased. */
    @Test
    void unbiased() {
        qt().withExamples(500).forAll(ints(-100_000, 100_000), ints(0, 8), booleans().all()).checkAssert(StochasticRoundingTest::unbiased);
    }

    private static void unbiased(int value, int bits, boolean signMagnitude) {
        StochasticRounding.Mode mode = signMagnitude ? StochasticRounding.Mode.SIGN_MAGNITUDE : StochasticRounding.Mode.FLOOR;
        long sum = 0;
        for (long r = 0; r < (1L << bits); r++) {
            long q = StochasticRounding.round(value, bits, r, mode);
            assertThat(q).isBetween(Math.floorDiv((long) value, 1L << bits), Math.floorDiv((long) value, 1L << bits) + 1);
            sum += q;
        }
        assertThat(sum).isEqualTo(value);
    }
}
