package org.synfire.chip;

/** Which pre/post pairs a connection links, and with which stored weights (weight units, before the exponent). */
public sealed interface Connectivity {

    /** Every pre to every post; {@code weights[pre * postSize + post]}. */
    record Dense(int[] weights) implements Connectivity {}

    /** pre i to post i, one weight per pair (sizes must be equal). */
    record OneToOne(int[] weights) implements Connectivity {
        public static OneToOne uniform(int size, int weight) {
            int[] w = new int[size];
            java.util.Arrays.fill(w, weight);
            return new OneToOne(w);
        }
    }

    /** Every pre to every post with one shared weight (the 1:a gate fan-out). */
    record AllToAll(int weight) implements Connectivity {}

    /** An explicit list of synapses. */
    record Sparse(int[] pre, int[] post, int[] weights) implements Connectivity {
        public Sparse {
            if (pre.length != post.length || pre.length != weights.length) {
                throw new IllegalArgumentException("sparse lists differ in length: pre " + pre.length + ", post " + post.length + ", weights " + weights.length);
            }
        }
    }
}
