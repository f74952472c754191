package org.synfire.chip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.probe.Probe;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.chip.probe.StateProbe;
import org.synfire.chip.probe.WeightProbe;

/**
 * A running Loihi 1 emulation, built by {@link ChipBuilder}. Deterministic: the same build, seed and input stream
 * give the same integers on any machine and for any number of {@linkplain #threads(int) threads}.
 *
 * <p>One step t (docs/chip.md#one-time-step): spike generators emit their spikes for t; every compartment
 * consumes its accumulator slot for t and updates; every spike of t is delivered into slot t+1+delay
 * with the weights as they are before learning; learning rules whose tEpoch divides t update weights;
 * probes record. The first step is t = 1.
 */
public final class Chip {
    final SpikeSource[] sources;
    final CompartmentGroup[] groups;
    final SpikeGenerator[] generators;
    final Synapses[] connections;
    final Plasticity.Rule[] rules;
    final OpCounters counters;
    final long seed;
    private final Map<String, Integer> sourceByName = new HashMap<>();
    private final Map<String, Integer> connectionByName = new HashMap<>();
    private final List<String> warnings;
    private final List<SpikeProbe> spikeProbes = new ArrayList<>();
    private final List<StateProbe> stateProbes = new ArrayList<>();
    private final List<WeightProbe> weightProbes = new ArrayList<>();
    private SpikeProbe[] spikeProbeBySource;
    private long time;

    /** Threads of chips built from now on (see {@link #threads(int)}); 1 unless a caller such as --threads sets it. */
    private static volatile int defaultThreads = 1;
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
    private Workers workers;
    private java.lang.ref.Cleaner.Cleanable stopWorkers;
    /** Per compartment group (index in {@link #groups}): its incoming connections and the bounds of its column chunks. */
    private Synapses[][] incoming;
    private int[][] chunkBounds;
    /**
     * Scratch of a parallel step, per thread: its delivery tasks (group, chunk) and its (rule, member) pairs that learn.
     * Thread k takes chunk k of every wide target, so each thread's share of a phase is about equal.
     */
    private int[][] taskGroup = new int[0][], taskChunk = new int[0][], taskRule = new int[0][], taskMember = new int[0][];
    private int[] deliveryCount = new int[0], learnCount = new int[0];
    /** The thread that learns each (rule, member), fixed for the chip so a connection's weights stay in one core's cache. */
    private int[][] learnOwner = new int[0][];
    /**
     * A phase runs in parallel only from this many synaptic operations on: below it, on the 2-core machine measured,
     * the hand-over and the cache lines that move between cores cost more than the second thread saves. Tests lower it.
     */
    static long parallelMinOps = 200_000;
    /** A parallel delivery splits each target into one column range per thread, each at least this wide. */
    static int minChunk = 256;

    Chip(SpikeSource[] sources, Synapses[] connections, Plasticity.Rule[] rules, long seed, List<String> warnings) {
        this.sources = sources;
        this.connections = connections;
        this.rules = rules;
        this.seed = seed;
        this.warnings = List.copyOf(warnings);
        List<CompartmentGroup> g = new ArrayList<>();
        List<SpikeGenerator> gen = new ArrayList<>();
        for (SpikeSource s : sources) {
            sourceByName.put(s.name, s.handle);
            if (s instanceof CompartmentGroup cg) g.add(cg);
            else gen.add((SpikeGenerator) s);
        }
        for (Synapses c : connections) connectionByName.put(c.name, c.handle);
        this.groups = g.toArray(CompartmentGroup[]::new);
        this.generators = gen.toArray(SpikeGenerator[]::new);
        this.counters = new OpCounters(sources.length, connections.length);
        this.spikeProbeBySource = new SpikeProbe[0];
        threads(defaultThreads);
    }

    /** Sets the number of threads of chips built afterwards (n ≥ 1); results are the same for every n. */
    public static void defaultThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        defaultThreads = n;
    }

    public static int defaultThreads() {
        return defaultThreads;
    }

    /**
     * Runs each step on n threads (n ≥ 1): deliveries are split by target and column range, learning by plastic
     * connection, so every accumulator and weight is written by one thread; integer sums do not depend on the order.
     * The results are bit-identical for any n (tested). Small steps run on the calling thread alone.
     */
    public Chip threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        if (stopWorkers != null) {
            stopWorkers.clean();
            stopWorkers = null;
        }
        workers = null;
        if (n > 1) {
            Workers w = new Workers(n);
            workers = w;
            stopWorkers = CLEANER.register(this, w::stop);
            planParallelDelivery(n);
        }
        return this;
    }

    public int threads() {
        return workers == null ? 1 : workers.threads();
    }

    private void planParallelDelivery(int n) {
        incoming = new Synapses[groups.length][];
        chunkBounds = new int[groups.length][];
        int[] index = new int[sources.length];
        for (int g = 0; g < groups.length; g++) index[groups[g].handle] = g;
        java.util.List<java.util.List<Synapses>> in = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) in.add(new ArrayList<>());
        for (Synapses c : connections) in.get(index[c.dst.handle]).add(c);
        int tasks = 0;
        for (int g = 0; g < groups.length; g++) {
            incoming[g] = in.get(g).toArray(Synapses[]::new);
            int size = groups[g].size;
            boolean sparse = in.get(g).stream().anyMatch(c -> c.kind == Synapses.Kind.CSR);
            // one range per thread of a wide target, none narrower than minChunk (a vector loop wants length), bounds on
            // 32-compartment (64-byte) lines so that no cache line of the accumulators is written by two threads
            int count = sparse ? 1 : Math.max(1, Math.min(n, size / minChunk));
            int[] b = new int[count + 1];
            for (int k = 0; k <= count; k++) b[k] = k == count ? size : (int) ((long) size * k / count) & ~31;
            if (minChunk < 32) for (int k = 0; k <= count; k++) b[k] = (int) ((long) size * k / count); // tests: tiny ranges
            chunkBounds[g] = b;
            tasks += count;
        }
        int pairs = 0;
        for (Plasticity.Rule r : rules) pairs += r.members.length;
        taskGroup = new int[n][tasks];
        taskChunk = new int[n][tasks];
        taskRule = new int[n][pairs];
        taskMember = new int[n][pairs];
        deliveryCount = new int[n];
        learnCount = new int[n];
        // balanced by synapses, once: a connection learnt by one thread keeps its weight lines in that core's cache
        long[] load = new long[n];
        learnOwner = new int[rules.length][];
        for (int r = 0; r < rules.length; r++) {
            learnOwner[r] = new int[rules[r].members.length];
            for (int m = 0; m < rules[r].members.length; m++) {
                int k = 0;
                for (int j = 1; j < n; j++) if (load[j] < load[k]) k = j;
                load[k] += rules[r].members[m].syn.synapseCount();
                learnOwner[r][m] = k;
            }
        }
    }

    /** The last completed step (0 before the first). */
    public long time() {
        return time;
    }

    public long seed() {
        return seed;
    }

    /** Messages about weights that were stored differently from what was asked (truncation to precision). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Sets every compartment's u, v, refractory counter and dendritic accumulators to 0 (what an embedded
     * x86 core does between two inputs when it clears the cores' compartment state). Weights, scheduled
     * generator spikes, counters, learning traces and the time are kept.
     */
    public void resetCompartmentState() {
        for (CompartmentGroup g : groups) g.resetState(time);
    }

    public void run(long steps) {
        for (long i = 0; i < steps; i++) step();
    }

    public void step() {
        final long t = ++time;
        final OpCounters c = counters;
        for (SpikeGenerator g : generators) g.emit(t);
        for (CompartmentGroup g : groups) {
            int active = g.update(t);
            c.updatesActive[g.handle] += active;
            c.updatesInactive[g.handle] += g.size - active;
        }
        if (workers == null) {
            for (SpikeSource s : sources) {
                int nf = s.firedCount;
                if (nf == 0) continue;
                c.spikes[s.handle] += nf;
                long ops = 0;
                for (Synapses syn : s.outgoing) ops += syn.deliver(t);
                c.synapticOps[s.handle] += ops;
                c.spikeMessages[s.handle] += (long) nf * s.outgoing.length;
            }
            for (Plasticity.Rule r : rules) {
                if (t % r.tEpoch == 0) r.learn(t, c);
            }
        } else {
            deliverInParallel(t);
            learnInParallel(t);
        }
        c.steps++;
        if (!spikeProbes.isEmpty() || !stateProbes.isEmpty() || !weightProbes.isEmpty()) recordProbes(t);
    }

    /** The deliveries of step t on the workers: one task per column range of each target that receives spikes. */
    private void deliverInParallel(long t) {
        final OpCounters c = counters;
        long stepOps = 0;
        for (SpikeSource s : sources) {
            int nf = s.firedCount;
            if (nf == 0) continue;
            c.spikes[s.handle] += nf;
            long ops = 0;
            for (Synapses syn : s.outgoing) {
                ops += syn.ops();
                syn.dst.markInput(t + 1 + syn.delay, syn.lowerBound(), syn.upperBound());
            }
            c.synapticOps[s.handle] += ops;
            c.spikeMessages[s.handle] += (long) nf * s.outgoing.length;
            stepOps += ops;
        }
        if (stepOps < parallelMinOps) {
            for (SpikeSource s : sources) {
                if (s.firedCount == 0) continue;
                for (Synapses syn : s.outgoing) syn.add(t, 0, syn.dst.size);
            }
            return;
        }
        final int threads = workers.threads();
        java.util.Arrays.fill(deliveryCount, 0);
        int spread = 0;
        for (int g = 0; g < groups.length; g++) {
            boolean any = false;
            for (Synapses syn : incoming[g]) any |= syn.src.firedCount > 0;
            if (!any) continue;
            int chunks = chunkBounds[g].length - 1;
            for (int ch = 0; ch < chunks; ch++) {
                // a wide target gives chunk k to thread k; narrow ones (one chunk) go round the threads in turn
                int k = chunks == threads ? ch : spread++ % threads;
                taskGroup[k][deliveryCount[k]] = g;
                taskChunk[k][deliveryCount[k]++] = ch;
            }
        }
        parallelStep = t;
        workers.run(deliveryCount, deliverTask);
    }

    /** The learning epochs due at step t: each rule's reinforcement first, then its connections on the workers. */
    private void learnInParallel(long t) {
        final int threads = workers.threads();
        java.util.Arrays.fill(learnCount, 0);
        long work = 0;
        for (int r = 0; r < rules.length; r++) {
            Plasticity.Rule rule = rules[r];
            if (t % rule.tEpoch != 0) continue;
            rule.prepare(t, counters);
            for (int m = 0; m < rule.members.length; m++) {
                Synapses s = rule.members[m].syn;
                // a bound on the synapses visited: rows of spiking pre, columns of spiking post (all, for longer epochs)
                long w = rule.tEpoch == 1 ? (long) s.src.firedCount * s.dst.size + (long) s.dst.firedCount * s.src.size : s.synapseCount();
                work += w;
                int k = learnOwner[r][m];
                taskRule[k][learnCount[k]] = r;
                taskMember[k][learnCount[k]++] = m;
            }
        }
        parallelStep = t;
        if (work < parallelMinOps) {
            for (int k = 0; k < threads; k++) for (int i = 0; i < learnCount[k]; i++) learnTask(k, i);
            return;
        }
        workers.run(learnCount, learnTask);
    }

    /** The step a parallel phase works on, and the tasks (made once: no allocation per step). */
    private long parallelStep;
    private final Workers.Task deliverTask = this::deliverTask, learnTask = this::learnTask;

    /** Delivery task i of thread k's list: one column range of a target that receives spikes. */
    private void deliverTask(int k, int i) {
        int g = taskGroup[k][i], c = taskChunk[k][i];
        int from = chunkBounds[g][c], to = chunkBounds[g][c + 1];
        for (Synapses syn : incoming[g]) if (syn.src.firedCount > 0) syn.add(parallelStep, from, to);
    }

    /** Learning task i of thread k's list: one plastic connection. */
    private void learnTask(int k, int i) {
        rules[taskRule[k][i]].learnMember(parallelStep, taskMember[k][i], counters);
    }

    private void recordProbes(long t) {
        for (int h = 0; h < spikeProbeBySource.length; h++) {
            SpikeProbe p = spikeProbeBySource[h];
            if (p != null && p.covers(t)) p.record(t, sources[h].fired, sources[h].firedCount);
        }
        for (SpikeProbe p : spikeProbes) {
            // extra probes on a source that already has one are rare; record them here
            int h = sourceByName.get(p.population());
            if (spikeProbeBySource[h] != p && p.covers(t)) p.record(t, sources[h].fired, sources[h].firedCount);
        }
        for (StateProbe p : stateProbes) {
            if (!p.covers(t)) continue;
            CompartmentGroup g = (CompartmentGroup) sources[sourceByName.get(p.population())];
            g.materialize();
            p.record(t, p.variable() == StateProbe.Variable.U ? g.u : g.v);
        }
        for (WeightProbe p : weightProbes) {
            if (p.due(t)) p.record(t, connections[connectionByName.get(p.connection())].weightsCopy());
        }
    }

    // ---- input stream ----

    /** Schedules a spike of a generator port at step {@code time} (which must lie in the future). */
    public void schedule(int generator, int port, long time) {
        SpikeGenerator g = generator(generator);
        if (port < 0 || port >= g.size) throw new IllegalArgumentException(g.name + ": port " + port + " is outside 0.." + (g.size - 1));
        if (time <= this.time) throw new IllegalArgumentException(g.name + ": spike time " + time + " is not after the current step " + this.time);
        g.schedule(port, time);
    }

    private SpikeGenerator generator(int handle) {
        if (handle < 0 || handle >= sources.length || !(sources[handle] instanceof SpikeGenerator g)) {
            throw new IllegalArgumentException("handle " + handle + " is not a spike generator");
        }
        return g;
    }

    // ---- introspection ----

    public int sourceCount() { return sources.length; }
    public int connectionCount() { return connections.length; }

    /** Handle of a compartment group or spike generator by name. */
    public int source(String name) {
        Integer h = sourceByName.get(name);
        if (h == null) throw new IllegalArgumentException("no population or generator named '" + name + "'");
        return h;
    }

    public int connection(String name) {
        Integer h = connectionByName.get(name);
        if (h == null) throw new IllegalArgumentException("no connection named '" + name + "'");
        return h;
    }

    public String sourceName(int h) { return sources[h].name; }
    public int sourceSize(int h) { return sources[h].size; }
    public boolean isGenerator(int h) { return sources[h] instanceof SpikeGenerator; }
    public String connectionName(int c) { return connections[c].name; }
    public int connectionSource(int c) { return connections[c].src.handle; }
    public int connectionTarget(int c) { return connections[c].dst.handle; }
    public long synapseCount(int c) { return connections[c].synapseCount(); }
    public boolean isPlastic(int c) { return connections[c].plasticity != null; }
    public int connectionDelay(int c) { return connections[c].delay; }
    public int connectionWeightBits(int c) { return connections[c].numWeightBits; }
    public int connectionWeightExponent(int c) { return connections[c].weightExponent; }
    public org.synfire.chip.learning.SignMode connectionSignMode(int c) { return connections[c].signMode; }

    /** How a connection's synapses are laid out. */
    public enum Layout { DENSE, ONE_TO_ONE, ALL_TO_ALL, SPARSE }

    public Layout connectionLayout(int c) {
        return switch (connections[c].kind) {
            case DENSE -> Layout.DENSE;
            case ONE_TO_ONE -> Layout.ONE_TO_ONE;
            case CONST -> Layout.ALL_TO_ALL;
            case CSR -> Layout.SPARSE;
        };
    }

    /** Number of synapses from presynaptic index {@code pre} (its fan-out in this connection). */
    public int connectionFanout(int c, int pre) { return connections[c].fanout(pre); }

    /** Postsynaptic index of each synapse of presynaptic index {@code pre}, in storage order. */
    public int[] connectionTargets(int c, int pre) {
        Synapses s = connections[c];
        return switch (s.kind) {
            case DENSE, CONST -> java.util.stream.IntStream.range(0, s.dst.size).toArray();
            case ONE_TO_ONE -> new int[] {pre};
            case CSR -> java.util.Arrays.copyOfRange(s.col, s.rowStart[pre], s.rowStart[pre + 1]);
        };
    }

    /** Compartment prototype of a group (null for a generator). */
    public CompartmentPrototype prototype(int h) {
        return sources[h] instanceof CompartmentGroup g ? g.proto : null;
    }

    /** Number of spikes a source emitted in the last step. */
    public int firedCount(int h) {
        return sources[h].firedCount;
    }

    /** Copies the indices that spiked in the last step into {@code out}; returns how many. */
    public int fired(int h, int[] out) {
        SpikeSource s = sources[h];
        System.arraycopy(s.fired, 0, out, 0, s.firedCount);
        return s.firedCount;
    }

    public int u(int group, int i) { return ((CompartmentGroup) sources[group]).u(i); }
    public int v(int group, int i) { return ((CompartmentGroup) sources[group]).v(i); }

    /** Stored weights: (pre × post) row-major for dense/all-to-all, per pair for one-to-one, list order for sparse. */
    public int[] weights(int c) {
        return connections[c].weightsCopy();
    }

    /** Reads one stored weight without copying (index as in {@link #weights(int)}). */
    public int weight(int c, int index) {
        Synapses s = connections[c];
        return s.kind == Synapses.Kind.CONST ? s.w[0] : s.w[index];
    }

    /** Replaces stored weights (same layout as {@link #weights(int)}); values must be exactly storable. */
    public void setWeights(int c, int[] weights) {
        Synapses s = connections[c];
        if (s.kind == Synapses.Kind.CONST) throw new IllegalArgumentException(s.name + ": a shared all-to-all weight cannot be set per synapse");
        if (weights.length != s.w.length) throw new IllegalArgumentException(s.name + ": expected " + s.w.length + " weights, got " + weights.length);
        for (int k = 0; k < weights.length; k++) {
            int stored;
            try {
                stored = WeightEncoding.store(weights[k], s.signMode, s.numWeightBits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name + "[" + k + "]: " + e.getMessage());
            }
            if (stored != weights[k]) throw new IllegalArgumentException(s.name + "[" + k + "]: weight " + weights[k] + " would be stored as " + stored);
        }
        for (int k = 0; k < weights.length; k++) s.w[k] = (short) weights[k];
        s.updateBounds();
    }

    public OpCounters counters() {
        return counters;
    }

    // ---- monitors ----

    public SpikeProbe probeSpikes(int source, long from, long to) {
        SpikeSource s = sources[source];
        SpikeProbe p = new SpikeProbe(s.name, s.size, from, to);
        if (spikeProbeBySource.length < sources.length) spikeProbeBySource = new SpikeProbe[sources.length];
        if (spikeProbeBySource[source] == null) spikeProbeBySource[source] = p;
        spikeProbes.add(p);
        return p;
    }

    public StateProbe probeState(int group, StateProbe.Variable variable, int[] compartments, long from, long to) {
        if (!(sources[group] instanceof CompartmentGroup g)) throw new IllegalArgumentException(sources[group].name + " is a spike generator; it has no u or v");
        for (int i : compartments) {
            if (i < 0 || i >= g.size) throw new IllegalArgumentException(g.name + ": compartment " + i + " is outside 0.." + (g.size - 1));
        }
        StateProbe p = new StateProbe(g.name, variable, compartments, from, to);
        stateProbes.add(p);
        return p;
    }

    public WeightProbe probeWeights(int connection, long interval, long from, long to) {
        WeightProbe p = new WeightProbe(connections[connection].name, interval, from, to);
        weightProbes.add(p);
        return p;
    }

    public List<Probe> probes() {
        List<Probe> all = new ArrayList<>(spikeProbes);
        all.addAll(stateProbes);
        all.addAll(weightProbes);
        return Collections.unmodifiableList(all);
    }
}
