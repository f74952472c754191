package org.synfire.chip;

/**
 * How large a network the emulated chip takes. The compartment limit is one Loihi 1 chip's: 128 neuro cores of
 * 1024 compartments (Davies et al. 2018; nengo-loihi's MAX_COMPARTMENTS), the chip the energy model maps onto.
 * The other two are the emulator's own: a connection's synapses live in one Java array, and a spike generator's
 * events carry the port in {@link SpikeGenerator#PORT_BITS} bits.
 */
public final class ChipLimits {
    private ChipLimits() {}

    public static final int CORES = 128;
    public static final int COMPARTMENTS_PER_CORE = 1024;
    /** Compartments on one chip, over all populations: 131072. */
    public static final int COMPARTMENTS = CORES * COMPARTMENTS_PER_CORE;
    /** The longest array a JVM allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Synapses of one connection (dense or all-to-all: pre × post): they are stored, or probed, in one array. */
    public static final long SYNAPSES_PER_CONNECTION = MAX_ARRAY;
    /** Compartments of one population with the default 8 delay slots: its accumulators live in one array. */
    public static final long COMPARTMENTS_PER_POPULATION = MAX_ARRAY / 8;
    /** Ports of one spike generator: 16777215. */
    public static final int GENERATOR_PORTS = (1 << SpikeGenerator.PORT_BITS) - 1;

    /** The chip's compartment limit in words, for messages. */
    public static String compartmentLimit() {
        return "the emulated Loihi 1 chip holds at most " + COMPARTMENTS + " compartments (" + CORES + " cores x "
                + COMPARTMENTS_PER_CORE + ")";
    }
}
