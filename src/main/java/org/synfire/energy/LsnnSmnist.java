package org.synfire.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.Connectivity;
import org.synfire.chip.OpCounters;
import org.synfire.chip.learning.SignMode;

/**
 * Intel's LSNN for sequential MNIST (Rao et al. 2022; intel-nrc-ecosystem/models @3dc53bf), rebuilt on the
 * emulated chip from its public description (docs/energy.md#intels-lsnn-on-sequential-mnist): 80 input
 * ports, 140 regular LIF neurons, 100 adaptive neurons of two compartments each, 10 output compartments
 * that never spike; one pixel per step (784 steps) and a 56-step cue, 840 steps per image. The input
 * encoder and the readout, which ran on an embedded x86 core, are host logic here.
 */
public final class LsnnSmnist {
    public static final int INPUTS = 80, REGULAR = 140, ADAPTIVE = 100, RECURRENT = REGULAR + ADAPTIVE, OUTPUTS = 10;
    public static final int PIXELS = 784, CUE = 56, STEPS_PER_IMAGE = PIXELS + CUE, THRESHOLDS = INPUTS / 2;

    // model parameters of the published network (lsnn.py ModelParams, seq_img_classifier.py)
    static final int VTH = 127, TAU_V = 20, REFRACTORY = 1, TAU_ADAPTATION = 700, BETA = 1_390_000, THR_ADA_SCALE = 4, ACCUMULATORS = 16;
    static final int AUX_VTH = 10_000, OUT_VTH = (1 << 17) - 1;

    /** Decay for a time constant, as the construction code computes it: ⌊4096/τ⌋, and 4096 for τ = 0. */
    static int decay(int tau) {
        return tau > 0 ? (int) (1.0 / tau * 4096) : 4096;
    }

    /** The auxiliary compartment's input weight: ⌊β·(1/(τ_a·τ_v) − 1/τ_a²)⌋ = ⌊96.45⌋ = 96. */
    static int weightAux() {
        return (int) (BETA * (1.0 / (TAU_ADAPTATION * TAU_V) - 1.0 / ((double) TAU_ADAPTATION * TAU_ADAPTATION)));
    }

    /**
     * The published weights, each source-major (row = source neuron): {@code in} 80 × 240, {@code rec}
     * 240 × 240, {@code out} 240 × 10. Recurrent neurons 0..139 are regular, 140..239 adaptive.
     */
    public record Weights(int[] in, int[] rec, int[] out) {
        public Weights {
            if (in.length != INPUTS * RECURRENT || rec.length != RECURRENT * RECURRENT || out.length != RECURRENT * OUTPUTS) {
                throw new IllegalArgumentException("LSNN weights must be 80 x 240, 240 x 240 and 240 x 10");
            }
        }
    }

    private final Chip chip;
    private final int input, regular, aux, adaptive, output;
    private final int[] ports = new int[INPUTS];
    private final int[] thresholds = new int[THRESHOLDS];

    public LsnnSmnist(Weights w) {
        int dv = decay(TAU_V);
        ChipBuilder b = new ChipBuilder();
        input = b.addSpikeGenerator("input", INPUTS);
        regular = b.addCompartments("regular", REGULAR, CompartmentPrototype.of(4096, dv, VTH, 0, 0, REFRACTORY).withAccumulators(ACCUMULATORS));
        // the auxiliary compartment first: it pushes its v, and the main compartment right after pops and adds it
        aux = b.addCompartments("adaptive_aux", ADAPTIVE, CompartmentPrototype.of(4096, decay(TAU_ADAPTATION), AUX_VTH, 0, 0, 1)
                .withAccumulators(ACCUMULATORS)
                .withCompartmentTree(StackOut.PUSH, StackIn.NONE, Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT));
        adaptive = b.addCompartments("adaptive", ADAPTIVE, CompartmentPrototype.of(4096, dv, VTH * THR_ADA_SCALE, 0, 0, REFRACTORY)
                .withAccumulators(ACCUMULATORS)
                .withCompartmentTree(StackOut.NONE, StackIn.POP_A, Join.ADD, ThresholdMode.SPIKE_AND_RESET));
        output = b.addCompartments("output", OUTPUTS, CompartmentPrototype.of(4096, dv, OUT_VTH, 0, 0, REFRACTORY).withAccumulators(ACCUMULATORS));
        int adaExp = 6 - THR_ADA_SCALE;
        connect(b, "in_r", input, w.in(), RECURRENT, 0, INPUTS, regular, 0, REGULAR, 0);
        connect(b, "in_a", input, w.in(), RECURRENT, 0, INPUTS, adaptive, REGULAR, ADAPTIVE, adaExp);
        connect(b, "rec_rr", regular, w.rec(), RECURRENT, 0, REGULAR, regular, 0, REGULAR, 0);
        connect(b, "rec_ra", regular, w.rec(), RECURRENT, 0, REGULAR, adaptive, REGULAR, ADAPTIVE, adaExp);
        connect(b, "rec_aa", adaptive, w.rec(), RECURRENT, REGULAR, ADAPTIVE, adaptive, REGULAR, ADAPTIVE, adaExp);
        connect(b, "rec_ar", adaptive, w.rec(), RECURRENT, REGULAR, ADAPTIVE, regular, 0, REGULAR, 0);
        connect(b, "out_r", regular, w.out(), OUTPUTS, 0, REGULAR, output, 0, OUTPUTS, 0);
        connect(b, "out_a", adaptive, w.out(), OUTPUTS, REGULAR, ADAPTIVE, output, 0, OUTPUTS, 0);
        b.connect(ConnectionSpec.of("adaptive-aux", adaptive, aux, Connectivity.OneToOne.uniform(ADAPTIVE, -weightAux()),
                SignMode.INHIBITORY, -THR_ADA_SCALE, 0));
        chip = b.build(1);
        // thresholds = floor(linspace(0, 255, 40))
        for (int i = 0; i < THRESHOLDS; i++) thresholds[i] = (int) Math.floor(255.0 * i / (THRESHOLDS - 1));
    }

    /**
     * The excitatory part (w &gt; 0) and the inhibitory part (w &lt; 0) of the block of {@code m} (row length
     * {@code cols}) from source rows [s0, s0+ns) to target columns [t0, t0+nt), as two sparse connections.
     */
    private static void connect(ChipBuilder b, String name, int src, int[] m, int cols, int s0, int ns, int dst, int t0, int nt, int exp) {
        for (SignMode mode : new SignMode[] {SignMode.EXCITATORY, SignMode.INHIBITORY}) {
            List<int[]> syn = new ArrayList<>();
            for (int i = 0; i < ns; i++) {
                for (int j = 0; j < nt; j++) {
                    int wv = m[(s0 + i) * cols + t0 + j];
                    if (mode == SignMode.EXCITATORY ? wv > 0 : wv < 0) syn.add(new int[] {i, j, wv});
                }
            }
            if (syn.isEmpty()) continue;
            int[] pre = new int[syn.size()], post = new int[syn.size()], wt = new int[syn.size()];
            for (int k = 0; k < syn.size(); k++) {
                pre[k] = syn.get(k)[0];
                post[k] = syn.get(k)[1];
                wt[k] = syn.get(k)[2];
            }
            String n = name + (mode == SignMode.EXCITATORY ? "_pos" : "_neg");
            b.connect(ConnectionSpec.of(n, src, dst, new Connectivity.Sparse(pre, post, wt), mode, exp, 0));
        }
    }

    public Chip chip() {
        return chip;
    }

    /** Core type of every compartment group, for the core mapping: all of the network sits on one core. */
    public Map<String, String> types() {
        return Map.of("regular", "lsnn", "adaptive_aux", "lsnn", "adaptive", "lsnn", "output", "lsnn");
    }

    public static final Map<String, int[]> ONE_CORE = Map.of("lsnn", new int[] {0, 1});

    /**
     * The input encoder (threshold crossings between consecutive pixels, the x86 core's spiking snip): for
     * pixel index p &lt; 784, with thresholds θ_k = ⌊255·k/39⌋, k = 1..38: port 2k fires when pixel p &lt; θ_k
     * ≤ pixel p+1 (onset), port 2k+1 when pixel p ≥ θ_k &gt; pixel p+1 (offset); neither for the last pixel;
     * port 78 fires when pixel p = θ_39 = 255. For p = 784..839 the cue port 79 fires. Ports 0 and 1 never
     * fire. Returns the number of ports written to {@code out}.
     */
    public int encode(byte[] pixels, int offset, int p, int[] out) {
        int n = 0;
        if (p >= PIXELS) {
            out[n++] = INPUTS - 1;
            return n;
        }
        int cur = pixels[offset + p] & 0xff;
        int next = p == PIXELS - 1 ? -1 : pixels[offset + p + 1] & 0xff;
        for (int k = 1; k < THRESHOLDS; k++) {
            int th = thresholds[k];
            if (k != THRESHOLDS - 1) {
                if (next >= 0 && cur < th && next >= th) out[n++] = 2 * k;
                if (next >= 0 && cur >= th && next < th) out[n++] = 2 * k + 1;
            } else if (cur == th) {
                out[n++] = 2 * k;
            }
        }
        return n;
    }

    /**
     * Runs one image (840 steps from the chip's current time; the encoder's spikes of step s are scheduled
     * for that step), reads the output compartments' v after the last step and returns the index of the
     * largest (the first on ties), then resets every compartment's state, as the readout snip does.
     */
    public int classify(byte[] pixels, int offset) {
        for (int s = 0; s < STEPS_PER_IMAGE; s++) {
            long t = chip.time() + 1;
            int n = encode(pixels, offset, s, ports);
            for (int k = 0; k < n; k++) chip.schedule(input, ports[k], t);
            chip.step();
        }
        int best = -1, bestV = Integer.MIN_VALUE;
        for (int i = 0; i < OUTPUTS; i++) {
            int v = chip.v(output, i);
            if (v > bestV) {
                bestV = v;
                best = i;
            }
        }
        chip.resetCompartmentState();
        return best;
    }

    /**
     * The 200 test images Intel's script classified on Loihi ({@code np.random.seed(0)} then
     * {@code np.random.choice(range(0, 10000), 200, False)}), computed once with numpy and written out here.
     */
    public static final int[] INTEL_SAMPLE = {
            9394, 898, 2398, 5906, 2343, 8225, 5506, 6451, 2670, 3497, 1087, 1819, 2308, 6084, 3724, 3184, 6387, 3728, 2702, 7883,
            2930, 5988, 4890, 6718, 5423, 3213, 3017, 382, 4237, 4721, 9547, 9477, 4795, 4747, 9366, 5334, 6652, 9032, 580, 9491,
            6526, 4346, 4974, 7913, 5611, 8480, 6625, 5615, 5602, 4857, 6734, 8451, 6332, 6798, 5313, 2821, 9300, 2375, 1478, 5013,
            1559, 8885, 3986, 4429, 3951, 2932, 6419, 713, 8089, 6058, 8711, 4185, 4379, 7813, 843, 655, 7219, 982, 7439, 8894,
            598, 5350, 4221, 1422, 3646, 4387, 2606, 4228, 1096, 8940, 5814, 3706, 2846, 467, 8314, 4595, 3725, 6450, 6846, 3891,
            7407, 5892, 5301, 4808, 8148, 3931, 9672, 1312, 1942, 841, 5792, 3683, 8876, 5660, 4447, 3066, 8135, 5957, 4678, 2869,
            2535, 5482, 4302, 5608, 7527, 1534, 8110, 6699, 4696, 2580, 7178, 4644, 4858, 5946, 9822, 4673, 3341, 1376, 9320, 6275,
            1308, 7569, 7358, 2252, 9892, 8830, 7980, 8850, 9345, 9276, 521, 3232, 226, 3953, 1427, 8748, 8060, 5525, 167, 1103,
            9089, 6759, 7648, 5473, 2376, 296, 1785, 7684, 7174, 4700, 5657, 6492, 7978, 1085, 5888, 9715, 8057, 1402, 9827, 3977,
            3652, 4456, 4912, 2579, 2288, 8301, 2090, 5818, 2929, 256, 3838, 6049, 9862, 4100, 7977, 3039, 334, 7053, 9617, 6939
    };

    /** Classifies the test images at {@code indices}; one count window per image. */
    public Result run(byte[] pixels, byte[] labels, int[] indices) {
        List<OpCounters.Snapshot> snaps = new ArrayList<>();
        snaps.add(chip.counters().snapshot());
        int correct = 0;
        int[] predicted = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i];
            predicted[i] = classify(pixels, k * PIXELS);
            if (predicted[i] == labels[k]) correct++;
            snaps.add(chip.counters().snapshot());
        }
        return new Result(indices.length, correct, predicted, SampleCounts.fromCumulative("lsnn", indices.length, snaps));
    }

    /** Classifies {@code count} images of {@code pixels} (784 bytes each, row-major) from index {@code first}; one count window per image. */
    public Result run(byte[] pixels, byte[] labels, int first, int count) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = first + i;
        return run(pixels, labels, idx);
    }

    /** Accuracy and the operation counts (one window per image). */
    public record Result(int images, int correct, int[] predicted, SampleCounts counts) {
        public double accuracy() {
            return (double) correct / images;
        }
    }

    /** The energy model of this network: one core, the default costs and options. */
    public EnergyModel model(OperationCosts costs, ModelOptions options) {
        return new EnergyModel(CoreMapper.authors(NetworkShape.of(chip, types()), ONE_CORE, CoreLimits.LOIHI1), costs, options);
    }
}
