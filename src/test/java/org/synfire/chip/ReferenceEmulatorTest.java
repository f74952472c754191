package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.synfire.Gens;

/** The chip against {@link ReferenceEmulator}, step by step, on random static networks whose input sums wrap. */
class ReferenceEmulatorTest {

    @Test
    void theChipComputesTheIntegersOfTheLiteralReading() {
        qt().withExamples(150).withShrinkCycles(200).forAll(Gens.fromRandom(ReferenceEmulator.Net::random))
                .checkAssert(ReferenceEmulatorTest::sameEveryStep);
    }

    /** The general loop alone (every group with explicit state) against the same reading. */
    @Test
    void theGeneralLoopComputesTheIntegersOfTheLiteralReading() {
        qt().withExamples(60).withShrinkCycles(200).forAll(Gens.fromRandom(ReferenceEmulator.Net::random)).checkAssert(net -> {
            CompartmentGroup.implicitState = false;
            try {
                sameEveryStep(net);
            } finally {
                CompartmentGroup.implicitState = true;
            }
        });
    }

    static void sameEveryStep(ReferenceEmulator.Net net) {
        Chip chip = net.build();
        ReferenceEmulator ref = new ReferenceEmulator(net);
        int nGen = net.generatorSizes().length;
        int[] scratch = new int[128];
        for (int t = 1; t <= net.steps(); t++) {
            if (t == net.resetBefore()) {
                chip.resetCompartmentState();
                ref.reset();
            }
            chip.step();
            ref.step();
            for (int s = 0; s < net.sources(); s++) {
                int n = chip.fired(s, scratch);
                boolean[] got = new boolean[net.size(s)];
                for (int f = 0; f < n; f++) got[scratch[f]] = true;
                assertThat(got).as("spikes of source %d at step %d", s, t).isEqualTo(ref.fired[s]);
            }
            for (int g = 0; g < net.groups().size(); g++) {
                // the bounds an update trusts to skip its scan hold every input delivered so far
                CompartmentGroup cg = (CompartmentGroup) chip.sources[nGen + g];
                for (int ahead = 1; ahead <= cg.slotMask; ahead++) {
                    int slot = (int) ((t + ahead) & cg.slotMask);
                    for (int i = 0; i < cg.size; i++) {
                        long exact = ref.pending(t + ahead, g, i);
                        assertThat(exact).as("input of group %d [%d] for step %d within its slot's bounds", g, i, t + ahead)
                                .isBetween(cg.slotLo[slot], cg.slotHi[slot]);
                    }
                }
                for (int i = 0; i < net.groups().get(g).size(); i++) {
                    assertThat(chip.u(nGen + g, i)).as("u of group %d [%d] at step %d", g, i, t).isEqualTo(ref.u(g, i));
                    assertThat(chip.v(nGen + g, i)).as("v of group %d [%d] at step %d", g, i, t).isEqualTo(ref.v(g, i));
                }
            }
        }
        assertThat(chip.counters().snapshot().totalSynapticOps()).isEqualTo(ref.synapticOps);
    }

    /** The draws really reach the wrap: without it, this test would not guard the narrow accumulators. */
    @Test
    void theRandomNetworksOftenWrapTheirInput() {
        java.util.Random r = new java.util.Random(5);
        int wrapped = 0;
        for (int k = 0; k < 100; k++) if (ReferenceEmulator.wraps(ReferenceEmulator.Net.random(r))) wrapped++;
        assertThat(wrapped).isGreaterThan(20);
    }
}
