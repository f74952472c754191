package org.synfire.chip.learning;

/**
 * Weight precision of a connection (docs/chip.md#weight-encoding). Weights are signed values in weight units: inhibitory
 * weights are negative.
 *
 * @param signMode the sign mode
 * @param numWeightBits 1..8
 */
public record WeightFormat(SignMode signMode, int numWeightBits) {
    public static final WeightFormat MIXED_8 = new WeightFormat(SignMode.MIXED, 8);
    public static final WeightFormat EXCITATORY_8 = new WeightFormat(SignMode.EXCITATORY, 8);
    public static final WeightFormat INHIBITORY_8 = new WeightFormat(SignMode.INHIBITORY, 8);

    public WeightFormat {
        if (signMode == null) throw new IllegalArgumentException("signMode is null");
        if (numWeightBits < 1 || numWeightBits > 8) {
            throw new IllegalArgumentException("numWeightBits must be 1..8: " + numWeightBits);
        }
    }

    public boolean isMixed() {
        return signMode == SignMode.MIXED;
    }

    /** n = 8 - (numWeightBits - isMixed): the dropped LSBs; stored weights are multiples of 2^n. */
    public int droppedBits() {
        return 8 - (numWeightBits - (isMixed() ? 1 : 0));
    }

    /** 2^n, the spacing of stored weights. */
    public int grid() {
        return 1 << droppedBits();
    }

    /** Truncation to the precision, (w >> n) << n: rounds toward minus infinity (docs/chip.md#where-the-sources-disagree). */
    public int truncate(int w) {
        int n = droppedBits();
        return (w >> n) << n;
    }
}
