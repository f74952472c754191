package org.synfire.random;

import java.util.Arrays;

/**
 * numpy's legacy {@code np.random} ({@code RandomState}) for the calls the authors' numpy
 * simulation makes, so a Java run can replay their random draws exactly.
 *
 * <p>Mirrored calls (numpy &ge; 1.17 legacy path, identical to the older randomkit):
 * <ul>
 *   <li>{@link #seed(long)} = {@code np.random.seed(s)} for an integer 0 &le; s &lt; 2^32: MT19937
 *       {@code init_genrand(s)}, position 624 (the next draw regenerates), cached Gaussian cleared.</li>
 *   <li>{@link #nextUInt32()} = one 32-bit MT19937 output ({@code mt19937_next32}).</li>
 *   <li>{@link #nextDouble()} = {@code legacy_double}: {@code ((a>>>5)*67108864 + (b>>>6)) / 2^53}
 *       from two 32-bit words a, b.</li>
 *   <li>{@link #randn()} = {@code legacy_gauss} (Marsaglia polar method, second value cached);
 *       {@link #randn(double[])} = {@code np.random.randn(d0, d1, ...)} filled in C (row-major) order.</li>
 *   <li>{@link #interval(long)} = {@code random_interval(max)}: masked rejection sampling on 32-bit
 *       words (64-bit words when max &gt; 0xffffffff).</li>
 *   <li>{@link #shuffle(int[])} = {@code np.random.shuffle(x)} on the first axis of an array of any
 *       dimension: for i = n-1 down to 1, j = interval(i), swap(i, j). Shuffling an index array with
 *       this call permutes exactly as numpy permutes the rows of a 2-D array.</li>
 *   <li>{@link #permutation(int)} = {@code np.random.permutation(n)} = shuffle of arange(n).</li>
 * </ul>
 * Not thread-safe; each run owns its instance.
 */
public final class NumpyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** Snapshot of the full generator state (key, position, cached Gaussian), e.g. for checkpoints. */
    public record State(int[] key, int pos, boolean hasGauss, double gauss) {
        public State {
            if (key == null || key.length != N) throw new IllegalArgumentException("MT19937 key must have 624 words");
            if (pos < 0 || pos > N) throw new IllegalArgumentException("MT19937 position out of range: " + pos);
            key = key.clone();
        }

        @Override
        public int[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && pos == s.pos && hasGauss == s.hasGauss
                    && Double.doubleToLongBits(gauss) == Double.doubleToLongBits(s.gauss) && Arrays.equals(key, s.key);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(key) + pos;
        }
    }

    public NumpyRandom(long seed) {
        seed(seed);
    }

    /** {@code np.random.seed(seed)}: numpy accepts integers in [0, 2^32). */
    public void seed(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("numpy seeds must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        pos = N;
        hasGauss = false;
        gauss = 0.0;
    }

    public State state() {
        return new State(mt, pos, hasGauss, gauss);
    }

    public void setState(State s) {
        System.arraycopy(s.key, 0, mt, 0, N);
        pos = s.pos;
        hasGauss = s.hasGauss;
        gauss = s.gauss;
    }

    private void generate() {
        int i = 0;
        for (; i < N - M; i++) {
            int y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
            mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < N - 1; i++) {
            int y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
            mt[i] = mt[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** The next 32-bit output as an unsigned value in [0, 2^32). */
    public long nextUInt32() {
        if (pos == N) generate();
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFF_FFFFL;
    }

    private long nextUInt64() {
        return (nextUInt32() << 32) | nextUInt32();
    }

    /** Uniform double in [0, 1) with 53 bits, as numpy's legacy {@code random_sample}. */
    public double nextDouble() {
        long a = nextUInt32() >>> 5;
        long b = nextUInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** One standard normal, numpy's {@code legacy_gauss}. */
    public double randn() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // StrictMath.log is fdlibm (< 1 ulp); the committed numpy fixtures pin the result.
        double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** Fills {@code out} in order, as {@code np.random.randn(...)} fills its array in C order. */
    public void randn(double[] out) {
        for (int i = 0; i < out.length; i++) out[i] = randn();
    }

    /** numpy's {@code random_interval(max)}: uniform in [0, max] by masked rejection. */
    public long interval(long max) {
        if (max < 0) throw new IllegalArgumentException("max must be >= 0: " + max);
        if (max == 0) return 0;
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFF_FFFFL) {
            while ((value = nextUInt32() & mask) > max) {
                // rejected: draw again
            }
        } else {
            while ((value = nextUInt64() & mask) > max) {
                // rejected: draw again
            }
        }
        return value;
    }

    /** {@code np.random.shuffle(x)} applied to the first axis; here to an index array. */
    public void shuffle(int[] x) {
        for (int i = x.length - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** {@code np.random.permutation(n)}: a shuffled {@code arange(n)}. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }
}
