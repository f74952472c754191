package org.synfire.nbp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synfire.data.BinaryDataset;
import org.synfire.io.Timeline;

/**
 * Online training of any {@link NbpLearner}: per-epoch shuffle, a checkpoint and a metrics row every
 * half epoch (off-chip evaluation of the test set and, optionally, the whole training set), optional
 * extra test evaluator. Single-threaded and deterministic: the same seed and data give the same
 * weights and metrics, whether or not the run was interrupted and resumed.
 *
 * <p>After each checkpoint is saved the trainer calls {@code learner.restore(weights, n)}, and a
 * resumed run calls {@code learner.restore(checkpoint.weights(), n)} before its first sample, so backends with
 * internal state (the chip's copies of W1 and W2, and the functional model's copy of w2Tm) are rebuilt
 * at the same points either way.
 */
public final class NbpTrainer {
    /** How often (in samples) {@link Observer#progress} is called. */
    public static final int PROGRESS_STEP = 500;
    private static final int NUMPY_PRINT_EVERY = 5000;

    /** @param epochs total epochs of the run; @param shuffle reshuffle every epoch; @param evalTrain also evaluate the whole training set */
    public record Settings(int epochs, boolean shuffle, boolean evalTrain) {
        public Settings {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
        }
    }

    /** An extra test evaluator and the name its columns carry. */
    public record NamedEvaluator(String name, TestEvaluator evaluator) {}

    /** Wall-clock times of one half epoch, for logs only (never in metrics, which must be reproducible). */
    public record Timing(double trainSeconds, double evalSeconds) {}

    /** Receives progress, rows and checkpoints. All methods run on the training thread. */
    public interface Observer {
        default void progress(int epoch, int position, int epochSize) {}

        default void row(MetricsRow row, Timing timing) {}

        /** Must persist the checkpoint before returning (a run may be killed right after). */
        default void checkpoint(Checkpoint checkpoint) {}

        /** A learner's warning (one line, naming the run's sample index). */
        default void warning(String message) {}
    }

    private final NbpLearner learner;
    private final TrainingRandom rng;
    private final BinaryDataset train;
    private final BinaryDataset test;
    private final Settings settings;
    private final NamedEvaluator extra;
    private final int nOut;

    public NbpTrainer(NbpLearner learner, TrainingRandom rng, BinaryDataset train, BinaryDataset test,
            Settings settings, NamedEvaluator extra) {
        LayeredWeights w = learner.matrices();
        if (w.inputs() != train.inputCount() || w.inputs() != test.inputCount()) {
            throw new IllegalArgumentException("network has " + w.inputs() + " inputs; train has " + train.inputCount()
                    + ", test has " + test.inputCount());
        }
        if (train.size() < 1) throw new IllegalArgumentException("empty training set");
        this.learner = learner;
        this.rng = rng;
        this.train = train;
        this.test = test;
        this.settings = settings;
        this.extra = extra;
        this.nOut = w.outputs();
    }

    /** The data order before epoch 1: from the random source, or file order with shuffle off. Draw it before the init. */
    public static int[] initialOrder(TrainingRandom rng, boolean shuffle, int n) {
        return shuffle ? rng.initialOrder(n) : TrainingRandom.identity(n);
    }

    /** The state before the first sample. */
    public static Checkpoint start(int[] order, TrainingRandom rng, LayeredWeights weights) {
        return new Checkpoint(0, 0, 0, order, new byte[order.length], rng.state(), List.of(), weights);
    }

    /** {@link #initialOrder} then {@link #start}, for callers that already have the initial weights. */
    public static Checkpoint initial(TrainingRandom rng, boolean shuffle, int n, NbpWeights weights) {
        return start(initialOrder(rng, shuffle, n), rng, LayeredWeights.of(weights));
    }

    /** Trains from {@code from} (initial or a loaded checkpoint) until {@link Settings#epochs()}; returns the final state. */
    public Checkpoint run(Checkpoint from, Observer observer) {
        final int n = train.size();
        final int nIn = train.inputCount();
        if (from.order().length != n) {
            throw new IllegalArgumentException("checkpoint order has " + from.order().length + " samples, training set " + n);
        }
        learner.onWarning(observer::warning);
        learner.restore(from.weights(), from.samplesTrained());
        rng.restoreState(from.rngState());
        int[] order = from.order();
        byte[] wrong = from.wrongBits();
        List<MetricsRow> rows = new ArrayList<>(from.rows());
        int epoch = from.epochIndex();
        int position = from.position();
        long samplesTrained = from.samplesTrained();
        if (position == n) {
            epoch++;
            position = 0;
        }
        byte[] x = train.inputs();
        byte[] labels = train.labels();
        byte[] spikes = new byte[nOut];
        Checkpoint last = from;

        for (; epoch < settings.epochs(); epoch++, position = 0) {
            if (position == 0) {
                if (settings.shuffle()) rng.shuffleForEpoch(epoch, order);
                java.util.Arrays.fill(wrong, (byte) 0);
            }
            for (int end : new int[] {n / 2, n}) {
                if (end <= position) continue;
                Map<String, Long> activityBefore = new HashMap<>(learner.activityCounts());
                int segmentStart = position;
                long t0 = System.nanoTime();
                for (int p = position; p < end; p++) {
                    int sample = order[p];
                    int label = labels[sample];
                    learner.train(x, sample * nIn, label, spikes);
                    wrong[p] = (byte) Evaluation.wrongBits(spikes, 0, nOut, label);
                    if ((p + 1) % PROGRESS_STEP == 0) observer.progress(epoch + 1, p + 1, n);
                }
                samplesTrained += end - position;
                position = end;
                long t1 = System.nanoTime();
                Timeline.mark("epoch " + (epoch + 1) + " half " + (position == n ? 2 : 1) + " trained", end - segmentStart, "samples");
                LayeredWeights weights = learner.matrices();
                Map<String, Long> activity = delta(activityBefore, learner.activityCounts());
                Map<String, Double> estimates = learner.costEstimates();
                Map<String, Long> drift = learner.copyDrift();
                MetricsRow row = row(epoch, position, n, samplesTrained, wrong, weights, activity, end - segmentStart, estimates, drift);
                long t2 = System.nanoTime();
                rows.add(row);
                observer.row(row, new Timing((t1 - t0) / 1e9, (t2 - t1) / 1e9));
                last = new Checkpoint(epoch, position, samplesTrained, order, wrong, rng.state(), rows, weights);
                observer.checkpoint(last);
                learner.restore(weights, samplesTrained); // the chip's copies are rebuilt from the matrices here
            }
        }
        return last;
    }

    private MetricsRow row(int epoch, int position, int n, long samplesTrained, byte[] wrong, LayeredWeights weights,
            Map<String, Long> activity, int activitySamples, Map<String, Double> estimates, Map<String, Long> drift) {
        int exact = 0;
        long wrongBits = 0;
        for (int p = 0; p < position; p++) {
            if (wrong[p] == 0) exact++;
            wrongBits += wrong[p];
        }
        // numpy_simulation.py prints at the start of iteration m (m % 5000 == 0, 0 < m < n):
        // acc = (cum_correct[m-1] - cum_correct[m-5000]) / 5000, loss = mean(log_mse[-5000:-1]).
        int m = Math.min(position, n - 1) / NUMPY_PRINT_EVERY * NUMPY_PRINT_EVERY;
        int accCorrect = 0;
        long lossWrong = 0;
        if (m > 0) {
            for (int p = m - NUMPY_PRINT_EVERY + 1; p <= m - 1; p++) if (wrong[p] == 0) accCorrect++;
            for (int p = m - NUMPY_PRINT_EVERY; p <= m - 2; p++) lossWrong += wrong[p];
        }
        EvalCounts testCounts = Evaluation.evaluate(weights, test);
        Timeline.mark("off-chip test evaluation", test.size(), "samples");
        EvalCounts trainCounts = settings.evalTrain() ? Evaluation.evaluate(weights, train) : null;
        EvalCounts extraCounts = null;
        if (extra != null) {
            extraCounts = Evaluation.fromSpikes(extra.evaluator().outputSpikes(weights, test), nOut, test);
            Timeline.mark(extra.name() + " test evaluation taken");
        }
        return new MetricsRow(epoch + 1, position == n ? 2 : 1, position, n, samplesTrained, exact, wrongBits,
                m, accCorrect, lossWrong, testCounts, trainCounts, extra == null ? null : extra.name(), extraCounts,
                activity, activitySamples, estimates, drift);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new java.util.TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
