package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PreprocessingProperties {
    private static final byte[] FIRST_TEST_IMAGE =
            java.util.Arrays.copyOf(Fixtures.raw("mnist", Split.TEST).images().pixels(), Preprocessing.RAW_PIXELS);

    /** Thresholds worth trying: anywhere, the two-decimal values the rounded inputs take, and their neighbours. */
    @Provide
    Arbitrary<Double> thresholds() {
        Arbitrary<Double> twoDecimals = Arbitraries.integers().between(-5, 105).map(k -> k / 100.0);
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-0.2, 1.2),
                twoDecimals,
                twoDecimals.map(Math::nextUp),
                twoDecimals.map(Math::nextDown));
    }

    /**
     * Independent oracle: with exact rational arithmetic, 100 * value = p * 256 * 100 / 65025 = p * 1024 / 2601
     * (never exactly halfway, so rounding direction is unambiguous), and the pipeline's value is k / 100.0 in doubles.
     */
    static boolean exactPixelBit(int p, double threshold) {
        long k = Math.floorDiv(2L * p * 1024 + 2601, 2L * 2601);
        return threshold < k / 100.0;
    }

    /** Same for a 2x2 block mean: 100 * value = (S / 4) * 25600 / 65025 = S * 256 / 2601. */
    static boolean exactBlockBit(int sum, double threshold) {
        long k = Math.floorDiv(2L * sum * 256 + 2601, 2L * 2601);
        return threshold < k / 100.0;
    }

    @Property(tries = 2000)
    void pixelBitAgreesWithExactArithmetic(@ForAll @IntRange(max = 255) int p, @ForAll("thresholds") double t) {
        assertThat(Preprocessing.pixelBit(p, t)).isEqualTo(exactPixelBit(p, t));
    }

    @Property(tries = 2000)
    void blockBitAgreesWithExactArithmetic(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                           @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d,
                                           @ForAll("thresholds") double t) {
        assertThat(Preprocessing.blockBit(a, b, c, d, t)).isEqualTo(exactBlockBit(a + b + c + d, t));
    }

    @Property(tries = 1000)
    void binarisationIsMonotoneInThePixelValue(@ForAll @IntRange(max = 255) int p, @ForAll @IntRange(max = 255) int q,
                                               @ForAll("thresholds") double t) {
        int lo = Math.min(p, q);
        int hi = Math.max(p, q);
        if (Preprocessing.pixelBit(lo, t)) assertThat(Preprocessing.pixelBit(hi, t)).isTrue();
    }

    @Property(tries = 1000)
    void mnist10IsMonotoneInEachPixelOfTheBlock(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                                @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d,
                                                @ForAll @IntRange(max = 255) int raised, @ForAll @IntRange(max = 3) int which,
                                                @ForAll("thresholds") double t) {
        int[] block = {a, b, c, d};
        int[] up = block.clone();
        up[which] = Math.max(block[which], raised);
        if (Preprocessing.blockBit(block[0], block[1], block[2], block[3], t)) {
            assertThat(Preprocessing.blockBit(up[0], up[1], up[2], up[3], t)).isTrue();
        }
    }

    @Property(tries = 200)
    void wholeImagesAreMonotone(@ForAll @IntRange(min = 0, max = 783) int pixel, @ForAll @IntRange(max = 255) int from,
                                @ForAll @IntRange(max = 255) int to, @ForAll("thresholds") double t) {
        // Brightening one pixel of a (fixture) image never turns an input off, in any variant.
        byte[] raw = FIRST_TEST_IMAGE.clone();
        raw[pixel] = (byte) Math.min(from, to);
        byte[] brighter = raw.clone();
        brighter[pixel] = (byte) Math.max(from, to);
        for (Variant v : Variant.values()) {
            byte[] x = Preprocessing.binarize(raw, 1, v, t);
            byte[] y = Preprocessing.binarize(brighter, 1, v, t);
            for (int k = 0; k < x.length; k++) assertThat(y[k]).isGreaterThanOrEqualTo(x[k]);
        }
    }
}
