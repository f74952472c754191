package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.synfire.Gens;

class PermutationTest {

    @Test
    void aSeededPermutationIsTheFisherYatesShuffleOfSplitMix64() {
        // Worked with an independent transcription of SplitMix64 and Lemire's bounded draw (Python, 64-bit masks):
        // n = 6, seed 7: i = 5..1 swaps p[i] with p[nextInt(i+1)], giving [5, 4, 1, 3, 0, 2]
        assertThat(Permutation.seeded(6, 7).source()).containsExactly(5, 4, 1, 3, 0, 2);
        assertThat(Permutation.seeded(6, 1001).source()).containsExactly(3, 2, 4, 0, 5, 1);
    }

    @Test
    void applyMovesPixelsToWhereThePermutationSays() {
        Permutation p = new Permutation(new int[] {2, 0, 1});
        byte[] src = {0, 9, 1, 2, 3};
        byte[] dst = new byte[4];
        p.apply(src, 2, dst, 1); // dst[1 + k] = src[2 + p[k]]: src[4], src[2], src[3]
        assertThat(dst).containsExactly(0, 3, 1, 2);
    }

    @Test
    void permutationsAreSeededAndTheInverseUndoesThem() {
        qt().forAll(Gens.ints(1, 800), Gens.anyLong()).checkAssert((n, seed) -> {
            Permutation p = Permutation.seeded(n, seed);
            assertThat(Permutation.seeded(n, seed)).isEqualTo(p); // same seed, same permutation
            byte[] image = new byte[n];
            for (int k = 0; k < n; k++) image[k] = (byte) (k * 7 + 3);
            byte[] permuted = new byte[n];
            byte[] back = new byte[n];
            p.apply(image, 0, permuted, 0);
            p.inverse().apply(permuted, 0, back, 0);
            assertThat(back).isEqualTo(image);
            assertThat(p.inverse().inverse()).isEqualTo(p);
        });
    }

    @Test
    void differentSeedsGiveDifferentPermutationsOfTheInputs() {
        assertThat(Permutation.seeded(400, 1001)).isNotEqualTo(Permutation.seeded(400, 1002));
        assertThat(Permutation.seeded(400, 1001).isIdentity()).isFalse();
        assertThat(Permutation.identity(400).isIdentity()).isTrue();
    }

    @Test
    void somethingThatIsNotAPermutationIsRefused() {
        assertThatThrownBy(() -> new Permutation(new int[] {0, 0, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Permutation(new int[] {0, 3, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
