package org.synfire.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.synfire.UserError;
import org.synfire.nbp.Convention;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.LayeredNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TestEvaluator;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscInference;
import org.synfire.nbp.sgsc.SgscLearner;

/**
 * The learners {@code --backend} can select. Adding one is one line in the static block, e.g.
 * {@code register("chip", new ChipBackend());}.
 */
public final class Backends {
    /**
     * What a backend gets to build its learner: initial weights, matrix convention, the run's seed, and
     * how often a spiking backend checks its runtime invariants (every k-th sample; 0 = never).
     */
    public record LearnerSpec(LayeredWeights initial, Convention convention, long seed, int checkPhasesEvery, int checkCopiesEvery,
                              CompiledNetworks network) {
        public LearnerSpec(NbpWeights initial, Convention convention, long seed) {
            this(LayeredWeights.of(initial), convention, seed, 1, 1000, null);
        }

        /** More than one hidden layer: the functional backend takes the layered model (one hidden layer, FunctionalNbp). */
        boolean deep() {
            return initial.layers() > 2;
        }
    }

    /** A way to train (and optionally to evaluate the test set, e.g. by on-chip inference). */
    public interface Backend {
        NbpLearner create(LearnerSpec spec);

        /** Refuses settings this backend cannot run, before any output is written. */
        default void check(Convention convention) {}

        /** An extra test evaluator reported beside the off-chip metrics, or null. */
        default TestEvaluator testEvaluator(LearnerSpec spec) {
            return null;
        }
    }

    /** The backend used when --backend is not given. */
    public static final String DEFAULT = "chip";

    private static final Map<String, Backend> REGISTRY = new LinkedHashMap<>();

    static {
        register("functional", spec -> spec.deep() ? new LayeredNbp(spec.initial(), spec.convention())
                : new FunctionalNbp(spec.initial().oneHiddenLayer(), spec.convention()));
        register("chip", new ChipBackend());
    }

    /**
     * The compiled synfire-gated training network on the emulated chip (for 400-400-10 the paper's 12-phase network);
     * its test set also runs through the compiled inference network (the paper's 4-phase one).
     */
    private static final class ChipBackend implements Backend {
        @Override
        public void check(Convention convention) {
            if (convention != Convention.CHIP) {
                throw new UserError("--backend chip computes the chip convention by construction (W2 before the update in the"
                        + " backward pass, saturation above 1024, weights in [-256, 254]); use --backend functional for --convention "
                        + convention.cliName());
            }
        }

        @Override
        public NbpLearner create(LearnerSpec spec) {
            check(spec.convention());
            // the network file (given, or the compiler's for these widths: for 400-400-10 the shipped paper network) says everything
            CompiledNetworks network = spec.network() != null ? spec.network() : CompiledNetworks.training(spec.initial().sizes());
            return new SgscLearner(network, spec.initial(), spec.seed(), spec.checkPhasesEvery(), spec.checkCopiesEvery());
        }

        @Override
        public TestEvaluator testEvaluator(LearnerSpec spec) {
            return new SgscInference(spec.seed());
        }
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
