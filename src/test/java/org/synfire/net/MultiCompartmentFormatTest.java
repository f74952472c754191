package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.chip.CompartmentPrototype;

/**
 * Multi-compartment keys of a neuron type: the network of MultiCompartmentTest (chip package) written as a
 * file. G fires at t = 1 into the child a (weight 100: q = 6400 at t = 2); a (decay_v 2048, never spikes)
 * pushes v, m (full decay) pops and adds it: v(a) = v(m) = 0, 6400, 3200, 1600 at t = 1..4.
 */
class MultiCompartmentFormatTest {
    private static final String NET = """
            name: two-compartment
            neuron_types:
              child:  {threshold: 10000, decay_u: 4096, decay_v: 2048, stack_out: push, threshold_mode: no_spike_and_pass_v_lg_vth_to_parent}
              parent: {threshold: 100, decay_u: 4096, decay_v: 4096, stack_in: pop_a, join: add}
            connection_types:
              drive: {connectivity: one_to_one, weight: 100, sign_mode: excitatory}
            spike_generators:
              g: {ports: 1, spikes: [[1, 0]]}
            populations:
              a: {size: 1, type: child}
              m: {size: 1, type: parent}
            projections:
              - {from: g, to: a, type: drive}
            """;

    @Test
    void keysReachTheChip() {
        NetworkDescription d = TestNets.yaml(NET);
        CompartmentPrototype child = d.neuronTypes().get("child").prototype();
        assertThat(child.stackOut()).isEqualTo(CompartmentPrototype.StackOut.PUSH);
        assertThat(child.thresholdMode()).isEqualTo(CompartmentPrototype.ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT);
        assertThat(d.neuronTypes().get("parent").prototype().join()).isEqualTo(CompartmentPrototype.Join.ADD);
        Chip chip = NetworkCompiler.compile(d, 1).chip();
        int a = chip.source("a"), m = chip.source("m");
        int[][] want = {{0, 0}, {6400, 6400}, {3200, 3200}, {1600, 1600}};
        for (int[] w : want) {
            chip.step();
            assertThat(new int[] {chip.v(a, 0), chip.v(m, 0)}).containsExactly(w);
        }
    }

    @Test
    void badValuesAndUnpairedJoinsAreProblems() {
        assertThat(TestNets.problems(NET.replace("stack_out: push", "stack_out: pull")))
                .contains("neuron_types.child.stack_out").contains("stack_out 'pull' is not one of none, push");
        assertThat(TestNets.problems(NET.replace("stack_in: pop_a, join: add", "join: add")))
                .contains("neuron_types.parent").contains("a join needs a popped operand");
    }

    @Test
    void aParentMustFollowItsChild() {
        String swapped = NET.replace("  a: {size: 1, type: child}\n  m: {size: 1, type: parent}\n", "  m: {size: 1, type: parent}\n  a: {size: 1, type: child}\n");
        assertThatThrownBy(() -> NetworkCompiler.compile(TestNets.yaml(swapped), 1)).hasMessageContaining("m: pops the compartment stack");
    }
}
