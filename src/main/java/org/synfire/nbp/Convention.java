package org.synfire.nbp;

/**
 * The two ways the matrix model is computed (docs/design.md#conventions). They differ only in the backward pass's
 * W2, the upper saturation test and the clip range.
 */
public enum Convention {
    /** Loihi-faithful: backward pass uses W2 before this sample's update; saturated iff a > 1024; clip [-256, 254]. */
    CHIP(1024, -256, 254, true),
    /** The authors' numpy_simulation.py: W2 after the update (and clip); saturated iff a > 1023; clip [-254, 254]. */
    REFERENCE(1023, -254, 254, false);

    /** A unit is "above saturation" iff its input sum is strictly greater than this. */
    public final int saturation;
    public final int weightMin;
    public final int weightMax;
    /** True when s = W2·d2 is computed with W2 before this sample's W2 update. */
    public final boolean backpropBeforeUpdate;

    Convention(int saturation, int weightMin, int weightMax, boolean backpropBeforeUpdate) {
        this.saturation = saturation;
        this.weightMin = weightMin;
        this.weightMax = weightMax;
        this.backpropBeforeUpdate = backpropBeforeUpdate;
    }

    /** The CLI spelling: "chip" or "reference". */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Convention parse(String s) {
        for (Convention c : values()) {
            if (c.cliName().equalsIgnoreCase(s)) return c;
        }
        throw new org.synfire.UserError("unknown --convention '" + s + "' (use chip or reference)");
    }
}
