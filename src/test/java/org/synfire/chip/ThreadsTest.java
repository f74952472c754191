package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.synfire.Gens;
import org.synfire.chip.learning.SignMode;

/**
 * A chip on 2 and 3 threads computes what it computes on one. The thresholds below which a phase stays on one
 * thread are lowered here, so every step of these small networks takes the parallel path, with targets split
 * into several column ranges.
 */
class ThreadsTest {
    private long minOps;
    private int minChunk;

    @BeforeEach
    void everyStepInParallel() {
        minOps = Chip.parallelMinOps;
        minChunk = Chip.minChunk;
        Chip.parallelMinOps = 0;
        Chip.minChunk = 4;
    }

    @AfterEach
    void restore() {
        Chip.parallelMinOps = minOps;
        Chip.minChunk = minChunk;
        Chip.defaultThreads(1);
    }

    @Test
    void staticNetworksOnTwoAndThreeThreadsMatchTheLiteralReading() {
        qt().withExamples(60).withShrinkCycles(100).forAll(Gens.fromRandom(ReferenceEmulator.Net::random), Gens.ints(2, 3)).checkAssert((net, n) -> {
            Chip.defaultThreads(n);
            try {
                ReferenceEmulatorTest.sameEveryStep(net);
            } finally {
                Chip.defaultThreads(1);
            }
        });
    }

    @Test
    void learningNetworksGiveTheSameSpikesWeightsAndCountersOnOneTwoAndThreeThreads() {
        qt().withExamples(40).withShrinkCycles(100).forAll(Gens.fromRandom(Random::nextLong)).checkAssert(seed -> {
            String one = run(seed, 1), two = run(seed, 2), three = run(seed, 3);
            assertThat(two).isEqualTo(one);
            assertThat(three).isEqualTo(one);
        });
    }

    /** The paper's training network on 40 fixture samples, every phase parallel: spikes per step, weights, counters. */
    @Test
    void thePaperNetworkGivesTheSameSpikesWeightsAndCountersOnOneTwoAndThreeThreads() {
        org.synfire.data.BinaryDataset train = org.synfire.data.Fixtures.load(org.synfire.data.Variant.MNIST20, org.synfire.data.Split.TRAIN);
        org.synfire.nbp.NbpWeights init = org.synfire.nbp.TrainingRandom.create("synfire", 7).initialWeights(400, 400, 10);
        String[] result = new String[4];
        for (int n = 1; n <= 3; n++) {
            org.synfire.nbp.sgsc.CompiledNetworks paper = org.synfire.nbp.sgsc.CompiledNetworks.training(new int[] {400, 400, 10});
            org.synfire.nbp.sgsc.SgscChip net = new org.synfire.nbp.sgsc.SgscChip(paper.description(), paper.protocol(),
                    org.synfire.nbp.LayeredWeights.of(init), 1);
            Chip chip = net.chip().threads(n);
            StringBuilder out = new StringBuilder();
            int[] scratch = new int[400];
            byte[] o = new byte[10];
            for (int s = 0; s < 40; s++) {
                net.runSample(train.inputs(), s * 400, train.labels()[s], o, false, () -> {
                    for (int h = 0; h < chip.sourceCount(); h++) {
                        int f = chip.fired(h, scratch);
                        out.append(java.util.Arrays.hashCode(java.util.Arrays.copyOf(scratch, f))).append(',');
                    }
                });
            }
            for (int c = 0; c < chip.connectionCount(); c++) out.append(java.util.Arrays.hashCode(chip.weights(c))).append(';');
            var s = chip.counters().snapshot();
            out.append(java.util.Arrays.toString(s.synapticOps()));
            for (long[] l : s.learning()) out.append(java.util.Arrays.toString(l));
            result[n] = out.toString();
        }
        assertThat(result[2]).isEqualTo(result[1]);
        assertThat(result[3]).isEqualTo(result[1]);
    }

    /** Everything observable of a random plastic network after 60 steps, as text. */
    private static String run(long seed, int threads) {
        Chip chip = learningNet(new Random(seed)).threads(threads);
        assertThat(chip.threads()).isEqualTo(threads);
        Random in = new Random(seed + 1);
        StringBuilder out = new StringBuilder();
        int[] scratch = new int[256];
        for (int t = 1; t <= 60; t++) {
            for (int p = 0; p < chip.sourceSize(0); p++) if (in.nextInt(3) == 0) chip.schedule(0, p, t);
            if (in.nextInt(4) == 0) chip.schedule(1, 0, t);
            chip.step();
            for (int h = 0; h < chip.sourceCount(); h++) {
                int n = chip.fired(h, scratch);
                out.append(h).append(':');
                for (int f = 0; f < n; f++) out.append(scratch[f]).append(',');
            }
            out.append('\n');
        }
        for (int c = 0; c < chip.connectionCount(); c++) out.append(java.util.Arrays.toString(chip.weights(c))).append('\n');
        var s = chip.counters().snapshot();
        out.append(java.util.Arrays.toString(s.synapticOps())).append(java.util.Arrays.toString(s.updatesActive()))
                .append(java.util.Arrays.toString(s.spikeMessages()));
        for (long[] l : s.learning()) out.append(java.util.Arrays.toString(l));
        return out.toString();
    }

    /**
     * Generators into two learning groups and back: dense plastic connections under Renner's rule (tabulated) and a
     * trace rule with stochastic rounding (the general evaluator), sharing a reinforcement channel per rule.
     */
    private static Chip learningNet(Random r) {
        ChipBuilder b = new ChipBuilder();
        java.util.Map<Integer, Integer> size = new java.util.HashMap<>();
        int nIn = 20 + r.nextInt(40);
        int in = b.addSpikeGenerator("in", nIn);
        size.put(in, nIn);
        int reward = b.addSpikeGenerator("reward", 1);
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            int n = 10 + r.nextInt(50);
            int h = b.addCompartments("g" + g, n, CompartmentPrototype.of(r.nextBoolean() ? 4096 : 1000, 4096,
                    200 + r.nextInt(800), 0, 0, 1 + r.nextInt(3)).withLearning(true));
            groups.add(h);
            size.put(h, n);
        }
        int renner = b.addLearningRule(new LearningSpec("renner", "y0*x0*r1*4 - y0*x0*2", LearningSpec.Trace.OFF, LearningSpec.Trace.OFF,
                LearningSpec.Trace.OFF, LearningSpec.Trace.OFF, LearningSpec.Trace.OFF, new LearningSpec.Trace(1, 0), 1));
        int traces = b.addLearningRule(new LearningSpec("stdp", "2^-2*x1*y0 - 2^-2*y1*x0 + u1*r1", new LearningSpec.Trace(20, 4), LearningSpec.Trace.OFF,
                new LearningSpec.Trace(20, 4), LearningSpec.Trace.OFF, LearningSpec.Trace.OFF, new LearningSpec.Trace(1, 0), 1 + r.nextInt(2)));
        b.connectReinforcement(renner, reward, 0);
        b.connectReinforcement(traces, reward, 0);
        int[] sources = {in, groups.get(0), groups.get(1)};
        for (int c = 0; c < 6; c++) {
            int src = sources[r.nextInt(3)], dst = groups.get(r.nextInt(2));
            int nPre = size.get(src), nPost = size.get(dst);
            int[] w = new int[nPre * nPost];
            for (int k = 0; k < w.length; k++) w[k] = 2 * (r.nextInt(256) - 128);
            b.connect(new ConnectionSpec("p" + c, src, dst, new Connectivity.Dense(w), SignMode.MIXED, 8, r.nextInt(4), 0, r.nextBoolean() ? renner : traces));
        }
        return b.build(r.nextLong());
    }
}
