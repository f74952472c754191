package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;
import org.synfire.chip.learning.SignMode;

/**
 * Two-compartment neurons: a child A that pushes its v onto the compartment stack, and a parent M, added
 * right after it, that pops it (POP_A) and adds it to its input current (join ADD). G drives A with one
 * spike at t = 1 of weight 100 (q = 100·64 = 6400, arriving at t = 2).
 */
class MultiCompartmentTest {
    private static final CompartmentPrototype CHILD = CompartmentPrototype.of(4096, 2048, 10000, 0, 0, 1)
            .withCompartmentTree(StackOut.PUSH, StackIn.NONE, Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT);

    private record Rig(Chip chip, int g, int a, int m) {
        int[] step() {
            chip.step();
            return new int[] {chip.v(a, 0), chip.v(m, 0)};
        }
    }

    private static Rig rig(CompartmentPrototype child, int parentThreshold, int weight) {
        ChipBuilder b = new ChipBuilder();
        int g = b.addSpikeGenerator("G", 1);
        int a = b.addCompartments("A", 1, child);
        int m = b.addCompartments("M", 1, CompartmentPrototype.of(4096, 4096, parentThreshold, 0, 0, 1)
                .withCompartmentTree(StackOut.NONE, StackIn.POP_A, Join.ADD, ThresholdMode.SPIKE_AND_RESET));
        b.connect(ConnectionSpec.of("G-A", g, a, Connectivity.OneToOne.uniform(1, weight), SignMode.EXCITATORY, 0, 0));
        Chip chip = b.build(1);
        chip.schedule(g, 0, 1);
        return new Rig(chip, g, a, m);
    }

    /**
     * <pre>
     * t=1  A: q = 0, v = 0, pushes 0.                      M: v = 0 + 0 = 0.
     * t=2  A: q = 6400, u = 6400, v = 0 + 6400 = 6400.     M: u = 0, joined = 0 + 6400, v = 6400 (not > 100·64 = 6400).
     * t=3  A: u = decay(6400, 4096) = 0, v = 6400·2048/4096 = 3200.   M (full decay): v = 3200.
     * t=4  A: v = 1600.                                   M: v = 1600.
     * </pre>
     * The child is updated before its parent within a step: M sees A's v of the same step.
     */
    @Test
    void parentAddsTheChildsVoltageOfTheSameStep() {
        Rig r = rig(CHILD, 100, 100);
        assertThat(r.step()).containsExactly(0, 0);
        assertThat(r.step()).containsExactly(6400, 6400);
        assertThat(r.step()).containsExactly(3200, 3200);
        assertThat(r.step()).containsExactly(1600, 1600);
        assertThat(r.chip.counters().snapshot().spikes()).containsExactly(1, 0, 0);
    }

    /**
     * Operation counts of the same four steps. An update is active if q ≠ 0, v ≠ 0 before it, bias ≠ 0 or the
     * popped operand ≠ 0. t=1: A and M inactive (all 0). t=2: A has q = 6400, M has A = 6400: both active.
     * t=3, t=4: both have v ≠ 0: active. A: 3 active, 1 inactive; M: the same. G: 1 spike, 1 synaptic op.
     */
    @Test
    void operationCountsOfATwoCompartmentNeuron() {
        Rig r = rig(CHILD, 100, 100);
        for (int i = 0; i < 4; i++) r.step();
        var s = r.chip.counters().snapshot();
        assertThat(s.updatesActive()).containsExactly(0, 3, 3);
        assertThat(s.updatesInactive()).containsExactly(0, 1, 1);
        assertThat(s.spikes()).containsExactly(1, 0, 0);
        assertThat(s.synapticOps()).containsExactly(1, 0, 0);
    }

    /**
     * NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT: A's threshold is 0 (any v &gt; 0 would spike under SPIKE_AND_RESET),
     * yet at t = 2 it holds v = 6400 without spiking or resetting, and decays to 3200 at t = 3.
     */
    @Test
    void noSpikeModeNeverSpikesNorResets() {
        Rig r = rig(CompartmentPrototype.of(4096, 2048, 0, 0, 0, 1)
                .withCompartmentTree(StackOut.PUSH, StackIn.NONE, Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT), 1000, 100);
        r.step();
        assertThat(r.step()).containsExactly(6400, 6400);
        assertThat(r.chip.firedCount(r.a)).isZero();
        assertThat(r.step()).containsExactly(3200, 3200);
        assertThat(r.chip.counters().snapshot().spikes()[r.a]).isZero();
    }

    /**
     * A spiking child (SPIKE_AND_RESET, threshold 50·64 = 3200) pushes its v after the threshold step: at
     * t = 2, v = 6400 &gt; 3200 spikes and resets to 0, so it pushes 0 and M stays at 0.
     */
    @Test
    void aSpikingChildPushesItsVoltageAfterTheReset() {
        Rig r = rig(CompartmentPrototype.of(4096, 2048, 50, 0, 0, 1)
                .withCompartmentTree(StackOut.PUSH, StackIn.NONE, Join.SKIP, ThresholdMode.SPIKE_AND_RESET), 1000, 100);
        r.step();
        assertThat(r.step()).containsExactly(0, 0);
        assertThat(r.chip.firedCount(r.a)).isEqualTo(1);
    }

    /**
     * The joined current makes the parent spike: threshold 50·64 = 3200; at t = 2 M's v = 6400 &gt; 3200 spikes
     * (v = 0); at t = 3 v = 3200, not &gt; 3200; at t = 4 v = 1600.
     */
    @Test
    void theJoinedCurrentCanMakeTheParentSpike() {
        Rig r = rig(CHILD, 50, 100);
        r.step();
        assertThat(r.step()).containsExactly(6400, 0);
        assertThat(r.chip.firedCount(r.m)).isEqualTo(1);
        assertThat(r.step()).containsExactly(3200, 3200);
        assertThat(r.chip.firedCount(r.m)).isZero();
    }

    /** After a reset between inputs, u, v and the stack are 0: t = 3 starts from nothing (A: v = 0 + 0). */
    @Test
    void resetClearsCompartmentStateAndTheStack() {
        Rig r = rig(CHILD, 100, 100);
        r.step();
        r.step();
        r.chip.resetCompartmentState();
        assertThat(r.chip.v(r.a, 0)).isZero();
        assertThat(r.step()).containsExactly(0, 0);
    }

    @Test
    void stacksThatDoNotPairUpAreErrors() {
        CompartmentPrototype parent = CompartmentPrototype.of(4096, 4096, 10, 0, 0, 1)
                .withCompartmentTree(StackOut.NONE, StackIn.POP_A, Join.ADD, ThresholdMode.SPIKE_AND_RESET);
        ChipBuilder lonelyParent = new ChipBuilder();
        lonelyParent.addCompartments("M", 1, parent);
        assertThatThrownBy(() -> lonelyParent.build(1)).hasMessageContaining("M: pops the compartment stack").hasMessageContaining("does not exist");

        ChipBuilder lonelyChild = new ChipBuilder();
        lonelyChild.addCompartments("A", 1, CHILD);
        assertThatThrownBy(() -> lonelyChild.build(1)).hasMessageContaining("A: pushes").hasMessageContaining("no compartment group follows");

        ChipBuilder between = new ChipBuilder();
        between.addCompartments("A", 1, CHILD);
        between.addCompartments("X", 1, CompartmentPrototype.of(4096, 4096, 10, 0, 0, 1));
        assertThatThrownBy(() -> between.build(1)).hasMessageContaining("the next compartment group, X, does not pop it");

        ChipBuilder sizes = new ChipBuilder();
        sizes.addCompartments("A", 2, CHILD);
        sizes.addCompartments("M", 3, parent);
        assertThatThrownBy(() -> sizes.build(1)).hasMessageContaining("M: pops the stack of A, which has 2 compartments, not 3");

        assertThatThrownBy(() -> CompartmentPrototype.of(4096, 4096, 10, 0, 0, 1)
                .withCompartmentTree(StackOut.NONE, StackIn.NONE, Join.ADD, ThresholdMode.SPIKE_AND_RESET))
                .hasMessageContaining("a join needs a popped operand");
    }
}
