package org.synfire.chip;

/** Loihi 1 integer arithmetic (docs/chip.md#one-time-step). All methods are exact and allocation-free. */
public final class LoihiMath {
    /** Decay denominator: decays are NxSDK-level values 0..4096, no +1 offset (docs/chip.md#where-the-sources-disagree). */
    public static final int DECAY_ONE = 4096;
    /** Threshold and synaptic input are scaled by 2^6 (vTh = vThMant·64, w_eff = w·2^exp·64). */
    public static final int SCALE_SHIFT = 6;
    /** Default voltage limit ±(2^23 − 1) without vMinExp/vMaxExp (docs/chip.md#where-the-sources-disagree). */
    public static final int V_LIMIT = (1 << 23) - 1;

    private LoihiMath() {}

    /** sign(x)·⌊|x|·(4096−D)/4096⌋: rounds toward zero, so decay never increases |x|. */
    public static int decay(int x, int d) {
        if (d == DECAY_ONE || x == 0) return 0;
        if (d == 0) return x;
        long mag = (Math.abs((long) x) * (DECAY_ONE - d)) >> 12;
        return x < 0 ? (int) -mag : (int) mag;
    }

    /** Two's-complement wrap to 24 bits: [−2^23, 2^23). */
    public static int wrap24(int x) {
        return (x << 8) >> 8;
    }

    /** Two's-complement wrap of the dendritic input to [−2^21, 2^21) (docs/chip.md#where-the-sources-disagree). */
    public static int wrapInput(int x) {
        return (x << 10) >> 10;
    }

    public static int clamp(int x, int lo, int hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** vmin = −2^vMinExp + 1 (nengo-loihi's register meaning), or −(2^23 − 1) if unset. */
    public static int vMin(Integer vMinExp) {
        return vMinExp == null ? -V_LIMIT : -(1 << vMinExp) + 1;
    }

    /** vmax = 2^(9 + 2·vMaxExp) − 1, or 2^23 − 1 if unset. */
    public static int vMax(Integer vMaxExp) {
        return vMaxExp == null ? V_LIMIT : (1 << (9 + 2 * vMaxExp)) - 1;
    }
}
