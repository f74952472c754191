package org.synfire.energy;

import org.synfire.chip.OpCounters;

/** Test support: synthetic counter windows. */
final class Counts {
    private Counts() {}

    /**
     * A window of {@code steps} steps; arrays are per source handle, {@code preOrPost} per connection (the
     * PRE_OR_POST basis; the other bases get {@code all} and {@code product}).
     */
    static OpCounters.Snapshot window(long steps, long[] active, long[] inactive, long[] spikes, long[] sops,
                                      long[] all, long[] preOrPost, long[] product) {
        long[][] learning = new long[OpCounters.LearningBasis.values().length][];
        learning[OpCounters.LearningBasis.ALL_SYNAPSES.ordinal()] = all;
        learning[OpCounters.LearningBasis.PRE_OR_POST.ordinal()] = preOrPost;
        learning[OpCounters.LearningBasis.PRODUCT_DEPENDENCIES.ordinal()] = product;
        return new OpCounters.Snapshot(steps, steps, active, inactive, spikes, sops, new long[spikes.length], learning);
    }
}
