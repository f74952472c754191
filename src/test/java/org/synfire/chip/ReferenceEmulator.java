package org.synfire.chip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.synfire.chip.learning.SignMode;

/**
 * A literal, slow reading of docs/chip.md#one-time-step for static networks, written without the chip's
 * data layout: per-synapse contributions ⌊w·2^exp⌋·64 summed in 64-bit per arrival step, the 21-bit
 * wrap applied once to the sum, every compartment updated by the formulas as written. It is the guard of
 * the chip's delivery and update kernels (narrow accumulators, row passes, shortcuts, threads).
 */
final class ReferenceEmulator {
    record Group(int size, CompartmentPrototype proto) {}

    /** kind: 0 dense, 1 one-to-one, 2 all-to-all, 3 sparse; for sparse, pre/post list the synapses. */
    record Conn(int source, int target, int kind, SignMode mode, int exponent, int delay, int[] weights, int[] pre, int[] post) {}

    /** A random static network: sources 0..generators-1 are generators, the rest groups; inputs[t][port] for steps 1..steps. */
    record Net(int[] generatorSizes, List<Group> groups, List<Conn> conns, boolean[][][] inputs, int steps, int resetBefore) {
        int sources() {
            return generatorSizes.length + groups.size();
        }

        int size(int source) {
            return source < generatorSizes.length ? generatorSizes[source] : groups.get(source - generatorSizes.length).size();
        }

        Chip build() {
            ChipBuilder b = new ChipBuilder();
            for (int g = 0; g < generatorSizes.length; g++) b.addSpikeGenerator("gen" + g, generatorSizes[g]);
            for (int g = 0; g < groups.size(); g++) b.addCompartments("grp" + g, groups.get(g).size(), groups.get(g).proto());
            for (int c = 0; c < conns.size(); c++) {
                Conn k = conns.get(c);
                Connectivity con = switch (k.kind()) {
                    case 0 -> new Connectivity.Dense(k.weights());
                    case 1 -> new Connectivity.OneToOne(k.weights());
                    case 2 -> new Connectivity.AllToAll(k.weights()[0]);
                    default -> new Connectivity.Sparse(k.pre(), k.post(), k.weights());
                };
                b.connect(ConnectionSpec.of("c" + c, k.source(), k.target(), con, k.mode(), k.exponent(), k.delay()));
            }
            Chip chip = b.build(1);
            for (int g = 0; g < generatorSizes.length; g++) {
                for (int t = 1; t <= steps; t++) for (int p = 0; p < generatorSizes[g]; p++) if (inputs[g][t][p]) chip.schedule(g, p, t);
            }
            return chip;
        }

        /**
         * Draws a network whose input sums often leave [−2^21, 2^21) (large weights and exponents, wide fan-in),
         * with groups wider than a vector and odd sizes for the loop tails.
         */
        static Net random(Random r) {
            int nGen = 1 + r.nextInt(2);
            int[] gens = new int[nGen];
            for (int g = 0; g < nGen; g++) gens[g] = size(r);
            List<Group> groups = new ArrayList<>();
            int nGroups = 1 + r.nextInt(4);
            for (int g = 0; g < nGroups; g++) {
                boolean full = r.nextInt(3) > 0;
                int du = full ? 4096 : r.nextInt(4097), dv = full ? 4096 : r.nextInt(4097);
                Integer vMin = r.nextInt(4) == 0 ? r.nextInt(24) : null, vMax = r.nextInt(4) == 0 ? r.nextInt(8) : null;
                CompartmentPrototype p = new CompartmentPrototype(du, dv, r.nextInt(4) == 0 ? r.nextInt(1 << 17) : r.nextInt(2048),
                        r.nextInt(8192) - 4096, r.nextInt(8), 1 + r.nextInt(4), vMin, vMax, false, false, 1 << (1 + r.nextInt(4)));
                groups.add(new Group(size(r), p));
            }
            int sources = nGen + nGroups;
            List<Conn> conns = new ArrayList<>();
            int nConn = 1 + r.nextInt(8);
            for (int c = 0; c < nConn; c++) {
                int src = r.nextInt(sources), dst = nGen + r.nextInt(nGroups);
                int nPre = src < nGen ? gens[src] : groups.get(src - nGen).size(), nPost = groups.get(dst - nGen).size();
                SignMode mode = SignMode.values()[r.nextInt(3)];
                int kind = r.nextInt(4);
                if (kind == 1 && nPre != nPost) kind = 0;
                int exponent = r.nextInt(3) == 0 ? 7 - r.nextInt(3) : r.nextInt(16) - 8;
                int delay = r.nextInt(groups.get(dst - nGen).proto().maxDelay() + 1);
                int[] w, pre = null, post = null;
                switch (kind) {
                    case 0 -> w = weights(r, mode, nPre * nPost);
                    case 1 -> w = weights(r, mode, nPre);
                    case 2 -> w = weights(r, mode, 1);
                    default -> {
                        int n = r.nextInt(3 * (nPre + nPost));
                        pre = new int[n];
                        post = new int[n];
                        for (int k = 0; k < n; k++) {
                            pre[k] = r.nextInt(nPre);
                            post[k] = r.nextInt(nPost);
                        }
                        w = weights(r, mode, n);
                    }
                }
                conns.add(new Conn(src, dst, kind, mode, exponent, delay, w, pre, post));
            }
            int steps = 30 + r.nextInt(20);
            boolean[][][] inputs = new boolean[nGen][steps + 1][];
            for (int g = 0; g < nGen; g++) {
                int density = r.nextInt(101);
                for (int t = 0; t <= steps; t++) {
                    inputs[g][t] = new boolean[gens[g]];
                    if (t == 0) continue;
                    boolean quiet = r.nextInt(3) == 0; // quiet steps let full-decay groups rest
                    for (int p = 0; p < gens[g]; p++) inputs[g][t][p] = !quiet && r.nextInt(100) < density;
                }
            }
            // Chip.resetCompartmentState before this step (0: never), as a readout between inputs does
            int resetBefore = r.nextInt(3) == 0 ? 2 + r.nextInt(steps - 1) : 0;
            return new Net(gens, groups, conns, inputs, steps, resetBefore);
        }

        private static int size(Random r) {
            return switch (r.nextInt(4)) {
                case 0 -> 1 + r.nextInt(4);
                case 1 -> 1 + r.nextInt(40);
                default -> 1 + r.nextInt(90);
            };
        }

        private static int[] weights(Random r, SignMode mode, int n) {
            int lo = WeightEncoding.min(mode), hi = WeightEncoding.max(mode);
            int[] w = new int[n];
            boolean extreme = r.nextBoolean();
            for (int k = 0; k < n; k++) {
                int v = extreme && r.nextBoolean() ? (r.nextBoolean() ? lo : hi) : lo + r.nextInt(hi - lo + 1);
                w[k] = WeightEncoding.store(v, mode, 8);
            }
            return w;
        }
    }

    private final Net net;
    private final int[][] u, v, ref;
    /** Input arriving at [step][source group][compartment], summed exactly. */
    private final long[][][] arriving;
    final boolean[][] fired;
    long synapticOps;
    /** Whether some input sum left [−2^21, 2^21) and was wrapped. */
    boolean wrapped;
    private int t;

    /** Whether running the network wraps some input sum. */
    static boolean wraps(Net net) {
        ReferenceEmulator r = new ReferenceEmulator(net);
        for (int t = 1; t <= net.steps(); t++) r.step();
        return r.wrapped;
    }

    ReferenceEmulator(Net net) {
        this.net = net;
        int groups = net.groups().size();
        u = new int[groups][];
        v = new int[groups][];
        ref = new int[groups][];
        for (int g = 0; g < groups; g++) {
            u[g] = new int[net.groups().get(g).size()];
            v[g] = new int[net.groups().get(g).size()];
            ref[g] = new int[net.groups().get(g).size()];
        }
        arriving = new long[net.steps() + 70][groups][];
        fired = new boolean[net.sources()][];
    }

    /** u, v, refractory counters and every pending input to 0. */
    void reset() {
        for (int g = 0; g < u.length; g++) {
            Arrays.fill(u[g], 0);
            Arrays.fill(v[g], 0);
            Arrays.fill(ref[g], 0);
        }
        for (int s = t + 1; s < arriving.length; s++) Arrays.fill(arriving[s], null);
    }

    /** The exact input (units of 64, before any wrap) that compartment i of the group will take at this step; 0 if none. */
    long pending(int step, int group, int i) {
        long[] a = step < arriving.length ? arriving[step][group] : null;
        return a == null ? 0 : a[i] / 64;
    }

    int u(int group, int i) {
        return u[group][i];
    }

    int v(int group, int i) {
        return v[group][i];
    }

    void step() {
        t++;
        int nGen = net.generatorSizes().length;
        for (int g = 0; g < nGen; g++) fired[g] = net.inputs()[g][t].clone();
        for (int g = 0; g < net.groups().size(); g++) {
            CompartmentPrototype p = net.groups().get(g).proto();
            int n = net.groups().get(g).size();
            boolean[] f = new boolean[n];
            long vMin = p.vMinExp() == null ? -((1L << 23) - 1) : -(1L << p.vMinExp()) + 1;
            long vMax = p.vMaxExp() == null ? (1L << 23) - 1 : (1L << (9 + 2 * p.vMaxExp())) - 1;
            long bias = (long) p.biasMant() * (1L << p.biasExp());
            for (int j = 0; j < n; j++) {
                long sum = arriving[t][g] == null ? 0 : arriving[t][g][j];
                long q = wrap(sum, 22);
                if (q != sum) wrapped = true;
                long uj = wrap(decay(u[g][j], p.decayU()) + q, 24);
                long u2 = wrap(uj + bias, 24);
                long vj = Math.max(vMin, Math.min(vMax, decay(v[g][j], p.decayV()) + u2));
                if (ref[g][j] > 0) {
                    vj = 0;
                    ref[g][j]--;
                } else if (vj > (long) p.vThMant() * 64) {
                    vj = 0;
                    f[j] = true;
                    ref[g][j] = p.refractoryDelay() - 1;
                }
                u[g][j] = (int) uj;
                v[g][j] = (int) vj;
            }
            fired[nGen + g] = f;
        }
        for (Conn c : net.conns()) {
            boolean[] pre = fired[c.source()];
            int g = c.target() - nGen, nPost = net.groups().get(g).size(), nPre = pre.length;
            long[] into = arriving[t + 1 + c.delay()][g];
            if (into == null) into = arriving[t + 1 + c.delay()][g] = new long[nPost];
            for (int i = 0; i < nPre; i++) {
                if (!pre[i]) continue;
                switch (c.kind()) {
                    case 0 -> { for (int j = 0; j < nPost; j++) into[j] += effective(c.weights()[i * nPost + j], c.exponent()); synapticOps += nPost; }
                    case 1 -> { into[i] += effective(c.weights()[i], c.exponent()); synapticOps++; }
                    case 2 -> { for (int j = 0; j < nPost; j++) into[j] += effective(c.weights()[0], c.exponent()); synapticOps += nPost; }
                    default -> {
                        for (int k = 0; k < c.pre().length; k++) {
                            if (c.pre()[k] == i) {
                                into[c.post()[k]] += effective(c.weights()[k], c.exponent());
                                synapticOps++;
                            }
                        }
                    }
                }
            }
        }
    }

    /** ⌊w·2^e⌋·64. */
    private static long effective(int w, int e) {
        long m = e >= 0 ? (long) w << e : Math.floorDiv(w, 1L << -e);
        return m * 64;
    }

    /** Two's-complement wrap of x to `bits` bits. */
    private static long wrap(long x, int bits) {
        long m = 1L << bits;
        long r = Math.floorMod(x, m);
        return r >= m / 2 ? r - m : r;
    }

    /** sign(x)·⌊|x|·(4096−D)/4096⌋. */
    private static long decay(long x, int d) {
        long mag = Math.abs(x) * (4096 - d) / 4096;
        return x < 0 ? -mag : mag;
    }
}
