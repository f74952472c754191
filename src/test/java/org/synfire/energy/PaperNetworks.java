package org.synfire.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.Connectivity;
import org.synfire.chip.OpCounters;
import org.synfire.chip.learning.SignMode;

/**
 * Test support: Renner et al.'s training (12-phase) and inference (4-phase) networks for MNIST20
 * (400-400-10), built from docs/design.md#populations and #inference-network as static chips. The chip's learning rules are
 * not available yet, so the eight plastic matrices are static dense mixed-sign connections with the same
 * synapse counts and weights, and their learning-engine counts are derived per step from the spikes
 * ({@link #learningCounts}). Random binary images (25 % active pixels) and Glorot-like even weights stand
 * in for MNIST and for trained weights.
 */
final class PaperNetworks {
    static final int N_IN = 400, N_HID = 400, N_OUT = 10;

    private static final CompartmentPrototype SFC = CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 2);
    private static final CompartmentPrototype SFL_NR = CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 1);
    private static final CompartmentPrototype GAT = CompartmentPrototype.of(4096, 4096, 1024, 0, 0, 1);

    private final ChipBuilder b = new ChipBuilder();
    final Map<String, String> typeOf = new LinkedHashMap<>();
    private final Map<String, Integer> handle = new LinkedHashMap<>();
    private final Map<String, Integer> size = new LinkedHashMap<>();
    /** Connection handles of the (would-be) plastic connections. */
    final List<Integer> plastic = new ArrayList<>();
    private int connections;
    final boolean training;
    final int stepsPerSample;
    final Chip chip;
    private final SplittableRandom rnd;

    private PaperNetworks(boolean training, long seed) {
        this.training = training;
        this.stepsPerSample = training ? 12 : 4;
        this.rnd = new SplittableRandom(seed);
        int[] w1 = weights(N_IN, N_HID), w2 = weights(N_HID, N_OUT);
        if (training) buildTraining(w1, w2);
        else buildInference(w1, w2);
        chip = b.build(seed);
    }

    static PaperNetworks training(long seed) {
        return new PaperNetworks(true, seed);
    }

    static PaperNetworks inference(long seed) {
        return new PaperNetworks(false, seed);
    }

    NetworkShape shape() {
        return NetworkShape.of(chip, typeOf);
    }

    /** Glorot-normal weights in wu, clipped to ±240 and rounded toward zero to even (docs/design.md#initialisation); pre-major. */
    private int[] weights(int nIn, int nOut) {
        double sd = Math.sqrt(2.0 / (nIn + nOut)) * 1024;
        int[] w = new int[nIn * nOut];
        for (int k = 0; k < w.length; k++) {
            double v = Math.max(-240, Math.min(240, gaussian() * sd));
            w[k] = (int) (Math.floor(Math.abs(v) / 2) * 2 * Math.signum(v));
        }
        return w;
    }

    private double gaussian() {
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private void pop(String name, int n, String type) {
        CompartmentPrototype p = switch (type) {
            case "n_sfc", "n_sfl" -> SFC;
            case "n_sfl_nr" -> SFL_NR;
            case "n_gat" -> GAT;
            default -> throw new IllegalArgumentException(type);
        };
        handle.put(name, b.addCompartments(name, n, p));
        size.put(name, n);
        typeOf.put(name, type);
    }

    private void gen(String name, int ports) {
        handle.put(name, b.addSpikeGenerator(name, ports));
        size.put(name, ports);
    }

    /** Static connection types of docs/design.md#synfire-gating as stored mantissa·2^exponent (e.g. 1e = 520 = 130·2^2). */
    private void conn(String from, String to, String type) {
        int delay = 0;
        String t = type;
        if (t.matches(".+_d\\d")) {
            delay = t.charAt(t.length() - 1) - '0';
            t = t.substring(0, t.length() - 3);
        }
        int n = size.get(from);
        Connectivity c;
        SignMode mode = SignMode.EXCITATORY;
        int exp;
        switch (t) {
            case "1e" -> { c = Connectivity.OneToOne.uniform(n, 130); exp = 2; }
            case "1i" -> { c = Connectivity.OneToOne.uniform(n, -130); exp = 2; mode = SignMode.INHIBITORY; }
            case "1ge" -> { c = Connectivity.OneToOne.uniform(n, 145); exp = 6; }
            case "g1", "g1s" -> { c = Connectivity.OneToOne.uniform(n, 136); exp = 6; }
            case "g" -> { c = new Connectivity.AllToAll(136); exp = 6; }
            case "gm05" -> { c = new Connectivity.AllToAll(128); exp = 2; }
            case "gp05" -> { c = new Connectivity.AllToAll(128); exp = 6; }
            case "gi" -> { c = new Connectivity.AllToAll(-254); exp = 5; mode = SignMode.INHIBITORY; }
            default -> throw new IllegalArgumentException(type);
        }
        b.connect(ConnectionSpec.of(from + "->" + to + ":" + type + "#" + connections++, handle.get(from), handle.get(to), c, mode, exp, delay));
    }

    private void dense(String from, String to, int[] w, boolean isPlastic) {
        if (isPlastic) plastic.add(connections);
        b.connect(ConnectionSpec.of(from + "->" + to + ":p#" + connections++, handle.get(from), handle.get(to), new Connectivity.Dense(w), SignMode.MIXED, 0, 0));
    }

    private static int[] transpose(int[] w, int rows, int cols, int sign) {
        int[] t = new int[w.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = sign * w[r * cols + c];
        return t;
    }

    private void gates(int count) {
        for (int g = 0; g < count; g++) pop(String.format("g%02d", g), 1, "n_gat");
    }

    private void buildTraining(int[] w1, int[] w2) {
        gates(12);
        pop("x", N_IN, "n_sfc");
        pop("m_x6", N_IN, "n_sfc");
        for (String p : List.of("h1", "h1_copy", "h1_copy2")) pop(p, N_HID, "n_sfl");
        pop("m_h1", N_HID, "n_sfc");
        pop("c_h1", N_HID, "n_sfc");
        pop("h1T", N_HID, "n_sfl_nr");
        for (String p : List.of("o", "o_copy", "o_copy2")) pop(p, N_OUT, "n_sfl");
        for (String p : List.of("t", "d_pos", "d_neg")) pop(p, N_OUT, "n_sfc");
        pop("oT_neg", N_OUT, "n_sfl");
        gen("input", N_IN);
        gen("in_tgt", N_OUT);
        gen("in_g", 1);
        gen("reward", 1);

        conn("input", "x", "1e");
        for (String p : List.of("h1", "h1_copy", "h1_copy2")) dense("x", p, w1, true);
        for (String p : List.of("o", "o_copy", "o_copy2")) dense("h1", p, w2, true);
        dense("o", "h1T", transpose(w2, N_HID, N_OUT, 1), true);
        dense("oT_neg", "h1T", transpose(w2, N_HID, N_OUT, -1), true);
        conn("in_tgt", "t", "1e");
        conn("o_copy", "d_neg", "g1s");
        conn("o_copy", "d_pos", "g1s");
        conn("o", "d_neg", "1e");
        conn("t", "d_neg", "1i");
        conn("o_copy2", "d_neg", "1i");
        conn("t", "d_pos", "1e");
        conn("o", "d_pos", "1i");
        for (String p : List.of("o", "o_copy", "o_copy2")) conn("d_pos", p, "1e");
        for (String p : List.of("o", "o_copy", "o_copy2")) conn("d_neg", p, "1e_d4");
        conn("d_neg", "oT_neg", "1e");
        conn("d_pos", "oT_neg", "1e_d4");
        conn("h1", "m_h1", "1e");
        conn("m_h1", "h1", "1e_d1");
        conn("m_h1", "h1T", "1e_d1");
        conn("m_h1", "h1", "1e_d5");
        conn("m_h1", "h1T", "1e_d5");
        conn("x", "m_x6", "1e_d4");
        conn("m_x6", "x", "1e");
        conn("m_x6", "x", "1e_d4");
        conn("h1_copy", "c_h1", "1e_d3");
        conn("h1_copy2", "c_h1", "1i_d3");
        for (String p : List.of("h1", "h1_copy", "h1_copy2")) conn("c_h1", p, "g1");
        for (String p : List.of("h1", "h1_copy", "h1_copy2")) conn("c_h1", p, "g1_d4");
        for (String p : List.of("h1", "h1_copy", "h1_copy2")) conn("h1T", p, "1e");
        String[][] gating = {
            {"g01", "x", "g"},
            {"g02", "h1", "g"}, {"g02", "h1_copy", "g"}, {"g02", "h1_copy", "gm05"}, {"g02", "h1_copy2", "gp05"},
            {"g03", "o", "g"}, {"g03", "o_copy", "g"}, {"g03", "o_copy", "gm05"}, {"g03", "o_copy2", "gp05"}, {"g03", "t", "g"}, {"g03", "m_h1", "g"},
            {"g04", "h1T", "gi"}, {"g04", "oT_neg", "gi"},
            {"g05", "h1", "g"}, {"g05", "h1T", "g"}, {"g05", "o", "g"}, {"g05", "o_copy", "g"}, {"g05", "o_copy2", "g"}, {"g05", "oT_neg", "g"},
            {"g06", "h1T", "g"}, {"g06", "h1T", "gm05"}, {"g06", "m_x6", "g"}, {"g06", "c_h1", "g"},
            {"g06", "o", "gi"}, {"g06", "o_copy", "gi"}, {"g06", "o_copy2", "gi"},
            {"g07", "x", "g"},
            {"g08", "h1", "gi"}, {"g08", "h1_copy", "gi"}, {"g08", "h1_copy2", "gi"},
            {"g09", "h1", "g"}, {"g09", "h1T", "g"}, {"g09", "o", "g"}, {"g09", "o_copy", "g"}, {"g09", "o_copy2", "g"}, {"g09", "oT_neg", "g"},
            {"g10", "h1T", "g"}, {"g10", "h1T", "gm05"}, {"g10", "o", "gi"}, {"g10", "o_copy", "gi"}, {"g10", "o_copy2", "gi"},
            {"g11", "x", "g"},
            {"g00", "o", "gi"}, {"g00", "o_copy", "gi"}, {"g00", "o_copy2", "gi"},
        };
        for (String[] g : gating) conn(g[0], g[1], g[2]);
        conn("in_g", "g00", "1ge");
        for (int g = 0; g < 12; g++) conn(String.format("g%02d", g), String.format("g%02d", (g + 1) % 12), "1ge");
    }

    private void buildInference(int[] w1, int[] w2) {
        gates(4);
        pop("x", N_IN, "n_sfc");
        pop("h1", N_HID, "n_sfl");
        pop("o", N_OUT, "n_sfl");
        gen("input", N_IN);
        gen("in_g", 1);
        conn("input", "x", "1e");
        dense("x", "h1", w1, false);
        dense("h1", "o", w2, false);
        conn("g01", "x", "g");
        conn("g02", "h1", "g");
        conn("g03", "o", "g");
        conn("in_g", "g00", "1ge");
        for (int g = 0; g < 4; g++) conn(String.format("g%02d", g), String.format("g%02d", (g + 1) % 4), "1ge");
    }

    /**
     * Runs {@code samples} samples with random images (each pixel on with probability 1/4) and random
     * labels, on the schedule of docs/design.md#streaming-protocol (training: in_g at 11, sample k's pixels at 12(k+1)+1, its
     * target at 12(k+1)+3) and §2.10 (inference: in_g at 3, pixels at 4(k+1)+1). Returns one window per
     * step of the samples (steps S(k+1)+1 … S(k+1)+S), the chain's start-up steps excluded, with
     * learning counts of the plastic connections filled in per step.
     */
    SampleCounts run(int samples) {
        int s = stepsPerSample;
        int in = handle.get("input"), ing = handle.get("in_g");
        chip.schedule(ing, 0, s - 1);
        for (int k = 0; k < samples; k++) {
            for (int i = 0; i < N_IN; i++) if (rnd.nextInt(4) == 0) chip.schedule(in, i, (long) s * (k + 1) + 1);
            if (training) chip.schedule(handle.get("in_tgt"), rnd.nextInt(N_OUT), (long) s * (k + 1) + 3);
        }
        chip.run(s);
        List<OpCounters.Snapshot> windows = new ArrayList<>();
        OpCounters.Snapshot prev = chip.counters().snapshot();
        for (long t = 0; t < (long) s * samples; t++) {
            chip.step();
            OpCounters.Snapshot now = chip.counters().snapshot();
            windows.add(learningCounts(now.minus(prev)));
            prev = now;
        }
        return new SampleCounts(training ? "train" : "infer", samples, windows);
    }

    /**
     * Learning-engine counts of one step (tEpoch = 1) for the dense plastic connections, from the number of
     * pre spikes a and post spikes b in the step: all synapses N_pre·N_post; pre or post a·N_post + b·N_pre − a·b;
     * product dependencies (x0 and y0) a·b. Exact for dense connections.
     */
    OpCounters.Snapshot learningCounts(OpCounters.Snapshot w) {
        long[][] l = new long[OpCounters.LearningBasis.values().length][chip.connectionCount()];
        for (int c : plastic) {
            int pre = chip.connectionSource(c), post = chip.connectionTarget(c);
            long a = w.spikes()[pre], bb = w.spikes()[post], np = chip.sourceSize(pre), nq = chip.sourceSize(post);
            l[OpCounters.LearningBasis.ALL_SYNAPSES.ordinal()][c] = np * nq * w.steps();
            l[OpCounters.LearningBasis.PRE_OR_POST.ordinal()][c] = a * nq + bb * np - a * bb;
            l[OpCounters.LearningBasis.PRODUCT_DEPENDENCIES.ordinal()][c] = a * bb;
        }
        long epochs = plastic.isEmpty() ? 0 : w.steps();
        return new OpCounters.Snapshot(w.steps(), epochs, w.updatesActive(), w.updatesInactive(), w.spikes(), w.synapticOps(), w.spikeMessages(), l);
    }

    long spikesOf(SampleCounts counts, String population) {
        int p = handle.get(population);
        return counts.windows().stream().mapToLong(w -> w.spikes()[p]).sum();
    }
}
