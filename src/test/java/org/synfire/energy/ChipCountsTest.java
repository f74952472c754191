package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.Connectivity;
import org.synfire.chip.OpCounters;
import org.synfire.chip.learning.SignMode;

/**
 * A spike generator G (2 ports) → one-to-one (weight 200) → A (2 compartments) → all-to-all (weight 50)
 * → B (3 compartments). Every compartment: full decay, bias 0, threshold 100·64 = 6400, no refractory
 * period. G port 0 fires at t = 1, ports 0 and 1 at t = 3; five steps.
 *
 * <pre>
 * t=1  G fires {0}: 1 SOP into A0 (slot 2).            A: 2 inactive. B: 3 inactive.
 * t=2  A0: q = 200·64 = 12800 > 6400, spikes → 3 SOPs.  A: 1 active, 1 inactive. B: 3 inactive.
 * t=3  G fires {0,1}: 2 SOPs. B: q = 50·64 = 3200 ≤ 6400, v = 3200.  A: 2 inactive (v = 0 after the spike). B: 3 active.
 * t=4  A0, A1 spike → 6 SOPs. B: q = 0 but v = 3200 ≠ 0 before the update → 3 active, v → 0.  A: 2 active.
 * t=5  B: q = 2·3200 = 6400, not > 6400, no spike.  A: 2 inactive. B: 3 active.
 * A: active 1+2 = 3, inactive 2+1+2+0+2 = 7.  B: active 3+3+3 = 9, inactive 3+3 = 6.
 * spikes G 3, A 3, B 0.  SOPs G 3 (one-to-one), A 1·3 + 2·3 = 9.  chip spikeMessages = spikes × 1 connection.
 * </pre>
 */
class ChipCountsTest {
    private Chip chip;
    private int g, a, b;

    @BeforeEach
    void build() {
        ChipBuilder cb = new ChipBuilder();
        CompartmentPrototype p = CompartmentPrototype.of(4096, 4096, 100, 0, 0, 1);
        g = cb.addSpikeGenerator("G", 2);
        a = cb.addCompartments("A", 2, p);
        b = cb.addCompartments("B", 3, p);
        cb.connect(ConnectionSpec.of("G-A", g, a, Connectivity.OneToOne.uniform(2, 200), SignMode.EXCITATORY, 0, 0));
        cb.connect(ConnectionSpec.of("A-B", a, b, new Connectivity.AllToAll(50), SignMode.EXCITATORY, 0, 0));
        chip = cb.build(7);
        chip.schedule(g, 0, 1);
        chip.schedule(g, 0, 3);
        chip.schedule(g, 1, 3);
    }

    @Test
    void chipCountsMatchTheHandWorkedChain() {
        OpCounters.Snapshot s0 = chip.counters().snapshot();
        chip.run(5);
        OpCounters.Snapshot w = chip.counters().snapshot().minus(s0);
        assertThat(w.steps()).isEqualTo(5);
        assertThat(w.updatesActive()).containsExactly(0, 3, 9);
        assertThat(w.updatesInactive()).containsExactly(0, 7, 6);
        assertThat(w.spikes()).containsExactly(3, 3, 0);
        assertThat(w.synapticOps()).containsExactly(3, 9, 0);
        assertThat(w.spikeMessages()).containsExactly(3, 3, 0);
    }

    /**
     * Placement (authors' rule, types a → [0,1), b → [1,3)): A on core 0; B: ⌈3/2⌉ = 2 per core, B0, B1 on
     * core 1 and B2 on core 2. Mesh of one core per tile, 2 × 2 tiles: core 0 at (0,0), core 1 at (1,0),
     * core 2 at (0,1); G enters at core 0.
     *
     * <pre>
     * messages: G 3 spikes × 1 core + A 3 spikes × 2 cores = 9; hops: each A spike 1 east-west + 1 north-south.
     * energy (Davies 2018): 12 active × 81 + 13 inactive × 52 + 12 SOPs × 23.6 + 9 × 1.7 + 3 × 3.0 + 3 × 4.0
     *                     = 972 + 676 + 283.2 + 15.3 + 21 = 1967.5 pJ
     * spiking work: core 0: 3 × 8.4 + 7 × 5.3 + 3 SOPs × 3.5 = 72.8 ns;
     *               core 1: (9 × 8.4 + 6 × 5.3) · 2/3 + (4 of A-B's 6 synapses → 9 · 4/6 = 6 SOPs) × 3.5 = 71.6 + 21 = 92.6 ns;
     *               core 2: 107.4 / 3 + 3 × 3.5 = 46.3 ns  → busiest 92.6 ns
     * barrier: 3 tiles, 113 + (465 − 113)·(3 − 1)/(32 − 1) = 135.7097 ns per step, × 5 steps.
     * </pre>
     */
    @Test
    void energyModelPricesTheChainFromItsPlacement() {
        OpCounters.Snapshot s0 = chip.counters().snapshot();
        chip.run(5);
        SampleCounts counts = SampleCounts.fromCumulative("chain", 1, List.of(s0, chip.counters().snapshot()));
        NetworkShape shape = NetworkShape.of(chip, Map.of("A", "a", "B", "b"));
        Mapping m = CoreMapper.authors(shape, Map.of("a", new int[] {0, 1}, "b", new int[] {1, 3}), CoreLimits.LOIHI1);
        assertThat(m.coresOf("B")).containsExactly(1, 2);
        MeshLayout mesh = new MeshLayout(1, 2, 2, 0);
        EnergyModel model = new EnergyModel(m, OperationCosts.DAVIES_2018, ModelOptions.DEFAULT.withTiming(ModelOptions.PhaseTiming.SEPARATE_PHASES)
                .withMesh(mesh));
        assertThat(model.destinationsPerSpike("A")).isEqualTo(2.0);
        assertThat(model.destinationsPerSpike("G")).isEqualTo(1.0);
        Work w = model.work(counts);
        assertThat(w.ops().messages()).isEqualTo(9.0);
        assertThat(w.ops().hopsEastWest()).isEqualTo(3.0);
        assertThat(w.ops().hopsNorthSouth()).isEqualTo(3.0);
        assertThat(w.ops().synapticOps()).isEqualTo(12.0);
        assertThat(w.ops().generatorSpikes()).isEqualTo(3.0);
        assertThat(w.spikingEnergy()).isCloseTo(1967.5e-12, within(1e-20));
        assertThat(w.learningEnergy()).isZero();
        assertThat(w.spikingTime()).isCloseTo(92.6e-9, within(1e-18));
        assertThat(w.syncTime()).isCloseTo(5 * (113 + 352.0 * 2 / 31) * 1e-9, within(1e-18));

        Estimate e = model.estimate(counts, Calibration.none());
        assertThat(e.energy()).isCloseTo(1967.5e-12, within(1e-20));
        assertThat(e.latency()).isCloseTo(92.6e-9 + 5 * 135.70967741935485e-9, within(1e-18));
        assertThat(e.measuredEnergy()).isNull();
    }
}
