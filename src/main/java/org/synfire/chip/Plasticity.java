package org.synfire.chip;

import java.util.List;
import org.synfire.chip.learning.CompiledRule;
import org.synfire.chip.learning.LearningRule;
import org.synfire.chip.learning.LearningState;
import org.synfire.chip.learning.RuleParser;
import org.synfire.chip.learning.RuleSyntaxException;
import org.synfire.chip.learning.CompiledTrace;
import org.synfire.chip.learning.Factor;
import org.synfire.chip.learning.Product;
import org.synfire.chip.learning.TraceParams;
import org.synfire.chip.learning.WeightFormat;
import org.synfire.random.SplitMix64;

/**
 * Learning state of one plastic connection (its pre and post traces) and, in {@link Rule}, the
 * learning epoch that visits every connection of a rule.
 *
 * <p>Visiting is sparse: a synapse is evaluated only if some product's dependencies (x0, y0, or an
 * active u_k) all hold, which is also counting basis (c). Bases (a) and (b) are counted, not visited.
 */
final class Plasticity {
    final Synapses syn;
    final int[] x1, x2, y1, y2, y3;
    /** Column index for sparse connections: synapses of post j are colSyn[colStart[j] .. colStart[j+1]). */
    int[] colStart, colSyn;
    /** This connection's evaluation state and lists of pre/post indices that spiked in the epoch (own, so members learn in parallel). */
    final LearningState state = new LearningState();
    int[] preScratch, postScratch;

    Plasticity(Synapses syn, LearningSpec spec) {
        this.syn = syn;
        int nPre = syn.src.size, nPost = syn.dst.size;
        preScratch = new int[nPre];
        postScratch = new int[nPost];
        x1 = spec.x1().isOff() ? null : new int[nPre];
        x2 = spec.x2().isOff() ? null : new int[nPre];
        y1 = spec.y1().isOff() ? null : new int[nPost];
        y2 = spec.y2().isOff() ? null : new int[nPost];
        y3 = spec.y3().isOff() ? null : new int[nPost];
    }

    static Rule compile(int handle, LearningSpec spec, SpikeSource reward, int rewardIndex, List<Synapses> members, long seed) {
        LearningRule parsed;
        try {
            parsed = RuleParser.parse(spec.dw());
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException(spec.name() + ": dw " + e.getMessage() + "\n" + e.caretLine(), e);
        }
        parsed.requireSupported();
        Plasticity[] ps = new Plasticity[members.size()];
        CompiledRule[] compiled = new CompiledRule[members.size()];
        for (int i = 0; i < ps.length; i++) {
            Synapses s = members.get(i);
            if (s.kind == Synapses.Kind.CONST) throw new IllegalStateException("plastic all-to-all must be laid out dense");
            ps[i] = new Plasticity(s, spec);
            s.plasticity = ps[i];
            s.updateBounds(); // learning may move its weights anywhere in the sign mode's range
            compiled[i] = CompiledRule.compile(parsed, new WeightFormat(s.signMode, s.numWeightBits));
        }
        return new Rule(handle, spec, parsed, compiled, ps, reward, rewardIndex, seed);
    }

    /** One learning rule and the connections it updates; they share one reinforcement channel. */
    static final class Rule {
        final int handle;
        final LearningSpec spec;
        final LearningRule rule;
        final CompiledRule[] compiled;
        final Plasticity[] members;
        final SpikeSource reward;
        final int rewardIndex, tEpoch;
        final long seed;
        final CompiledTrace px1, px2, py1, py2, py3, pr1;
        /** Per product: the spikes it needs (LearningRule.PRE | POST), and the product itself for u_k epochs. */
        final int[] productMasks;
        final Product[] products;
        /** True when every factor is the same for all synapses of a connection in an epoch (x0, y0, r0, r1, d, t). */
        final boolean sharedVariablesOnly;
        int r1;

        Rule(int handle, LearningSpec spec, LearningRule rule, CompiledRule[] compiled, Plasticity[] members, SpikeSource reward, int rewardIndex, long seed) {
            this.handle = handle;
            this.spec = spec;
            this.rule = rule;
            this.compiled = compiled;
            this.members = members;
            this.reward = reward;
            this.rewardIndex = rewardIndex;
            this.tEpoch = spec.tEpoch();
            this.seed = seed;
            px1 = params(spec.x1(), tEpoch);
            px2 = params(spec.x2(), tEpoch);
            py1 = params(spec.y1(), tEpoch);
            py2 = params(spec.y2(), tEpoch);
            py3 = params(spec.y3(), tEpoch);
            pr1 = params(spec.r1(), tEpoch);
            products = rule.products().toArray(Product[]::new);
            productMasks = new int[products.length];
            boolean shared = true;
            for (int i = 0; i < products.length; i++) {
                productMasks[i] = products[i].requiredSpikesMask();
                for (Factor f : products[i].factors()) {
                    switch (f.variable()) {
                        case X0, Y0, R0, R1, D, T -> { }
                        default -> shared = false;
                    }
                }
            }
            sharedVariablesOnly = shared;
        }

        private static CompiledTrace params(LearningSpec.Trace t, int tEpoch) {
            return new TraceParams(t.impulse(), t.timeConstant()).compile(tEpoch);
        }

        static final int VISIT_ALL = 1, VISIT_PRE = 2, VISIT_POST = 4, VISIT_PAIRS = 8;

        /** Which visiting cases the products active in this epoch need. */
        int visitMask(long epochIndex) {
            int m = 0;
            for (int i = 0; i < products.length; i++) {
                if (!products[i].activeInEpoch(epochIndex)) continue;
                m |= switch (productMasks[i]) {
                    case 0 -> VISIT_ALL;
                    case LearningRule.PRE -> VISIT_PRE;
                    case LearningRule.POST -> VISIT_POST;
                    default -> VISIT_PAIRS;
                };
            }
            return m;
        }

        private long random(long t, int conn, int index, int purpose) {
            return SplitMix64.mix(SplitMix64.mix(seed ^ t * 0x9E3779B97F4A7C15L) ^ ((long) conn << 40 | (long) purpose << 32 | (index & 0xFFFFFFFFL)));
        }

        void learn(long t, OpCounters c) {
            prepare(t, c);
            for (int m = 0; m < members.length; m++) learnMember(t, m, c);
        }

        /** The rule's part of a learning epoch: the reinforcement channel (r0, r1), handed to every member's state. */
        void prepare(long t, OpCounters c) {
            final long epochStart = t - tEpoch + 1;
            c.learningEpochs++;
            int r0 = reward != null && reward.lastSpike[rewardIndex] >= epochStart ? 1 : 0;
            r1 = pr1.update(r1, r0 == 1, random(t, -1, handle, 7));
            for (Plasticity p : members) {
                p.state.r0 = r0;
                p.state.r1 = r1;
                p.state.epochIndex = t / tEpoch;
            }
        }

        /** One member's part, after {@link #prepare}: it touches only that connection's weights, traces and counters. */
        void learnMember(long t, int m, OpCounters c) {
            learn(t, t - tEpoch + 1, members[m], compiled[m], c);
        }

        private int collect(Plasticity p, SpikeSource s, long epochStart, boolean pre) {
            int[] out = pre ? p.preScratch : p.postScratch;
            if (tEpoch == 1) {
                System.arraycopy(s.fired, 0, out, 0, s.firedCount);
                return s.firedCount;
            }
            int n = 0;
            long[] last = s.lastSpike;
            for (int i = 0; i < s.size; i++) if (last[i] >= epochStart) out[n++] = i;
            return n;
        }

        private void learn(long t, long epochStart, Plasticity p, CompiledRule cr, OpCounters c) {
            Synapses s = p.syn;
            int nPre = s.src.size, nPost = s.dst.size;
            int nfPre = collect(p, s.src, epochStart, true);
            // without spike backprop the learning engine never sees the post spikes (y0 = 0)
            int nfPost = s.dst.proto.enableSpikeBackprop() ? collect(p, s.dst, epochStart, false) : 0;
            updateTraces(t, s, p, nfPre, nfPost, epochStart);

            long all = s.synapseCount();
            c.learning[OpCounters.LearningBasis.ALL_SYNAPSES.ordinal()][s.handle] += all;
            c.learning[OpCounters.LearningBasis.PRE_OR_POST.ordinal()][s.handle] += preOrPost(s, p, nfPre, nfPost, epochStart);

            int mask = visitMask(p.state.epochIndex);
            long visited;
            if ((mask & VISIT_ALL) != 0) {
                visited = visitAll(t, s, p, cr, epochStart);
            } else {
                boolean rows = (mask & VISIT_PRE) != 0, cols = (mask & VISIT_POST) != 0, pairs = (mask & VISIT_PAIRS) != 0;
                visited = 0;
                if (rows) visited += visitRows(t, s, p, cr, nfPre, epochStart);
                if (cols) visited += visitColumns(t, s, p, cr, nfPost, epochStart, rows);
                if (pairs && !rows && !cols) visited += visitPairs(t, s, p, cr, nfPre, nfPost, epochStart);
            }
            c.learning[OpCounters.LearningBasis.PRODUCT_DEPENDENCIES.ordinal()][s.handle] += visited;
        }

        private void updateTraces(long t, Synapses s, Plasticity p, int nfPre, int nfPost, long epochStart) {
            if (p.x1 != null) traces(t, s.handle, 1, p.x1, px1, s.src.lastSpike, epochStart);
            if (p.x2 != null) traces(t, s.handle, 2, p.x2, px2, s.src.lastSpike, epochStart);
            if (p.y1 != null) traces(t, s.handle, 3, p.y1, py1, s.dst.lastSpike, epochStart);
            if (p.y2 != null) traces(t, s.handle, 4, p.y2, py2, s.dst.lastSpike, epochStart);
            if (p.y3 != null) traces(t, s.handle, 5, p.y3, py3, s.dst.lastSpike, epochStart);
        }

        private void traces(long t, int conn, int purpose, int[] tr, CompiledTrace params, long[] last, long epochStart) {
            for (int i = 0; i < tr.length; i++) {
                boolean spiked = last[i] >= epochStart;
                if (tr[i] != 0 || spiked) tr[i] = params.update(tr[i], spiked, random(t, conn, i, purpose));
            }
        }

        private long preOrPost(Synapses s, Plasticity p, int nfPre, int nfPost, long epochStart) {
            long nPre = s.src.size, nPost = s.dst.size;
            switch (s.kind) {
                case DENSE -> {
                    return nfPre * nPost + nfPost * nPre - (long) nfPre * nfPost;
                }
                case ONE_TO_ONE -> {
                    long n = nfPre;
                    for (int f = 0; f < nfPost; f++) if (s.src.lastSpike[p.postScratch[f]] < epochStart) n++;
                    return n;
                }
                default -> {
                    long n = 0;
                    for (int f = 0; f < nfPre; f++) n += s.fanout(p.preScratch[f]);
                    p.ensureColumns();
                    for (int f = 0; f < nfPost; f++) {
                        int j = p.postScratch[f];
                        for (int q = p.colStart[j]; q < p.colStart[j + 1]; q++) {
                            int k = p.colSyn[q];
                            if (s.src.lastSpike[preOf(s, k)] < epochStart) n++;
                        }
                    }
                    return n;
                }
            }
        }

        private static int preOf(Synapses s, int k) {
            int lo = 0, hi = s.src.size;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (s.rowStart[mid] <= k) lo = mid; else hi = mid;
            }
            return lo;
        }

        /** Fills the per-synapse fields of the state and applies the rule to synapse k (pre i, post j). */
        private void apply(long t, Synapses s, Plasticity p, CompiledRule cr, int k, int i, int j, long epochStart) {
            LearningState st = p.state;
            st.x0 = s.src.lastSpike[i] >= epochStart ? 1 : 0;
            st.y0 = s.dst.proto.enableSpikeBackprop() && s.dst.lastSpike[j] >= epochStart ? 1 : 0;
            st.x1 = p.x1 == null ? 0 : p.x1[i];
            st.x2 = p.x2 == null ? 0 : p.x2[i];
            st.y1 = p.y1 == null ? 0 : p.y1[j];
            st.y2 = p.y2 == null ? 0 : p.y2[j];
            st.y3 = p.y3 == null ? 0 : p.y3[j];
            st.d = s.delay;
            st.t = 0;
            s.w[k] = (short) cr.apply(s.w[k], st, random(t, s.handle, k, 0));
        }

        private long visitAll(long t, Synapses s, Plasticity p, CompiledRule cr, long epochStart) {
            int nPre = s.src.size, nPost = s.dst.size;
            switch (s.kind) {
                case DENSE -> {
                    for (int i = 0; i < nPre; i++) for (int j = 0; j < nPost; j++) apply(t, s, p, cr, i * nPost + j, i, j, epochStart);
                }
                case ONE_TO_ONE -> {
                    for (int i = 0; i < nPre; i++) apply(t, s, p, cr, i, i, i, epochStart);
                }
                default -> {
                    for (int i = 0; i < nPre; i++) for (int k = s.rowStart[i]; k < s.rowStart[i + 1]; k++) apply(t, s, p, cr, k, i, s.col[k], epochStart);
                }
            }
            return s.synapseCount();
        }

        private long visitRows(long t, Synapses s, Plasticity p, CompiledRule cr, int nfPre, long epochStart) {
            int nPost = s.dst.size;
            long n = 0;
            for (int f = 0; f < nfPre; f++) {
                int i = p.preScratch[f];
                switch (s.kind) {
                    case DENSE -> {
                        for (int j = 0; j < nPost; j++) apply(t, s, p, cr, i * nPost + j, i, j, epochStart);
                        n += nPost;
                    }
                    case ONE_TO_ONE -> {
                        apply(t, s, p, cr, i, i, i, epochStart);
                        n++;
                    }
                    default -> {
                        for (int k = s.rowStart[i]; k < s.rowStart[i + 1]; k++) apply(t, s, p, cr, k, i, s.col[k], epochStart);
                        n += s.rowStart[i + 1] - s.rowStart[i];
                    }
                }
            }
            return n;
        }

        private long visitColumns(long t, Synapses s, Plasticity p, CompiledRule cr, int nfPost, long epochStart, boolean skipFiredPre) {
            int nPre = s.src.size, nPost = s.dst.size;
            long[] preLast = s.src.lastSpike;
            long n = 0;
            for (int f = 0; f < nfPost; f++) {
                int j = p.postScratch[f];
                switch (s.kind) {
                    case DENSE -> {
                        for (int i = 0; i < nPre; i++) {
                            if (skipFiredPre && preLast[i] >= epochStart) continue;
                            apply(t, s, p, cr, i * nPost + j, i, j, epochStart);
                            n++;
                        }
                    }
                    case ONE_TO_ONE -> {
                        if (!(skipFiredPre && preLast[j] >= epochStart)) {
                            apply(t, s, p, cr, j, j, j, epochStart);
                            n++;
                        }
                    }
                    default -> {
                        p.ensureColumns();
                        for (int q = p.colStart[j]; q < p.colStart[j + 1]; q++) {
                            int k = p.colSyn[q];
                            int i = preOf(s, k);
                            if (skipFiredPre && preLast[i] >= epochStart) continue;
                            apply(t, s, p, cr, k, i, j, epochStart);
                            n++;
                        }
                    }
                }
            }
            return n;
        }

        private long visitPairs(long t, Synapses s, Plasticity p, CompiledRule cr, int nfPre, int nfPost, long epochStart) {
            if (nfPre == 0 || nfPost == 0) return 0;
            int nPost = s.dst.size;
            long n = 0;
            switch (s.kind) {
                case DENSE -> {
                    int[] lut = sharedVariablesOnly ? p.lut(cr, p.state, s.delay) : null;
                    if (lut != null) {
                        short[] w = s.w;
                        for (int a = 0; a < nfPre; a++) {
                            int row = p.preScratch[a] * nPost;
                            for (int b = 0; b < nfPost; b++) {
                                int k = row + p.postScratch[b];
                                w[k] = (short) lut[w[k] + 256];
                            }
                        }
                    } else {
                        for (int a = 0; a < nfPre; a++) {
                            int i = p.preScratch[a];
                            for (int b = 0; b < nfPost; b++) apply(t, s, p, cr, i * nPost + p.postScratch[b], i, p.postScratch[b], epochStart);
                        }
                    }
                    n = (long) nfPre * nfPost;
                }
                case ONE_TO_ONE -> {
                    for (int b = 0; b < nfPost; b++) {
                        int j = p.postScratch[b];
                        if (s.src.lastSpike[j] >= epochStart) {
                            apply(t, s, p, cr, j, j, j, epochStart);
                            n++;
                        }
                    }
                }
                default -> {
                    long[] postLast = s.dst.lastSpike;
                    for (int a = 0; a < nfPre; a++) {
                        int i = p.preScratch[a];
                        for (int k = s.rowStart[i]; k < s.rowStart[i + 1]; k++) {
                            if (postLast[s.col[k]] >= epochStart) {
                                apply(t, s, p, cr, k, i, s.col[k], epochStart);
                                n++;
                            }
                        }
                    }
                }
            }
            return n;
        }

    }

    /** Cached update tables, keyed by the shared state (r0, r1, active u_k). */
    private final int[] lutKeys = new int[16];
    private final int[][] luts = new int[16][];
    private int lutCount;
    private static final int[] NOT_TABULABLE = new int[0];

    /**
     * For rules whose products read only x0, y0, r0, r1, u_k and constants, every visited pair sees the
     * same state, so the update is one function of w: new w = lut[w + 256]. Tabulating it through
     * {@link CompiledRule#apply} gives exactly the integers a per-synapse call would, provided rounding
     * consumed no randomness (checked by evaluating with all-zero and all-one random bits). Returns null
     * when the rule cannot be tabulated for this state.
     */
    int[] lut(CompiledRule cr, LearningState st, int delay) {
        int uMask = st.epochIndex == 0 ? 0x3FF : (1 << Math.min(10, Long.numberOfTrailingZeros(st.epochIndex) + 1)) - 1;
        int key = st.r0 | st.r1 << 1 | uMask << 9;
        for (int i = 0; i < lutCount; i++) {
            if (lutKeys[i] == key) return luts[i] == NOT_TABULABLE ? null : luts[i];
        }
        st.x0 = 1;
        st.y0 = 1;
        st.x1 = st.x2 = st.y1 = st.y2 = st.y3 = 0;
        st.d = delay;
        st.t = 0;
        // stored weights always lie on the connection's precision grid (truncated when stored, kept there by
        // learning), so only grid values are tabulated; off-grid entries are never read
        int grid = 1 << syn.droppedBits;
        int[] table = new int[512];
        for (int w = -256; w < 256; w += grid) {
            int a = cr.apply(w, st, 0L);
            if (a != cr.apply(w, st, -1L)) {
                table = NOT_TABULABLE;
                break;
            }
            table[w + 256] = a;
        }
        if (lutCount < lutKeys.length) {
            lutKeys[lutCount] = key;
            luts[lutCount++] = table;
        }
        return table == NOT_TABULABLE ? null : table;
    }

    void ensureColumns() {
        if (colStart != null) return;
        Synapses s = syn;
        int nPost = s.dst.size;
        colStart = new int[nPost + 1];
        for (int c : s.col) colStart[c + 1]++;
        for (int j = 0; j < nPost; j++) colStart[j + 1] += colStart[j];
        colSyn = new int[s.col.length];
        int[] fill = colStart.clone();
        for (int k = 0; k < s.col.length; k++) colSyn[fill[s.col[k]]++] = k;
    }
}
