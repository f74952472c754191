package org.synfire.chip;

import org.synfire.chip.learning.SignMode;

/** How a requested weight becomes a stored synaptic weight (docs/chip.md#weight-encoding). */
public final class WeightEncoding {
    private WeightEncoding() {}

    /** Least-significant bits dropped: 8 − (numWeightBits − isMixed). Mixed 8-bit weights are therefore even. */
    public static int droppedBits(SignMode mode, int numWeightBits) {
        // WeightFormat's checks, without a record per synapse (networks store half a million of them)
        if (mode == null) throw new IllegalArgumentException("signMode is null");
        if (numWeightBits < 1 || numWeightBits > 8) throw new IllegalArgumentException("numWeightBits must be 1..8: " + numWeightBits);
        return 8 - (numWeightBits - (mode == SignMode.MIXED ? 1 : 0));
    }

    /** Smallest weight a sign mode can hold before truncation. */
    public static int min(SignMode mode) {
        return mode == SignMode.EXCITATORY ? 0 : -256;
    }

    /** Largest weight a sign mode can hold before truncation. */
    public static int max(SignMode mode) {
        return mode == SignMode.INHIBITORY ? 0 : 255;
    }

    /** Stored value of a requested weight (truncated to precision toward −∞); throws if outside the sign mode's range. */
    public static int store(int w, SignMode mode, int numWeightBits) {
        if (w < min(mode) || w > max(mode)) {
            throw new IllegalArgumentException("weight " + w + " is outside the " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " range " + min(mode) + ".." + max(mode));
        }
        int n = droppedBits(mode, numWeightBits);
        return (w >> n) << n;
    }
}
