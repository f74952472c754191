package org.synfire.net;

import org.synfire.chip.CompartmentField;
import org.synfire.chip.WeightEncoding;
import org.synfire.chip.learning.SignMode;

/**
 * Splits values in weight units into the mantissa·2^exponent form the chip stores, for synaptic
 * weights and for compartment biases. What the chip can hold is asked of {@link WeightEncoding}, so
 * these rules follow the emulator's encoding exactly.
 */
public final class WeightSplit {
    public static final int MIN_EXPONENT = -8, MAX_EXPONENT = 7;
    /** The bias fields' ranges, as CompartmentField declares them. */
    public static final int BIAS_MANT_MIN = CompartmentField.BIAS_MANT.domain().min(), BIAS_MANT_MAX = CompartmentField.BIAS_MANT.domain().max(),
            BIAS_EXP_MAX = CompartmentField.BIAS_EXP.domain().max();

    private WeightSplit() {}

    /** A stored mantissa and its exponent; {@link #value()} is the weight in weight units the chip then applies. */
    public record Split(int mantissa, int exponent) {
        public int value() {
            return effective(mantissa, exponent);
        }

        @Override
        public String toString() {
            return mantissa + "·2^" + exponent;
        }
    }

    /** The weight (weight units) a stored mantissa contributes: ⌊m·2^e⌋, floor for negative exponents as on the chip. */
    public static int effective(int mantissa, int exponent) {
        return exponent >= 0 ? mantissa << exponent : mantissa >> -exponent;
    }

    /**
     * Mantissa requested for {@code weight} at {@code exponent}, before precision truncation: ⌊w / 2^e⌋
     * for e ≥ 0 (the chip's arithmetic-shift rounding), w·2^−e for e &lt; 0. Null if it cannot fit the sign
     * mode's range (or an int).
     */
    static Integer requestedMantissa(int weight, int exponent, SignMode mode) {
        // a weight of the wrong sign must not "fit" by shifting down to 0
        if ((mode == SignMode.EXCITATORY && weight < 0) || (mode == SignMode.INHIBITORY && weight > 0)) return null;
        long m = exponent >= 0 ? weight >> exponent : (long) weight << -exponent;
        if (m < WeightEncoding.min(mode) || m > WeightEncoding.max(mode)) return null;
        return (int) m;
    }

    /** The split of {@code weight} at a fixed exponent, or null if out of range there. The result may be inexact. */
    public static Split at(int weight, int exponent, SignMode mode, int numWeightBits) {
        Integer m = requestedMantissa(weight, exponent, mode);
        if (m == null) return null;
        return new Split(WeightEncoding.store(m, mode, numWeightBits), exponent);
    }

    /** True if {@code weight} is stored exactly at {@code exponent}. */
    public static boolean exactAt(int weight, int exponent, SignMode mode, int numWeightBits) {
        Split s = at(weight, exponent, mode, numWeightBits);
        return s != null && s.value() == weight;
    }

    /**
     * The exponent to use for a set of weights when none is given: the smallest exponent in 0..7 at
     * which every weight is stored exactly (the authors' calculate_mant_exp arrives at the same
     * mantissas: 8704 → 136·2^6, 520 → 130·2^2); failing that the exponent in −1..−8 closest to zero
     * at which every weight is exact (odd weights under mixed sign, e.g. 1 → 2·2^−1); failing that the
     * smallest exponent in 0..7 at which every weight is in range, where some are then truncated.
     * Returns null if some weight is out of range at every exponent.
     */
    public static Integer autoExponent(int[] weights, SignMode mode, int numWeightBits) {
        for (int e = 0; e <= MAX_EXPONENT; e++) if (allExact(weights, e, mode, numWeightBits)) return e;
        for (int e = -1; e >= MIN_EXPONENT; e--) if (allExact(weights, e, mode, numWeightBits)) return e;
        for (int e = 0; e <= MAX_EXPONENT; e++) if (allInRange(weights, e, mode)) return e;
        return null;
    }

    /** {@link #autoExponent} for one weight, with its split; null if out of range at every exponent. */
    public static Split split(int weight, SignMode mode, int numWeightBits) {
        Integer e = autoExponent(new int[] {weight}, mode, numWeightBits);
        return e == null ? null : at(weight, e, mode, numWeightBits);
    }

    private static boolean allExact(int[] w, int e, SignMode mode, int bits) {
        for (int x : w) if (!exactAt(x, e, mode, bits)) return false;
        return true;
    }

    private static boolean allInRange(int[] w, int e, SignMode mode) {
        for (int x : w) if (requestedMantissa(x, e, mode) == null) return false;
        return true;
    }

    /** Largest magnitude of a weight representable in some way under a sign mode: 255·2^7 or 256·2^7. */
    public static String rangeDescription(SignMode mode) {
        return effective(WeightEncoding.min(mode), MAX_EXPONENT) + ".." + effective(WeightEncoding.max(mode), MAX_EXPONENT);
    }

    /** The sign mode the authors' create_conn_prototype picks: excitatory if all &gt; 0, inhibitory if all &lt; 0, else mixed. */
    public static SignMode defaultSignMode(int[] weights) {
        if (weights.length == 0) return SignMode.MIXED;
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int w : weights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        if (min > 0) return SignMode.EXCITATORY;
        if (max < 0) return SignMode.INHIBITORY;
        return SignMode.MIXED;
    }

    /**
     * Bias in weight units → (biasMant, biasExp): the membrane bias is weight·64 (input scaling 2^6)
     * and must equal biasMant·2^biasExp with biasMant in −4096..4095 and biasExp in 0..7; the smallest
     * such exponent is chosen (−8192 → −524288 = −4096·2^7). Null if no exact split exists.
     */
    public static Split bias(int biasWeightUnits) {
        return biasMembrane((long) biasWeightUnits << 6);
    }

    /**
     * Bias in membrane units (the units of v: weight units × 64) → (biasMant, biasExp) with the smallest exponent:
     * 100 → 100·2^0, 5000 → 2500·2^1, −524288 → −4096·2^7. Null if no exact split exists (5001: odd, and beyond 4095).
     */
    public static Split biasMembrane(long membrane) {
        for (int e = 0; e <= BIAS_EXP_MAX; e++) {
            if (membrane % (1L << e) != 0) break;
            long m = membrane >> e;
            if (m >= BIAS_MANT_MIN && m <= BIAS_MANT_MAX) return new Split((int) m, e);
        }
        return null;
    }

    /**
     * The biases nearest to {@code membrane} (membrane units) that a compartment can hold, below and above it (equal when
     * it can be held); an end is absent beyond the largest bias, −4096·2^7 … 4095·2^7.
     */
    public static long[] nearestBiases(long membrane) {
        long below = Long.MIN_VALUE, above = Long.MAX_VALUE;
        for (int e = 0; e <= BIAS_EXP_MAX; e++) {
            long step = 1L << e, lo = (long) BIAS_MANT_MIN << e, hi = (long) BIAS_MANT_MAX << e;
            long down = Math.min(hi, Math.floorDiv(membrane, step) * step), up = Math.max(lo, -Math.floorDiv(-membrane, step) * step);
            if (down >= lo && down <= membrane) below = Math.max(below, down);
            if (up <= hi && up >= membrane) above = Math.min(above, up);
        }
        return new long[] {below, above};
    }
}
