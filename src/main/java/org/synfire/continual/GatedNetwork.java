package org.synfire.continual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.Protocol;
import org.synfire.nbp.sgsc.SgscCompiler;

/**
 * The compiler's training network with continual learning's gates added (docs/continual.md#the-gates-on-chip):
 *
 * <ul>
 *   <li>{@value #ERROR_GATE}, one port per output unit, one-to-one through the network's relay veto {@code 1i} onto
 *       d_pos and d_neg. A spike in the phase before the error phase cancels the unit's relay input there, so its d⁺
 *       and d⁻ stay silent: no W_M column of it learns and none of its error is sent back.
 *   <li>{@code hidden_gate_h<k>}, one port, through the inhibitory gate type {@code gi} onto c_h&lt;k&gt;, the
 *       derivative f′ of hidden layer k that gates its error: a spike silences it, so layer k's error is zero.
 * </ul>
 *
 * Nothing else changes: neurons, rule, phases and plastic matrices are the compiler's, so a run whose gates never
 * fire is the plain network. The text is the compiler's output with lines added, never edited.
 */
public final class GatedNetwork {
    private GatedNetwork() {}

    public static final String ERROR_GATE = "error_gate";

    /** The gate generator of hidden layer k (1-based). */
    public static String hiddenGate(int k) {
        return "hidden_gate_h" + k;
    }

    /** The training network for these widths with the gates. */
    public static CompiledNetworks training(int[] widths) {
        return CompiledNetworks.of("the compiled training network " + shape(widths) + " with continual learning's gates",
                withGates(SgscCompiler.trainingNetwork(widths), widths.length - 2));
    }

    static String withGates(String yaml, int hiddenLayers) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        int gens = lines.indexOf("spike_generators:");
        int protocol = lines.indexOf("protocol:");
        if (gens < 0 || protocol < 0) throw new IllegalStateException("the compiler's network has no spike_generators or protocol section");
        int lastProjection = protocol;
        while (lastProjection > 0 && !lines.get(lastProjection).startsWith("  - {")) lastProjection--;
        List<String> proj = new ArrayList<>();
        proj.add("  # continual learning's gates (org.synfire.continual.GatedNetwork)");
        proj.add("  - {from: " + ERROR_GATE + ", to: d_pos, type: 1i}");
        proj.add("  - {from: " + ERROR_GATE + ", to: d_neg, type: 1i}");
        for (int k = 1; k <= hiddenLayers; k++) proj.add("  - {from: " + hiddenGate(k) + ", to: c_h" + k + ", type: gi}");
        lines.addAll(lastProjection + 1, proj);
        List<String> g = new ArrayList<>();
        g.add("  " + ERROR_GATE + ": {ports: n_out}  # closes output units' errors (continual learning)");
        for (int k = 1; k <= hiddenLayers; k++) g.add("  " + hiddenGate(k) + ": {ports: 1}  # closes hidden layer " + k + "'s error");
        lines.addAll(gens + 1, g);
        return String.join("\n", lines);
    }

    /** The phase in which the error gate must emit: the one before d_pos fires. */
    static int errorGatePhase(Protocol p) {
        return onlyPhase(p, "d_pos") - 1;
    }

    /** The phase in which hidden layer k's gate must emit: the one before c_h&lt;k&gt; fires. */
    static int hiddenGatePhase(Protocol p, int k) {
        return onlyPhase(p, "c_h" + k) - 1;
    }

    private static int onlyPhase(Protocol p, String population) {
        Long mask = p.allowed().get(population);
        if (mask == null || Long.bitCount(mask) != 1 || mask == 1L) {
            throw new IllegalStateException("the network's protocol must let " + population + " fire in exactly one phase after phase 0");
        }
        return Long.numberOfTrailingZeros(mask);
    }

    private static String shape(int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int w : widths) b.append(b.isEmpty() ? "" : "-").append(w);
        return b.toString();
    }
}
