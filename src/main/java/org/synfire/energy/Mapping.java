package org.synfire.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A placement of a network's compartments on cores and what each used core then holds.
 *
 * @param placement name of the placement rule
 * @param coreOf coreOf[p][i] = core of neuron i of population p; null for spike generators (off-chip)
 * @param cores usage of every core that holds at least one compartment, by ascending core number
 * @param problems why the network does not fit one chip (exceeded limits, too many cores); empty if it fits
 */
public record Mapping(String placement, NetworkShape shape, CoreLimits limits, int[][] coreOf, List<CoreUsage> cores, List<String> problems) {

    public Mapping {
        cores = List.copyOf(cores);
        problems = List.copyOf(problems);
    }

    /** Evaluates a complete placement against the limits (every compartment must be placed). */
    static Mapping evaluate(String placement, NetworkShape shape, CoreLimits limits, int[][] coreOf, List<String> extraProblems) {
        int n = CoreLoad.coreCount(coreOf);
        CoreLoad load = CoreLoad.compute(shape, coreOf, n);
        List<CoreUsage> used = new ArrayList<>();
        for (int k = 0; k < n; k++) if (load.compartments[k] > 0) used.add(load.usage(k, shape, coreOf));
        List<String> problems = new ArrayList<>(extraProblems);
        for (CoreUsage u : used) {
            List<String> ex = u.exceeded(limits);
            if (ex.isEmpty()) continue;
            problems.add(culprit(shape, coreOf, limits, u.core()) + "core " + u.core() + " would need " + String.join(", ", ex));
        }
        if (n > limits.coresPerChip()) {
            problems.add("the placement uses core numbers up to " + (n - 1) + ", but one chip has cores 0.." + (limits.coresPerChip() - 1)
                    + " (" + used.size() + " cores hold compartments)");
        }
        return new Mapping(placement, shape, limits, coreOf, used, problems);
    }

    /** "population h1 (400 compartments) cannot be placed: " for the first population whose addition overloads core k. */
    private static String culprit(NetworkShape shape, int[][] coreOf, CoreLimits limits, int k) {
        int[][] partial = new int[coreOf.length][];
        for (int p = 0; p < coreOf.length; p++) {
            if (coreOf[p] == null) continue;
            partial[p] = new int[coreOf[p].length];
            Arrays.fill(partial[p], -1);
        }
        int n = CoreLoad.coreCount(coreOf);
        for (int p = 0; p < coreOf.length; p++) {
            if (coreOf[p] == null) continue;
            System.arraycopy(coreOf[p], 0, partial[p], 0, coreOf[p].length);
            if (!CoreLoad.compute(shape, partial, n).exceeded(k, limits).isEmpty()) {
                NetworkShape.Population pop = shape.populations().get(p);
                return "population " + pop.name() + " (" + pop.size() + " compartments) cannot be placed: ";
            }
        }
        return "";
    }

    public int coresUsed() {
        return cores.size();
    }

    public boolean fitsOneChip() {
        return problems.isEmpty();
    }

    /** True when every core of the placement is within every per-core limit (however many chips it spans). */
    public boolean withinCoreLimits() {
        for (CoreUsage u : cores) if (!u.exceeded(limits).isEmpty()) return false;
        for (int[] c : coreOf) if (c != null) for (int k : c) if (k < 0) return false; // a neuron no core could take
        return true;
    }

    /**
     * Loihi 1 chips this placement spans: its highest core number over one chip's cores, rounded up; 0 when some
     * core exceeds a per-core limit, so that no number of chips holds this placement (try packing).
     */
    public int chipsNeeded() {
        if (!withinCoreLimits()) return 0;
        int n = CoreLoad.coreCount(coreOf);
        return Math.max(1, (n + limits.coresPerChip() - 1) / limits.coresPerChip());
    }

    /** Distinct cores holding population {@code name}, ascending. */
    public int[] coresOf(String name) {
        int p = shape.index(name);
        if (coreOf[p] == null) return new int[0];
        return Arrays.stream(coreOf[p]).distinct().sorted().toArray();
    }

    public int maxCompartmentsPerCore() {
        return cores.stream().mapToInt(CoreUsage::compartments).max().orElse(0);
    }

    /** Tiles of the mesh that hold at least one used core. */
    public int tilesUsed(MeshLayout mesh) {
        return (int) cores.stream().mapToInt(u -> mesh.tile(u.core())).distinct().count();
    }

    /** Highest use of each limit over all cores, as fractions of the limit. */
    public double[] peakUse() {
        double[] m = new double[4];
        for (CoreUsage u : cores) {
            m[0] = Math.max(m[0], u.compartmentUse(limits));
            m[1] = Math.max(m[1], u.inputAxonUse(limits));
            m[2] = Math.max(m[2], u.outputAxonUse(limits));
            m[3] = Math.max(m[3], u.synapseMemoryUse(limits));
        }
        return m;
    }

    /** A plain-text report: totals, peak use of each limit, problems, and one line per core. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        double[] peak = peakUse();
        b.append(String.format(Locale.ROOT, "placement %s: %d cores used, %s%n", placement, coresUsed(),
                fitsOneChip() ? "fits one chip (" + limits.coresPerChip() + " cores)" : "DOES NOT FIT one chip"));
        b.append(String.format(Locale.ROOT, "peak use per core: compartments %.1f%%, input axons %.1f%%, output axons %.1f%%, synapse memory %.1f%%%n",
                100 * peak[0], 100 * peak[1], 100 * peak[2], 100 * peak[3]));
        for (String p : problems) b.append("problem: ").append(p).append('\n');
        b.append(String.format(Locale.ROOT, "%5s %6s %7s %7s %10s %6s %6s  %s%n", "core", "cx", "in-ax", "out-ax", "syn-bits", "mem%", "idx+dly", "populations"));
        for (CoreUsage u : cores) {
            b.append(String.format(Locale.ROOT, "%5d %6d %7d %7d %10d %5.1f%% %4d+%d  %s%n", u.core(), u.compartments(), u.inputAxons(), u.outputAxons(),
                    u.synapseBits(), 100 * u.synapseMemoryUse(limits), u.indexBits(), u.delayBits(), String.join(",", u.populations())));
        }
        return b.toString();
    }
}
