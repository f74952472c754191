package org.synfire.chip.probe;

/** Something that records chip state after each step of its window. Monitors record only what they are asked for. */
public sealed interface Probe permits SpikeProbe, StateProbe, WeightProbe {
    /** First and last step recorded (inclusive). */
    long fromStep();

    long toStep();

    default boolean covers(long t) {
        return t >= fromStep() && t <= toStep();
    }
}
