package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredWeights;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;

/**
 * A synfire-gated training network of any depth on the emulated chip, driven only by its protocol:
 * sample k's steps are T·(k+1)+1 … T·(k+1)+T (the first T steps start the gating ring), phase p at
 * T·(k+1)+1+p, and every generator fires in the phases its role names.
 */
public final class SgscChip {
    private final Protocol protocol;
    private final Chip chip;
    private final int[] sizes;
    private final int input, target, reward, readout;
    private final List<Integer> inputPhases, targetPhases, rewardPhases;
    private final int readoutPhase;
    private final int[] checked;
    private final long[] allowed, tolerated;
    private final boolean[] gate;
    private final String[] names;
    private final int[] scratch;
    private final Map<String, int[]> instanceHandles = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long samples;
    private long firstSample;

    public SgscChip(NetworkDescription d, Protocol protocol, LayeredWeights w, long seed) {
        this.protocol = protocol;
        this.sizes = w.sizes();
        Map<String, IntMatrix> matrices = new LinkedHashMap<>();
        for (int l = 0; l < protocol.matrices().size(); l++) {
            matrices.put(protocol.matrices().get(l), new IntMatrix(sizes[l], sizes[l + 1], w.matrix(l)));
        }
        this.chip = NetworkCompiler.compile(d, matrices, seed, new NetworkCompiler.Options(true, true)).chip();
        this.input = chip.source(protocol.generator(Protocol.Role.INPUT).name());
        this.target = chip.source(protocol.generator(Protocol.Role.TARGET).name());
        this.reward = chip.source(protocol.generator(Protocol.Role.REWARD).name());
        this.inputPhases = protocol.generator(Protocol.Role.INPUT).phases();
        this.targetPhases = protocol.generator(Protocol.Role.TARGET).phases();
        this.rewardPhases = protocol.generator(Protocol.Role.REWARD).phases();
        this.readout = chip.source(protocol.readout().population());
        this.readoutPhase = protocol.readout().phase();
        int n = protocol.allowed().size();
        checked = new int[n];
        allowed = new long[n];
        tolerated = new long[n];
        gate = new boolean[n];
        names = new String[n];
        int i = 0;
        int widest = 0;
        for (var e : protocol.allowed().entrySet()) {
            names[i] = e.getKey();
            checked[i] = chip.source(e.getKey());
            allowed[i] = e.getValue();
            tolerated[i] = protocol.tolerated().getOrDefault(e.getKey(), 0L);
            gate[i] = e.getKey().matches("g\\d+") && Long.bitCount(e.getValue()) == 1;
            widest = Math.max(widest, chip.sourceSize(checked[i]));
            i++;
        }
        for (int s : sizes) widest = Math.max(widest, s);
        scratch = new int[widest];
        for (var e : protocol.instances().entrySet()) {
            int[] h = new int[e.getValue().size()];
            for (int k = 0; k < h.length; k++) h[k] = chip.connection(e.getValue().get(k).projection());
            instanceHandles.put(e.getKey(), h);
        }
        Protocol.Generator start = protocol.generator(Protocol.Role.GATE_START);
        chip.schedule(chip.source(start.name()), 0, start.phases().get(0));
        chip.run(protocol.steps());
    }

    public Chip chip() {
        return chip;
    }

    public Protocol protocol() {
        return protocol;
    }

    public long samples() {
        return samples;
    }

    /** Numbers samples in messages from {@code index} on. */
    public void firstSampleIndex(long index) {
        firstSample = index;
    }

    /** Streams one sample (protocol.steps() steps); writes the readout's spikes into outSpikes. */
    public void runSample(byte[] x, int xOffset, int label, byte[] outSpikes, boolean checkPhases) {
        runSample(x, xOffset, label, outSpikes, checkPhases, null);
    }

    /** {@link #runSample}, calling {@code afterStep} after each step (the energy model's counter windows), if not null. */
    public void runSample(byte[] x, int xOffset, int label, byte[] outSpikes, boolean checkPhases, Runnable afterStep) {
        final long base = chip.time();
        int nIn = sizes[0];
        for (int p : inputPhases) for (int k = 0; k < nIn; k++) if (x[xOffset + k] != 0) chip.schedule(input, k, base + 1 + p);
        for (int p : targetPhases) chip.schedule(target, label, base + 1 + p);
        for (int p : rewardPhases) chip.schedule(reward, 0, base + 1 + p);
        int nOut = sizes[sizes.length - 1];
        for (int p = 0; p < protocol.steps(); p++) {
            chip.step();
            if (afterStep != null) afterStep.run();
            if (checkPhases) check(p);
            if (p == readoutPhase) {
                java.util.Arrays.fill(outSpikes, 0, nOut, (byte) 0);
                int n = chip.fired(readout, scratch);
                for (int f = 0; f < n; f++) outSpikes[scratch[f]] = 1;
            }
        }
        samples++;
    }

    private void check(int phase) {
        long sample = firstSample + samples;
        StringBuilder tolerable = null;
        for (int i = 0; i < checked.length; i++) {
            boolean may = (allowed[i] >>> phase & 1) != 0;
            int n = chip.firedCount(checked[i]);
            if (n > 0 && !may) {
                chip.fired(checked[i], scratch);
                String where = "sample " + sample + ", phase " + phase + ": population " + names[i] + " spiked at index " + scratch[0]
                        + (n > 1 ? " (and " + (n - 1) + " more)" : "");
                if ((tolerated[i] >>> phase & 1) != 0) {
                    if (tolerable == null) tolerable = new StringBuilder("tolerated spike (no weight affected): sample " + sample + ", phase " + phase + ":");
                    else tolerable.append(',');
                    tolerable.append(" population ").append(names[i]).append(" spiked at index ").append(scratch[0]).append(n > 1 ? " (and " + (n - 1) + " more)" : "");
                    continue;
                }
                throw new InvariantViolation(where + " but must be silent in this phase");
            }
            if (gate[i] && may && n == 0) {
                throw new InvariantViolation("sample " + sample + ", phase " + phase + ": gate " + names[i] + " did not fire; the gating chain is broken");
            }
        }
        if (tolerable != null) {
            warnings.add(tolerable + (phase == 0 ? "; W.x > 9216 wu from the previous sample's last replay of x reaches it ungated" : ""));
        }
    }

    /**
     * The copies that must stay equal: every plain or transposed instance of a logical matrix against its
     * first plain one. Negated instances are not compared (they saturate on their own). Throws on a mismatch.
     */
    public void checkCopies() {
        long sample = firstSample + samples;
        for (int l = 0; l < protocol.matrices().size(); l++) {
            String name = protocol.matrices().get(l);
            List<Protocol.Instance> inst = protocol.instances().get(name);
            int[] h = instanceHandles.get(name);
            int primary = -1;
            for (int k = 0; k < inst.size() && primary < 0; k++) if (!inst.get(k).transpose() && !inst.get(k).negate()) primary = k;
            int[] ref = chip.weights(h[primary]);
            int rows = sizes[l], cols = sizes[l + 1];
            for (int k = 0; k < inst.size(); k++) {
                Protocol.Instance in = inst.get(k);
                if (k == primary || in.negate()) continue;
                int[] got = chip.weights(h[k]);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int g = got[in.transpose() ? c * rows + r : r * cols + c];
                        if (g != ref[r * cols + c]) {
                            String where = in.transpose() ? "[" + c + "][" + r + "]" : "[" + r + "][" + c + "]";
                            throw new InvariantViolation("sample " + sample + ": " + in.projection() + where + " = " + g + " but "
                                    + inst.get(primary).projection() + "[" + r + "][" + c + "] = " + ref[r * cols + c]
                                    + "; these copies of " + name + " receive the same updates and must stay equal");
                        }
                    }
                }
            }
        }
    }

    /**
     * Per negated instance (by projection name), entries that differ from what a rebuild from its matrix writes,
     * min(254, −W): the drift of its own saturation, which the functional models reproduce.
     */
    public Map<String, Long> copyDrift() {
        Map<String, Long> d = new LinkedHashMap<>();
        LayeredWeights w = weights();
        for (int l = 0; l < protocol.matrices().size(); l++) {
            List<Protocol.Instance> inst = protocol.instances().get(protocol.matrices().get(l));
            int[] plain = w.matrix(l);
            int rows = sizes[l], cols = sizes[l + 1];
            for (int k = 0; k < inst.size(); k++) {
                if (!inst.get(k).negate()) continue;
                int[] got = instanceWeights(l, k);
                long n = 0;
                for (int pre = 0; pre < rows; pre++) {
                    for (int post = 0; post < cols; post++) {
                        int rebuilt = Math.min(Convention.CHIP.weightMax, -plain[pre * cols + post]);
                        if (got[inst.get(k).transpose() ? post * rows + pre : pre * cols + post] != rebuilt) n++;
                    }
                }
                d.put(inst.get(k).projection(), n);
            }
        }
        return d;
    }

    /** Tolerated spikes since the last call, then cleared. */
    public List<String> drainWarnings() {
        List<String> w = List.copyOf(warnings);
        warnings.clear();
        return w;
    }

    /** The logical matrices as the chip holds them: each one's first plain instance. */
    public LayeredWeights weights() {
        int[][] m = new int[protocol.matrices().size()][];
        for (int l = 0; l < m.length; l++) {
            String name = protocol.matrices().get(l);
            List<Protocol.Instance> inst = protocol.instances().get(name);
            for (int k = 0; k < inst.size(); k++) {
                if (!inst.get(k).transpose() && !inst.get(k).negate()) {
                    m[l] = chip.weights(instanceHandles.get(name)[k]);
                    break;
                }
            }
        }
        return new LayeredWeights(sizes, m);
    }

    /** All weights of instance k of logical matrix l (0-based), in the chip's orientation (pre × post of its projection). */
    public int[] instanceWeights(int l, int k) {
        return chip.weights(instanceHandles.get(protocol.matrices().get(l))[k]);
    }

    /** Chip weight of instance k of logical matrix l (0-based) at model position [pre][post]. */
    public int instanceWeight(int l, int k, int pre, int post) {
        Protocol.Instance in = protocol.instances().get(protocol.matrices().get(l)).get(k);
        int rows = sizes[l], cols = sizes[l + 1];
        int index = in.transpose() ? post * rows + pre : pre * cols + post;
        return chip.weight(instanceHandles.get(protocol.matrices().get(l))[k], index);
    }
}
