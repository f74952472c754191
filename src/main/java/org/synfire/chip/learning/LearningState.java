package org.synfire.chip.learning;

/**
 * The per-synapse inputs of a rule evaluation, filled by the caller before {@link
 * CompiledRule#apply}. Mutable and reusable so the learning loop allocates nothing.
 *
 * <p>Ranges the evaluator assumes: x0, y0, r0 are 0 or 1; the traces x1, x2, y1, y2, y3 and r1 are
 * 0..127; d and t are the synapse's delay and tag. Any value is accepted; factors saturate to
 * their widths.
 */
public final class LearningState {
    public int x0, y0, x1, x2, y1, y2, y3, r0, r1, d, t;
    /** Index of the learning epoch, for u_k (active when a multiple of 2^k). */
    public long epochIndex;

    /** Sets everything to 0. */
    public LearningState clear() {
        x0 = y0 = x1 = x2 = y1 = y2 = y3 = r0 = r1 = d = t = 0;
        epochIndex = 0;
        return this;
    }

    /** The spikes of this synapse as a mask of {@link LearningRule#PRE} and {@link LearningRule#POST}. */
    public int spikesMask() {
        return (x0 != 0 ? LearningRule.PRE : 0) | (y0 != 0 ? LearningRule.POST : 0);
    }

    @Override
    public String toString() {
        return "LearningState[x0=" + x0 + ", y0=" + y0 + ", x1=" + x1 + ", x2=" + x2 + ", y1=" + y1 + ", y2=" + y2
                + ", y3=" + y3 + ", r0=" + r0 + ", r1=" + r1 + ", d=" + d + ", t=" + t + ", epoch=" + epochIndex + "]";
    }
}
