package org.synfire.training;

import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.TestEvaluator;

/**
 * A learner as the trainer drives it, with two savings that change no result:
 *
 * <ul>
 *   <li>{@link #restore} takes effect when the learner is next used. The trainer rebuilds the learner after every
 *       checkpoint, also after the last one, where nothing uses it again (for the chip a whole network compile),
 *       and restores the initial weights into a learner just built from them: a restore that would give the
 *       state the learner already has (nothing trained since it was built from the same weights and sample
 *       count) is skipped when {@code builtByRestore} says construction is such a restore.</li>
 *   <li>When a half epoch ends (the first {@link #matrices} after training), the extra test evaluation of those
 *       weights starts on the run's {@link Background} thread, so it runs beside the off-chip evaluation that the
 *       trainer does first; {@link Evaluator#outputSpikes} then takes its result.</li>
 * </ul>
 */
final class OverlappedLearner implements NbpLearner {
    private final NbpLearner inner;
    private final boolean builtByRestore;
    private LayeredWeights stateWeights;
    private long stateSamples;
    private boolean trained; // since the last real restore (or construction)
    private boolean trainedSinceMatrices;
    private boolean pending;
    private LayeredWeights pendingWeights;
    private long pendingSamples;
    private Consumer<LayeredWeights> segmentEnd = w -> {};

    /**
     * @param built the weights {@code inner} was built from (sample count 0)
     * @param builtByRestore whether building {@code inner} from {@code built} leaves the state {@code restore(built, 0)} gives
     */
    OverlappedLearner(NbpLearner inner, LayeredWeights built, boolean builtByRestore) {
        this.inner = inner;
        this.builtByRestore = builtByRestore;
        this.stateWeights = built;
        this.stateSamples = 0;
    }

    void onSegmentEnd(Consumer<LayeredWeights> action) {
        segmentEnd = action;
    }

    private void settle() {
        if (!pending) return;
        pending = false;
        if (builtByRestore && !trained && pendingWeights == stateWeights && pendingSamples == stateSamples) return;
        inner.restore(pendingWeights, pendingSamples);
        stateWeights = pendingWeights;
        stateSamples = pendingSamples;
        trained = false;
        pendingWeights = null;
    }

    @Override
    public void train(byte[] x, int xOffset, int label, byte[] outSpikes) {
        if (pending) settle();
        trained = true;
        trainedSinceMatrices = true;
        inner.train(x, xOffset, label, outSpikes);
    }

    @Override
    public LayeredWeights matrices() {
        settle();
        LayeredWeights w = inner.matrices();
        if (trainedSinceMatrices) {
            trainedSinceMatrices = false;
            segmentEnd.accept(w);
        }
        return w;
    }

    @Override
    public void restore(LayeredWeights w, long samplesTrained) {
        pending = true;
        pendingWeights = w;
        pendingSamples = samplesTrained;
    }

    @Override
    public void onWarning(Consumer<String> sink) {
        inner.onWarning(sink);
    }

    @Override
    public Map<String, Long> activityCounts() {
        settle();
        return inner.activityCounts();
    }

    @Override
    public Map<String, Long> copyDrift() {
        settle();
        return inner.copyDrift();
    }

    @Override
    public Map<String, Double> costEstimates() {
        settle();
        return inner.costEstimates();
    }

    /** The extra test evaluator, answering from the evaluation {@link #start}ed for the same weights and test set. */
    static final class Evaluator implements TestEvaluator {
        private final TestEvaluator inner;
        private final BinaryDataset test;
        private final Background background;
        private LayeredWeights startedFor;
        private Future<byte[]> started;

        Evaluator(TestEvaluator inner, BinaryDataset test, Background background) {
            this.inner = inner;
            this.test = test;
            this.background = background;
        }

        /** Starts evaluating {@code w} on the test set on the background thread. */
        void start(LayeredWeights w) {
            startedFor = w;
            started = background.submit(() -> inner.outputSpikes(w, test));
        }

        @Override
        public byte[] outputSpikes(LayeredWeights weights, BinaryDataset data) {
            Future<byte[]> f = started;
            boolean same = f != null && weights == startedFor && data == test;
            started = null;
            startedFor = null;
            if (same) return background.await(f);
            if (f != null) f.cancel(false);
            return inner.outputSpikes(weights, data);
        }
    }
}
