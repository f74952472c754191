package org.synfire.energy;

import org.synfire.chip.OpCounters.LearningBasis;

/**
 * Choices of the energy model that the sources leave open.
 *
 * @param learningBasis which learning counter prices the learning phase (docs/energy.md#learning-cost-basis)
 * @param timing how the spiking and learning phases of a step combine into its time
 * @param mesh core-to-tile layout for hops and the barrier's tile count
 * @param staticPower static power, charged only for measurements that include it
 * @param embeddedCores active embedded x86 cores, for the static power of such measurements
 */
public record ModelOptions(LearningBasis learningBasis, PhaseTiming timing, MeshLayout mesh, StaticPower staticPower, int embeddedCores) {

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
     * Defaults: learning priced for every plastic synapse at every learning epoch (ALL_SYNAPSES; the only
     * basis that reproduces the Renner training row without an impossible static power, see
     * docs/energy.md), separate phases, Loihi 1 mesh, NxSDK's static power per core, one x86 core.
     */
    public static final ModelOptions DEFAULT = new ModelOptions(LearningBasis.ALL_SYNAPSES, PhaseTiming.SEPARATE_PHASES, MeshLayout.LOIHI1,
            StaticPower.NXSDK_NOTEBOOKS, 1);

    public ModelOptions {
        java.util.Objects.requireNonNull(learningBasis, "learningBasis");
        java.util.Objects.requireNonNull(timing, "timing");
        java.util.Objects.requireNonNull(mesh, "mesh");
        java.util.Objects.requireNonNull(staticPower, "staticPower");
        if (embeddedCores < 0) throw new IllegalArgumentException("embeddedCores must be >= 0");
    }

    public ModelOptions(LearningBasis learningBasis, PhaseTiming timing, MeshLayout mesh) {
        this(learningBasis, timing, mesh, StaticPower.NXSDK_NOTEBOOKS, 1);
    }

    public ModelOptions withLearningBasis(LearningBasis b) {
        return new ModelOptions(b, timing, mesh, staticPower, embeddedCores);
    }

    public ModelOptions withTiming(PhaseTiming t) {
        return new ModelOptions(learningBasis, t, mesh, staticPower, embeddedCores);
    }

    public ModelOptions withMesh(MeshLayout m) {
        return new ModelOptions(learningBasis, timing, m, staticPower, embeddedCores);
    }
}
