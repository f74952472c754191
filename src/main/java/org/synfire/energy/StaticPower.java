package org.synfire.energy;

/**
 * Static (leakage and idle) power as NxSDK's energy probe attributes it: per powered neurocore and per
 * active embedded x86 (Lakemont) core, not per chip. It is charged only when a {@link Measurement}
 * includes static energy; the Renner et al. rows do not (see docs/energy.md, "Dynamic and static").
 *
 * @param perCore watts per powered neurocore
 * @param perEmbeddedCore watts per active embedded x86 core
 * @param source where the numbers come from
 */
public record StaticPower(double perCore, double perEmbeddedCore, String source) {

    /**
     * Derived from NxSDK's own power breakdowns printed in Intel's public notebooks (intel-nrc-ecosystem/models
     * @3dc53bf): the SLAYER Braille benchmark reports 89.1 mW core static for one 54-core copy, i.e. 1.65 mW per
     * powered core (the upper end of the 0.3–1.7 mW per core the notebooks imply); the LSNN sequential-MNIST
     * measurement reports 0.149 mW static for its one active x86 core.
     */
    public static final StaticPower NXSDK_NOTEBOOKS = new StaticPower(89.1e-3 / 54, 0.149e-3,
            "NxSDK power breakdowns in Intel's notebooks: 89.1 mW core static / 54 cores (SLAYER Braille), 0.149 mW x86 static (LSNN sMNIST)");

    public StaticPower {
        if (!(perCore >= 0) || !(perEmbeddedCore >= 0)) throw new IllegalArgumentException("static power must be non-negative");
    }

    /** Watts for {@code cores} powered neurocores and {@code embeddedCores} active x86 cores. */
    public double watts(int cores, int embeddedCores) {
        return perCore * cores + perEmbeddedCore * embeddedCores;
    }
}
