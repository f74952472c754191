package org.synfire.chip;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synfire.chip.learning.SignMode;
import org.synfire.random.SplitMix64;

/**
 * Emulator hot loops, one thread. Throughput is reported per synaptic event / compartment update.
 * Run: {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="ChipBench"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChipBench {
    static final int PRE = 400, POST = 1200, ACTIVE = 100, PATTERNS = 64;
    static final int COMPARTMENTS = 4096;

    @State(Scope.Thread)
    public static class Delivery {
        Synapses syn;
        int[][] patterns;
        long t;

        @Setup(Level.Trial)
        public void setup() {
            SplitMix64 r = new SplitMix64(42);
            ChipBuilder b = new ChipBuilder();
            int gen = b.addSpikeGenerator("x", PRE);
            int post = b.addCompartments("h", POST, CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 2));
            int[] w = new int[PRE * POST];
            for (int k = 0; k < w.length; k++) w[k] = 2 * (r.nextInt(256) - 128); // even mixed weights
            b.connect(ConnectionSpec.of("x->h", gen, post, new Connectivity.Dense(w), SignMode.MIXED, 0, 0));
            Chip chip = b.build(1);
            syn = chip.connections[0];
            patterns = new int[PATTERNS][];
            for (int p = 0; p < PATTERNS; p++) {
                boolean[] on = new boolean[PRE];
                int[] idx = new int[ACTIVE];
                for (int k = 0; k < ACTIVE; k++) {
                    int i;
                    do i = r.nextInt(PRE); while (on[i]);
                    on[i] = true;
                    idx[k] = i;
                }
                java.util.Arrays.sort(idx);
                patterns[p] = idx;
            }
        }
    }

    /** One step's delivery of 100 presynaptic spikes (25 %) through a dense 400 x 1200 mixed-sign group. */
    @Benchmark
    @OperationsPerInvocation(ACTIVE * POST)
    public int synapticEvents(Delivery d) {
        int[] p = d.patterns[(int) (d.t & (PATTERNS - 1))];
        System.arraycopy(p, 0, d.syn.src.fired, 0, ACTIVE);
        d.syn.src.firedCount = ACTIVE;
        d.syn.deliver(++d.t);
        // drain the slot so accumulators stay bounded, as the compartment update would
        CompartmentGroup g = d.syn.dst;
        int base = g.slotBase(d.t + 1);
        return g.acc[base] + g.acc[base + POST - 1];
    }

    @State(Scope.Thread)
    public static class Compartments {
        CompartmentGroup fullDecay, partialDecay;
        long t;

        @Setup(Level.Trial)
        public void setup() {
            fullDecay = new CompartmentGroup(0, "sfc", COMPARTMENTS, CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 2));
            partialDecay = new CompartmentGroup(1, "lif", COMPARTMENTS, CompartmentPrototype.of(410, 205, 100, 3, 2, 2));
            SplitMix64 r = new SplitMix64(7);
            for (int s = 0; s < 8; s++) {
                for (int j = 0; j < COMPARTMENTS; j++) {
                    fullDecay.acc[s * COMPARTMENTS + j] = (r.nextInt(1200) - 100) * 64 * 8;
                    partialDecay.acc[s * COMPARTMENTS + j] = (r.nextInt(1200) - 100) * 64;
                }
            }
        }
    }

    /** Renner's neurons: full decay, bias −8192 wu, refractory 2. */
    @Benchmark
    @OperationsPerInvocation(COMPARTMENTS)
    public int compartmentUpdatesFullDecay(Compartments c) {
        return c.fullDecay.update(++c.t);
    }

    /** General LIF with partial current and voltage decay. */
    @Benchmark
    @OperationsPerInvocation(COMPARTMENTS)
    public int compartmentUpdatesPartialDecay(Compartments c) {
        return c.partialDecay.update(++c.t);
    }
}
