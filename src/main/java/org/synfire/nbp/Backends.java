package org.synfire.nbp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.synfire.UserError;

/**
 * The learners {@code --backend} can select. Adding one is one line in the static block, e.g.
 * {@code register("chip", new ChipBackend());}.
 */
public final class Backends {
    /** What a backend gets to build its learner: initial weights, matrix convention, the run's seed. */
    public record LearnerSpec(NbpWeights initial, Convention convention, long seed) {}

    /** A way to train (and optionally to evaluate the test set, e.g. by on-chip inference). */
    public interface Backend {
        NbpLearner create(LearnerSpec spec);

        /** An extra test evaluator reported beside the off-chip metrics, or null. */
        default TestEvaluator testEvaluator(LearnerSpec spec) {
            return null;
        }
    }

    /** The backend used when --backend is not given. */
    public static final String DEFAULT = "functional";

    private static final Map<String, Backend> REGISTRY = new LinkedHashMap<>();

    static {
        register("functional", spec -> new FunctionalNbp(spec.initial(), spec.convention()));
    }

    private Backends() {}

    public static synchronized void register(String name, Backend backend) {
        REGISTRY.put(name, backend);
    }

    public static synchronized Set<String> names() {
        return Set.copyOf(REGISTRY.keySet());
    }

    public static synchronized Backend get(String name) {
        Backend b = REGISTRY.get(name);
        if (b == null) throw new UserError("unknown --backend '" + name + "' (available: " + String.join(", ", REGISTRY.keySet()) + ")");
        return b;
    }
}
