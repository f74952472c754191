package org.synfire.chip;

/**
 * A learning rule as NxSDK's {@code createLearningRule} takes it: the dw expression, trace parameters
 * and the epoch length. Connections refer to it by handle; all connections of one rule share its
 * single reinforcement channel (docs/chip.md#where-the-sources-disagree).
 *
 * @param dw sum-of-products expression, e.g. {@code y0*x0*r1*4 - y0*x0*2}
 * @param tEpoch the rule runs after steps that are multiples of tEpoch (1..63)
 */
public record LearningSpec(String name, String dw, Trace x1, Trace x2, Trace y1, Trace y2, Trace y3, Trace r1, int tEpoch) {

    /** Impulse added when the trace's source spikes in an epoch (integer part plus a fraction), and its time constant in epochs (0 = no carry-over). */
    public record Trace(double impulse, int timeConstant) {
        public static final Trace OFF = new Trace(0, 0);

        public Trace {
            if (!(impulse >= 0 && impulse <= 127)) throw new IllegalArgumentException("trace impulse " + impulse + " is outside 0..127");
            if (timeConstant < 0) throw new IllegalArgumentException("negative trace time constant " + timeConstant);
        }

        public boolean isOff() {
            return impulse == 0;
        }
    }

    public LearningSpec {
        if (tEpoch < 1 || tEpoch > 63) throw new IllegalArgumentException(name + ": tEpoch " + tEpoch + " is outside 1..63");
        if (dw == null || dw.isBlank()) throw new IllegalArgumentException(name + ": empty dw rule");
    }

    /** A rule with every trace off except r1 as given. */
    public static LearningSpec of(String name, String dw, Trace r1, int tEpoch) {
        return new LearningSpec(name, dw, Trace.OFF, Trace.OFF, Trace.OFF, Trace.OFF, Trace.OFF, r1, tEpoch);
    }
}
