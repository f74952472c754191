package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.SignMode;

/** The builder's own guards: what would overflow an array index is refused with the element's name, not a crash. */
class ChipLimitsTest {
    private static final CompartmentPrototype RELAY = CompartmentPrototype.of(4096, 4096, 1024, 0, 0, 2);

    @Test
    void theChipsCompartmentsAreOneLoihiChip() {
        assertThat(ChipLimits.COMPARTMENTS).isEqualTo(131072);
        assertThat(ChipLimits.GENERATOR_PORTS).isEqualTo(16777215);
    }

    @Test
    void aGroupWhoseAccumulatorRingWouldOverflowAnIntIndex() {
        // 2^28 compartments x 8 accumulators = 2^31 slots, one more than an int indexes
        assertThatThrownBy(() -> new ChipBuilder().addCompartments("big", 1 << 28, RELAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("big: 268435456 compartments with 8 dendritic accumulators each are more than the emulator can hold");
    }

    @Test
    void anAllToAllConnectionLargerThanOneArray() {
        ChipBuilder b = new ChipBuilder();
        int a = b.addCompartments("a", 50000, RELAY);
        int c = b.addCompartments("c", 50000, RELAY);
        b.connect(ConnectionSpec.of("a->c", a, c, new Connectivity.AllToAll(8), SignMode.EXCITATORY, 0, 0));
        assertThatThrownBy(() -> b.build(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a->c: 50000 x 50000 = 2500000000 synapses; the emulator holds at most 2147483639 in one connection");
    }
}
