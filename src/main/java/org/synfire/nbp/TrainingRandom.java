package org.synfire.nbp;

import java.util.Map;
import org.synfire.random.NumpyRandom;
import org.synfire.random.SplitMix64;

/**
 * Every random decision of a training run: the data order before the first epoch, the initial weights,
 * and the per-epoch shuffle. Two sources: {@code synfire} (SplitMix64, the default) and {@code numpy}
 * (replays the authors' numpy_simulation.py call sequence). The trainer calls, in this order,
 * {@link #initialOrder}, {@link #initialWeights} (unless weights come from files), then
 * {@link #shuffleForEpoch} at the start of each epoch.
 */
public sealed interface TrainingRandom permits TrainingRandom.Synfire, TrainingRandom.Numpy {

    /** "synfire" or "numpy". */
    String kind();

    long seed();

    /** Data order (indices into the file-order training set) before epoch 1. */
    int[] initialOrder(int n);

    /** Initial weights of a layered network, W_1 first, each drawn row by row (for one hidden layer: as below). */
    LayeredWeights initialWeights(int[] sizes);

    default NbpWeights initialWeights(int nIn, int nHid, int nOut) {
        return initialWeights(new int[] {nIn, nHid, nOut}).oneHiddenLayer();
    }

    /** Re-orders {@code order} in place for epoch {@code epochIndex} (0-based). */
    void shuffleForEpoch(int epochIndex, int[] order);

    /** The generator state, for checkpoints (JSON-serialisable). */
    Map<String, Object> state();

    void restoreState(Map<String, Object> state);

    static TrainingRandom create(String kind, long seed) {
        return switch (kind) {
            case "synfire" -> new Synfire(seed);
            case "numpy" -> new Numpy(seed);
            default -> throw new org.synfire.UserError("unknown --rng '" + kind + "' (use synfire or numpy)");
        };
    }

    /**
     * Synfire's own source. Streams are derived from the seed, so each decision depends only on
     * (seed, purpose): stream(label) = {@code new SplitMix64(seed).split(label)}. Label 0 draws the
     * initial weights (standard normals by the polar method on {@link SplitMix64#nextDouble()});
     * label 1+e shuffles epoch e: the order is reset to file order, then Fisher–Yates
     * (i = n-1 down to 1, j = nextInt(i+1)). No permutation happens before epoch 1.
     */
    final class Synfire implements TrainingRandom {
        private final long seed;

        public Synfire(long seed) {
            this.seed = seed;
        }

        static SplitMix64 stream(long seed, long label) {
            return new SplitMix64(seed).split(label);
        }

        @Override
        public String kind() {
            return "synfire";
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public int[] initialOrder(int n) {
            return identity(n);
        }

        @Override
        public LayeredWeights initialWeights(int[] sizes) {
            SplitMix64 g = stream(seed, 0);
            double[] cached = {Double.NaN};
            return WeightInit.randHe(sizes, () -> {
                if (!Double.isNaN(cached[0])) {
                    double v = cached[0];
                    cached[0] = Double.NaN;
                    return v;
                }
                double x1;
                double x2;
                double r2;
                do {
                    x1 = 2.0 * g.nextDouble() - 1.0;
                    x2 = 2.0 * g.nextDouble() - 1.0;
                    r2 = x1 * x1 + x2 * x2;
                } while (r2 >= 1.0 || r2 == 0.0);
                double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
                cached[0] = f * x1;
                return f * x2;
            });
        }

        @Override
        public void shuffleForEpoch(int epochIndex, int[] order) {
            SplitMix64 g = stream(seed, 1L + epochIndex);
            for (int i = 0; i < order.length; i++) order[i] = i;
            for (int i = order.length - 1; i >= 1; i--) {
                int j = g.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

        @Override
        public Map<String, Object> state() {
            Map<String, Object> m = new java.util.LinkedHashMap<>(); // stateless: every stream is derived from the seed
            m.put("kind", "synfire");
            m.put("seed", seed);
            return m;
        }

        @Override
        public void restoreState(Map<String, Object> state) {
            Object s = state.get("seed");
            if (!(s instanceof Number n) || n.longValue() != seed) {
                throw new org.synfire.UserError("checkpoint RNG seed " + s + " does not match the run's seed " + seed);
            }
        }
    }

    /**
     * numpy_simulation.py's sequence: {@code seed(S)}; {@code p = permutation(n)} (load_mnist's shuffle);
     * {@code seed(S+1)}; {@code randn(n_in, n_hid)}, {@code randn(n_hid, n_out)} (weight_init 'rand_He');
     * then per epoch ep = 0, 1, ...: {@code seed(S+ep); shuffle(X); seed(S+ep); shuffle(Y)} — the same
     * permutation applied to the current (already shuffled) order, so orders compound over epochs.
     */
    final class Numpy implements TrainingRandom {
        private final long seed;
        private final NumpyRandom rng;

        public Numpy(long seed) {
            if (seed < 0 || seed + 1 > 0xFFFF_FFFFL) {
                throw new org.synfire.UserError("--rng numpy needs a seed in [0, 2^32 - 2], got " + seed);
            }
            this.seed = seed;
            this.rng = new NumpyRandom(seed);
        }

        @Override
        public String kind() {
            return "numpy";
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public int[] initialOrder(int n) {
            rng.seed(seed);
            return rng.permutation(n);
        }

        @Override
        public LayeredWeights initialWeights(int[] sizes) {
            rng.seed(seed + 1);
            return WeightInit.randHe(sizes, rng::randn);
        }

        @Override
        public void shuffleForEpoch(int epochIndex, int[] order) {
            long s = seed + epochIndex;
            if (s > 0xFFFF_FFFFL) throw new org.synfire.UserError("numpy seed " + s + " exceeds 2^32 - 1");
            rng.seed(s);
            rng.shuffle(order); // shuffle(X); re-seeding and shuffle(Y) repeats the same swaps on the labels
        }

        @Override
        public Map<String, Object> state() {
            NumpyRandom.State st = rng.state();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", "numpy");
            m.put("seed", seed);
            m.put("key", st.key());
            m.put("pos", st.pos());
            m.put("hasGauss", st.hasGauss());
            m.put("gauss", st.gauss());
            return m;
        }

        @Override
        public void restoreState(Map<String, Object> state) {
            try {
                Object key = state.get("key");
                int[] k;
                if (key instanceof int[] a) {
                    k = a;
                } else {
                    java.util.List<?> list = (java.util.List<?>) key;
                    k = new int[list.size()];
                    for (int i = 0; i < k.length; i++) k[i] = ((Number) list.get(i)).intValue();
                }
                rng.setState(new NumpyRandom.State(k, ((Number) state.get("pos")).intValue(),
                        (Boolean) state.get("hasGauss"), ((Number) state.get("gauss")).doubleValue()));
            } catch (RuntimeException e) {
                throw new org.synfire.UserError("checkpoint RNG state is malformed: " + e.getMessage());
            }
        }
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
