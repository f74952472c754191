package org.synfire.net;

import java.util.List;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.Connectivity;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.learning.SignMode;

/**
 * Exactly what {@link NetworkCompiler} hands to {@link org.synfire.chip.ChipBuilder}, in call order:
 * the compiled form of a description, inspectable without building a chip.
 *
 * @param learning false if plastic connections were compiled as static ones ({@code --no-learning})
 * @param warnings weights that are stored differently from what was asked, and similar notes
 */
public record ChipPlan(List<Group> groups, List<Generator> generators, List<Rule> rules, List<Connection> connections,
                       boolean learning, List<String> warnings) {
    public ChipPlan {
        groups = List.copyOf(groups);
        generators = List.copyOf(generators);
        rules = List.copyOf(rules);
        connections = List.copyOf(connections);
        warnings = List.copyOf(warnings);
    }

    public record Group(String name, int size, String neuronType, CompartmentPrototype prototype) {}

    public record Generator(String name, int ports, List<SpikeGeneratorDef.Spike> spikes) {}

    /** @param reinforcementSource null if the rule has no reinforcement channel */
    public record Rule(String name, LearningSpec spec, String reinforcementSource, int reinforcementIndex) {}

    /**
     * One connection group. {@code connectivity} holds stored mantissas (before the exponent). For a
     * sparse connection, {@code pre}/{@code post} list the synapses in stored order (sorted by pre,
     * stable), which is also the order of {@link org.synfire.chip.Chip#weights}; otherwise they are null.
     *
     * @param weightSource how the weights were given: "weight 520", "matrix W2 transposed negated", ...
     */
    public record Connection(String name, String source, String target, String type, int preSize, int postSize,
                             ConnectivityKind kind, Connectivity connectivity, SignMode signMode, int numWeightBits,
                             int exponent, int delay, String learningRule, String weightSource, int[] pre, int[] post) {

        public boolean plastic() {
            return learningRule != null;
        }

        /** Stored mantissas as laid out in the connectivity (one value for a static all_to_all). */
        public int[] mantissas() {
            return switch (connectivity) {
                case Connectivity.Dense d -> d.weights().clone();
                case Connectivity.OneToOne o -> o.weights().clone();
                case Connectivity.AllToAll a -> new int[] {a.weight()};
                case Connectivity.Sparse s -> s.weights().clone();
            };
        }

        public long synapseCount() {
            return switch (kind) {
                case DENSE, ALL_TO_ALL -> (long) preSize * postSize;
                case ONE_TO_ONE -> preSize;
                case SPARSE -> pre.length;
            };
        }
    }

    public Connection connection(String name) {
        for (Connection c : connections) if (c.name().equals(name)) return c;
        return null;
    }

    public Rule rule(String name) {
        for (Rule r : rules) if (r.name().equals(name)) return r;
        return null;
    }
}
