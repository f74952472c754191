package org.synfire.nbp;

import org.synfire.data.BinaryDataset;

/**
 * Times the functional model on one thread: one training epoch over a data set (in file order) and one
 * off-chip evaluation, after warm-up passes that let the JIT compile the hot loops.
 */
public final class FunctionalBenchmark {
    private FunctionalBenchmark() {}

    /**
     * Best-of-{@code repeats} times after {@code warmups} untimed runs: wall-clock seconds, and the thread's CPU
     * seconds (which exclude time the thread waited for a core, so they stay meaningful on a shared machine).
     */
    public record Result(int trainSamples, int testSamples, double trainSeconds, double evalSeconds,
            double trainCpuSeconds, double evalCpuSeconds, long checksum) {
        public double trainSamplesPerSecond() {
            return trainSamples / trainSeconds;
        }

        public double evalSamplesPerSecond() {
            return testSamples / evalSeconds;
        }
    }

    public static Result measure(BinaryDataset train, BinaryDataset test, NbpWeights init, Convention convention,
            int warmups, int repeats) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long checksum = 0;
        double bestTrain = Double.MAX_VALUE;
        double bestEval = Double.MAX_VALUE;
        double bestTrainCpu = Double.MAX_VALUE;
        double bestEvalCpu = Double.MAX_VALUE;
        byte[] spikes = new byte[init.nOut()];
        for (int round = 0; round < warmups + repeats; round++) {
            FunctionalNbp m = new FunctionalNbp(init, convention);
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            trainEpoch(m, train, spikes);
            long t1 = System.nanoTime();
            long c1 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            NbpWeights w = m.weights();
            long c2 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t2 = System.nanoTime();
            EvalCounts c = Evaluation.evaluate(w, test);
            long t3 = System.nanoTime();
            long c3 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            checksum += c.exact() + spikes[0];
            if (round >= warmups) {
                bestTrain = Math.min(bestTrain, (t1 - t0) / 1e9);
                bestEval = Math.min(bestEval, (t3 - t2) / 1e9);
                bestTrainCpu = cpu ? Math.min(bestTrainCpu, (c1 - c0) / 1e9) : Double.NaN;
                bestEvalCpu = cpu ? Math.min(bestEvalCpu, (c3 - c2) / 1e9) : Double.NaN;
            }
        }
        return new Result(train.size(), test.size(), bestTrain, bestEval, bestTrainCpu, bestEvalCpu, checksum);
    }

    /** One epoch in file order; returns the number of exactly right training forward passes. */
    public static int trainEpoch(NbpLearner m, BinaryDataset train, byte[] spikes) {
        int nIn = train.inputCount();
        byte[] x = train.inputs();
        byte[] labels = train.labels();
        int exact = 0;
        for (int s = 0; s < train.size(); s++) {
            m.train(x, s * nIn, labels[s], spikes);
            if (Evaluation.wrongBits(spikes, 0, spikes.length, labels[s]) == 0) exact++;
        }
        return exact;
    }
}
