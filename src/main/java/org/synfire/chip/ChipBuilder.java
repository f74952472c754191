package org.synfire.chip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.synfire.chip.learning.SignMode;

/**
 * Assembles a chip from compartment groups, spike generators, connections and learning rules, then
 * {@link #build} checks everything and lays it out in flat arrays. Handles are small integers:
 * sources (groups and generators) share one handle space, connections and rules have their own.
 */
public final class ChipBuilder {
    private sealed interface SourceDef permits GroupDef, GeneratorDef {
        String name();
        int size();
    }

    private record GroupDef(String name, int size, CompartmentPrototype proto) implements SourceDef {}

    private record GeneratorDef(String name, int size) implements SourceDef {}

    private record Reinforcement(int source, int index) {}

    private final List<SourceDef> sources = new ArrayList<>();
    private final List<ConnectionSpec> connections = new ArrayList<>();
    private final List<LearningSpec> rules = new ArrayList<>();
    private final List<Reinforcement> reinforcement = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> connectionNames = new HashSet<>();
    private boolean strictWeights;

    /** With strict weights, a weight that truncation would change is an error instead of a warning. */
    public ChipBuilder strictWeights(boolean strict) {
        this.strictWeights = strict;
        return this;
    }

    public int addCompartments(String name, int size, CompartmentPrototype proto) {
        checkName(name);
        if (size < 1) throw new IllegalArgumentException(name + ": size must be at least 1, got " + size);
        // the dendritic accumulator ring of a group is one array of size × accumulators slots
        if ((long) size * proto.numDendriticAccumulators() > ChipLimits.MAX_ARRAY) {
            throw new IllegalArgumentException(name + ": " + size + " compartments with " + proto.numDendriticAccumulators()
                    + " dendritic accumulators each are more than the emulator can hold");
        }
        sources.add(new GroupDef(name, size, proto));
        return sources.size() - 1;
    }

    public int addSpikeGenerator(String name, int ports) {
        checkName(name);
        if (ports < 1) throw new IllegalArgumentException(name + ": a spike generator needs at least 1 port, got " + ports);
        sources.add(new GeneratorDef(name, ports));
        return sources.size() - 1;
    }

    public int addLearningRule(LearningSpec spec) {
        rules.add(spec);
        reinforcement.add(null);
        return rules.size() - 1;
    }

    /**
     * Feeds the rule's single reinforcement channel (r0/r1) from one generator port or compartment
     * (docs/chip.md#where-the-sources-disagree).
     */
    public void connectReinforcement(int rule, int source, int index) {
        checkRule(rule);
        checkSource(source, "reinforcement source");
        if (index < 0 || index >= sources.get(source).size()) {
            throw new IllegalArgumentException(rules.get(rule).name() + ": reinforcement index " + index + " is outside " + sources.get(source).name());
        }
        if (reinforcement.get(rule) != null) {
            throw new IllegalArgumentException(rules.get(rule).name() + ": a learning rule has one reinforcement channel, and it is already connected");
        }
        reinforcement.set(rule, new Reinforcement(source, index));
    }

    public int connect(ConnectionSpec spec) {
        if (!connectionNames.add(spec.name())) throw new IllegalArgumentException("duplicate connection name '" + spec.name() + "'");
        checkSource(spec.source(), spec.name() + ": source");
        checkSource(spec.target(), spec.name() + ": target");
        if (!(sources.get(spec.target()) instanceof GroupDef)) throw new IllegalArgumentException(spec.name() + ": target " + sources.get(spec.target()).name() + " is a spike generator");
        if (spec.learningRule() >= 0) checkRule(spec.learningRule());
        connections.add(spec);
        return connections.size() - 1;
    }

    private void checkName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("empty population name");
        if (!names.add(name)) throw new IllegalArgumentException("duplicate population name '" + name + "'");
    }

    private void checkSource(int h, String what) {
        if (h < 0 || h >= sources.size()) throw new IllegalArgumentException(what + " handle " + h + " does not exist");
    }

    private void checkRule(int r) {
        if (r < 0 || r >= rules.size()) throw new IllegalArgumentException("learning rule handle " + r + " does not exist");
    }

    /** Validates and lays out the chip. {@code seed} drives all stochastic rounding (docs/learning.md#random-bits). */
    public Chip build(long seed) {
        SpikeSource[] src = new SpikeSource[sources.size()];
        for (int h = 0; h < src.length; h++) {
            SourceDef d = sources.get(h);
            src[h] = d instanceof GroupDef g ? new CompartmentGroup(h, g.name(), g.size(), g.proto()) : new SpikeGenerator(h, d.name(), d.size());
        }
        linkCompartmentStacks(src);
        List<String> warnings = new ArrayList<>();
        Synapses[] syn = new Synapses[connections.size()];
        for (int c = 0; c < syn.length; c++) {
            syn[c] = layout(c, connections.get(c), src, warnings);
            src[connections.get(c).source()].addOutgoing(syn[c]);
        }
        Plasticity.Rule[] rt = new Plasticity.Rule[rules.size()];
        for (int r = 0; r < rt.length; r++) {
            Reinforcement re = reinforcement.get(r);
            List<Synapses> members = new ArrayList<>();
            for (int c = 0; c < syn.length; c++) if (connections.get(c).learningRule() == r) members.add(syn[c]);
            rt[r] = Plasticity.compile(r, rules.get(r), re == null ? null : src[re.source()], re == null ? -1 : re.index(), members, seed);
        }
        return new Chip(src, syn, rt, seed, warnings);
    }

    /**
     * Multi-compartment neurons (docs/chip.md#multi-compartment-neurons): NxSDK interleaves a neuron's
     * compartments on a core (child, then parent) and the stack passes values from one to the next. Here a
     * neuron of two compartments is compartment j of a PUSH group and compartment j of the POP_A group that
     * is added right after it (the next compartment group), so the child is updated first in every step.
     */
    private static void linkCompartmentStacks(SpikeSource[] src) {
        CompartmentGroup prev = null;
        for (SpikeSource s : src) {
            if (!(s instanceof CompartmentGroup g)) continue;
            boolean pushes = prev != null && prev.pushed != null;
            if (g.proto.stackIn() == CompartmentPrototype.StackIn.POP_A) {
                if (!pushes) {
                    throw new IllegalArgumentException(g.name + ": pops the compartment stack (stackIn POP_A), but the compartment group added before it "
                            + (prev == null ? "does not exist" : prev.name + " does not push (stackOut PUSH)"));
                }
                if (prev.size != g.size) {
                    throw new IllegalArgumentException(g.name + ": pops the stack of " + prev.name + ", which has " + prev.size + " compartments, not " + g.size);
                }
                g.popFrom = prev;
            } else if (pushes) {
                throw new IllegalArgumentException(prev.name + ": pushes onto the compartment stack (stackOut PUSH), but the next compartment group, "
                        + g.name + ", does not pop it (stackIn POP_A)");
            }
            prev = g;
        }
        if (prev != null && prev.pushed != null) {
            throw new IllegalArgumentException(prev.name + ": pushes onto the compartment stack (stackOut PUSH), but no compartment group follows to pop it");
        }
    }

    private Synapses layout(int handle, ConnectionSpec s, SpikeSource[] src, List<String> warnings) {
        SpikeSource pre = src[s.source()];
        CompartmentGroup post = (CompartmentGroup) src[s.target()];
        int maxDelay = post.proto.maxDelay();
        if (s.delay() > maxDelay) {
            throw new IllegalArgumentException(s.name() + ": delay " + s.delay() + " exceeds the largest delay " + maxDelay
                    + " of target " + post.name + " (numDendriticAccumulators " + post.proto.numDendriticAccumulators() + " − 2)");
        }
        boolean plastic = s.learningRule() >= 0;
        int nPre = pre.size, nPost = post.size;
        if ((s.connectivity() instanceof Connectivity.AllToAll || s.connectivity() instanceof Connectivity.Dense)
                && (long) nPre * nPost > ChipLimits.SYNAPSES_PER_CONNECTION) {
            // stored (dense, plastic all-to-all) or probed (static all-to-all) as one pre × post array
            throw new IllegalArgumentException(s.name() + ": " + nPre + " x " + nPost + " = " + (long) nPre * nPost
                    + " synapses; the emulator holds at most " + ChipLimits.SYNAPSES_PER_CONNECTION + " in one connection");
        }
        Synapses.Kind kind;
        int[] requested;
        int[] rowStart = null, col = null;
        switch (s.connectivity()) {
            case Connectivity.Dense d -> {
                if (d.weights().length != (long) nPre * nPost) {
                    throw new IllegalArgumentException(s.name() + ": dense weights need " + nPre + " x " + nPost + " = " + (long) nPre * nPost + " values, got " + d.weights().length);
                }
                kind = Synapses.Kind.DENSE;
                requested = d.weights();
            }
            case Connectivity.OneToOne o -> {
                if (nPre != nPost) throw new IllegalArgumentException(s.name() + ": one-to-one needs equal sizes, " + pre.name + " has " + nPre + " and " + post.name + " has " + nPost);
                if (o.weights().length != nPre) throw new IllegalArgumentException(s.name() + ": one-to-one needs " + nPre + " weights, got " + o.weights().length);
                kind = Synapses.Kind.ONE_TO_ONE;
                requested = o.weights();
            }
            case Connectivity.AllToAll a -> {
                if (plastic) {
                    kind = Synapses.Kind.DENSE;
                    requested = new int[nPre * nPost];
                    Arrays.fill(requested, a.weight());
                } else {
                    kind = Synapses.Kind.CONST;
                    requested = new int[] {a.weight()};
                }
            }
            case Connectivity.Sparse sp -> {
                kind = Synapses.Kind.CSR;
                int n = sp.pre().length;
                Integer[] order = new Integer[n];
                for (int k = 0; k < n; k++) {
                    if (sp.pre()[k] < 0 || sp.pre()[k] >= nPre) throw new IllegalArgumentException(s.name() + ": synapse " + k + " has pre " + sp.pre()[k] + " outside 0.." + (nPre - 1));
                    if (sp.post()[k] < 0 || sp.post()[k] >= nPost) throw new IllegalArgumentException(s.name() + ": synapse " + k + " has post " + sp.post()[k] + " outside 0.." + (nPost - 1));
                    order[k] = k;
                }
                // stable sort by pre keeps the user's order within a row, so "list order" is well defined
                Arrays.sort(order, (x, y) -> Integer.compare(sp.pre()[x], sp.pre()[y]));
                rowStart = new int[nPre + 1];
                col = new int[n];
                requested = new int[n];
                for (int k = 0; k < n; k++) {
                    int o = order[k];
                    rowStart[sp.pre()[o] + 1]++;
                    col[k] = sp.post()[o];
                    requested[k] = sp.weights()[o];
                }
                for (int i = 0; i < nPre; i++) rowStart[i + 1] += rowStart[i];
            }
        }
        int dropped = WeightEncoding.droppedBits(s.signMode(), s.numWeightBits());
        short[] stored = new short[requested.length];
        int changed = 0;
        for (int k = 0; k < requested.length; k++) {
            try {
                stored[k] = (short) WeightEncoding.store(requested[k], s.signMode(), s.numWeightBits());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": synapse " + k + ": " + e.getMessage());
            }
            if (stored[k] != requested[k]) {
                if (strictWeights) {
                    throw new IllegalArgumentException(s.name() + ": weight " + requested[k] + " (synapse " + k + ") cannot be represented; it would be stored as " + stored[k]);
                }
                if (changed++ == 0) {
                    warnings.add(s.name() + ": weight " + requested[k] + " is stored as " + stored[k] + " (" + s.signMode().name().toLowerCase(java.util.Locale.ROOT)
                            + " with " + s.numWeightBits() + " bits keeps multiples of " + (1 << dropped) + ")");
                }
            }
        }
        if (changed > 1) warnings.add(s.name() + ": " + changed + " weights in all were truncated to precision");
        return new Synapses(handle, s.name(), pre, post, kind, s.signMode(), s.numWeightBits(), s.weightExponent(), s.delay(), stored, rowStart, col);
    }

}
