package org.synfire.energy;

/**
 * Per-core resource limits and the number of cores on one chip.
 *
 * @param compartments compartments per core
 * @param inputAxons input axons per core
 * @param outputAxons output axons per core
 * @param synapseBits synapse memory per core in bits
 * @param coresPerChip neuro cores on one chip
 */
public record CoreLimits(int compartments, int inputAxons, int outputAxons, long synapseBits, int coresPerChip) {

    /**
     * Loihi 1: 1024 compartments, 4096 input axons, 4096 output axons and 16384 × 64 bits of synapse
     * memory per core (nengo-loihi {@code block.py}: MAX_COMPARTMENTS, MAX_IN_AXONS, MAX_OUT_AXONS,
     * MAX_SYNAPSE_BITS = 1048576); 128 cores per chip (Davies et al. 2018; CAS22).
     */
    public static final CoreLimits LOIHI1 = new CoreLimits(1024, 4096, 4096, 16384L * 64, 128);

    public CoreLimits {
        if (compartments < 1 || inputAxons < 1 || outputAxons < 1 || synapseBits < 64 || coresPerChip < 1) {
            throw new IllegalArgumentException("core limits must be positive (synapse memory at least one 64-bit word): " + compartments + ", "
                    + inputAxons + ", " + outputAxons + ", " + synapseBits + ", " + coresPerChip);
        }
    }
}
