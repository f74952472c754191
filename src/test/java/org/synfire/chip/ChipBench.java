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

    static final int LEARN_PRE = 100, LEARN_POST = 30;

    /** A 400 x 400 plastic dense group whose pre and post spike together (100 x 30 pairs) every step. */
    @State(Scope.Thread)
    public static class Learning {
        Chip renner, stdp;
        int[] pre, post;

        @Setup(Level.Trial)
        public void setup() {
            renner = build("y0*x0*r1*4 - y0*x0*2", new LearningSpec.Trace(0, 0), new LearningSpec.Trace(0, 0));
            stdp = build("2^-2*x1*y0 - 2^-2*y1*x0", new LearningSpec.Trace(20, 4), new LearningSpec.Trace(20, 4));
            // one step in which 100 pre ports and 30 post neurons spike; the benchmark re-runs its learning epoch
            for (Chip c : new Chip[] {renner, stdp}) {
                for (int j = 0; j < LEARN_POST; j++) c.schedule(1, j, 1);
                for (int i = 0; i < LEARN_PRE; i++) c.schedule(0, 3 * i, 2);
                c.run(2);
            }
        }

        private static Chip build(String rule, LearningSpec.Trace x1, LearningSpec.Trace y1) {
            ChipBuilder b = new ChipBuilder();
            int gp = b.addSpikeGenerator("pre", PRE);
            int gq = b.addSpikeGenerator("drive", PRE);
            int post = b.addCompartments("post", PRE, CompartmentPrototype.of(4096, 4096, 1, 0, 0, 1).withLearning(true));
            int r = b.addLearningRule(new LearningSpec("rule", rule, x1, LearningSpec.Trace.OFF, y1, LearningSpec.Trace.OFF,
                    LearningSpec.Trace.OFF, new LearningSpec.Trace(1, 0), 1));
            b.connectReinforcement(r, gp, 0);
            b.connect(ConnectionSpec.of("drive", gq, post, Connectivity.OneToOne.uniform(PRE, 100), SignMode.EXCITATORY, 0, 0));
            b.connect(new ConnectionSpec("plastic", gp, post, new Connectivity.Dense(new int[PRE * PRE]), SignMode.MIXED, 8, 0, 0, r));
            return b.build(3);
        }
    }

    /** Renner's rule: every visited pair takes the tabulated update. */
    @Benchmark
    @OperationsPerInvocation(LEARN_PRE * LEARN_POST)
    public long learningUpdatesRenner(Learning l) {
        return learningStep(l.renner);
    }

    /** A trace-based rule: every synapse of a spiking pre or post goes through the fixed-point evaluator. */
    @Benchmark
    @OperationsPerInvocation(LEARN_PRE * PRE + LEARN_POST * PRE - LEARN_PRE * LEARN_POST)
    public long learningUpdatesTraces(Learning l) {
        return learningStep(l.stdp);
    }

    /** The learning phase of step 2 alone (spike sets as they were then; weights keep changing). */
    private static long learningStep(Chip chip) {
        chip.rules[0].learn(chip.time(), chip.counters);
        return chip.weight(0, 0);
    }

    /**
     * Inputs of 8 steps, refilled into the slot before each update (an update consumes its slot; the copy of 4096
     * chars is part of the measured time, about a tenth of it). About a quarter of Renner's neurons get an input
     * above threshold, so spikes and refractory compartments are as frequent as in an active phase.
     */
    @State(Scope.Thread)
    public static class Compartments {
        CompartmentGroup fullDecay, general, partialDecay;
        final char[][] inputs = new char[8][COMPARTMENTS];
        long t;

        @Setup(Level.Trial)
        public void setup() {
            fullDecay = new CompartmentGroup(0, "sfc", COMPARTMENTS, CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 2));
            CompartmentGroup.implicitState = false;
            try {
                general = new CompartmentGroup(1, "sfc", COMPARTMENTS, CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 2));
            } finally {
                CompartmentGroup.implicitState = true;
            }
            partialDecay = new CompartmentGroup(2, "lif", COMPARTMENTS, CompartmentPrototype.of(410, 205, 100, 3, 2, 2));
            SplitMix64 r = new SplitMix64(7);
            // accumulators count units of 64, one weight unit each: a neuron fires on more than 9216 (bias −8192, threshold 1024)
            for (char[] in : inputs) for (int j = 0; j < COMPARTMENTS; j++) in[j] = (char) (r.nextInt(4) == 0 ? 9300 + r.nextInt(2000) : r.nextInt(9000));
        }

        int step(CompartmentGroup g) {
            long s = ++t;
            System.arraycopy(inputs[(int) (s & 7)], 0, g.acc, g.slotBase(s), COMPARTMENTS);
            g.markInput(s, Short.MIN_VALUE, Short.MAX_VALUE);
            return g.update(s);
        }
    }

    /** Renner's neurons: full decay, bias −8192 wu, refractory 2 (implicit state: a threshold scan of the input). */
    @Benchmark
    @OperationsPerInvocation(COMPARTMENTS)
    public int compartmentUpdatesFullDecay(Compartments c) {
        return c.step(c.fullDecay);
    }

    /** The same neurons through the general loop (u, v and refractory counters kept in arrays): the guard's speed. */
    @Benchmark
    @OperationsPerInvocation(COMPARTMENTS)
    public int compartmentUpdatesFullDecayGeneralLoop(Compartments c) {
        return c.step(c.general);
    }

    /** General LIF with partial current and voltage decay. */
    @Benchmark
    @OperationsPerInvocation(COMPARTMENTS)
    public int compartmentUpdatesPartialDecay(Compartments c) {
        return c.step(c.partialDecay);
    }
}
