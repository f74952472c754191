package org.synfire.energy;

import java.util.List;

/**
 * Energy (joules) and core time (seconds) per operation: the one place where per-operation constants
 * live, with {@link #DEFAULT} and the static power in {@link StaticPower}. Two named sets exist, each with
 * its source: {@link #SANA_FE} (the default: its values were fitted by its authors to dynamic energy
 * measured on Loihi 1 chips) and {@link #DAVIES_2018} (pre-silicon SPICE estimates). Both use Davies et al.'s
 * learning row, because SANA-FE models no learning. See docs/energy.md for how each operation is counted.
 *
 * @param updateActive compartment update that had input, state or bias
 * @param updateInactive compartment update with nothing to do
 * @param spike a compartment emitting a spike (soma spike-out work on the source core)
 * @param synapticOp one synapse traversed by a delivered spike, at the destination core
 * @param message one spike message (spike × destination core), energy at the source's router
 * @param hopEastWest energy per east-west hop of a message between tiles
 * @param hopNorthSouth energy per north-south hop
 * @param learning one synapse evaluation of the learning engine
 * @param sync time of the barrier that ends a step, by number of tiles in use (interpolated linearly
 *     between points, constant beyond the ends)
 */
public record OperationCosts(String name, String source, Cost updateActive, Cost updateInactive, Cost spike, Cost synapticOp,
                             Cost message, double messageInTime, double hopEastWest, double hopNorthSouth, Cost learning,
                             List<SyncPoint> sync) {

    /** Energy in joules and time in seconds on the core that does the work. */
    public record Cost(double energy, double time) {
        public Cost {
            if (!(energy >= 0) || !(time >= 0)) throw new IllegalArgumentException("negative or NaN cost " + energy + " J, " + time + " s");
        }
    }

    public record SyncPoint(int tiles, double seconds) {}

    private static final double PJ = 1e-12, NS = 1e-9;

    /**
     * Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip Learning", IEEE Micro 38(1),
     * 2018, Table 2: pre-silicon (SPICE) estimates, not chip measurements. The first four groups of rows
     * (SOP, neuron update, spike within a tile, tile hops) are corroborated by SANA-FE's arch/loihi.yaml
     * at commit d9054bc, which quotes them from that table. The learning row (120 pJ, 6.1 ns per pairwise
     * STDP synaptic update) and the barrier (113–465 ns for 1–32 tiles) are RECALLED from the paper and not
     * verified against it (‡ in docs/energy.md#constants). The SOP energy is a minimum and its time a maximum.
     * Table 2 gives no core time for messages (the 2.1 ns within-tile and 4.1/6.5 ns hop times are network
     * latencies, not core work), so message times are 0 here.
     */
    public static final OperationCosts DAVIES_2018 = new OperationCosts("DAVIES_2018",
            "Davies et al. 2018, IEEE Micro 38(1), Table 2 (pre-silicon; learning and sync rows recalled, unverified)",
            new Cost(81 * PJ, 8.4 * NS),     // neuron update, active
            new Cost(52 * PJ, 5.3 * NS),     // neuron update, inactive
            new Cost(0, 0),                  // spike-out: included in the update in Table 2
            new Cost(23.6 * PJ, 3.5 * NS),   // synaptic spike op (min energy, max time)
            new Cost(1.7 * PJ, 0),           // spike within a tile: 1.7 pJ (2.1 ns is network latency)
            0,                               // no core time for receiving a message
            3.0 * PJ, 4.0 * PJ,              // tile hop east-west / north-south
            new Cost(120 * PJ, 6.1 * NS),    // synaptic update (pairwise STDP) ‡ recalled
            List.of(new SyncPoint(1, 113 * NS), new SyncPoint(32, 465 * NS))); // mesh-wide barrier ‡ recalled

    /**
     * SANA-FE's current arch/loihi.yaml (snapshot 8951ab0), values its authors fitted to their Loihi runs
     * (docs/energy.md#constants). Mapping onto these fields: active update = soma access 51.2 pJ/6.0 ns + update
     * 21.6 pJ/3.7 ns; inactive update = access only; spike = soma spike-out 69.3 pJ/30 ns; SOP = dense
     * synapse 35.5 pJ/3.8 ns; message = axon-out 111 pJ/5.1 ns at the source, plus 16 ns axon-in latency
     * at each destination core; hops E-W 3.0 pJ, N-S 4.2 pJ; barrier {1: 0.6, 2: 1.0, 4: 1.4, 29: 1.8 µs},
     * keyed by a count the file does not name (taken here as tiles). SANA-FE models no learning, so the
     * learning cost is Davies et al.'s recalled 120 pJ/6.1 ns.
     */
    public static final OperationCosts SANA_FE = new OperationCosts("SANA_FE",
            "SANA-FE arch/loihi.yaml @8951ab0 (fitted to Loihi runs); learning from Davies et al. 2018 (recalled)",
            new Cost((51.2 + 21.6) * PJ, (6.0 + 3.7) * NS),
            new Cost(51.2 * PJ, 6.0 * NS),
            new Cost(69.3 * PJ, 30 * NS),
            new Cost(35.5 * PJ, 3.8 * NS),
            new Cost(111 * PJ, 5.1 * NS),
            16 * NS,
            3.0 * PJ, 4.2 * PJ,
            new Cost(120 * PJ, 6.1 * NS),
            List.of(new SyncPoint(1, 600 * NS), new SyncPoint(2, 1000 * NS), new SyncPoint(4, 1400 * NS), new SyncPoint(29, 1800 * NS)));

    /**
     * The default set: SANA-FE's, because its values were calibrated against dynamic energy measured on
     * Loihi 1 chips, whereas Davies et al.'s Table 2 holds pre-silicon estimates. The Renner rows are
     * compared as dynamic energy, which is what SANA-FE was fitted to.
     */
    public static final OperationCosts DEFAULT = SANA_FE;

    public OperationCosts {
        sync = List.copyOf(sync);
        if (sync.isEmpty()) throw new IllegalArgumentException(name + ": no barrier time given");
        for (int i = 1; i < sync.size(); i++) {
            if (sync.get(i).tiles() <= sync.get(i - 1).tiles()) throw new IllegalArgumentException(name + ": barrier points must have increasing tile counts");
        }
        if (!(messageInTime >= 0) || !(hopEastWest >= 0) || !(hopNorthSouth >= 0)) throw new IllegalArgumentException(name + ": negative cost");
    }

    /** Barrier time for {@code tiles} tiles in use. */
    public double syncTime(int tiles) {
        SyncPoint first = sync.getFirst(), last = sync.getLast();
        if (tiles <= first.tiles()) return first.seconds();
        if (tiles >= last.tiles()) return last.seconds();
        for (int i = 1; i < sync.size(); i++) {
            SyncPoint a = sync.get(i - 1), b = sync.get(i);
            if (tiles <= b.tiles()) return a.seconds() + (b.seconds() - a.seconds()) * (tiles - a.tiles()) / (b.tiles() - a.tiles());
        }
        return last.seconds();
    }

    public static OperationCosts named(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "DAVIES_2018", "DAVIES" -> DAVIES_2018;
            case "SANA_FE", "SANA" -> SANA_FE;
            default -> throw new IllegalArgumentException("unknown operation costs '" + name + "' (DAVIES_2018 or SANA_FE)");
        };
    }
}
