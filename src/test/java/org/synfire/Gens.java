package org.synfire;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators shared by the property tests.
 *
 * <p>QuickTheories shrinks by shrinking the raw numbers a generator drew, toward each draw's shrink
 * point, and then replaying the generator on them. So every generator here shrinks, including those
 * written against {@link Random} ({@link #fromRandom}): their draws come from QuickTheories too.
 *
 * <p>The number generators mix in the edges of their range (the ends, their neighbours, and -1, 0, 1
 * where inside) about once in {@value #EDGE_ODDS} draws, as the random generation alone rarely hits them.
 */
public final class Gens {
    static final int EDGE_ODDS = 16;

    private Gens() {}

    /** Integers in [min, max], edges mixed in; shrinks toward 0 (or the end of the range nearest it). */
    public static Gen<Integer> ints(int min, int max) {
        List<Long> edges = edges(min, max);
        return withEdges(integers().between(min, max), edges.stream().map(Long::intValue).toList());
    }

    /** Any int, edges mixed in. */
    public static Gen<Integer> anyInt() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Any long, edges mixed in; shrinks toward 0. */
    public static Gen<Long> anyLong() {
        return withEdges(longs().all(), edges(Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** Doubles in [min, max], edges (the ends, their neighbours inside, and 0 where inside) mixed in. */
    public static Gen<Double> doubles(double min, double max) {
        List<Double> edges = new ArrayList<>(List.of(min, Math.nextUp(min), Math.nextDown(max), max));
        if (min < 0 && max > 0) edges.add(0.0);
        return withEdges(SourceDSL.doubles().between(min, max), edges.stream().distinct().filter(d -> d >= min && d <= max).toList());
    }

    /** Strings of 0 to maxLength characters, each taken from the alphabet; shrinks toward short strings of its first character. */
    public static Gen<String> strings(String alphabet, int maxLength) {
        return Generate.intArrays(integers().between(0, maxLength), integers().between(0, alphabet.length() - 1)).map(idx -> {
            StringBuilder b = new StringBuilder(idx.length);
            for (int i : idx) b.append(alphabet.charAt(i));
            return b.toString();
        });
    }

    /** Byte arrays of 0 to maxLength arbitrary bytes. */
    public static Gen<byte[]> byteArrays(int maxLength) {
        return Generate.byteArrays(integers().between(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .describedAs(java.util.Arrays::toString);
    }

    /** Int arrays of 0 to maxLength arbitrary ints. */
    public static Gen<int[]> intArrays(int maxLength) {
        return Generate.intArrays(integers().between(0, maxLength), anyInt()).describedAs(java.util.Arrays::toString);
    }

    /**
     * A value built by code that draws from a {@link Random}. The Random handed to {@code build} takes
     * every number from QuickTheories, so the value shrinks: each {@code nextInt(bound)} toward 0, each
     * {@code nextBoolean()} toward false, each {@code nextLong()} toward 0.
     */
    public static <T> Gen<T> fromRandom(Function<Random, T> build) {
        return in -> build.apply(new SourceRandom(in));
    }

    private static <T> Gen<T> withEdges(Gen<T> values, List<T> edges) {
        return Generate.frequency(Pair.of(EDGE_ODDS - 1, values), Pair.of(1, Generate.pick(edges)));
    }

    private static List<Long> edges(long min, long max) {
        List<Long> out = new ArrayList<>();
        for (long e : new long[] {min, min + 1, -1, 0, 1, max - 1, max}) {
            if (e >= min && e <= max && !out.contains(e)) out.add(e);
        }
        return out;
    }

    /** A Random whose draws are QuickTheories draws (so they are recorded, shrunk and replayed). */
    private static final class SourceRandom extends Random {
        private final RandomnessSource in;

        SourceRandom(RandomnessSource in) {
            super(0);
            this.in = in;
        }

        @Override
        protected int next(int bits) {
            return (int) in.next(Constraint.between(0, (1L << bits) - 1));
        }

        @Override
        public int nextInt(int bound) {
            if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
            return (int) in.next(Constraint.between(0, bound - 1));
        }

        @Override
        public int nextInt(int origin, int bound) {
            if (origin >= bound) throw new IllegalArgumentException("empty range: " + origin + ".." + bound);
            return (int) in.next(Constraint.between(origin, bound - 1L));
        }

        @Override
        public int nextInt() {
            return (int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        public long nextLong() {
            return in.next(Constraint.none());
        }

        @Override
        public boolean nextBoolean() {
            return in.next(Constraint.zeroToOne()) == 1;
        }

        @Override
        public double nextDouble() {
            return in.next(Constraint.between(0, (1L << 53) - 1)) * 0x1.0p-53;
        }
    }
}
