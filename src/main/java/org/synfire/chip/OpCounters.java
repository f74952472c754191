package org.synfire.chip;

import java.util.Arrays;

/**
 * Running totals of the operations the energy model prices (docs/energy.md#energy-and-latency-model), per population and
 * per connection. Take {@link #snapshot()} before and after a window and subtract.
 */
public final class OpCounters {
    /** Which synapses a learning epoch is charged for (docs/energy.md#learning-cost-basis). */
    public enum LearningBasis {
        /** every plastic synapse, every learning epoch */
        ALL_SYNAPSES,
        /** synapses whose pre or post spiked in the epoch */
        PRE_OR_POST,
        /** synapses where every dependency of some product is true */
        PRODUCT_DEPENDENCIES
    }

    final long[] updatesActive, updatesInactive, spikes, synapticOps, spikeMessages;
    /** [basis][connection]. */
    final long[][] learning;
    long steps, learningEpochs;

    OpCounters(int sources, int connections) {
        updatesActive = new long[sources];
        updatesInactive = new long[sources];
        spikes = new long[sources];
        synapticOps = new long[sources];
        spikeMessages = new long[sources];
        learning = new long[LearningBasis.values().length][connections];
    }

    /** An immutable copy, indexed like the chip's source and connection handles. */
    public Snapshot snapshot() {
        long[][] l = new long[learning.length][];
        for (int i = 0; i < l.length; i++) l[i] = learning[i].clone();
        return new Snapshot(steps, learningEpochs, updatesActive.clone(), updatesInactive.clone(), spikes.clone(),
                synapticOps.clone(), spikeMessages.clone(), l);
    }

    /**
     * Operation totals. Arrays are indexed by source handle (compartment groups and generators) or by
     * connection handle ({@code learning[basis.ordinal()][connection]}).
     */
    public record Snapshot(long steps, long learningEpochs, long[] updatesActive, long[] updatesInactive, long[] spikes,
                           long[] synapticOps, long[] spikeMessages, long[][] learning) {

        public Snapshot minus(Snapshot o) {
            long[][] l = new long[learning.length][];
            for (int i = 0; i < l.length; i++) l[i] = sub(learning[i], o.learning[i]);
            return new Snapshot(steps - o.steps, learningEpochs - o.learningEpochs, sub(updatesActive, o.updatesActive),
                    sub(updatesInactive, o.updatesInactive), sub(spikes, o.spikes), sub(synapticOps, o.synapticOps),
                    sub(spikeMessages, o.spikeMessages), l);
        }

        public long totalUpdatesActive() { return sum(updatesActive); }
        public long totalUpdatesInactive() { return sum(updatesInactive); }
        public long totalSpikes() { return sum(spikes); }
        public long totalSynapticOps() { return sum(synapticOps); }
        public long totalSpikeMessages() { return sum(spikeMessages); }
        public long totalLearning(LearningBasis b) { return sum(learning[b.ordinal()]); }

        private static long[] sub(long[] a, long[] b) {
            long[] r = new long[a.length];
            for (int i = 0; i < a.length; i++) r[i] = a[i] - b[i];
            return r;
        }

        private static long sum(long[] a) {
            return Arrays.stream(a).sum();
        }
    }
}
