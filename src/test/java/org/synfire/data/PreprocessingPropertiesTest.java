package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.synfire.Gens.ints;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.synfire.Gens;

class PreprocessingPropertiesTest {
    private static final byte[] FIRST_TEST_IMAGE =
            java.util.Arrays.copyOf(Fixtures.raw("mnist", Split.TEST).images().pixels(), Preprocessing.RAW_PIXELS);

    /** Thresholds worth trying: anywhere, the two-decimal values the rounded inputs take, and their neighbours. */
    private static final Gen<Double> THRESHOLDS = thresholds();

    /** A pixel value, 0 to 255. */
    private static final Gen<Integer> PIXEL = ints(0, 255);

    /** A 2x2 block of pixel values. */
    private static final Gen<int[]> BLOCK = Generate.intArrays(Generate.constant(4), PIXEL).describedAs(java.util.Arrays::toString);

    private static Gen<Double> thresholds() {
        Gen<Double> twoDecimals = ints(-5, 105).map(k -> k / 100.0);
        return Generate.oneOf(Gens.doubles(-0.2, 1.2), twoDecimals, twoDecimals.map(Math::nextUp), twoDecimals.map(Math::nextDown));
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

    @Test
    void pixelBitAgreesWithExactArithmetic() {
        qt().withExamples(2000).forAll(PIXEL, THRESHOLDS).checkAssert(PreprocessingPropertiesTest::pixelBitAgreesWithExactArithmetic);
    }

    private static void pixelBitAgreesWithExactArithmetic(int p, double t) {
        assertThat(Preprocessing.pixelBit(p, t)).isEqualTo(exactPixelBit(p, t));
    }

    @Test
    void blockBitAgreesWithExactArithmetic() {
        qt().withExamples(2000).forAll(BLOCK, THRESHOLDS).checkAssert(PreprocessingPropertiesTest::blockBitAgreesWithExactArithmetic);
    }

    private static void blockBitAgreesWithExactArithmetic(int[] block, double t) {
        int a = block[0], b = block[1], c = block[2], d = block[3];
        assertThat(Preprocessing.blockBit(a, b, c, d, t)).isEqualTo(exactBlockBit(a + b + c + d, t));
    }

    @Test
    void binarisationIsMonotoneInThePixelValue() {
        qt().withExamples(1000).forAll(PIXEL, PIXEL, THRESHOLDS).checkAssert(PreprocessingPropertiesTest::binarisationIsMonotoneInThePixelValue);
    }

    private static void binarisationIsMonotoneInThePixelValue(int p, int q, double t) {
        int lo = Math.min(p, q);
        int hi = Math.max(p, q);
        if (Preprocessing.pixelBit(lo, t)) assertThat(Preprocessing.pixelBit(hi, t)).isTrue();
    }

    @Test
    void mnist10IsMonotoneInEachPixelOfTheBlock() {
        record Raise(int raised, int which) {}
        Gen<Raise> raise = PIXEL.zip(ints(0, 3), Raise::new);
        qt().withExamples(1000).forAll(BLOCK, raise, THRESHOLDS)
                .checkAssert((block, r, t) -> mnist10IsMonotoneInEachPixelOfTheBlock(block, r.raised(), r.which(), t));
    }

    private static void mnist10IsMonotoneInEachPixelOfTheBlock(int[] block, int raised, int which, double t) {
        int[] up = block.clone();
        up[which] = Math.max(block[which], raised);
        if (Preprocessing.blockBit(block[0], block[1], block[2], block[3], t)) {
            assertThat(Preprocessing.blockBit(up[0], up[1], up[2], up[3], t)).isTrue();
        }
    }

    @Test
    void wholeImagesAreMonotone() {
        qt().withExamples(200).forAll(ints(0, 783), PIXEL, PIXEL, THRESHOLDS).checkAssert(PreprocessingPropertiesTest::wholeImagesAreMonotone);
    }

    private static void wholeImagesAreMonotone(int pixel, int from, int to, double t) {
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
