package org.synfire.net;

import org.synfire.chip.CompartmentPrototype;

/**
 * A compartment prototype at the NxSDK level (docs/chip.md#compartment-parameters). Convenience fields of the file
 * format (threshold and bias in weight units) are already converted here; {@link #prototype()} is
 * what the chip gets.
 */
public record NeuronType(String name, int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
                         Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop,
                         int numDendriticAccumulators, CompartmentPrototype.StackOut stackOut, CompartmentPrototype.StackIn stackIn,
                         CompartmentPrototype.Join join, CompartmentPrototype.ThresholdMode thresholdMode) {
    public static final int DEFAULT_DECAY = 4096;

    public NeuronType {
        Names.require(name, "neuron type");
        // the chip's own range checks, so an invalid type cannot exist (fields are not assigned yet: pass the parameters)
        new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp,
                enableLearning, enableSpikeBackprop, numDendriticAccumulators, stackOut, stackIn, join, thresholdMode);
    }

    /** A single-compartment type (no stack, no join, spike and reset). */
    public NeuronType(String name, int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
                      Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop, int numDendriticAccumulators) {
        this(name, decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning, enableSpikeBackprop,
                numDendriticAccumulators, CompartmentPrototype.StackOut.NONE, CompartmentPrototype.StackIn.NONE, CompartmentPrototype.Join.SKIP,
                CompartmentPrototype.ThresholdMode.SPIKE_AND_RESET);
    }

    public CompartmentPrototype prototype() {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp,
                enableLearning, enableSpikeBackprop, numDendriticAccumulators, stackOut, stackIn, join, thresholdMode);
    }

    /** Bias on the membrane: biasMant·2^biasExp (weight units × 64). */
    public int bias() {
        return biasMant << biasExp;
    }

    /** Largest synaptic delay a connection onto this type may have. */
    public int maxDelay() {
        return numDendriticAccumulators - 2;
    }
}
