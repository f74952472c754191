package org.synfire.chip;

import java.util.Arrays;

/** Anything that emits spikes into connections: a compartment group or a spike generator. */
abstract sealed class SpikeSource permits CompartmentGroup, SpikeGenerator {
    static final long NEVER = Long.MIN_VALUE / 2;

    final int handle;
    final String name;
    final int size;
    /** Indices that spiked in the current step, {@code fired[0..firedCount)}, ascending for compartments. */
    final int[] fired;
    int firedCount;
    /** Step of each index's most recent spike (x0/y0 of an epoch are derived from it). */
    final long[] lastSpike;
    Synapses[] outgoing = new Synapses[0];

    SpikeSource(int handle, String name, int size) {
        this.handle = handle;
        this.name = name;
        this.size = size;
        this.fired = new int[size];
        this.lastSpike = new long[size];
        Arrays.fill(lastSpike, NEVER);
    }

    void addOutgoing(Synapses s) {
        outgoing = Arrays.copyOf(outgoing, outgoing.length + 1);
        outgoing[outgoing.length - 1] = s;
    }
}
