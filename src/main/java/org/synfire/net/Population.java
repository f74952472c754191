package org.synfire.net;

/** A group of compartments of one neuron type. */
public record Population(String name, int size, String type) {
    public Population {
        Names.require(name, "population");
        if (size < 1) throw new IllegalArgumentException(name + ": size must be at least 1, got " + size);
        if (type == null) throw new IllegalArgumentException(name + ": a population needs a neuron type");
    }
}
