package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the synfire-gated training network for any number of hidden layers as a network file (YAML
 * with comments), following {@link SgscSchedule}. With one hidden layer it writes the paper's 12-phase
 * network, projection for projection (tested against the shipped {@code sgsc-train.yaml}).
 *
 * <p>Naming: hidden layers h1 … hL and output o, each with two threshold copies ({@code _copy}: a &gt; 0,
 * {@code _copy2}: a &gt; 1024), a memory {@code m_h<k>}, a derivative {@code c_h<k>} and a transposed
 * population {@code h<k>T} that receives the error from the layer above. The layer above presents d⁺/d⁻
 * on itself and the opposite signs on its negated presenter ({@code oT_neg} for o, {@code h<k>_neg} for a
 * hidden layer). Middle layers k ≥ 2 have error populations {@code d_pos_h<k>}, {@code d_neg_h<k>}.
 */
public final class SgscCompiler {
    private final SgscSchedule s;
    private final int layers; // L
    private final int[] widths; // n_in, n_h1..n_hL, n_out
    private final List<String> projections = new ArrayList<>();
    private final Map<Integer, List<String[]>> gating = new TreeMap<>();
    private final Map<String, Integer> delayTypes = new TreeMap<>();
    private final Map<String, Integer> maxDelayInto = new LinkedHashMap<>();

    private SgscCompiler(int[] widths) {
        if (widths.length < 3) throw new IllegalArgumentException("give at least inputs, one hidden layer and outputs");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("every layer needs at least one unit");
        this.widths = widths.clone();
        this.layers = widths.length - 2;
        this.s = new SgscSchedule(layers);
    }

    /** The training network for layer widths {n_in, n_h1, …, n_hL, n_out}, as YAML text. */
    public static String trainingNetwork(int... widths) {
        return new SgscCompiler(widths).write();
    }

    /**
     * The matching inference network: the forward pass only, through static copies of W1 … W_{L+1}, L + 3
     * steps per sample (x in phase 1, h_k in k+1, o in L+2). With one hidden layer, the paper's 4-phase network.
     */
    public static String inferenceNetwork(int... widths) {
        SgscCompiler c = new SgscCompiler(widths);
        int layers = c.layers;
        int steps = layers + 3;
        StringBuilder y = new StringBuilder();
        y.append("# The ").append(steps).append("-phase inference network (docs/design.md#inference-network): x -> ");
        for (int k = 1; k <= layers; k++) y.append(c.h(k)).append(" -> ");
        y.append("o through static W1 .. W").append(layers + 1).append(".\n");
        y.append("# Phase p is gated by g<p> (it fires in p-1); the output is read from o in phase ").append(steps - 1).append(".\n");
        y.append("name: sgsc-infer\n");
        y.append(layers == 1 ? "description: Renner et al. inference network, 4 steps per sample\n"
                : "description: synfire-gated inference network, " + c.shape() + ", " + steps + " steps per sample\n");
        y.append("\nparameters:\n");
        for (int k = 0; k <= layers + 1; k++) y.append("  ").append(c.param(k)).append(": ").append(widths[k]).append('\n');
        y.append("""

                neuron_types:
                  n_sfc: {decay_u: 4096, decay_v: 4096, threshold: 1024, bias: -8192, refractory_delay: 2}
                  n_sfl: {decay_u: 4096, decay_v: 4096, threshold: 1024, bias: -8192, refractory_delay: 2}
                  n_gat: {decay_u: 4096, decay_v: 4096, threshold: 1024, bias: 0, refractory_delay: 1}

                connection_types:
                  f:   {connectivity: dense, sign_mode: mixed, exponent: 0}
                  1e:  {connectivity: one_to_one, weight: 520}
                  1ge: {connectivity: one_to_one, weight: 9280}
                  g:   {connectivity: all_to_all, weight: 8704}

                spike_generators:
                  input: {ports: n_in}
                  in_g:  {ports: 1}

                populations:
                """);
        for (int p = 0; p < steps; p++) y.append("  ").append(gate(p)).append(": {size: 1, type: n_gat}\n");
        y.append("  x:   {size: n_in,  type: n_sfc}\n");
        for (int k = 1; k <= layers; k++) y.append("  ").append(c.h(k)).append(": {size: ").append(c.param(k)).append(", type: n_sfl}\n");
        y.append("  o:   {size: n_out, type: n_sfl}\n");
        y.append("\nprojections:\n");
        y.append("  - {from: input, to: x, type: 1e}\n");
        for (int l = 1; l <= layers + 1; l++) {
            y.append("  - {from: ").append(c.pre(l)).append(", to: ").append(c.h(l)).append(", type: f, matrix: {name: W").append(l)
                    .append("}, name: w").append(l).append("}\n");
        }
        y.append("  - {from: g01, to: x, type: g}\n");
        for (int l = 1; l <= layers + 1; l++) y.append("  - {from: ").append(gate(l + 1)).append(", to: ").append(c.h(l)).append(", type: g}\n");
        y.append("  - {from: in_g, to: g00, type: 1ge}\n");
        for (int p = 0; p < steps; p++) y.append("  - {from: ").append(gate(p)).append(", to: ").append(gate((p + 1) % steps)).append(", type: 1ge}\n");
        y.append("\nprotocol:\n");
        y.append("  steps_per_sample: ").append(steps).append('\n');
        y.append("  generators:\n");
        y.append("    input: {role: input, phases: [0]}\n");
        y.append("    in_g:  {role: gate_start, phases: [").append(steps - 1).append("]}\n");
        y.append("  readout: {population: o, phase: ").append(steps - 1).append("}\n");
        y.append("  layers: [x");
        for (int k = 1; k <= layers; k++) y.append(", ").append(c.h(k));
        y.append(", o]\n  matrices: [");
        for (int l = 1; l <= layers + 1; l++) y.append(l == 1 ? "" : ", ").append("W").append(l);
        y.append("]\n");
        return y.toString();
    }

    // ---------------------------------------------------------------- names

    private String h(int k) {
        return k == layers + 1 ? "o" : "h" + k;
    }

    private String copy(int k) {
        return h(k) + "_copy";
    }

    private String copy2(int k) {
        return h(k) + "_copy2";
    }

    /** The negated presenter of layer k ≥ 2 (it sends −d through −W_kᵀ). */
    private String neg(int k) {
        return k == layers + 1 ? "oT_neg" : h(k) + "_neg";
    }

    private String memory(int k) {
        return k == 0 ? "m_x" + s.inputMemoryPhase() : "m_" + h(k);
    }

    private String transposed(int k) {
        return h(k) + "T";
    }

    private String derivative(int k) {
        return "c_" + h(k);
    }

    private String param(int k) {
        if (k == 0) return "n_in";
        if (k == layers + 1) return "n_out";
        return layers == 1 ? "n_hid" : "n_h" + k;
    }

    private static String gate(int phase) {
        return String.format(Locale.ROOT, "g%02d", phase);
    }

    /** W1 … W_{L+1}. */
    private static String matrix(int l) {
        return "W" + l;
    }

    private String pre(int l) {
        return l == 1 ? "x" : h(l - 1);
    }

    // ---------------------------------------------------------------- building blocks

    private String delayed(String base, int delay) {
        if (delay < 0) throw new IllegalStateException("negative delay for " + base);
        if (delay == 0) return base;
        String name = base + "_d" + delay;
        delayTypes.put(name, delay);
        return name;
    }

    private void connect(String from, String to, String type) {
        projections.add("  - {from: " + from + ", to: " + to + ", type: " + type + "}");
        int d = delayTypes.getOrDefault(type, 0);
        maxDelayInto.merge(to, d, Math::max);
    }

    private void gate(int phase, String target, String type) {
        gating.computeIfAbsent(phase % s.steps(), p -> new ArrayList<>()).add(new String[] {target, type});
    }

    /** Gate all three forward copies of layer k with one connection type. */
    private void gateCopies(int phase, int k, String type) {
        gate(phase, h(k), type);
        gate(phase, copy(k), type);
        gate(phase, copy2(k), type);
    }

    // ---------------------------------------------------------------- the network

    private String write() {
        // forward pass and the plastic matrices
        connect("input", "x", "1e");
        for (int l = 1; l <= layers + 1; l++) {
            String w = matrix(l);
            String lw = w.toLowerCase(Locale.ROOT);
            plastic(pre(l), h(l), w, false, lw);
            plastic(pre(l), copy(l), w, false, lw + "_copy1");
            plastic(pre(l), copy2(l), w, false, lw + "_copy2");
        }
        for (int l = 2; l <= layers + 1; l++) {
            String w = matrix(l);
            String lw = w.toLowerCase(Locale.ROOT);
            plastic(h(l), transposed(l - 1), w, false, lw + "Tp");
            plastic(neg(l), transposed(l - 1), w, true, lw + "Tm");
        }
        connect("in_tgt", "t", "1e");
        int top = layers + 1;

        projections.add("  # output error: d+ = o^< and t and not o; d- = o^< and o and not t and not o^>");
        connect(copy(top), "d_neg", "g1s");
        connect(copy(top), "d_pos", "g1s");
        connect("o", "d_neg", "1e");
        connect("t", "d_neg", "1i");
        connect(copy2(top), "d_neg", "1i");
        connect("t", "d_pos", "1e");
        connect("o", "d_pos", "1i");

        projections.add("  # error routing: each layer's error is shown on it with delay 0 (potentiation) and, sign-swapped,");
        projections.add("  # with the stage's delay (depression); the negated presenter shows the opposite signs");
        for (int k = layers; k >= 1; k--) {
            int up = k + 1;
            String pos = up == top ? "d_pos" : "d_pos_" + h(up);
            String negSrc = up == top ? "d_neg" : "d_neg_" + h(up);
            int lag = s.depression(k) - s.potentiation(k);
            for (String target : List.of(h(up), copy(up), copy2(up))) connect(pos, target, "1e");
            for (String target : List.of(h(up), copy(up), copy2(up))) connect(negSrc, target, delayed("1e", lag));
            connect(negSrc, neg(up), "1e");
            connect(pos, neg(up), delayed("1e", lag));
        }

        projections.add("  # memories and replays");
        for (int k = 1; k <= layers; k++) {
            int mem = s.forwardPhase(k) + 1;
            connect(h(k), memory(k), "1e");
            for (int phase : new int[] {s.potentiation(k), s.depression(k)}) {
                connect(memory(k), h(k), delayed("1e", phase - mem - 1));
                connect(memory(k), transposed(k), delayed("1e", phase - mem - 1));
            }
        }
        connect("x", memory(0), delayed("1e", s.inputMemoryPhase() - s.inputPhase() - 1));
        connect(memory(0), "x", "1e");
        connect(memory(0), "x", delayed("1e", s.w1Depression() - s.inputMemoryPhase() - 1));

        projections.add("  # derivatives f'(a) = h^< and not h^>, and the hidden errors");
        for (int k = 1; k <= layers; k++) {
            int lag = s.derivativePhase(k) - s.forwardPhase(k) - 1;
            connect(copy(k), derivative(k), delayed("1e", lag));
            connect(copy2(k), derivative(k), delayed("1i", lag));
            if (k == 1) {
                for (String t : List.of(h(1), copy(1), copy2(1))) connect(derivative(1), t, "g1");
                for (String t : List.of(h(1), copy(1), copy2(1))) {
                    connect(derivative(1), t, delayed("g1", s.w1Depression() - s.derivativePhase(1) - 1));
                }
                for (String t : List.of(h(1), copy(1), copy2(1))) connect(transposed(1), t, "1e");
            } else {
                connect(derivative(k), "d_pos_" + h(k), "g1");
                connect(derivative(k), "d_neg_" + h(k), "g1");
                connect(transposed(k), "d_pos_" + h(k), delayed("1e", s.errorOf(k) - s.signPlus(k) - 1));
                connect(transposed(k), "d_neg_" + h(k), "1e");
            }
        }

        scheduleGates();
        projections.add("  # gating: g<p> fires in phase p-1 and gates (or inhibits) phase p");
        int steps = s.steps();
        for (int i = 1; i <= steps; i++) {
            int phase = i % steps;
            for (String[] g : gating.getOrDefault(phase, List.of())) connect(gate(phase), g[0], g[1]);
        }
        projections.add("  # the gating ring, started by in_g");
        connect("in_g", gate(0), "1ge");
        for (int p = 0; p < steps; p++) connect(gate(p), gate((p + 1) % steps), "1ge");
        return render();
    }

    private void plastic(String from, String to, String matrix, boolean negated, String name) {
        String m = negated ? "{name: " + matrix + ", transpose: true, negate: true, saturate: true}"
                : name.endsWith("Tp") ? "{name: " + matrix + ", transpose: true}" : "{name: " + matrix + "}";
        projections.add("  - {from: " + from + ", to: " + to + ", type: p, matrix: " + m + ", name: " + name + "}");
    }

    /** Which populations each gate drives in its phase: the schedule as connections. */
    private void scheduleGates() {
        int top = layers + 1;
        gate(s.inputPhase(), "x", "g");
        for (int k = 1; k <= top; k++) {
            int p = s.forwardPhase(k);
            gate(p, h(k), "g");
            gate(p, copy(k), "g");
            gate(p, copy(k), "gm05");
            gate(p, copy2(k), "gp05");
            if (k == top) gate(p, "t", "g");
            if (k >= 2) gate(p, memory(k - 1), "g");
            // the transposed population of the layer below hears this layer's forward spikes next: keep it silent
            if (k >= 2) {
                gate(p + 1, transposed(k - 1), "gi");
                gate(p + 1, neg(k), "gi");
            }
        }
        for (int k = layers; k >= 1; k--) {
            int up = k + 1;
            for (int half : new int[] {s.potentiation(k), s.depression(k)}) {
                gate(half, h(k), "g");
                gate(half, transposed(k), "g");
                gateCopies(half, up, "g");
                gate(half, neg(up), "g");
            }
            for (int sign : new int[] {s.signPlus(k), s.signMinus(k)}) {
                gate(sign, transposed(k), "g");
                gate(sign, transposed(k), "gm05");
                if (k == 1 && sign == s.signPlus(1)) {
                    gate(sign, memory(0), "g");
                    gate(sign, derivative(1), "g");
                }
                if (k >= 2 && sign == s.signMinus(k)) gate(sign, derivative(k), "g");
                // h_k replayed in the phase before: its spikes reach layer k+1 (and h_{k-1}T) now
                gateCopies(sign, up, "gi");
                if (k >= 2) gate(sign, transposed(k - 1), "gi");
                // layer k+1 presented in the phase before: its spikes reach layer k+2 now
                if (up < top) gateCopies(sign, up + 1, "gi");
            }
        }
        gate(s.w1Potentiation(), "x", "g");
        gateCopies(s.w1Potentiation() + 1, 1, "gi");
        gate(s.w1Depression(), "x", "g");
        gateCopies(s.w1Depression() + 1, 2, "gi"); // h1 showed d1-: the layer above hears it in the next phase 0
        // h1 showed d1+: the layer above (o for one hidden layer) hears it now. The paper's network leaves o
        // ungated here, safe only while W2·d1+ stays under 9216 wu; wide hidden layers exceed that.
        gateCopies(s.w1Potentiation() + 1, 2, "gi");
        // the tolerated phase-0 spikes of layer 1 reach the layer above in phase 1
        gateCopies(s.inputPhase(), 2, "gi");
    }

    // ---------------------------------------------------------------- text

    private String render() {
        StringBuilder y = new StringBuilder();
        int top = layers + 1;
        if (layers == 1) {
            y.append(HEADER_ONE_LAYER);
        } else {
            y.append(String.format(Locale.ROOT, HEADER_DEEP, layers, shape(), s.steps(), layers));
        }
        y.append("name: sgsc-train\n");
        y.append(layers == 1 ? "description: Renner et al. on-chip backpropagation, 12 steps per training sample\n"
                : "description: synfire-gated on-chip backpropagation, " + shape() + ", " + s.steps() + " steps per training sample\n");
        y.append("\nparameters:\n");
        for (int k = 0; k <= top; k++) y.append("  ").append(param(k)).append(": ").append(widths[k]).append('\n');
        y.append("\nneuron_types:\n");
        Map<String, Integer> slots = accumulatorsPerType();
        y.append(neuronType("n_sfc", "{decay_u: 4096, decay_v: 4096, threshold: 1024, bias: -8192, refractory_delay: 2", slots));
        y.append(neuronType("n_sfl", "{decay_u: 4096, decay_v: 4096, threshold: 1024, bias: -8192, refractory_delay: 2, enable_learning: true", slots));
        y.append(neuronType("n_sfl_nr", "{decay_u: 4096, decay_v: 4096, threshold: 1024, bias: -8192, refractory_delay: 1, enable_learning: true", slots));
        y.append(neuronType("n_gat", "{decay_u: 4096, decay_v: 4096, threshold: 1024, bias: 0, refractory_delay: 1", slots));
        y.append("""

                learning_rules:
                  nbp:
                    dw: y0*x0*r1*4 - y0*x0*2
                    x1: {impulse: 0, time_constant: 1}
                    y1: {impulse: 0, time_constant: 1}
                    r1: {impulse: 1, time_constant: 0}
                    t_epoch: 1
                    reinforcement: {source: reward, index: 0}

                connection_types:
                  p:      {connectivity: dense, sign_mode: mixed, exponent: 0, learning_rule: nbp}
                  1e:     {connectivity: one_to_one, weight: 520}
                """);
        for (var e : delayTypes.entrySet()) {
            if (e.getKey().startsWith("1e_")) y.append(pad(e.getKey())).append("{connectivity: one_to_one, weight: 520, delay: ").append(e.getValue()).append("}\n");
        }
        y.append("  1i:     {connectivity: one_to_one, weight: -520, sign_mode: inhibitory}\n");
        for (var e : delayTypes.entrySet()) {
            if (e.getKey().startsWith("1i_")) {
                y.append(pad(e.getKey())).append("{connectivity: one_to_one, weight: -520, sign_mode: inhibitory, delay: ").append(e.getValue()).append("}\n");
            }
        }
        y.append("  1ge:    {connectivity: one_to_one, weight: 9280}\n");
        y.append("  g:      {connectivity: all_to_all, weight: 8704}\n");
        y.append("  g1:     {connectivity: one_to_one, weight: 8704}\n");
        for (var e : delayTypes.entrySet()) {
            if (e.getKey().startsWith("g1_")) y.append(pad(e.getKey())).append("{connectivity: one_to_one, weight: 8704, delay: ").append(e.getValue()).append("}\n");
        }
        y.append("""
                  g1s:    {connectivity: one_to_one, weight: 8704}
                  gm05:   {connectivity: all_to_all, weight: 512}
                  gp05:   {connectivity: all_to_all, weight: 8192}
                  gi:     {connectivity: all_to_all, weight: -8128, sign_mode: inhibitory}

                spike_generators:
                """);
        y.append("  input:  {ports: n_in}     # one spike per active pixel, phase ").append(s.inputPhase()).append('\n');
        y.append("  in_tgt: {ports: n_out}    # one-hot target, phase ").append(s.outputPhase()).append('\n');
        y.append("  in_g:   {ports: 1}        # starts the gating ring\n");
        y.append("  reward: {ports: 1}        # reinforcement channel of rule nbp, phases ").append(and(s.rewardPhases())).append('\n');
        y.append("\npopulations:\n");
        for (int p = 0; p < s.steps(); p++) y.append("  ").append(gate(p)).append(": {size: 1, type: n_gat}\n");
        for (String[] pop : populations()) {
            y.append("  ").append(pad(pop[0] + ":", 10)).append("{size: ").append(pop[1]).append(", ").append(pad("type: " + pop[2] + "}", 18))
                    .append("# ").append(pop[3]).append('\n');
        }
        y.append("\nprojections:\n  # forward pass and the plastic matrices\n");
        for (String line : projections) y.append(line).append('\n');
        y.append(protocol());
        return y.toString();
    }

    /** Population name, size, type, comment; in the paper network's order for one hidden layer. */
    private List<String[]> populations() {
        List<String[]> out = new ArrayList<>();
        int top = layers + 1;
        out.add(new String[] {"x", "n_in", "n_sfc", "input (phases " + join(firing("x")) + ")"});
        out.add(new String[] {memory(0), "n_in", "n_sfc", "memory of x (phase " + s.inputMemoryPhase() + ")"});
        for (int k = 1; k <= layers; k++) {
            String n = param(k);
            out.add(new String[] {h(k), n, "n_sfl", k == 1 ? "h (2, 5, 9) and d1+/d1- (7, 11)".replace("(2, 5, 9)", "(" + join(List.of(s.forwardPhase(1), s.potentiation(1), s.depression(1))) + ")")
                    .replace("(7, 11)", "(" + s.w1Potentiation() + ", " + s.w1Depression() + ")") : "h" + k + " (" + s.forwardPhase(k) + "), replays, and its error"});
            out.add(new String[] {copy(k), n, "n_sfl", "h^<: a_h > 0"});
            out.add(new String[] {copy2(k), n, "n_sfl", "h^>: a_h > 1024"});
            out.add(new String[] {memory(k), n, "n_sfc", "memory of h (" + (s.forwardPhase(k) + 1) + ")"});
            out.add(new String[] {derivative(k), n, "n_sfc", "f'(a_h) (" + s.derivativePhase(k) + ")"});
            out.add(new String[] {transposed(k), n, "n_sfl_nr", "replays h (" + s.potentiation(k) + ", " + s.depression(k) + "); sign of W" + (k + 1) + ".d" + (k + 1) + " ("
                    + s.signPlus(k) + ", " + s.signMinus(k) + ")"});
            if (k >= 2) {
                out.add(new String[] {neg(k), n, "n_sfl", "sign-flipped error for -W" + k + "^T (" + s.potentiation(k - 1) + ", " + s.depression(k - 1) + ")"});
                out.add(new String[] {"d_pos_" + h(k), n, "n_sfc", "d" + k + "+ (" + s.errorOf(k) + ")"});
                out.add(new String[] {"d_neg_" + h(k), n, "n_sfc", "d" + k + "- (" + s.errorOf(k) + ")"});
            }
        }
        out.add(new String[] {"o", "n_out", "n_sfl", "output (" + s.outputPhase() + "); d2+ (" + s.potentiation(layers) + "), d2- (" + s.depression(layers) + ")"});
        out.add(new String[] {copy(top), "n_out", "n_sfl", "o^<: a_o > 0"});
        out.add(new String[] {copy2(top), "n_out", "n_sfl", "o^>: a_o > 1024"});
        out.add(new String[] {"t", "n_out", "n_sfc", "target (" + s.outputPhase() + ")"});
        out.add(new String[] {"d_pos", "n_out", "n_sfc", "d2+ (" + s.errorPhase() + ")"});
        out.add(new String[] {"d_neg", "n_out", "n_sfc", "d2- (" + s.errorPhase() + ")"});
        out.add(new String[] {"oT_neg", "n_out", "n_sfl", "sign-flipped error for -W" + top + "^T (" + s.potentiation(layers) + ", " + s.depression(layers) + ")"});
        if (layers == 1) {
            // the paper network's comments, word for word as shipped
            out.set(0, new String[] {"x", "n_in", "n_sfc", "input (phases 1, 7, 11)"});
            out.set(1, new String[] {"m_x6", "n_in", "n_sfc", "memory of x (phase 6)"});
            out.set(2, new String[] {"h1", "n_hid", "n_sfl", "h (2, 5, 9) and d1+/d1- (7, 11)"});
        }
        return out;
    }

    /** Phases in which a population may spike, from the schedule (for comments and the protocol). */
    List<Integer> firing(String population) {
        return PhaseTable.of(this).get(population);
    }

    Map<String, Integer> accumulatorsPerType() {
        Map<String, String> typeOf = new LinkedHashMap<>();
        for (String[] p : populations()) typeOf.put(p[0], p[2]);
        Map<String, Integer> need = new LinkedHashMap<>();
        maxDelayInto.forEach((pop, d) -> {
            String type = typeOf.getOrDefault(pop, "n_gat");
            if (d + 2 > 8) need.merge(type, Integer.highestOneBit(d + 1) << 1, Math::max); // a power of two >= d + 2
        });
        return need;
    }

    private static String neuronType(String name, String body, Map<String, Integer> slots) {
        String extra = slots.containsKey(name) ? ", num_dendritic_accumulators: " + slots.get(name) : "";
        return "  " + pad(name + ":", 12) + body + extra + "}\n";
    }

    private String protocol() {
        return PhaseTable.of(this).protocolYaml(s);
    }

    String shape() {
        StringBuilder b = new StringBuilder();
        for (int w : widths) b.append(b.isEmpty() ? "" : "-").append(w);
        return b.toString();
    }

    private static String pad(String key) {
        return pad("  " + key + ":", 10);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** "5 and 7", "6, 11 and 13". */
    private static String and(List<Integer> phases) {
        String all = join(phases);
        int comma = all.lastIndexOf(", ");
        return comma < 0 ? all : all.substring(0, comma) + " and " + all.substring(comma + 2);
    }

    private static String join(List<Integer> phases) {
        StringBuilder b = new StringBuilder();
        for (int p : phases) b.append(b.isEmpty() ? "" : ", ").append(p);
        return b.toString();
    }

    int layers() {
        return layers;
    }

    SgscSchedule schedule() {
        return s;
    }

    Map<Integer, List<String[]>> gates() {
        return gating;
    }

    Set<String> populationNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String[] p : populations()) names.add(p[0]);
        return names;
    }

    private static final String HEADER_ONE_LAYER = """
            # The 12-phase synfire-gated synfire chain (SGSC) that trains a binarized n_in-n_hid-n_out network
            # with backpropagation on chip (Renner et al. 2024; docs/design.md). Every weight is in weight units
            # (wu): 1.0 of the normalised model is 1024 wu, the binary threshold is 512 wu.
            #
            # Phase p of a sample is gated by gate neuron g<p>, which fires in phase p-1. A biased neuron
            # (bias -8192) fires only when a gate lifts it:
            #   g (8704)        -> fires iff other input > 512   (binary activation)
            #   g + gm05 (9216) -> fires iff other input > 0     (lower derivative bound)
            #   gp05 (8192)     -> fires iff other input > 1024  (upper saturation bound)
            #   gi (-8128)      -> inhibited
            # The eight plastic matrices learn with dw = y0*x0*r1*4 - y0*x0*2: +2 on a pre/post coincidence
            # when the reward generator fires in that step (phases 5 and 7), -2 otherwise (phases 9 and 11).
            # w2Tm holds -W2^T, saturated: the 8-bit mixed weights span -256..254, so where W2 = -256 it is built as
            # +254, and from then on each copy clips on its own (the drift the functional model reproduces).
            """;

    private static final String HEADER_DEEP = """
            # A synfire-gated synfire chain that trains a binarized network with %d hidden layers, %s, with
            # backpropagation on chip: %d steps per sample, written by `synfire network sgsc` (docs/design.md,
            # "Deeper networks"). Weights are in weight units (1.0 = 1024 wu; binary threshold 512 wu).
            #
            # Phase p is gated by gate neuron g<p>, which fires in phase p-1. A biased neuron (bias -8192)
            # fires only when a gate lifts it: g (8704) iff other input > 512, g + gm05 iff > 0, gp05 iff > 1024;
            # gi (-8128) inhibits. Each of the %d backward stages shows one layer's error on the layer above
            # twice: with the reward (dw = +2 per pre/post coincidence) and, sign-swapped, without it (-2).
            # The protocol section at the end says when each generator fires, where the output is read, which
            # population may spike in which phase, and which projections hold which logical matrix.
            """;
}
