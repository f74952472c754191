package org.synfire.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Fan;
import org.synfire.energy.NetworkShape.Population;

/**
 * Resource use of every core for a (possibly partial) placement. {@code coreOf[p][i]} is the core of
 * neuron i of population p, −1 while unplaced; {@code coreOf[p]} is null for spike generators.
 * Unplaced neurons take no resources and receive no synapses.
 */
final class CoreLoad {
    final int cores;
    final int[] compartments, inputAxons, outputAxons, indexBits, delayBits;
    final long[] synapseBits;
    /** synapsesOn[c][k]: synapses of connection c stored on core k. */
    final long[][] synapsesOn;

    private CoreLoad(int cores, int connections) {
        this.cores = cores;
        compartments = new int[cores];
        inputAxons = new int[cores];
        outputAxons = new int[cores];
        indexBits = new int[cores];
        delayBits = new int[cores];
        synapseBits = new long[cores];
        synapsesOn = new long[connections][cores];
    }

    static int coreCount(int[][] coreOf) {
        int max = -1;
        for (int[] row : coreOf) if (row != null) for (int k : row) max = Math.max(max, k);
        return max + 1;
    }

    /** Per population: how many of its placed neurons sit on each core. */
    static int[][] histograms(NetworkShape shape, int[][] coreOf, int cores) {
        int[][] h = new int[coreOf.length][];
        for (int p = 0; p < coreOf.length; p++) {
            if (coreOf[p] == null) continue;
            h[p] = new int[cores];
            for (int k : coreOf[p]) if (k >= 0) h[p][k]++;
        }
        return h;
    }

    static CoreLoad compute(NetworkShape shape, int[][] coreOf, int cores) {
        List<Population> pops = shape.populations();
        List<Connection> conns = shape.connections();
        CoreLoad r = new CoreLoad(cores, conns.size());
        int[][] hist = histograms(shape, coreOf, cores);
        for (int p = 0; p < pops.size(); p++) {
            if (hist[p] != null) for (int k = 0; k < cores; k++) r.compartments[k] += hist[p][k];
        }
        // Delay bits: a core gets them when any connection with a delay has a synapse there.
        boolean[] delayed = new boolean[cores];
        for (Connection c : conns) {
            if (c.delay() == 0) continue;
            int[] tgt = coreOf[c.target()];
            if (c.fan() == Fan.LIST) {
                for (int[] row : c.targets()) for (int j : row) if (tgt[j] >= 0) delayed[tgt[j]] = true;
            } else {
                for (int k : tgt) if (k >= 0) delayed[k] = true;
            }
        }
        for (int k = 0; k < cores; k++) {
            if (r.compartments[k] > 0) r.indexBits[k] = SynapseMemory.indexBits(r.compartments[k]);
            r.delayBits[k] = delayed[k] ? SynapseMemory.DELAY_BITS : 0;
        }
        int[] count = new int[cores];
        int[] touched = new int[cores];
        for (int ci = 0; ci < conns.size(); ci++) {
            Connection c = conns.get(ci);
            int nPre = pops.get(c.source()).size();
            int[] tgt = coreOf[c.target()];
            int base = c.weightBits() + c.tagBits();
            switch (c.fan()) {
                case ALL -> {
                    int[] h = hist[c.target()];
                    for (int k = 0; k < cores; k++) {
                        if (h[k] == 0) continue;
                        r.inputAxons[k] += nPre;
                        r.synapseBits[k] += nPre * SynapseMemory.axonBits(h[k], base + r.delayBits[k] + r.indexBits[k]);
                        r.synapsesOn[ci][k] += (long) nPre * h[k];
                    }
                }
                case ONE_TO_ONE -> {
                    for (int k : tgt) {
                        if (k < 0) continue;
                        r.inputAxons[k]++;
                        r.synapseBits[k] += SynapseMemory.axonBits(1, base + r.delayBits[k] + r.indexBits[k]);
                        r.synapsesOn[ci][k]++;
                    }
                }
                case LIST -> {
                    for (int[] row : c.targets()) {
                        int nt = 0;
                        for (int j : row) {
                            int k = tgt[j];
                            if (k < 0) continue;
                            if (count[k]++ == 0) touched[nt++] = k;
                        }
                        for (int t = 0; t < nt; t++) {
                            int k = touched[t];
                            r.inputAxons[k]++;
                            r.synapseBits[k] += SynapseMemory.axonBits(count[k], base + r.delayBits[k] + r.indexBits[k]);
                            r.synapsesOn[ci][k] += count[k];
                            count[k] = 0;
                        }
                    }
                }
            }
        }
        for (int s = 0; s < pops.size(); s++) {
            if (coreOf[s] == null) continue;
            final int[] home = coreOf[s];
            forEachDestinationSet(shape, coreOf, hist, s, cores, (i, set, size) -> {
                if (home[i] >= 0) r.outputAxons[home[i]] += size;
            });
        }
        return r;
    }

    interface DestinationVisitor {
        /** Neuron i of the population reaches the cores set in {@code set} ({@code size} of them). */
        void visit(int i, long[] set, int size);
    }

    /**
     * Visits, for every neuron of source population s, the set of cores hosting at least one of its
     * (placed) targets over all its outgoing connections. The set is reused between calls.
     */
    static void forEachDestinationSet(NetworkShape shape, int[][] coreOf, int[][] hist, int s, int cores, DestinationVisitor v) {
        List<Connection> conns = shape.connections();
        int words = (cores + 63) >>> 6;
        long[] common = new long[words];
        List<Connection> individual = new ArrayList<>();
        for (int ci : shape.outgoing(s)) {
            Connection c = conns.get(ci);
            if (c.fan() == Fan.ALL) {
                int[] h = hist[c.target()];
                for (int k = 0; k < cores; k++) if (h[k] > 0) common[k >>> 6] |= 1L << k;
            } else {
                individual.add(c);
            }
        }
        int n = shape.populations().get(s).size();
        long[] set = new long[words];
        int commonSize = cardinality(common);
        for (int i = 0; i < n; i++) {
            if (individual.isEmpty()) {
                v.visit(i, common, commonSize);
                continue;
            }
            System.arraycopy(common, 0, set, 0, words);
            for (Connection c : individual) {
                int[] tgt = coreOf[c.target()];
                if (c.fan() == Fan.ONE_TO_ONE) {
                    int k = tgt[i];
                    if (k >= 0) set[k >>> 6] |= 1L << k;
                } else {
                    for (int j : c.targets()[i]) {
                        int k = tgt[j];
                        if (k >= 0) set[k >>> 6] |= 1L << k;
                    }
                }
            }
            v.visit(i, set, cardinality(set));
        }
    }

    private static int cardinality(long[] set) {
        int n = 0;
        for (long w : set) n += Long.bitCount(w);
        return n;
    }

    CoreUsage usage(int k, NetworkShape shape, int[][] coreOf) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < coreOf.length; p++) {
            if (coreOf[p] != null && Arrays.stream(coreOf[p]).anyMatch(x -> x == k)) names.add(shape.populations().get(p).name());
        }
        return new CoreUsage(k, compartments[k], inputAxons[k], outputAxons[k], synapseBits[k], indexBits[k], delayBits[k], names);
    }

    /** The limits core k exceeds (empty if none). */
    List<String> exceeded(int k, CoreLimits l) {
        return new CoreUsage(k, compartments[k], inputAxons[k], outputAxons[k], synapseBits[k], indexBits[k], delayBits[k], List.of()).exceeded(l);
    }
}
