package org.synfire.nbp.onchip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The timing of the 12-phase training network (docs/design.md#phase-table): which phases each population may
 * spike in. Phase p of a sample is gated by gate g&lt;p&gt;, which itself fires in phase p−1.
 */
public final class Phases {
    public static final int TRAIN_PHASES = 12;
    public static final int INFER_PHASES = 4;

    /** Phase in which the forward output o is read (docs/design.md#phase-table, phase 3). */
    public static final int OUTPUT_PHASE = 3;
    /** Offsets (from a sample's base step) of the input, target and reward generator spikes (docs/design.md#streaming-protocol). */
    public static final int INPUT_OFFSET = 1, TARGET_OFFSET = 3, REWARD_OFFSET_POT_W2 = 6, REWARD_OFFSET_POT_W1 = 8;

    private Phases() {}

    /** Bit p set = the population may spike in phase p. Populations not listed are not checked. */
    public static Map<String, Integer> allowedTraining() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int g = 0; g < TRAIN_PHASES; g++) m.put(gate(g), bits((g + TRAIN_PHASES - 1) % TRAIN_PHASES));
        m.put("x", bits(1, 7, 11));
        m.put("m_x6", bits(6));
        m.put("h1", bits(2, 5, 7, 9, 11));
        m.put("h1_copy", bits(2, 7, 11));
        m.put("h1_copy2", bits(2, 7, 11));
        m.put("m_h1", bits(3));
        m.put("c_h1", bits(6));
        m.put("h1T", bits(5, 6, 9, 10));
        for (String o : new String[] {"o", "o_copy", "o_copy2"}) m.put(o, bits(3, 5, 9));
        m.put("t", bits(3));
        m.put("d_pos", bits(4));
        m.put("d_neg", bits(4));
        m.put("oT_neg", bits(5, 9));
        return m;
    }

    /**
     * Phases in which a spike is a labelled warning rather than an error (docs/design.md#ungated-phase-0-spike): since the 2024 code,
     * h1 and its copies are neither gated nor inhibited in phase 0, where W1·x of the phase-11 replay
     * arrives; they fire there only if W1·x &gt; 9216 wu. Such a spike changes no weight: x does not spike
     * in phase 0 and the o populations are inhibited by g00.
     */
    public static Map<String, Integer> toleratedTraining() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String h : new String[] {"h1", "h1_copy", "h1_copy2"}) m.put(h, bits(0));
        return m;
    }

    /** Gates must fire exactly once per sample, in phase g−1: a silent gate means the chain broke. */
    public static boolean isGate(String population) {
        return population.length() == 3 && population.charAt(0) == 'g' && Character.isDigit(population.charAt(1));
    }

    public static String gate(int p) {
        return String.format("g%02d", p);
    }

    public static String phaseName(int p) {
        return switch (p) {
            case 0 -> "0 blank";
            case 1 -> "1 input";
            case 2 -> "2 hidden";
            case 3 -> "3 output";
            case 4 -> "4 error";
            case 5 -> "5 W2 pot";
            case 6 -> "6 backprop pot";
            case 7 -> "7 W1 pot";
            case 8 -> "8 blank";
            case 9 -> "9 W2 dep";
            case 10 -> "10 backprop dep";
            case 11 -> "11 W1 dep";
            default -> Integer.toString(p);
        };
    }

    private static int bits(int... phases) {
        int b = 0;
        for (int p : phases) b |= 1 << p;
        return b;
    }
}
