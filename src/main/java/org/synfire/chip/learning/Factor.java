package org.synfire.chip.learning;

/**
 * One factor {@code (V + C)} or {@code sgn(V + C)} of a product. Scaling constants are not
 * factors; the parser folds them into the product's scaling.
 *
 * @param variable V
 * @param constant C, in {@link #MIN_CONSTANT}..{@link #MAX_CONSTANT} (8 bits + sign)
 * @param sgn whether the factor is {@code sgn(V + C)}; only for w, d, t
 */
public record Factor(Variable variable, int constant, boolean sgn) {
    public static final int MIN_CONSTANT = -256;
    public static final int MAX_CONSTANT = 255;
    /**
     * Width of an {@code sgn(...)} factor in the overflow shift. Its value is -1, 0 or 1, so it
     * counts as 1 bit like x0; LAVA counts the variable's own width instead (documented open point).
     */
    public static final int SGN_WIDTH = 1;

    public Factor {
        if (variable == null) throw new IllegalArgumentException("variable is null");
        if (constant < MIN_CONSTANT || constant > MAX_CONSTANT) {
            throw new IllegalArgumentException("constant out of " + MIN_CONSTANT + ".." + MAX_CONSTANT + ": " + constant);
        }
        if (sgn && !variable.isSynaptic()) {
            throw new IllegalArgumentException("sgn(...) only applies to w, d or t, not " + variable);
        }
    }

    public static Factor of(Variable v) {
        return new Factor(v, 0, false);
    }

    /** Bits this factor contributes to the overflow shift. */
    public int width() {
        return sgn ? SGN_WIDTH : variable.width();
    }

    /** Lower saturation bound of {@code V + C}: -2^width of the variable. */
    public int minValue() {
        return -(1 << variable.width());
    }

    /** Upper saturation bound of {@code V + C}: 2^width - 1 of the variable. */
    public int maxValue() {
        return (1 << variable.width()) - 1;
    }

    /** The largest magnitude the factor's value can take. */
    public int maxMagnitude() {
        return sgn ? 1 : 1 << variable.width();
    }

    /** Whether the factor is zero unless {@code v} is 1: a plain x0/y0/r0 with C = 0. */
    public boolean requires(Variable v) {
        return variable == v && constant == 0 && !sgn;
    }

    @Override
    public String toString() {
        String inner = constant == 0 ? variable.symbol()
                : variable.symbol() + (constant < 0 ? " - " + (-(long) constant) : " + " + constant);
        if (sgn) return "sgn(" + inner + ")";
        return constant == 0 ? inner : "(" + inner + ")";
    }
}
