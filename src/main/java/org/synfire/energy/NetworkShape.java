package org.synfire.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.synfire.chip.Chip;

/**
 * What core mapping needs to know about a network: its populations (compartment groups and off-chip
 * spike generators) and its connections. Population i is the chip's source handle i and connection c
 * the chip's connection handle c, so operation counters index the same way.
 */
public record NetworkShape(List<Population> populations, List<Connection> connections) {

    /**
     * @param generator a spike generator: lives off-chip (host), takes no compartment and no output axon
     * @param neuronType the type that selects a core range in the authors' placement; null for generators
     */
    public record Population(String name, int size, boolean generator, String neuronType) {
        public Population {
            if (size < 1) throw new IllegalArgumentException(name + ": size " + size);
            if (!generator && (neuronType == null || neuronType.isBlank())) throw new IllegalArgumentException(name + ": a compartment group needs a neuron type");
        }
    }

    /** Which postsynaptic indices a presynaptic index reaches. */
    public enum Fan {
        /** every pre to every post (dense matrices and shared-weight 1:a fan-outs) */
        ALL,
        /** pre i to post i */
        ONE_TO_ONE,
        /** an explicit list per pre */
        LIST
    }

    /**
     * @param synapses number of synapses
     * @param delay synaptic delay in steps (a delay above 0 gives the target core's synapses delay bits)
     * @param weightBits stored weight bits per synapse (numWeightBits; for mixed sign this includes the sign)
     * @param tagBits tag bits per synapse (0 unless the learning rule learns tags)
     * @param targets for {@link Fan#LIST}: targets[pre] = postsynaptic indices; null otherwise
     */
    public record Connection(String name, int source, int target, Fan fan, long synapses, int delay, int weightBits,
                             int tagBits, boolean plastic, int[][] targets) {
        public Connection {
            if (delay < 0 || weightBits < 0 || tagBits < 0 || synapses < 0) throw new IllegalArgumentException(name + ": negative delay, bits or synapse count");
            if ((fan == Fan.LIST) != (targets != null)) throw new IllegalArgumentException(name + ": target lists are given exactly for LIST connections");
        }

        /** Number of synapses of presynaptic index {@code pre}, given the target population size. */
        int fanout(int pre, int targetSize) {
            return switch (fan) {
                case ALL -> targetSize;
                case ONE_TO_ONE -> 1;
                case LIST -> targets[pre].length;
            };
        }
    }

    public NetworkShape {
        populations = List.copyOf(populations);
        connections = List.copyOf(connections);
        for (Connection c : connections) {
            if (c.source() < 0 || c.source() >= populations.size() || c.target() < 0 || c.target() >= populations.size()) {
                throw new IllegalArgumentException(c.name() + ": source or target index out of range");
            }
            Population pre = populations.get(c.source()), post = populations.get(c.target());
            if (post.generator()) throw new IllegalArgumentException(c.name() + ": target " + post.name() + " is a spike generator");
            if (c.fan() == Fan.ONE_TO_ONE && pre.size() != post.size()) throw new IllegalArgumentException(c.name() + ": one-to-one between sizes " + pre.size() + " and " + post.size());
            if (c.fan() == Fan.LIST) {
                if (c.targets().length != pre.size()) throw new IllegalArgumentException(c.name() + ": " + c.targets().length + " target lists for " + pre.size() + " presynaptic indices");
                for (int[] row : c.targets()) for (int j : row) {
                    if (j < 0 || j >= post.size()) throw new IllegalArgumentException(c.name() + ": target index " + j + " outside " + post.name());
                }
            }
        }
    }

    /**
     * Reads the shape of a built chip. {@code neuronTypeOf} maps every compartment group's name to its
     * neuron type (generators need no entry). Tag bits are 0: the chip runs dw rules only.
     */
    public static NetworkShape of(Chip chip, Map<String, String> neuronTypeOf) {
        List<Population> pops = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>();
        for (int h = 0; h < chip.sourceCount(); h++) {
            String name = chip.sourceName(h);
            boolean gen = chip.isGenerator(h);
            String type = gen ? null : neuronTypeOf.get(name);
            if (!gen && type == null) {
                missing.add(name);
                type = "?";
            }
            pops.add(new Population(name, chip.sourceSize(h), gen, type));
        }
        if (!missing.isEmpty()) throw new IllegalArgumentException("no neuron type given for population(s) " + String.join(", ", missing));
        List<Connection> conns = new ArrayList<>();
        for (int c = 0; c < chip.connectionCount(); c++) {
            int src = chip.connectionSource(c);
            Fan fan = switch (chip.connectionLayout(c)) {
                case DENSE, ALL_TO_ALL -> Fan.ALL;
                case ONE_TO_ONE -> Fan.ONE_TO_ONE;
                case SPARSE -> Fan.LIST;
            };
            int[][] targets = null;
            if (fan == Fan.LIST) {
                targets = new int[chip.sourceSize(src)][];
                for (int i = 0; i < targets.length; i++) targets[i] = chip.connectionTargets(c, i);
            }
            conns.add(new Connection(chip.connectionName(c), src, chip.connectionTarget(c), fan, chip.synapseCount(c),
                    chip.connectionDelay(c), chip.connectionWeightBits(c), 0, chip.isPlastic(c), targets));
        }
        return new NetworkShape(pops, conns);
    }

    public int index(String population) {
        for (int i = 0; i < populations.size(); i++) if (populations.get(i).name().equals(population)) return i;
        throw new IllegalArgumentException("no population named '" + population + "'");
    }

    public long compartments() {
        return populations.stream().filter(p -> !p.generator()).mapToLong(Population::size).sum();
    }

    public long synapses() {
        return connections.stream().mapToLong(Connection::synapses).sum();
    }

    public long plasticSynapses() {
        return connections.stream().filter(Connection::plastic).mapToLong(Connection::synapses).sum();
    }

    /** Indices of the connections leaving population {@code p}. */
    int[] outgoing(int p) {
        return java.util.stream.IntStream.range(0, connections.size()).filter(c -> connections.get(c).source() == p).toArray();
    }

    @Override
    public String toString() {
        return "NetworkShape[" + populations.size() + " populations, " + compartments() + " compartments, " + connections.size()
                + " connections, " + synapses() + " synapses (" + plasticSynapses() + " plastic)]";
    }
}
