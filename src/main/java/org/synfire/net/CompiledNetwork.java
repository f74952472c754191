package org.synfire.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.LearningSpec;

/**
 * A network on the chip: the {@link Chip}, the name → handle maps a program needs to feed spike
 * generators and read probes, the plan it was built from, and the description it came from.
 */
public final class CompiledNetwork {
    private final NetworkDescription description;
    private final ChipPlan plan;
    private final Chip chip;
    private final Map<String, Integer> populations, generators, projections, learningRules;
    private final List<String> warnings;

    CompiledNetwork(NetworkDescription description, ChipPlan plan, Chip chip, Map<String, Integer> populations,
                    Map<String, Integer> generators, Map<String, Integer> projections, Map<String, Integer> learningRules,
                    List<String> warnings) {
        this.description = description;
        this.plan = plan;
        this.chip = chip;
        this.populations = Collections.unmodifiableMap(new LinkedHashMap<>(populations));
        this.generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
        this.projections = Collections.unmodifiableMap(new LinkedHashMap<>(projections));
        this.learningRules = Collections.unmodifiableMap(new LinkedHashMap<>(learningRules));
        this.warnings = List.copyOf(warnings);
    }

    public Chip chip() { return chip; }
    public NetworkDescription description() { return description; }
    public ChipPlan plan() { return plan; }
    /** Population name → chip source handle (compartment group). */
    public Map<String, Integer> populations() { return populations; }
    /** Spike generator name → chip source handle (for {@link Chip#schedule}). */
    public Map<String, Integer> generators() { return generators; }
    /** Projection name → chip connection handle. */
    public Map<String, Integer> projections() { return projections; }
    /** Learning rule name → chip rule handle (empty when compiled without learning). */
    public Map<String, Integer> learningRules() { return learningRules; }
    /** Weights stored differently from what was asked, and similar notes, each naming its place in the file. */
    public List<String> warnings() { return warnings; }

    public int population(String name) {
        return handle(populations, name, "population");
    }

    public int generator(String name) {
        return handle(generators, name, "spike generator");
    }

    public int projection(String name) {
        return handle(projections, name, "projection");
    }

    /** Handle of a population or a spike generator. */
    public int source(String name) {
        Integer h = populations.get(name);
        return h != null ? h : handle(generators, name, "population or spike generator");
    }

    private static int handle(Map<String, Integer> m, String name, String what) {
        Integer h = m.get(name);
        if (h == null) throw new IllegalArgumentException("no " + what + " named '" + name + "'" + Names.suggest(name, m.keySet()));
        return h;
    }

    /**
     * Where each value of {@link Chip#weights} for a projection sits: its pre and post index, and the
     * exponent that turns stored mantissas into weight units. A static all_to_all stores one shared
     * weight, which stands for every (pre, post) pair.
     */
    public record WeightLayout(String projection, ConnectivityKind kind, int preSize, int postSize, int exponent, int[] pre, int[] post) {
        /** Number of (pre, post) synapses. */
        public int synapses() {
            return pre.length;
        }
    }

    public WeightLayout weightLayout(String projection) {
        ChipPlan.Connection c = plan.connection(projection);
        if (c == null) throw new IllegalArgumentException("no projection named '" + projection + "'");
        int n = Math.toIntExact(c.synapseCount());
        int[] pre = new int[n], post = new int[n];
        switch (c.kind()) {
            case DENSE, ALL_TO_ALL -> {
                for (int i = 0, k = 0; i < c.preSize(); i++) {
                    for (int j = 0; j < c.postSize(); j++, k++) {
                        pre[k] = i;
                        post[k] = j;
                    }
                }
            }
            case ONE_TO_ONE -> {
                if (c.pre() != null) { // a generator's port_map
                    pre = c.pre().clone();
                    post = c.post().clone();
                } else {
                    for (int i = 0; i < n; i++) pre[i] = post[i] = i;
                }
            }
            case SPARSE -> {
                pre = c.pre().clone();
                post = c.post().clone();
            }
        }
        return new WeightLayout(c.name(), c.kind(), c.preSize(), c.postSize(), c.exponent(), pre, post);
    }

    /**
     * The network as compiled, as plain maps and lists for config.json: effective parameters, each
     * population's NxSDK prototype, each rule's LearningSpec, each projection's resolved connectivity,
     * sign mode, exponent, delay and stored weights (for every connectivity alike: how many mantissas are stored,
     * their range, and the range in weight units, ⌊mantissa·2^exponent⌋).
     */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", description.name());
        if (!description.description().isEmpty()) m.put("description", description.description());
        m.put("parameters", new LinkedHashMap<>(description.parameters()));
        List<Object> pops = new ArrayList<>();
        for (ChipPlan.Group g : plan.groups()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", g.name());
            p.put("size", g.size());
            p.put("neuron_type", g.neuronType());
            p.put("handle", populations.get(g.name()));
            p.put("prototype", prototype(g.prototype()));
            pops.add(p);
        }
        m.put("populations", pops);
        List<Object> gens = new ArrayList<>();
        for (ChipPlan.Generator g : plan.generators()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", g.name());
            p.put("ports", g.ports());
            p.put("handle", generators.get(g.name()));
            p.put("scheduled_spikes", g.spikes().size());
            gens.add(p);
        }
        m.put("spike_generators", gens);
        m.put("learning", plan.learning());
        List<Object> rules = new ArrayList<>();
        for (ChipPlan.Rule r : plan.rules()) {
            Map<String, Object> p = new LinkedHashMap<>();
            LearningSpec s = r.spec();
            p.put("name", r.name());
            p.put("dw", s.dw());
            p.put("t_epoch", s.tEpoch());
            Map<String, Object> traces = new LinkedHashMap<>();
            traces.put("x1", trace(s.x1()));
            traces.put("x2", trace(s.x2()));
            traces.put("y1", trace(s.y1()));
            traces.put("y2", trace(s.y2()));
            traces.put("y3", trace(s.y3()));
            traces.put("r1", trace(s.r1()));
            p.put("traces", traces);
            if (r.reinforcementSource() != null) p.put("reinforcement", Map.of("source", r.reinforcementSource(), "index", r.reinforcementIndex()));
            rules.add(p);
        }
        m.put("learning_rules", rules);
        List<Object> conns = new ArrayList<>();
        for (ChipPlan.Connection c : plan.connections()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", c.name());
            p.put("from", c.source());
            p.put("to", c.target());
            p.put("type", c.type());
            p.put("handle", projections.get(c.name()));
            p.put("connectivity", c.kind().key);
            p.put("synapses", c.synapseCount());
            p.put("sign_mode", Resolve.signName(c.signMode()));
            p.put("num_weight_bits", c.numWeightBits());
            p.put("exponent", c.exponent());
            p.put("delay", c.delay());
            p.put("learning_rule", c.learningRule());
            p.put("weights_from", c.weightSource());
            // the same keys for every connectivity: a shared weight is a range of one value
            int[] mant = c.mantissas();
            int lo = 0, hi = 0;
            for (int k = 0; k < mant.length; k++) {
                lo = k == 0 ? mant[k] : Math.min(lo, mant[k]);
                hi = k == 0 ? mant[k] : Math.max(hi, mant[k]);
            }
            p.put("stored_mantissas", mant.length);
            p.put("mantissa_min", mant.length == 0 ? null : lo);
            p.put("mantissa_max", mant.length == 0 ? null : hi);
            p.put("weight_min_wu", mant.length == 0 ? null : WeightSplit.effective(lo, c.exponent()));
            p.put("weight_max_wu", mant.length == 0 ? null : WeightSplit.effective(hi, c.exponent()));
            conns.add(p);
        }
        m.put("projections", conns);
        m.put("warnings", warnings);
        return m;
    }

    /** Every field of the prototype under its file key (NeuronModel), enums as the file writes them. */
    private static Map<String, Object> prototype(CompartmentPrototype p) {
        Map<String, Object> m = new LinkedHashMap<>();
        p.fields().forEach((f, v) -> m.put(NeuronModel.key(f), NeuronModel.written(v)));
        return m;
    }

    private static Map<String, Object> trace(LearningSpec.Trace t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("impulse", t.impulse());
        m.put("time_constant", t.timeConstant());
        return m;
    }
}
