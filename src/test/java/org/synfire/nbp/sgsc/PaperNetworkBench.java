package org.synfire.nbp.sgsc;

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
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.SyntheticData;
import org.synfire.nbp.TrainingRandom;

/**
 * One sample through the paper's networks (the compiler's for 400-400-10) on the emulated chip (400-400-10, synthetic MNIST20-like inputs with
 * ~25 % active pixels): the 12-step training network with learning, and the 4-step inference network, on 1 or 2
 * threads. Run: {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="PaperNetworkBench"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PaperNetworkBench {
    @Param({"1"})
    public int threads;

    SgscChip train;
    SgscInference.Network infer;
    BinaryDataset data;
    final byte[] out = new byte[10];
    int k;

    @Setup(Level.Trial)
    public void setup() {
        data = SyntheticData.make(2000, 400, 3, "bench");
        NbpWeights w = TrainingRandom.create("synfire", 43).initialWeights(400, 400, 10);
        train = PaperChips.chip(w, 43);
        train.chip().threads(threads);
        infer = new SgscInference.Network(org.synfire.nbp.LayeredWeights.of(w), 43);
        infer.chip().threads(threads);
    }

    /** One training sample: 12 steps, deliveries, compartment updates, learning of the eight plastic matrices. */
    @Benchmark
    public byte trainingSample() {
        int i = k++ % data.size();
        train.runSample(data.inputs(), i * 400, data.labels()[i], out, false);
        return out[0];
    }

    /** One inference sample: 4 steps, static W1 and W2. */
    @Benchmark
    public byte inferenceSample() {
        int i = k++ % data.size();
        infer.infer(data.inputs(), i * 400, out, 0);
        return out[0];
    }
}
