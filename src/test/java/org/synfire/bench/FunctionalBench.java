package org.synfire.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.Convention;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.Evaluation;
import org.synfire.nbp.FunctionalBenchmark;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.SyntheticData;
import org.synfire.nbp.TrainingRandom;

/**
 * JMH benchmarks of the functional model on synthetic MNIST20-sized data (~25 % active pixels, no data
 * files): one training epoch of 60,000 samples and one 10,000-sample off-chip evaluation.
 * Run: {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="FunctionalBench"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class FunctionalBench {
    @Param({"chip", "reference"})
    public String convention;

    private BinaryDataset train;
    private BinaryDataset test;
    private NbpWeights init;
    private FunctionalNbp model;
    private final byte[] spikes = new byte[10];

    @Setup(Level.Trial)
    public void data() {
        train = SyntheticData.make(60000, 400, 1, "train");
        test = SyntheticData.make(10000, 400, 2, "test");
        init = TrainingRandom.create("synfire", 43).initialWeights(400, 400, 10);
    }

    @Setup(Level.Iteration)
    public void freshModel() {
        model = new FunctionalNbp(init, Convention.parse(convention));
    }

    /** One epoch (60,000 online steps) from the seeded init. */
    @Benchmark
    public int trainEpoch() {
        return FunctionalBenchmark.trainEpoch(model, train, spikes);
    }

    /** Forward pass and metrics over 10,000 test samples. */
    @Benchmark
    public EvalCounts evaluateTest() {
        return Evaluation.evaluate(init, test);
    }
}
