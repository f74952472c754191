package org.synfire.chip.learning;

/**
 * A variable that can appear as a factor of a product. The u_k dependencies are not variables; they
 * only appear as {@link Dependency}.
 *
 * <p>{@link #width()} is the factor width in bits used by the overflow shift
 * (docs/learning.md#fixed-point-evaluation); a factor's value {@code V + C} is saturated to
 * {@code [-2^width, 2^width - 1]} (as LAVA does).
 */
public enum Variable {
    X0("x0", 1),
    X1("x1", 7),
    X2("x2", 7),
    Y0("y0", 1),
    Y1("y1", 7),
    Y2("y2", 7),
    Y3("y3", 7),
    R0("r0", 1),
    R1("r1", 7),
    W("w", 9),
    /** Learned delay; width as LAVA's tag_2 (7 bits + sign). */
    D("d", 8),
    /** Tag; width as LAVA's tag_1 (8 bits + sign). */
    T("t", 9);

    private final String symbol;
    private final int width;

    Variable(String symbol, int width) {
        this.symbol = symbol;
        this.width = width;
    }

    public String symbol() {
        return symbol;
    }

    public int width() {
        return width;
    }

    /** w, d and t: the synaptic variables, the only ones {@code sgn(...)} accepts. */
    public boolean isSynaptic() {
        return this == W || this == D || this == T;
    }

    /** The variable with this symbol, or null. */
    public static Variable bySymbol(String symbol) {
        for (Variable v : values()) {
            if (v.symbol.equals(symbol)) return v;
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
