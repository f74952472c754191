package org.synfire.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.random.NumpyFixtures.doubles;
import static org.synfire.random.NumpyFixtures.get;
import static org.synfire.random.NumpyFixtures.ints;
import static org.synfire.random.NumpyFixtures.longs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NumpyRandomTest {

    @Test
    void mt19937FirstOutputsForTheReferenceSeed5489() {
        // Published MT19937 outputs for init_genrand(5489) (the C reference's default seed).
        NumpyRandom r = new NumpyRandom(5489);
        assertThat(new long[] {r.nextUInt32(), r.nextUInt32(), r.nextUInt32(), r.nextUInt32(), r.nextUInt32()})
                .containsExactly(3499211612L, 581869302L, 3890346734L, 3586334585L, 545404204L);
    }

    @Test
    void uint32StreamMatchesNumpy() {
        NumpyRandom r = new NumpyRandom(5489);
        long[] expected = longs(get("uint32Seed5489"));
        for (long e : expected) assertThat(r.nextUInt32()).isEqualTo(e);
    }

    @Test
    void randomSampleMatchesNumpyBitForBit() {
        NumpyRandom r = new NumpyRandom(43);
        for (double e : doubles(get("randomSampleSeed43"))) assertThat(r.nextDouble()).isEqualTo(e);
    }

    @Test
    void randnMatchesNumpyIncludingTheCachedSecondValue() {
        NumpyRandom r = new NumpyRandom(43);
        for (double e : doubles(get("randnSeed43"))) assertThat(r.randn()).isEqualTo(e);
        // 7 draws leave one cached value, which numpy returns first on the next call.
        for (double e : doubles(get("randnSeed43Next3"))) assertThat(r.randn()).isEqualTo(e);
    }

    @Test
    void randnFillsInRowMajorOrder() {
        NumpyRandom r = new NumpyRandom(1);
        double[] out = new double[15];
        r.randn(out);
        assertThat(out).containsExactly(doubles(get("randn2dSeed1")));
    }

    @Test
    void seedingClearsTheCachedGaussian() {
        NumpyRandom r = new NumpyRandom(43);
        r.randn(); // leaves a cached value
        r.seed(43);
        assertThat(r.randn()).isEqualTo(doubles(get("randnSeed43"))[0]);
    }

    @Test
    void permutationMatchesNumpy() {
        NumpyRandom r = new NumpyRandom(43);
        assertThat(r.permutation(10)).containsExactly(ints(get("permutation10Seed43")));
        r.seed(0);
        assertThat(r.permutation(1000)).containsExactly(ints(get("permutation1000Seed0")));
    }

    @Test
    void fullSizePermutationMatchesNumpy() {
        JsonNode f = get("permutation60000Seed43");
        int[] p = new NumpyRandom(43).permutation(60000);
        assertThat(java.util.Arrays.copyOfRange(p, 0, 10)).containsExactly(ints(f.get("first")));
        assertThat(java.util.Arrays.copyOfRange(p, 59990, 60000)).containsExactly(ints(f.get("last")));
        long weighted = 0;
        for (int i = 0; i < p.length; i++) weighted += (long) i * p[i];
        assertThat(weighted).isEqualTo(f.get("indexWeighted").asLong());
    }

    @Test
    void shuffleOfIndicesEqualsNumpyShuffleOfRowsAndOf1dArrays() {
        int[] idx = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        NumpyRandom r = new NumpyRandom(7);
        r.shuffle(idx);
        assertThat(idx).containsExactly(ints(get("shuffleRowsSeed7")));
        assertThat(idx).containsExactly(ints(get("shuffle1dSeed7")));
        // the stream continues exactly where numpy's does
        long[] after = longs(get("afterShuffleSeed7"));
        assertThat(r.nextUInt32()).isEqualTo(after[0]);
        assertThat(r.nextUInt32()).isEqualTo(after[1]);
    }

    @Test
    void intervalStaysWithinBoundsAndMaskRejects() {
        NumpyRandom r = new NumpyRandom(3);
        for (int i = 0; i < 1000; i++) assertThat(r.interval(5)).isBetween(0L, 5L);
        assertThat(r.interval(0)).isZero();
        long big = (1L << 40) + 3;
        for (int i = 0; i < 100; i++) assertThat(r.interval(big)).isBetween(0L, big);
    }

    @Test
    void stateRoundTripsMidStream() {
        NumpyRandom a = new NumpyRandom(99);
        for (int i = 0; i < 700; i++) a.nextUInt32();
        a.randn();
        NumpyRandom.State s = a.state();
        NumpyRandom b = new NumpyRandom(1);
        b.setState(s);
        for (int i = 0; i < 50; i++) assertThat(b.randn()).isEqualTo(a.randn());
        assertThat(b.state()).isEqualTo(a.state());
    }

    @Test
    void rejectsSeedsNumpyRejects() {
        assertThatThrownBy(() -> new NumpyRandom(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumpyRandom(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        new NumpyRandom(0xFFFF_FFFFL); // the largest numpy accepts
    }
}
