package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synfire.io.Npy;

/**
 * Compares the Java preprocessing with what scikit-image 0.19.3 / NumPy computed for the authors' pipeline on the
 * fixture images (values produced by src/test/resources/fixtures/make_fixtures.py, see the README there).
 */
class SkimageReferenceTest {

    static Stream<Arguments> references() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Variant v : Variant.values()) {
            for (double t : new double[] {0.4, 0.5, 0.6}) b.add(Arguments.of(v, Split.TEST, t));
        }
        b.add(Arguments.of(Variant.MNIST10, Split.TRAIN, 0.5));
        b.add(Arguments.of(Variant.MNIST20, Split.TRAIN, 0.5));
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} threshold {2}")
    @MethodSource("references")
    void binarisedInputsMatchScikitImage(Variant variant, Split split, double threshold) {
        byte[] expected = unpack(reference(variant.cliName() + "-" + split.filePrefix + "-" + threshold + ".npy"), variant.inputs());
        BinaryDataset actual = Fixtures.load(variant, split, threshold);
        assertThat(actual.inputCount()).isEqualTo(variant.inputs());
        assertThat(actual.size() * variant.inputs()).isEqualTo(expected.length);
        int differing = 0;
        int firstDiff = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual.inputs()[i]) {
                if (firstDiff < 0) firstDiff = i;
                differing++;
            }
        }
        assertThat(differing).as("bits differing from skimage (first at sample %d input %d)",
                firstDiff / Math.max(1, variant.inputs()), firstDiff % Math.max(1, variant.inputs())).isZero();
        assertThat(PreprocessingTest.count(expected)).as("reference is not trivial").isGreaterThan(actual.size() * 10);
    }

    @Test
    void craftedBlocksGiveScikitImagesDoublesBitForBit() {
        Npy.Array imagesArr = Npy.read(Fixtures.resource("/fixtures/reference/crafted20-images.npy"));
        byte[] images = imagesArr.toByteArray();
        double[] resized = Npy.read(Fixtures.resource("/fixtures/reference/crafted20-resized.npy")).toDoubleArray();
        double[] value = Npy.read(Fixtures.resource("/fixtures/reference/crafted20-value.npy")).toDoubleArray();
        int n = imagesArr.shape()[0];
        assertThat(imagesArr.shape()).containsExactly(n, 400);
        assertThat(resized).hasSize(n * 100);
        int nearBoundary = 0;
        for (int i = 0; i < n; i++) {
            byte[] raw28 = embed(images, i);
            for (int o = 0; o < 100; o++) {
                int r = 2 * (o / 10);
                int c = 2 * (o % 10);
                int a = images[i * 400 + r * 20 + c] & 0xff;
                int b = images[i * 400 + r * 20 + c + 1] & 0xff;
                int cc = images[i * 400 + (r + 1) * 20 + c] & 0xff;
                int d = images[i * 400 + (r + 1) * 20 + c + 1] & 0xff;
                int k = i * 100 + o;
                assertThat(Double.doubleToRawLongBits(Preprocessing.resizedBlock(a, b, cc, d)))
                        .as("image %d output %d: block %d %d %d %d", i, o, a, b, cc, d)
                        .isEqualTo(Double.doubleToRawLongBits(resized[k]));
                assertThat(Preprocessing.scaledValue(resized[k])).isEqualTo(value[k]);
                int sum = a + b + cc + d;
                if (sum == 411 || sum == 412 || sum == 513 || sum == 514 || sum == 614 || sum == 615) nearBoundary++;
            }
            for (double t : new double[] {0.4, 0.5, 0.6}) {
                byte[] bits = Preprocessing.binarize(raw28, 1, Variant.MNIST10, t);
                for (int o = 0; o < 100; o++) {
                    assertThat(bits[o]).as("image %d output %d threshold %s", i, o, t)
                            .isEqualTo((byte) (t < value[i * 100 + o] ? 1 : 0));
                }
            }
        }
        assertThat(nearBoundary).as("crafted blocks at the 0.4/0.5/0.6 boundaries").isGreaterThanOrEqualTo(240);
    }

    /** Puts crafted 20x20 image {@code i} in the centre of a 28x28 image, where the 4-pixel crop takes it from. */
    private static byte[] embed(byte[] images, int i) {
        byte[] raw = new byte[Preprocessing.RAW_PIXELS];
        for (int r = 0; r < 20; r++) System.arraycopy(images, i * 400 + r * 20, raw, (r + 4) * 28 + 4, 20);
        return raw;
    }

    private static byte[] reference(String name) {
        return Npy.read(Fixtures.resource("/fixtures/reference/" + name)).toByteArray();
    }

    /** Inverse of {@code np.packbits(bits, axis=1)}: rows of {@code ceil(width / 8)} bytes, most significant bit first. */
    private static byte[] unpack(byte[] packed, int width) {
        int rowBytes = (width + 7) / 8;
        int rows = packed.length / rowBytes;
        byte[] out = new byte[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < width; k++) {
                out[r * width + k] = (byte) ((packed[r * rowBytes + k / 8] >> (7 - k % 8)) & 1);
            }
        }
        return out;
    }
}
