package org.synfire.energy;

import org.synfire.chip.OpCounters.LearningBasis;

/**
 * Choices of the energy model that the sources leave open.
 *
 * @param learningBasis which learning counter prices the learning phase (docs/energy.md#learning-cost-basis)
 * @param timing how the spiking and learning phases of a step combine into its time
 * @param mesh core-to-tile layout for hops and the barrier's tile count
 */
public record ModelOptions(LearningBasis learningBasis, PhaseTiming timing, MeshLayout mesh) {

    /** How per-core work becomes step time. */
    public enum PhaseTiming {
        /**
         * The spiking phase and the learning phase are separated by a barrier (the probe reports them as
         * separate times): T = max over cores of spiking work + max over cores of learning work.
         */
        SEPARATE_PHASES,
        /** One maximum over cores of each core's spiking plus learning work (the formula). */
        SHARED_MAX
    }

    /**
     * Defaults: learning priced per synapse whose pre or post spiked in the epoch (PRE_OR_POST; see
     * docs/energy.md for why), separate phases, Loihi 1 mesh.
     */
    public static final ModelOptions DEFAULT = new ModelOptions(LearningBasis.PRE_OR_POST, PhaseTiming.SEPARATE_PHASES, MeshLayout.LOIHI1);

    public ModelOptions {
        java.util.Objects.requireNonNull(learningBasis, "learningBasis");
        java.util.Objects.requireNonNull(timing, "timing");
        java.util.Objects.requireNonNull(mesh, "mesh");
    }

    public ModelOptions withLearningBasis(LearningBasis b) {
        return new ModelOptions(b, timing, mesh);
    }

    public ModelOptions withTiming(PhaseTiming t) {
        return new ModelOptions(learningBasis, t, mesh);
    }

    public ModelOptions withMesh(MeshLayout m) {
        return new ModelOptions(learningBasis, timing, m);
    }
}
