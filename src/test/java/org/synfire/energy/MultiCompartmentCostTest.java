package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.Connectivity;
import org.synfire.chip.OpCounters;
import org.synfire.chip.learning.SignMode;

/**
 * A two-compartment neuron priced by the model: each compartment is one update per step, the stack costs
 * nothing of its own. G fires at t = 1 into the child A (weight 100); A pushes, M pops and adds; 4 steps,
 * all on core 0 (counts worked out in MultiCompartmentTest: A and M 3 active and 1 inactive update each,
 * G 1 spike and 1 synaptic op).
 *
 * <pre>
 * SANA-FE: updates 6·72.8 + 2·51.2 = 436.8 + 102.4 = 539.2 pJ; SOP 35.5 pJ; message (G → core 0) 111 pJ;
 *          no hops (host core 0 is core 0); no on-chip spikes. Total 685.7 pJ.
 * time: 6·9.7 + 2·6.0 = 70.2 ns updates + 3.8 ns SOP + 16 ns axon-in = 90.0 ns; + 4·0.6 us barrier.
 * </pre>
 */
class MultiCompartmentCostTest {
    @Test
    void eachCompartmentIsAnUpdate() {
        ChipBuilder b = new ChipBuilder();
        int g = b.addSpikeGenerator("G", 1);
        int a = b.addCompartments("A", 1, CompartmentPrototype.of(4096, 2048, 10000, 0, 0, 1)
                .withCompartmentTree(StackOut.PUSH, StackIn.NONE, Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT));
        b.addCompartments("M", 1, CompartmentPrototype.of(4096, 4096, 100, 0, 0, 1)
                .withCompartmentTree(StackOut.NONE, StackIn.POP_A, Join.ADD, ThresholdMode.SPIKE_AND_RESET));
        b.connect(ConnectionSpec.of("G-A", g, a, Connectivity.OneToOne.uniform(1, 100), SignMode.EXCITATORY, 0, 0));
        Chip chip = b.build(1);
        chip.schedule(g, 0, 1);
        OpCounters.Snapshot s0 = chip.counters().snapshot();
        chip.run(4);
        SampleCounts counts = SampleCounts.fromCumulative("neuron", 1, List.of(s0, chip.counters().snapshot()));
        Mapping m = CoreMapper.authors(NetworkShape.of(chip, Map.of("A", "n", "M", "n")), Map.of("n", new int[] {0, 1}), CoreLimits.LOIHI1);
        Work w = new EnergyModel(m, OperationCosts.SANA_FE, ModelOptions.DEFAULT).work(counts);
        assertThat(w.ops().updatesActive()).isEqualTo(6.0);
        assertThat(w.ops().updatesInactive()).isEqualTo(2.0);
        assertThat(w.byOperation().updates()).isCloseTo(539.2e-12, within(1e-20));
        assertThat(w.byOperation().synapticOps()).isCloseTo(35.5e-12, within(1e-20));
        assertThat(w.byOperation().messages()).isCloseTo(111e-12, within(1e-20));
        assertThat(w.byOperation().hops()).isZero();
        assertThat(w.dynamicEnergy()).isCloseTo(685.7e-12, within(1e-20));
        assertThat(w.spikingTime()).isCloseTo(90.0e-9, within(1e-17));
        assertThat(w.syncTime()).isCloseTo(4 * 0.6e-6, within(1e-15));
    }
}
