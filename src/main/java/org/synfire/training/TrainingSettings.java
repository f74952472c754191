package org.synfire.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.data.Variant;

/**
 * The effective configuration of a training run: what config.json records under "config" and what
 * {@code --resume} reads back. Everything that changes weights or metrics is here; nothing else is.
 *
 * @param hidden widths of the hidden layers (one entry for the paper's network)
 * @param initWeights absolute paths of W1.npy and W2.npy to start from, or null for the seeded init
 * @param network absolute path of a training network file to run on the chip, or null to compile one
 */
public record TrainingSettings(String backend, String convention, String rng, long seed, String variant, int epochs,
        List<Integer> hidden, Integer limit, Integer holdout, boolean shuffle, boolean evalTrain, double inputThreshold,
        double testThreshold, List<String> initWeights, String name, String network) {

    /** Output units: the ten classes of MNIST and Fashion-MNIST. */
    public static final int OUTPUTS = 10;

    public TrainingSettings {
        hidden = List.copyOf(hidden);
        initWeights = initWeights == null ? null : List.copyOf(initWeights);
    }

    /** The paper's run: chip backend and convention, SplitMix64 seed 43, mnist20, 400 hidden units, 15 epochs. */
    public static TrainingSettings defaults() {
        return new TrainingSettings("chip", "chip", "synfire", 43, Variant.MNIST20.cliName(), 15, List.of(400), null, null, true, true,
                0.5, 0.5, null, "mnist20-chip-chip", null);
    }

    public TrainingSettings withBackend(String b) {
        return new TrainingSettings(b, convention, rng, seed, variant, epochs, hidden, limit, holdout, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(backend, convention, rng, s, variant, epochs, hidden, limit, holdout, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(backend, convention, rng, seed, variant, e, hidden, limit, holdout, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withHidden(List<Integer> h) {
        return new TrainingSettings(backend, convention, rng, seed, variant, epochs, h, limit, holdout, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withData(String v, Integer lim, Integer hold) {
        return new TrainingSettings(backend, convention, rng, seed, v, epochs, hidden, lim, hold, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withEvalTrain(boolean e) {
        return new TrainingSettings(backend, convention, rng, seed, variant, epochs, hidden, limit, holdout, shuffle, e, inputThreshold,
                testThreshold, initWeights, name, network);
    }

    public TrainingSettings withName(String n) {
        return new TrainingSettings(backend, convention, rng, seed, variant, epochs, hidden, limit, holdout, shuffle, evalTrain, inputThreshold,
                testThreshold, initWeights, n, network);
    }

    /** The "config" section of config.json (snake_case keys). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("convention", convention);
        m.put("rng", rng);
        m.put("seed", seed);
        m.put("variant", variant);
        m.put("epochs", epochs);
        m.put("hidden", hidden.size() == 1 ? hidden.get(0) : hidden);
        m.put("limit", limit);
        m.put("holdout", holdout);
        m.put("shuffle", shuffle);
        m.put("eval_train", evalTrain);
        m.put("input_threshold", inputThreshold);
        m.put("test_threshold", testThreshold);
        m.put("init_weights", initWeights);
        m.put("name", name);
        m.put("network", network);
        return m;
    }

    /** Reads {@link #toMap}'s output; also the camelCase keys that runs written before version 0.2 carry. */
    @SuppressWarnings("unchecked")
    public static TrainingSettings fromMap(Map<String, Object> m, Path file) {
        try {
            List<String> init = (List<String>) key(m, "init_weights", "initWeights");
            return new TrainingSettings((String) m.get("backend"), (String) m.get("convention"), (String) m.get("rng"),
                    ((Number) m.get("seed")).longValue(), (String) m.get("variant"), ((Number) m.get("epochs")).intValue(),
                    hiddenOf(m.get("hidden")), m.get("limit") == null ? null : ((Number) m.get("limit")).intValue(),
                    m.get("holdout") == null ? null : ((Number) m.get("holdout")).intValue(),
                    (Boolean) m.get("shuffle"), (Boolean) key(m, "eval_train", "evalTrain"),
                    ((Number) key(m, "input_threshold", "inputThreshold")).doubleValue(),
                    ((Number) key(m, "test_threshold", "testThreshold")).doubleValue(), init, (String) m.get("name"),
                    (String) m.get("network"));
        } catch (RuntimeException e) {
            throw new UserError(file + ": field missing or of the wrong type in \"config\" (" + e.getMessage() + ")");
        }
    }

    private static Object key(Map<String, Object> m, String snake, String camel) {
        return m.containsKey(snake) ? m.get(snake) : m.get(camel);
    }

    /** "hidden": 400 (one hidden layer) or [400, 400] (several). */
    @SuppressWarnings("unchecked")
    static List<Integer> hiddenOf(Object o) {
        if (o instanceof Number n) return List.of(n.intValue());
        List<Integer> h = new ArrayList<>();
        for (Number n : (List<Number>) o) h.add(n.intValue());
        return h;
    }

    /** Layer widths: inputs, hidden layers, outputs. */
    public int[] sizes(Variant v) {
        int[] s = new int[hidden.size() + 2];
        s[0] = v.inputs();
        for (int i = 0; i < hidden.size(); i++) s[i + 1] = hidden.get(i);
        s[s.length - 1] = OUTPUTS;
        return s;
    }

    public String hiddenText() {
        StringBuilder b = new StringBuilder();
        for (int h : hidden) b.append(b.isEmpty() ? "" : ",").append(h);
        return b.toString();
    }

    /** One line naming every setting, for logs and the metrics file's header. */
    public String comment() {
        return "synfire train: backend=" + backend + " convention=" + convention + " rng=" + rng + " seed=" + seed
                + " variant=" + variant + " hidden=" + hiddenText() + " epochs=" + epochs + (limit == null ? "" : " limit=" + limit)
                + (holdout == null ? "" : " holdout=" + holdout)
                + " shuffle=" + shuffle + " input-threshold=" + inputThreshold + " test-threshold=" + testThreshold
                + (initWeights == null ? "" : " init-weights=" + String.join(",", initWeights));
    }

    String plotSubtitle() {
        return variant + ", " + hiddenText() + " hidden, " + convention + ", " + backend + ", rng " + rng + ", seed " + seed;
    }
}
