package org.synfire.chip.learning;

import java.util.List;

/**
 * A dw rule compiled for one weight format: evaluates the fixed-point update for one synapse without
 * allocating (docs/learning.md#fixed-point-evaluation). Immutable and thread-safe; share one per
 * connection.
 *
 * <p>Steps of {@link #apply}, with s = 7 + n and n = {@link WeightFormat#droppedBits()}:
 * <ol>
 *   <li>acc = w << 7 (16-bit signed: 8 weight bits + sign, 7 fraction bits);</li>
 *   <li>for each product whose dependency is 1 (x0/y0 non-zero, u_k: epoch multiple of 2^k):
 *       P = mantissa * prod sat(V + C), shifted right by max(0, sum widths + mantissaBits - 15),
 *       then left by exponent + 7 (always 0..15), added per {@link LearningOptions.Accumulation};</li>
 *   <li>acc saturated to [-2^15, 2^15 - 1];</li>
 *   <li>acc stochastically rounded to a multiple of 2^s with bits 0..s-1 of randomBits, shifted
 *       back to weight units (a multiple of 2^n);</li>
 *   <li>saturated to the {@link WeightLimits} range of the sign mode.</li>
 * </ol>
 */
public final class CompiledRule {
    /** Accumulator magnitude bits (plus sign): 16-bit signed. */
    public static final int ACCUMULATOR_BITS = 15;
    /** Fraction bits of the accumulator below the weight's LSB. */
    public static final int ACCUMULATOR_FRACTION_BITS = 7;
    private static final long ACC_MIN = -(1L << ACCUMULATOR_BITS);
    private static final long ACC_MAX = (1L << ACCUMULATOR_BITS) - 1;

    private static final int DEP_X0 = 0, DEP_Y0 = 1, DEP_U = 2;
    private static final int V_X0 = 0, V_X1 = 1, V_X2 = 2, V_Y0 = 3, V_Y1 = 4, V_Y2 = 5, V_Y3 = 6, V_R0 = 7,
            V_R1 = 8, V_W = 9, V_D = 10, V_T = 11;

    private final LearningRule rule;
    private final WeightFormat format;
    private final LearningOptions options;

    // per product
    private final int[] depKind;
    private final long[] uMask;
    private final int[] required;
    private final long[] mantissa;
    private final int[] rightShift;
    private final int[] leftShift;
    private final int[] factorStart;
    // per factor, flattened
    private final int[] factorVar;
    private final int[] factorConst;
    private final int[] factorMin;
    private final int[] factorMax;
    private final boolean[] factorSgn;

    private final int roundBits;
    private final int dropped;
    private final int wMin;
    private final int wMax;
    private final boolean saturateEach;
    private final boolean floorShift;
    private final boolean signMagnitude;
    private final boolean deterministicOnGrid;

    private CompiledRule(LearningRule rule, WeightFormat format, LearningOptions options) {
        this.rule = rule;
        this.format = format;
        this.options = options;
        List<Product> products = rule.products();
        int np = products.size();
        depKind = new int[np];
        uMask = new long[np];
        required = new int[np];
        mantissa = new long[np];
        rightShift = new int[np];
        leftShift = new int[np];
        factorStart = new int[np + 1];
        int nf = 0;
        for (Product p : products) nf += p.factors().size();
        factorVar = new int[nf];
        factorConst = new int[nf];
        factorMin = new int[nf];
        factorMax = new int[nf];
        factorSgn = new boolean[nf];
        int f = 0;
        for (int i = 0; i < np; i++) {
            Product p = products.get(i);
            depKind[i] = switch (p.dependency().kind()) {
                case X0 -> DEP_X0;
                case Y0 -> DEP_Y0;
                case U -> DEP_U;
            };
            uMask[i] = (1L << p.dependency().k()) - 1;
            required[i] = p.requiredSpikesMask();
            mantissa[i] = p.mantissa();
            rightShift[i] = p.overflowShift(options.mantissaBits());
            leftShift[i] = p.exponent() + ACCUMULATOR_FRACTION_BITS;
            factorStart[i] = f;
            for (Factor factor : p.factors()) {
                factorVar[f] = code(factor.variable());
                factorConst[f] = factor.constant();
                factorMin[f] = factor.minValue();
                factorMax[f] = factor.maxValue();
                factorSgn[f] = factor.sgn();
                f++;
            }
        }
        factorStart[np] = f;
        dropped = format.droppedBits();
        roundBits = ACCUMULATOR_FRACTION_BITS + dropped;
        wMin = options.limits().min(format);
        wMax = options.limits().max(format);
        saturateEach = options.accumulation() == LearningOptions.Accumulation.SATURATE_EACH_PRODUCT;
        floorShift = options.overflowShift() == LearningOptions.NegativeShift.FLOOR;
        signMagnitude = options.weightRounding() == StochasticRounding.Mode.SIGN_MAGNITUDE;
        deterministicOnGrid = computeDeterministic(products);
    }

    /** Compiles with {@link LearningOptions#DEFAULT}. */
    public static CompiledRule compile(LearningRule rule, WeightFormat format) {
        return compile(rule, format, LearningOptions.DEFAULT);
    }

    /**
     * Compiles a dw rule.
     *
     * @throws IllegalArgumentException "dd rules are not supported yet" (or dt) for other targets
     */
    public static CompiledRule compile(LearningRule rule, WeightFormat format, LearningOptions options) {
        if (rule == null || format == null || options == null) throw new IllegalArgumentException("null argument");
        rule.requireSupported();
        return new CompiledRule(rule, format, options);
    }

    /**
     * The new stored weight of one synapse.
     *
     * @param w the current stored weight (on the format's grid and within its limits)
     * @param s the synapse's variables
     * @param randomBits only bits 0..{@link #randomBitsUsed()}-1 are read, and only when the
     *     accumulator is off the weight grid
     */
    public int apply(int w, LearningState s, long randomBits) {
        final int[] factorStart = this.factorStart, factorVar = this.factorVar, factorConst = this.factorConst;
        long acc = clampAcc((long) w << ACCUMULATOR_FRACTION_BITS);
        long sum = 0;
        final int np = depKind.length;
        for (int i = 0; i < np; i++) {
            int dk = depKind[i];
            if (dk == DEP_X0 ? s.x0 == 0 : dk == DEP_Y0 ? s.y0 == 0 : (s.epochIndex & uMask[i]) != 0) continue;
            long prod = mantissa[i];
            for (int f = factorStart[i], end = factorStart[i + 1]; f < end; f++) {
                // inline switch: a separate accessor is too big for the JIT to inline
                int v = factorConst[f] + switch (factorVar[f]) {
                    case V_X0 -> s.x0;
                    case V_X1 -> s.x1;
                    case V_X2 -> s.x2;
                    case V_Y0 -> s.y0;
                    case V_Y1 -> s.y1;
                    case V_Y2 -> s.y2;
                    case V_Y3 -> s.y3;
                    case V_R0 -> s.r0;
                    case V_R1 -> s.r1;
                    case V_W -> w;
                    case V_D -> s.d;
                    default -> s.t;
                };
                prod *= factorSgn[f] ? Integer.signum(v) : Math.max(factorMin[f], Math.min(factorMax[f], v));
            }
            int r = rightShift[i];
            if (r > 0) prod = floorShift || prod >= 0 ? prod >> r : -((-prod) >> r);
            prod <<= leftShift[i];
            if (saturateEach) {
                acc = clampAcc(acc + clampAcc(prod));
            } else {
                sum += prod;
            }
        }
        if (!saturateEach) acc = clampAcc(acc + sum);
        // stochastic rounding to a multiple of 2^roundBits (see StochasticRounding)
        long mask = (1L << roundBits) - 1;
        long q;
        if (signMagnitude && acc < 0) {
            q = -((-acc >> roundBits) + ((randomBits & mask) < (-acc & mask) ? 1 : 0));
        } else {
            q = (acc >> roundBits) + ((randomBits & mask) < (acc & mask) ? 1 : 0);
        }
        long nw = q << dropped;
        return (int) (nw < wMin ? wMin : nw > wMax ? wMax : nw);
    }

    private static int code(Variable v) {
        return switch (v) {
            case X0 -> V_X0;
            case X1 -> V_X1;
            case X2 -> V_X2;
            case Y0 -> V_Y0;
            case Y1 -> V_Y1;
            case Y2 -> V_Y2;
            case Y3 -> V_Y3;
            case R0 -> V_R0;
            case R1 -> V_R1;
            case W -> V_W;
            case D -> V_D;
            case T -> V_T;
        };
    }

    private static long clampAcc(long v) {
        return v < ACC_MIN ? ACC_MIN : v > ACC_MAX ? ACC_MAX : v;
    }

    /**
     * Whether some product can be non-zero for these spikes ({@link LearningRule#PRE} | {@link
     * LearningRule#POST}) in this epoch. When false, skipping the synapse is exact for any valid
     * on-grid weight.
     */
    public boolean mayChange(int spikesMask, long epochIndex) {
        for (int i = 0; i < required.length; i++) {
            if ((required[i] & ~spikesMask) == 0 && (depKind[i] != DEP_U || (epochIndex & uMask[i]) == 0)) return true;
        }
        return false;
    }

    /**
     * True if {@link #apply} never reads randomBits for a weight on the grid within the limits,
     * whatever the state: every product adds a multiple of the grid and saturation cannot leave
     * the grid. Conservative: false means randomness may be needed.
     */
    public boolean isDeterministicOnGrid() {
        return deterministicOnGrid;
    }

    /** Random bits read by {@link #apply}: bits 0..(7 + n - 1), at most 15. */
    public int randomBitsUsed() {
        return roundBits;
    }

    public int minWeight() {
        return wMin;
    }

    public int maxWeight() {
        return wMax;
    }

    public LearningRule rule() {
        return rule;
    }

    public WeightFormat format() {
        return format;
    }

    public LearningOptions options() {
        return options;
    }

    private boolean computeDeterministic(List<Product> products) {
        // A saturated top (2^15 - 1) rounds to 256 - 2^n or 256; both clamp to wMax if wMax <= 256 - 2^n.
        if (wMax > 256 - format.grid()) return false;
        int nonZero = 0;
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            if (p.mantissa() == 0) continue;
            nonZero++;
            // contribution = (m * F >> r) << (e + 7) is a multiple of 2^(7 + n) for every F if ...
            int multipleBits = rightShift[i] == 0
                    ? Long.numberOfTrailingZeros(Math.abs(mantissa[i])) + leftShift[i]
                    : leftShift[i];
            if (multipleBits < roundBits) return false;
            if (saturateEach && maxContribution(p, i) > ACC_MAX) return false;
        }
        // Per-product saturation in sequence can leave the grid (2^15 - 1 then a subtraction).
        return !saturateEach || nonZero <= 1;
    }

    private long maxContribution(Product p, int i) {
        long m = Math.abs(mantissa[i]);
        for (Factor f : p.factors()) m *= f.maxMagnitude();
        return (m >> rightShift[i]) << leftShift[i];
    }

    @Override
    public String toString() {
        return "CompiledRule[" + rule + ", " + format + ", " + options + "]";
    }
}
