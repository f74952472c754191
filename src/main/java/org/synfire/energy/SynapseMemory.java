package org.synfire.energy;

/**
 * Synapse-memory footprint, as nengo-loihi's {@code SynapseFmt.bits_per_axon} computes it for
 * uncompressed synapses (docs/energy.md#what-a-core-holds): the synapses of one input axon are stored in groups of at
 * most 64; each group has a 10-bit header (4 bits synapse format + 6 bits count) and is rounded up to a
 * whole 64-bit word.
 */
public final class SynapseMemory {
    /** Synapses per group (numSynapses + 1 with the 6-bit count field). */
    public static final int GROUP = 64;
    /** Header bits per group: 4 (synapse format index) + 6 (number of synapses). */
    public static final int HEADER_BITS = 10;
    public static final int WORD_BITS = 64;
    /** Delay bits of a synapse format that has delays; SBP sets numDelayBits = 3 when a delay is present. */
    public static final int DELAY_BITS = 3;
    /** Index widths the synapse format register can select (nengo-loihi {@code INDEX_BITS_MAP}). */
    private static final int[] INDEX_BITS_MAP = {0, 6, 7, 8, 9, 10, 11, 12};

    private SynapseMemory() {}

    /** Bits used by {@code synapses} synapses of one axon at {@code bitsPerSynapse} bits each. */
    public static long axonBits(long synapses, int bitsPerSynapse) {
        if (synapses < 0 || bitsPerSynapse < 0) throw new IllegalArgumentException("negative synapse count or width");
        long full = synapses / GROUP, rest = synapses % GROUP;
        long bits = full * words(GROUP * (long) bitsPerSynapse + HEADER_BITS);
        if (rest > 0) bits += words(rest * bitsPerSynapse + HEADER_BITS);
        return bits;
    }

    private static long words(long bits) {
        return (bits + WORD_BITS - 1) / WORD_BITS * WORD_BITS;
    }

    /**
     * Index bits of a synapse on a core holding {@code compartments} compartments: ⌈log2(compartments)⌉
     * (enough to address every compartment of the core), rounded up to a width the register can select
     * (0, 6, 7, …, 12). nengo-loihi derives it the same way from the largest target index.
     */
    public static int indexBits(int compartments) {
        if (compartments < 1) throw new IllegalArgumentException("a core with synapses holds at least one compartment");
        int need = 32 - Integer.numberOfLeadingZeros(compartments - 1); // ceil(log2(n)), 0 for n = 1
        for (int b : INDEX_BITS_MAP) if (b >= need) return b;
        throw new IllegalArgumentException(compartments + " compartments need " + need + " index bits, more than the 12 a synapse format can hold");
    }
}
