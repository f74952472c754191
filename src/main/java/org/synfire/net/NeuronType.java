package org.synfire.net;

import org.synfire.chip.CompartmentPrototype;

/**
 * A named compartment prototype (docs/chip.md#compartment-parameters): a network's neuron type. Convenience forms
 * of the file format (threshold and bias in weight units) are already converted; {@link #prototype()} is what the
 * chip gets. Its fields are declared in {@link org.synfire.chip.CompartmentField}, their file keys in {@link NeuronModel}.
 */
public record NeuronType(String name, CompartmentPrototype prototype) {
    public NeuronType {
        Names.require(name, "neuron type");
        java.util.Objects.requireNonNull(prototype, "prototype");
    }
}
