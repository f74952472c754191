package org.synfire.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Population;

/**
 * Places a network's compartments on cores, by the authors' rule or by packing. Spike generators stay
 * off-chip: they take no compartment and no output axon, but the cores of their targets give them input
 * axons and synapse memory like any other source.
 */
public final class CoreMapper {

    /**
     * Core ranges [start, end) per neuron type in lanl/spikingBackprop
     * ({@code network_parameters_2layer_MNIST.py}; docs/energy.md#placements): n_sfc 16–95, n_sfl and n_sfl_nr 2–80,
     * n_gat 40–95, n_rew 0–1.
     */
    public static final Map<String, int[]> PAPER_CORE_RANGES = ranges(
            "n_sfc", 16, 95,
            "n_sfl", 2, 80,
            "n_sfl_nr", 2, 80,
            "n_gat", 40, 95,
            "n_rew", 0, 1);

    private CoreMapper() {}

    private static Map<String, int[]> ranges(Object... t) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i += 3) m.put((String) t[i], new int[] {(Integer) t[i + 1], (Integer) t[i + 2]});
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The authors' rule ({@code create_distributed_group_over_cores}; docs/energy.md#placements): a population of N
     * neurons of a type with core range [start, end) puts neuron i on core start + i / ⌈N / (end − start)⌉.
     * Populations share cores freely. The result lists every limit a core exceeds.
     */
    public static Mapping authors(NetworkShape shape, Map<String, int[]> coreRanges, CoreLimits limits) {
        List<Population> pops = shape.populations();
        int[][] coreOf = new int[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            Population pop = pops.get(p);
            if (pop.generator()) continue;
            int[] r = coreRanges.get(pop.neuronType());
            if (r == null) throw new IllegalArgumentException("population " + pop.name() + ": no core range for neuron type " + pop.neuronType()
                    + " (known: " + String.join(", ", coreRanges.keySet()) + ")");
            if (r.length != 2 || r[0] < 0 || r[1] <= r[0]) throw new IllegalArgumentException("neuron type " + pop.neuronType() + ": bad core range " + Arrays.toString(r));
            int perCore = ceilDiv(pop.size(), r[1] - r[0]);
            coreOf[p] = new int[pop.size()];
            for (int i = 0; i < pop.size(); i++) coreOf[p][i] = r[0] + i / perCore;
        }
        return Mapping.evaluate("authors", shape, limits, coreOf, List.of());
    }

    /** {@link #authors} with the paper's core ranges and Loihi 1 limits. */
    public static Mapping authors(NetworkShape shape) {
        return authors(shape, PAPER_CORE_RANGES, CoreLimits.LOIHI1);
    }

    /**
     * Packing: first-fit with splitting. Populations are taken targets first ({@link #packingOrder}); each fills the
     * lowest-numbered cores that still have room, with as many consecutive neurons as fit under all four
     * limits (found by bisection; every resource grows with the number of neurons placed), and opens a new
     * core only when no open core takes another neuron. Placing targets adds output axons to the cores of
     * their sources, so every candidate is checked against all cores. The result is a heuristic; compare
     * it with {@link #lowerBound}.
     */
    public static Mapping pack(NetworkShape shape, CoreLimits limits) {
        List<Population> pops = shape.populations();
        int[][] coreOf = new int[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            if (pops.get(p).generator()) continue;
            coreOf[p] = new int[pops.get(p).size()];
            Arrays.fill(coreOf[p], -1);
        }
        int[] order = packingOrder(shape);
        List<Integer> compartments = new ArrayList<>(); // per open core
        for (int p : order) {
            Population pop = pops.get(p);
            int next = 0;
            for (int k = 0; next < pop.size(); k++) {
                boolean fresh = k == compartments.size();
                if (fresh) compartments.add(0);
                int room = Math.min(pop.size() - next, limits.compartments() - compartments.get(k));
                int fit = room == 0 ? 0 : largestFit(shape, limits, coreOf, p, next, k, room);
                if (fit == 0 && fresh) {
                    place(coreOf[p], next, 1, k);
                    List<String> ex = new ArrayList<>();
                    CoreLoad load = CoreLoad.compute(shape, coreOf, CoreLoad.coreCount(coreOf));
                    for (int c = 0; c < load.cores; c++) {
                        for (String e : load.exceeded(c, limits)) ex.add(c == k ? e : e + " on core " + c);
                    }
                    place(coreOf[p], next, 1, -1);
                    compartments.remove(k);
                    String msg = "population " + pop.name() + " (" + pop.size() + " compartments) cannot be placed: even one of its neurons on an empty core "
                            + k + " would need " + String.join(", ", ex);
                    return Mapping.evaluate("packed", shape, limits, coreOf, List.of(msg));
                }
                place(coreOf[p], next, fit, k);
                compartments.set(k, compartments.get(k) + fit);
                next += fit;
            }
        }
        return Mapping.evaluate("packed", shape, limits, coreOf, List.of());
    }

    /**
     * Targets before sources: a core's output axons depend on where its neurons' targets are, so a source
     * placed before its targets could later be pushed over the output-axon limit by them. Repeatedly takes
     * the unplaced population with the least unplaced fan-out (target neurons of all-to-all connections,
     * plus one per one-to-one or listed connection; self-connections ignored), larger populations first
     * on ties, then network order.
     */
    static int[] packingOrder(NetworkShape shape) {
        List<Population> pops = shape.populations();
        boolean[] placed = new boolean[pops.size()];
        List<Integer> order = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(IntStream.range(0, pops.size()).filter(p -> !pops.get(p).generator()).boxed().toList());
        while (!todo.isEmpty()) {
            int best = -1;
            long bestFan = Long.MAX_VALUE;
            for (int p : todo) {
                long fan = 0;
                for (int ci : shape.outgoing(p)) {
                    Connection c = shape.connections().get(ci);
                    if (c.target() == p || placed[c.target()]) continue;
                    fan += c.fan() == NetworkShape.Fan.ALL ? pops.get(c.target()).size() : 1;
                }
                if (fan < bestFan || fan == bestFan && pops.get(p).size() > pops.get(best).size()) {
                    best = p;
                    bestFan = fan;
                }
            }
            placed[best] = true;
            order.add(best);
            todo.remove(Integer.valueOf(best));
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@link #pack} with Loihi 1 limits. */
    public static Mapping pack(NetworkShape shape) {
        return pack(shape, CoreLimits.LOIHI1);
    }

    private static int largestFit(NetworkShape shape, CoreLimits limits, int[][] coreOf, int p, int from, int core, int room) {
        int lo = 0, hi = room; // lo fits, find the largest m in [lo, hi] that fits
        if (fits(shape, limits, coreOf, p, from, 1, core)) lo = 1;
        else return 0;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits(shape, limits, coreOf, p, from, mid, core)) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static boolean fits(NetworkShape shape, CoreLimits limits, int[][] coreOf, int p, int from, int m, int core) {
        place(coreOf[p], from, m, core);
        try {
            CoreLoad load = CoreLoad.compute(shape, coreOf, CoreLoad.coreCount(coreOf));
            for (int k = 0; k < load.cores; k++) if (!load.exceeded(k, limits).isEmpty()) return false;
            return true;
        } finally {
            place(coreOf[p], from, m, -1);
        }
    }

    private static void place(int[] row, int from, int m, int core) {
        Arrays.fill(row, from, from + m, core);
    }

    /**
     * A lower bound on the cores any placement needs: the largest of ⌈total / per-core limit⌉ over
     * compartments, input axons (each presynaptic neuron with synapses needs at least one per connection),
     * output axons (each compartment with targets needs at least one) and synapse memory (each synapse
     * needs at least its weight and tag bits).
     */
    public static int lowerBound(NetworkShape shape, CoreLimits limits) {
        long inAxons = 0, bits = 0, outAxons = 0;
        List<Population> pops = shape.populations();
        boolean[][] hasTargets = new boolean[pops.size()][];
        for (int p = 0; p < pops.size(); p++) hasTargets[p] = new boolean[pops.get(p).size()];
        for (Connection c : shape.connections()) {
            int nPost = pops.get(c.target()).size();
            for (int i = 0; i < pops.get(c.source()).size(); i++) {
                if (c.fanout(i, nPost) == 0) continue;
                inAxons++;
                hasTargets[c.source()][i] = true;
            }
            bits += c.synapses() * (long) (c.weightBits() + c.tagBits());
        }
        for (int p = 0; p < pops.size(); p++) {
            if (pops.get(p).generator()) continue;
            for (boolean t : hasTargets[p]) if (t) outAxons++;
        }
        long lb = Math.max(ceilDiv(shape.compartments(), limits.compartments()), ceilDiv(inAxons, limits.inputAxons()));
        lb = Math.max(lb, Math.max(ceilDiv(outAxons, limits.outputAxons()), ceilDiv(bits, limits.synapseBits())));
        return (int) lb;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
