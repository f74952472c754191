package org.synfire.net;

import org.synfire.chip.LearningSpec;

/**
 * A learning rule as NxSDK's createLearningRule takes it, plus where its one reinforcement channel comes from.
 *
 * @param reinforcement null if the rule has no reinforcement source (r0/r1 stay 0)
 */
public record LearningRuleDef(String name, String dw, LearningSpec.Trace x1, LearningSpec.Trace x2, LearningSpec.Trace y1,
                              LearningSpec.Trace y2, LearningSpec.Trace y3, LearningSpec.Trace r1, int tEpoch,
                              Reinforcement reinforcement) {
    /** Spikes of {@code source}[{@code index}] (a spike generator port or a compartment) drive r0/r1. */
    public record Reinforcement(String source, int index) {}

    public LearningRuleDef {
        Names.require(name, "learning rule");
        spec(name, dw, x1, x2, y1, y2, y3, r1, tEpoch); // the chip's own checks
    }

    /** What {@link org.synfire.chip.ChipBuilder#addLearningRule} gets. */
    public LearningSpec toSpec() {
        return spec(name, dw, x1, x2, y1, y2, y3, r1, tEpoch);
    }

    private static LearningSpec spec(String name, String dw, LearningSpec.Trace x1, LearningSpec.Trace x2, LearningSpec.Trace y1,
                                     LearningSpec.Trace y2, LearningSpec.Trace y3, LearningSpec.Trace r1, int tEpoch) {
        return new LearningSpec(name, dw, x1, x2, y1, y2, y3, r1, tEpoch);
    }
}
