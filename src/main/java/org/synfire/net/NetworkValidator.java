package org.synfire.net;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.synfire.chip.CompartmentField;
import org.synfire.chip.WeightEncoding;
import org.synfire.chip.learning.SignMode;

/**
 * Checks that relate parts of a description to each other (references, sizes, delays, shapes of
 * matrices read from files, weight ranges). Runs for loaded and for built descriptions alike. An
 * element that already has a problem is not checked again through its references, so one mistake
 * gives one message.
 */
final class NetworkValidator {
    private NetworkValidator() {}

    static void validate(NetworkDescription d, Problems problems) {
        new NetworkValidator.Run(d, problems).run();
    }

    private record Run(NetworkDescription d, Problems problems) {
        void run() {
            for (String g : d.spikeGenerators().keySet()) {
                if (d.populations().containsKey(g)) {
                    problems.add("spike_generators." + g, "the name '" + g + "' is also a population; populations and spike generators share one namespace");
                }
            }
            for (Population p : d.populations().values()) {
                if (!d.neuronTypes().containsKey(p.type())) {
                    unknown("populations." + p.name() + ".type", "neuron type", p.type(), "neuron_types", d.neuronTypes().keySet());
                }
            }
            for (ConnectionType t : d.connectionTypes().values()) checkType(t);
            for (LearningRuleDef r : d.learningRules().values()) checkRule(r);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < d.projections().size(); i++) checkProjection(d.projections().get(i), d.sourceMap().projectionPath(i), names);
        }

        private void checkType(ConnectionType t) {
            String path = "connection_types." + t.name();
            if (t.learningRule() != null && !d.learningRules().containsKey(t.learningRule())) {
                unknown(path + ".learning_rule", "learning rule", t.learningRule(), "learning_rules", d.learningRules().keySet());
            }
            if (t.weight() == null) return; // each projection must then give one
            String bad = Resolve.mismatch(t.connectivity(), t.weight());
            if (bad != null) {
                problems.add(path + "." + Resolve.key(t.weight()), bad);
                return;
            }
            checkScalarRange(t, t.weight(), t.exponent(), path + "." + Resolve.key(t.weight()));
        }

        private void checkRule(LearningRuleDef r) {
            LearningRuleDef.Reinforcement re = r.reinforcement();
            if (re == null) return;
            String path = "learning_rules." + r.name() + ".reinforcement";
            Integer size = sourceSize(re.source());
            if (size == null) {
                Set<String> all = new LinkedHashSet<>(d.spikeGenerators().keySet());
                all.addAll(d.populations().keySet());
                if (!poisoned(re.source())) {
                    problems.add(path + ".source", "no spike generator or population named '" + re.source() + "'" + Names.suggest(re.source(), all));
                }
            } else if (re.index() >= size) {
                problems.add(path + ".index", "index " + re.index() + " is outside " + re.source() + " (0.." + (size - 1) + ")");
            }
        }

        private void checkProjection(Projection p, String path, Set<String> names) {
            if (!names.add(p.name())) {
                problems.add(path, "two projections are named '" + p.name() + "'; give one of them a 'name'");
            }
            Integer pre = sourceSize(p.from());
            if (pre == null && !poisoned(p.from())) {
                Set<String> all = new LinkedHashSet<>(d.populations().keySet());
                all.addAll(d.spikeGenerators().keySet());
                problems.add(path + ".from", "no population or spike generator named '" + p.from() + "'" + Names.suggest(p.from(), all));
            }
            Population target = d.populations().get(p.to());
            if (target == null) {
                if (d.spikeGenerators().containsKey(p.to())) {
                    problems.add(path + ".to", "'" + p.to() + "' is a spike generator; generators only send spikes, so a projection cannot end there");
                } else if (!poisoned(p.to())) {
                    unknown(path + ".to", "population", p.to(), "populations", d.populations().keySet());
                }
            }
            ConnectionType t = d.connectionTypes().get(p.type());
            if (t == null) {
                unknown(path + ".type", "connection type", p.type(), "connection_types", d.connectionTypes().keySet());
                return;
            }
            if (problems.hasUnder("connection_types." + t.name())) return;
            WeightSpec w = Resolve.weight(t, p);
            if (w == null) {
                problems.add(path, "no weights: neither this projection nor connection type '" + t.name() + "' gives weight, mantissa, matrix or synapses");
                return;
            }
            String wpath = Resolve.weightPath(d, t, p);
            if (p.weight() != null) {
                String bad = Resolve.mismatch(t.connectivity(), w);
                if (bad != null) {
                    problems.add(wpath, bad + " (connection type '" + t.name() + "' is " + t.connectivity().key + ")");
                    return;
                }
            }
            Integer exponent = Resolve.givenExponent(t, p);
            if (w.inMantissas() && exponent == null) {
                problems.add(wpath, (w instanceof WeightSpec.Mantissa ? "a mantissa needs" : "mantissas need")
                        + " an exponent (on the projection or its connection type)");
            }
            if (p.weight() != null || p.exponent() != null) checkScalarRange(t, w, exponent, wpath);
            if (target == null || pre == null) return;
            NeuronType targetType = d.neuronTypes().get(target.type());
            int delay = Resolve.delay(t, p);
            if (targetType != null && delay > targetType.prototype().maxDelay()) {
                String dpath = p.delay() != null ? path + ".delay" : "connection_types." + t.name() + ".delay";
                problems.add(dpath, "delay " + delay + " of " + p.name() + " exceeds the largest delay " + targetType.prototype().maxDelay()
                        + " of target " + p.to() + " (" + NeuronModel.key(CompartmentField.NUM_DENDRITIC_ACCUMULATORS) + " "
                        + targetType.prototype().numDendriticAccumulators() + " of neuron type " + targetType.name() + ", minus 2)");
            }
            int post = target.size();
            boolean generator = d.spikeGenerators().containsKey(p.from());
            if (p.portMap() != null) {
                String mp = path + ".port_map";
                if (!generator) {
                    problems.add(mp, "a port_map wires the ports of a spike generator; " + p.from() + " is a population (use sparse synapses)");
                } else if (t.connectivity() != ConnectivityKind.ONE_TO_ONE) {
                    problems.add(mp, "a port_map needs a one_to_one connection type; '" + t.name() + "' is " + t.connectivity().key);
                } else if (p.portMap().size() != pre) {
                    problems.add(mp, "the port_map lists " + p.portMap().size() + " targets but " + p.from() + " has " + pre + " ports (one target per port)");
                } else {
                    for (int k = 0; k < pre; k++) {
                        int n = p.portMap().get(k);
                        if (n < 0 || n >= post) {
                            problems.add(mp + "[" + k + "]", "port " + k + " maps to neuron " + n + ", outside " + p.to() + " (0.." + (post - 1) + ")");
                            break;
                        }
                    }
                }
                return;
            }
            switch (t.connectivity()) {
                case ONE_TO_ONE -> {
                    if (pre != post) {
                        problems.add(path, "one_to_one needs equal sizes, but " + p.from() + " has " + pre + " and " + p.to() + " has " + post
                                + (generator ? " (a port_map: [...] wires each port to a neuron of your choice)" : ""));
                    }
                }
                case DENSE -> {
                    if (w instanceof WeightSpec.Matrix m && m.source() instanceof WeightSpec.MatrixSource.File f) {
                        int rows = m.transpose() ? f.data().cols() : f.data().rows(), cols = m.transpose() ? f.data().rows() : f.data().cols();
                        if (rows != pre || cols != post) {
                            problems.add(wpath, "the matrix" + (m.transpose() ? " (transposed)" : "") + " has shape " + rows + "×" + cols + " but " + p.name()
                                    + " needs (pre, post) = " + pre + "×" + post);
                        }
                    }
                }
                case SPARSE -> {
                    if (w instanceof WeightSpec.Synapses s) {
                        int[] a = s.synapses().pre(), b = s.synapses().post();
                        for (int k = 0; k < a.length; k++) {
                            if (a[k] < 0 || a[k] >= pre || b[k] < 0 || b[k] >= post) {
                                problems.add(wpath, "synapse " + k + " links " + a[k] + " → " + b[k] + ", outside " + p.from() + " (0.." + (pre - 1) + ") → "
                                        + p.to() + " (0.." + (post - 1) + ")");
                                break;
                            }
                        }
                    }
                }
                case ALL_TO_ALL -> { }
            }
            if (t.plastic() && t.connectivity() == ConnectivityKind.ALL_TO_ALL && (long) pre * post > 1 << 26) {
                problems.add(path, "a plastic all_to_all needs one stored weight per pair, " + (long) pre * post + " in all; that is too many");
            }
        }

        /** A scalar weight or mantissa that no exponent (or not the given one) can hold is an error at load time. */
        private void checkScalarRange(ConnectionType t, WeightSpec w, Integer exponent, String path) {
            if (w instanceof WeightSpec.Scalar s) {
                SignMode mode = Resolve.signMode(t, new int[] {s.weight()});
                Integer e = exponent != null ? exponent : t.plastic() ? Integer.valueOf(0) : null;
                if (e == null) {
                    if (WeightSplit.autoExponent(new int[] {s.weight()}, mode, t.numWeightBits()) == null) {
                        problems.add(path, "weight " + s.weight() + " cannot be represented as a " + Resolve.signName(mode) + " weight at any exponent"
                                + " (" + Resolve.signName(mode) + " weights span " + WeightSplit.rangeDescription(mode) + ")");
                    }
                } else if (WeightSplit.requestedMantissa(s.weight(), e, mode) == null) {
                    problems.add(path, "weight " + s.weight() + " does not fit exponent " + e + ": " + Resolve.signName(mode) + " mantissas span "
                            + WeightEncoding.min(mode) + ".." + WeightEncoding.max(mode) + ", i.e. " + WeightSplit.effective(WeightEncoding.min(mode), e)
                            + ".." + WeightSplit.effective(WeightEncoding.max(mode), e) + " at 2^" + e);
                }
            } else if (w instanceof WeightSpec.Mantissa m) {
                SignMode mode = Resolve.signMode(t, new int[] {m.mantissa()});
                if (m.mantissa() < WeightEncoding.min(mode) || m.mantissa() > WeightEncoding.max(mode)) {
                    problems.add(path, "mantissa " + m.mantissa() + " is outside the " + Resolve.signName(mode) + " range "
                            + WeightEncoding.min(mode) + ".." + WeightEncoding.max(mode));
                }
            }
        }

        private Integer sourceSize(String name) {
            Population p = d.populations().get(name);
            if (p != null) return p.size();
            SpikeGeneratorDef g = d.spikeGenerators().get(name);
            return g == null ? null : g.ports();
        }

        /** True if the element was declared but had problems of its own (so it is missing from the model). */
        private boolean poisoned(String name) {
            return problems.hasUnder("populations." + name) || problems.hasUnder("spike_generators." + name);
        }

        private void unknown(String path, String what, String name, String section, Set<String> known) {
            if (problems.hasUnder(section + "." + name)) return;
            problems.add(path, "no " + what + " named '" + name + "'" + Names.suggest(name, known)
                    + (known.isEmpty() ? " (" + section + " is empty)" : ""));
        }
    }
}
