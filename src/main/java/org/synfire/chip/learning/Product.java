package org.synfire.chip.learning;

import java.util.List;

/**
 * One product {@code S * dependency * factor * ...} of a rule, with scaling
 * {@code S = mantissa * 2^exponent}.
 *
 * @param mantissa signed 4-bit scaling mantissa, -8..7
 * @param exponent scaling exponent, -7..8 (the chip stores exponent + 7); 0 when mantissa is 0
 * @param dependency the gating dependency
 * @param factors the remaining factors in rule order (at most {@link #MAX_FACTORS})
 */
public record Product(int mantissa, int exponent, Dependency dependency, List<Factor> factors) {
    public static final int MIN_MANTISSA = -8;
    public static final int MAX_MANTISSA = 7;
    public static final int MIN_EXPONENT = -7;
    public static final int MAX_EXPONENT = 8;
    /**
     * Factors per product, not counting dependency and constants. Keeps the exact product within a
     * long (8 * (2^9)^6 = 2^57); the rules in the sources use at most three.
     */
    public static final int MAX_FACTORS = 6;

    public Product {
        if (mantissa < MIN_MANTISSA || mantissa > MAX_MANTISSA) {
            throw new IllegalArgumentException("mantissa out of -8..7: " + mantissa);
        }
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("exponent out of -7..8: " + exponent);
        }
        if (dependency == null) throw new IllegalArgumentException("dependency is null");
        if (mantissa == 0) exponent = 0; // one representation of zero, so equal products compare equal
        factors = List.copyOf(factors);
        if (factors.size() > MAX_FACTORS) {
            throw new IllegalArgumentException("more than " + MAX_FACTORS + " factors: " + factors.size());
        }
    }

    /**
     * Which spikes must be present for this product to be non-zero: bit value {@link
     * LearningRule#PRE} (x0) and/or {@link LearningRule#POST} (y0). Counts the dependency and every
     * plain x0/y0 factor with C = 0.
     */
    public int requiredSpikesMask() {
        int mask = dependency.spikeMask();
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            if (f.requires(Variable.X0)) mask |= LearningRule.PRE;
            if (f.requires(Variable.Y0)) mask |= LearningRule.POST;
        }
        return mask;
    }

    /** Whether the dependency is u_k. */
    public boolean dependsOnU() {
        return dependency.kind() == Dependency.Kind.U;
    }

    /** False in epochs where a u_k dependency is 0 (index not a multiple of 2^k). */
    public boolean activeInEpoch(long epochIndex) {
        return dependency.activeInEpoch(epochIndex);
    }

    /** Sum of the factor widths (the dependency and the scaling are not counted). */
    public int factorWidthSum() {
        int sum = 0;
        for (int i = 0; i < factors.size(); i++) sum += factors.get(i).width();
        return sum;
    }

    /** The overflow right shift (docs/learning.md#fixed-point-evaluation): max(0, sum of widths + mantissaBits - 15). */
    public int overflowShift(int mantissaBits) {
        return Math.max(0, factorWidthSum() + mantissaBits - CompiledRule.ACCUMULATOR_BITS);
    }

    /** The product as rule text with its sign, e.g. {@code -2*y0*x0}. */
    @Override
    public String toString() {
        return (mantissa < 0 ? "-" : "") + unsignedText();
    }

    /** The product text without the sign of the mantissa. */
    String unsignedText() {
        StringBuilder b = new StringBuilder();
        int m = Math.abs(mantissa);
        if (exponent == 0) {
            if (m != 1) b.append(m).append('*');
        } else {
            if (m != 1) b.append(m).append('*');
            b.append("2^").append(exponent).append('*');
        }
        b.append(dependency);
        for (Factor f : factors) b.append('*').append(f);
        return b.toString();
    }
}
