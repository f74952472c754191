package org.synfire.data;

/**
 * The authors' input preprocessing (docs/datasets.md#variants-and-binarisation), reproduced in the same double-precision arithmetic so
 * that every threshold gives the bits their numpy/scikit-image pipeline gives, not only the default 0.5.
 *
 * <p>Per image: crop {@code variant.crop} pixels on every side of the 28x28 uint8 image; convert to float the way
 * scikit-image's {@code img_as_float} does ({@code p * (1.0 / 255)}); resize to {@code side x side} with
 * {@code skimage.transform.resize(order=1, anti_aliasing=False, mode='constant')}; divide by 255 again;
 * {@code np.round(v * 256, 2)}, which numpy evaluates as {@code rint(v * 256 * 100) / 100}; the input is 1 iff
 * {@code threshold < value}.
 *
 * <p>The resize is the identity when the side does not change (mnist20, mnist28, fmnist28). For 20 -> 10
 * (mnist10) scipy's zoom samples input coordinate {@code (o + 0.5) * 2 - 0.5 = 2o + 0.5}: weights 0.5/0.5 in each
 * axis, summed over the 2x2 support in row-major order as {@code t += v * w_row * w_col}. skimage then clips the
 * result to the input image's [min, max]; that never changes a value here, because rounding is monotone and a sum
 * of four values in [m, M] each scaled by 1/4 stays in [m, M] (checked for all 256 uniform blocks), so it is left out.
 */
public final class Preprocessing {
    /** Side of a raw MNIST/Fashion-MNIST image. */
    public static final int RAW_SIDE = 28;
    public static final int RAW_PIXELS = RAW_SIDE * RAW_SIDE;

    /** skimage's img_as_float multiplies by the reciprocal rather than dividing (different in 24 of 256 cases). */
    private static final double INV_255 = 1.0 / 255;

    private Preprocessing() {}

    /**
     * Binarises {@code count} raw 28x28 images (row-major, one after the other) for {@code variant}.
     *
     * @return {@code count * variant.inputs()} bytes, each 0 or 1, input {@code k} of image {@code i} at
     *         {@code i * variant.inputs() + k} (row-major over the variant's {@code side x side} grid)
     */
    public static byte[] binarize(byte[] raw28x28Images, int count, Variant variant, double threshold) {
        checkThreshold(threshold);
        if (count < 0 || (long) count * RAW_PIXELS > raw28x28Images.length) {
            throw new IllegalArgumentException(count + " images need " + (long) count * RAW_PIXELS
                    + " bytes, array has " + raw28x28Images.length);
        }
        int inputs = variant.inputs();
        byte[] out = new byte[Math.multiplyExact(count, inputs)];
        int inner = RAW_SIDE - 2 * variant.crop;
        if (inner == variant.side) {
            byte[] table = pixelTable(threshold);
            for (int i = 0; i < count; i++) {
                int src = i * RAW_PIXELS;
                int dst = i * inputs;
                for (int r = 0; r < inner; r++) {
                    int row = src + (r + variant.crop) * RAW_SIDE + variant.crop;
                    for (int c = 0; c < inner; c++) out[dst++] = table[raw28x28Images[row + c] & 0xff];
                }
            }
        } else if (inner == 2 * variant.side) {
            for (int i = 0; i < count; i++) halve(raw28x28Images, i * RAW_PIXELS, variant, threshold, out, i * inputs);
        } else {
            throw new IllegalArgumentException("variant " + variant.cliName() + ": resize " + inner + " -> "
                    + variant.side + " is neither the identity nor a halving");
        }
        return out;
    }

    /** Bit for a raw pixel when the resize is the identity, computed with the pipeline's arithmetic. */
    public static boolean pixelBit(int pixel, double threshold) {
        return threshold < scaledValue(pixel * INV_255);
    }

    /** Bit for one mnist10 output from its 2x2 block {@code a b / c d} of raw pixels (row-major). */
    public static boolean blockBit(int a, int b, int c, int d, double threshold) {
        return threshold < scaledValue(resizedBlock(a, b, c, d));
    }

    /**
     * The resized (20 -> 10) value scikit-image produces for the 2x2 block {@code a b / c d}, as a float in [0, 1].
     */
    public static double resizedBlock(int a, int b, int c, int d) {
        double t = 0.0;
        t += a * INV_255 * 0.5 * 0.5;
        t += b * INV_255 * 0.5 * 0.5;
        t += c * INV_255 * 0.5 * 0.5;
        t += d * INV_255 * 0.5 * 0.5;
        return t;
    }

    /**
     * What the authors' code compares with the threshold, for a resized float {@code v} in [0, 1]:
     * {@code np.round(v / 255. * 256, 2)}.
     */
    public static double scaledValue(double resized) {
        double v = resized / 255.0 * 256;
        return Math.rint(v * 100.0) / 100.0;
    }

    /** 256-entry table of pixel bits for one threshold; each entry is computed by {@link #pixelBit}. */
    private static byte[] pixelTable(double threshold) {
        byte[] table = new byte[256];
        for (int p = 0; p < 256; p++) table[p] = (byte) (pixelBit(p, threshold) ? 1 : 0);
        return table;
    }

    private static void halve(byte[] raw, int src, Variant v, double threshold, byte[] out, int dst) {
        int crop = v.crop;
        for (int orow = 0; orow < v.side; orow++) {
            int top = src + (crop + 2 * orow) * RAW_SIDE + crop;
            int bottom = top + RAW_SIDE;
            for (int ocol = 0; ocol < v.side; ocol++) {
                int x = 2 * ocol;
                boolean bit = blockBit(raw[top + x] & 0xff, raw[top + x + 1] & 0xff,
                        raw[bottom + x] & 0xff, raw[bottom + x + 1] & 0xff, threshold);
                out[dst++] = (byte) (bit ? 1 : 0);
            }
        }
    }

    static void checkThreshold(double threshold) {
        if (!Double.isFinite(threshold)) throw new IllegalArgumentException("threshold must be a finite number, got " + threshold);
    }
}
