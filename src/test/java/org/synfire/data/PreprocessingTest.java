package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    // Worked by hand: value = round(p / 255 / 255 * 256, 2) = round(p * 256 / 65025, 2), input = threshold < value.
    //   p = 128: 0.503914 -> 0.50, and 0.5 < 0.50 is false      p = 129: 0.507851 -> 0.51 -> 1
    //   p = 102: 0.401553 -> 0.40, and 0.4 < 0.40 is false      p = 103: 0.405490 -> 0.41 -> 1
    //   p = 153: 0.602337 -> 0.60, and 0.6 < 0.60 is false      p = 154: 0.606274 -> 0.61 -> 1
    @ParameterizedTest
    @CsvSource({
        "0.5, 128, 0", "0.5, 129, 1", "0.5, 0, 0", "0.5, 255, 1",
        "0.4, 102, 0", "0.4, 103, 1",
        "0.6, 153, 0", "0.6, 154, 1",
    })
    void pixelBoundaries(double threshold, int pixel, int expected) {
        assertThat(Preprocessing.pixelBit(pixel, threshold)).isEqualTo(expected == 1);
        for (Variant v : new Variant[] {Variant.MNIST20, Variant.MNIST28, Variant.FMNIST28}) {
            byte[] raw = new byte[Preprocessing.RAW_PIXELS];
            java.util.Arrays.fill(raw, (byte) pixel);
            byte[] bits = Preprocessing.binarize(raw, 1, v, threshold);
            assertThat(bits).as(v.cliName()).hasSize(v.inputs()).containsOnly(expected);
        }
    }

    @Test
    void scaledValuesAsTheAuthorsRoundThem() {
        assertThat(Preprocessing.scaledValue(128 / 255.0)).isEqualTo(0.50);
        assertThat(Preprocessing.scaledValue(129 / 255.0)).isEqualTo(0.51);
        assertThat(Preprocessing.scaledValue(255 / 255.0)).isEqualTo(1.0); // 255 * 256 / 65025 = 1.003922
        assertThat(Preprocessing.scaledValue(0.0)).isEqualTo(0.0);
    }

    // mnist10: the resized value is the 2x2 block mean m = S / 4, so value = round(S * 64 / 65025, 2).
    //   S = 513: 0.504913 -> 0.50 -> 0 at 0.5      S = 514: 0.505897 -> 0.51 -> 1
    //   S = 411: 0.404521 -> 0.40 -> 0 at 0.4      S = 412: 0.405506 -> 0.41 -> 1
    //   S = 614: 0.604321 -> 0.60 -> 0 at 0.6      S = 615: 0.605306 -> 0.61 -> 1
    @ParameterizedTest
    @CsvSource({
        "0.5, 128, 128, 128, 129, 0", "0.5, 129, 128, 128, 129, 1",
        "0.5, 255, 255, 3, 0, 0", "0.5, 255, 255, 4, 0, 1", "0.5, 0, 3, 255, 255, 0", "0.5, 4, 0, 255, 255, 1",
        "0.4, 103, 103, 103, 102, 0", "0.4, 103, 103, 103, 103, 1",
        "0.6, 154, 154, 153, 153, 0", "0.6, 154, 154, 154, 153, 1",
    })
    void mnist10BlockBoundaries(double threshold, int a, int b, int c, int d, int expected) {
        assertThat(Preprocessing.blockBit(a, b, c, d, threshold)).isEqualTo(expected == 1);
        // The same block placed at output (3, 7) of a whole image: raw rows 4+6, 4+7, columns 4+14, 4+15.
        byte[] raw = new byte[Preprocessing.RAW_PIXELS];
        raw[10 * 28 + 18] = (byte) a;
        raw[10 * 28 + 19] = (byte) b;
        raw[11 * 28 + 18] = (byte) c;
        raw[11 * 28 + 19] = (byte) d;
        byte[] bits = Preprocessing.binarize(raw, 1, Variant.MNIST10, threshold);
        assertThat(bits[3 * 10 + 7]).isEqualTo((byte) expected);
        assertThat(count(bits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"MNIST20", "MNIST28", "FMNIST28"})
    void cropGeometry(Variant v) {
        int crop = 28 - v.side == 8 ? 4 : 0;
        assertThat(v.crop).isEqualTo(crop);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                byte[] raw = new byte[Preprocessing.RAW_PIXELS];
                raw[r * 28 + c] = (byte) 200;
                byte[] bits = Preprocessing.binarize(raw, 1, v, 0.5);
                boolean inside = r >= crop && r < 28 - crop && c >= crop && c < 28 - crop;
                if (inside) {
                    assertThat(bits[(r - crop) * v.side + (c - crop)]).as("raw (%d,%d)", r, c).isEqualTo((byte) 1);
                    assertThat(count(bits)).isEqualTo(1);
                } else {
                    assertThat(count(bits)).as("raw (%d,%d) is cropped away", r, c).isZero();
                }
            }
        }
    }

    @Test
    void mnist10Geometry() {
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                byte[] raw = new byte[Preprocessing.RAW_PIXELS];
                int r = 4 + 2 * i;
                int c = 4 + 2 * j;
                raw[r * 28 + c] = raw[r * 28 + c + 1] = raw[(r + 1) * 28 + c] = raw[(r + 1) * 28 + c + 1] = (byte) 255;
                byte[] bits = Preprocessing.binarize(raw, 1, Variant.MNIST10, 0.5);
                assertThat(bits[i * 10 + j]).isEqualTo((byte) 1);
                assertThat(count(bits)).isEqualTo(1);
            }
        }
        // A bright 2x2 square straddling four output blocks gives each of them only 255 of the 514 needed.
        byte[] raw = new byte[Preprocessing.RAW_PIXELS];
        raw[5 * 28 + 5] = raw[5 * 28 + 6] = raw[6 * 28 + 5] = raw[6 * 28 + 6] = (byte) 255;
        assertThat(count(Preprocessing.binarize(raw, 1, Variant.MNIST10, 0.5))).isZero();
        // The crop border (rows/columns 0..3 and 24..27) never reaches the output.
        byte[] border = new byte[Preprocessing.RAW_PIXELS];
        for (int k = 0; k < 28; k++) {
            for (int t = 0; t < 4; t++) {
                border[t * 28 + k] = border[(27 - t) * 28 + k] = border[k * 28 + t] = border[k * 28 + 27 - t] = (byte) 255;
            }
        }
        assertThat(count(Preprocessing.binarize(border, 1, Variant.MNIST10, 0.5))).isZero();
    }

    @Test
    void imagesAreLaidOutOneAfterAnother() {
        byte[] raw = new byte[3 * Preprocessing.RAW_PIXELS];
        raw[Preprocessing.RAW_PIXELS + 4 * 28 + 4] = (byte) 255; // image 1, first cropped pixel
        raw[2 * Preprocessing.RAW_PIXELS + 23 * 28 + 23] = (byte) 255; // image 2, last cropped pixel
        byte[] bits = Preprocessing.binarize(raw, 3, Variant.MNIST20, 0.5);
        assertThat(bits).hasSize(1200);
        assertThat(count(bits)).isEqualTo(2);
        assertThat(bits[400]).isEqualTo((byte) 1);
        assertThat(bits[1199]).isEqualTo((byte) 1);
    }

    @Test
    void aThresholdBelowZeroOrAboveOneIsAllowed() {
        byte[] raw = new byte[Preprocessing.RAW_PIXELS];
        raw[100] = (byte) 255;
        assertThat(count(Preprocessing.binarize(raw, 1, Variant.MNIST28, -0.01))).isEqualTo(784);
        // 255 gives value round(1.003922, 2) = 1.00: above 0.99, not above 1.0
        assertThat(count(Preprocessing.binarize(raw, 1, Variant.MNIST28, 0.99))).isEqualTo(1);
        assertThat(count(Preprocessing.binarize(raw, 1, Variant.MNIST28, 1.0))).isZero();
    }

    @Test
    void mnistActivityMatchesTheSpecOnTheFixtures() {
        // Spec 1.8 [R]: about 100 of 400 MNIST20 inputs are active on average. The 200 fixture images agree.
        BinaryDataset d = Fixtures.load(Variant.MNIST20, Split.TEST);
        double mean = count(d.inputs()) / (double) d.size();
        assertThat(mean).isBetween(85.0, 115.0);
    }

    static int count(byte[] bits) {
        int n = 0;
        for (byte b : bits) n += b;
        return n;
    }
}
