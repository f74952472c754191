package org.synfire.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Resources one core uses in a placement.
 *
 * @param inputAxons one per (connection, presynaptic neuron) with at least one synapse on this core
 * @param outputAxons one per (neuron on this core, other-or-same core that hosts one of its targets)
 * @param synapseBits synapse memory in bits, see {@link SynapseMemory}
 * @param indexBits index bits of every synapse on this core
 * @param delayBits delay bits of every synapse on this core (0, or 3 when any connection into it has a delay)
 * @param populations names of the populations with compartments here, in network order
 */
public record CoreUsage(int core, int compartments, int inputAxons, int outputAxons, long synapseBits, int indexBits,
                        int delayBits, List<String> populations) {

    public CoreUsage {
        populations = List.copyOf(populations);
    }

    public double compartmentUse(CoreLimits l) { return (double) compartments / l.compartments(); }
    public double inputAxonUse(CoreLimits l) { return (double) inputAxons / l.inputAxons(); }
    public double outputAxonUse(CoreLimits l) { return (double) outputAxons / l.outputAxons(); }
    public double synapseMemoryUse(CoreLimits l) { return (double) synapseBits / l.synapseBits(); }

    /** The limits this core exceeds, e.g. "1400 input axons > 1024"; empty when it fits. */
    public List<String> exceeded(CoreLimits l) {
        List<String> out = new ArrayList<>();
        if (compartments > l.compartments()) out.add(compartments + " compartments > " + l.compartments());
        if (inputAxons > l.inputAxons()) out.add(inputAxons + " input axons > " + l.inputAxons());
        if (outputAxons > l.outputAxons()) out.add(outputAxons + " output axons > " + l.outputAxons());
        if (synapseBits > l.synapseBits()) out.add(synapseBits + " bits of synapse memory > " + l.synapseBits());
        return out;
    }
}
