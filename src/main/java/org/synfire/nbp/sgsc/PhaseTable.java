package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Who may spike in which phase, derived from the schedule; written into the network file's protocol section. */
final class PhaseTable {
    private final Map<String, TreeSet<Integer>> allowed = new LinkedHashMap<>();
    private final Map<String, TreeSet<Integer>> tolerated = new LinkedHashMap<>();
    private final int layers;

    private PhaseTable(int layers) {
        this.layers = layers;
    }

    static PhaseTable of(SgscCompiler c) {
        SgscSchedule s = c.schedule();
        int layers = c.layers();
        int top = layers + 1;
        PhaseTable t = new PhaseTable(layers);
        int steps = s.steps();
        for (int g = 0; g < steps; g++) t.add(String.format(Locale.ROOT, "g%02d", g), (g + steps - 1) % steps);
        t.add("x", s.inputPhase(), s.w1Potentiation(), s.w1Depression());
        t.add("m_x" + s.inputMemoryPhase(), s.inputMemoryPhase());
        for (int k = 1; k <= layers; k++) {
            String h = "h" + k;
            int fwd = s.forwardPhase(k);
            List<Integer> shows = k == 1 ? List.of(s.w1Potentiation(), s.w1Depression()) : List.of(s.potentiation(k - 1), s.depression(k - 1));
            t.add(h, fwd, s.potentiation(k), s.depression(k));
            t.add(h, shows);
            t.add(h + "_copy", fwd);
            t.add(h + "_copy", shows);
            t.add(h + "_copy2", fwd);
            t.add(h + "_copy2", shows);
            t.add("m_" + h, fwd + 1);
            t.add("c_" + h, s.derivativePhase(k));
            t.add(h + "T", s.potentiation(k), s.signPlus(k), s.depression(k), s.signMinus(k));
            if (k >= 2) {
                t.add(h + "_neg", shows);
                t.add("d_pos_" + h, s.errorOf(k));
                t.add("d_neg_" + h, s.errorOf(k));
            }
        }
        for (String o : new String[] {"o", "o_copy", "o_copy2"}) t.add(o, s.outputPhase(), s.potentiation(layers), s.depression(layers));
        t.add("t", s.outputPhase());
        t.add("d_pos", s.errorPhase());
        t.add("d_neg", s.errorPhase());
        t.add("oT_neg", s.potentiation(layers), s.depression(layers));
        // the phase-11 replay of x reaches h1 in the next, ungated phase 0: a spike there (W1.x > 9216 wu) changes no weight
        for (String h : new String[] {"h1", "h1_copy", "h1_copy2"}) t.tolerated.computeIfAbsent(h, k -> new TreeSet<>()).add(0);
        return t;
    }

    private void add(String population, int... phases) {
        for (int p : phases) allowed.computeIfAbsent(population, k -> new TreeSet<>()).add(p);
    }

    private void add(String population, List<Integer> phases) {
        for (int p : phases) add(population, p);
    }

    List<Integer> get(String population) {
        return new ArrayList<>(allowed.getOrDefault(population, new TreeSet<>()));
    }

    String protocolYaml(SgscSchedule s) {
        StringBuilder y = new StringBuilder();
        y.append("\n# How a driver streams samples through this network: generator phases, readout, layers and matrices, invariants.\n");
        y.append("protocol:\n");
        y.append("  steps_per_sample: ").append(s.steps()).append('\n');
        y.append("  # generators, with the phase of the step they emit in (a spike reaches its target one phase later;\n");
        y.append("  # the reward acts on learning in the phase it is emitted)\n");
        y.append("  generators:\n");
        y.append("    input:  {role: input,  phases: [").append(s.inputPhase() - 1).append("]}   # port k for every active input k\n");
        y.append("    in_tgt: {role: target, phases: [").append(s.outputPhase() - 1).append("]}   # the label's port\n");
        y.append("    reward: {role: reward, phases: ").append(s.rewardPhases()).append("}\n");
        y.append("    in_g:   {role: gate_start, phases: [").append(s.steps() - 1).append("]}  # once, in the phase before the first sample\n");
        y.append("  readout: {population: o, phase: ").append(s.outputPhase()).append("}   # the forward pass's output spikes\n");
        y.append("  # the forward layers, input to output, and the logical matrices between them; each projection whose\n");
        y.append("  # matrix names one of them is an on-chip instance of it (copy, transpose, or saturated negated transpose)\n");
        y.append("  layers: [x");
        for (int k = 1; k <= layers; k++) y.append(", h").append(k);
        y.append(", o]\n");
        y.append("  matrices: [");
        for (int l = 1; l <= layers + 1; l++) y.append(l == 1 ? "" : ", ").append("W").append(l);
        y.append("]\n");
        y.append("  # phase invariants: the phases in which each population may spike (gates must fire in theirs)\n");
        y.append("  phases:\n");
        for (var e : allowed.entrySet()) y.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        y.append("  # spikes tolerated outside those phases, reported as warnings\n");
        y.append("  tolerated:\n");
        for (var e : tolerated.entrySet()) y.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        return y.toString();
    }
}
