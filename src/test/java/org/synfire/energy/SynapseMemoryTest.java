package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Fan;
import org.synfire.energy.NetworkShape.Population;

class SynapseMemoryTest {

    @Test
    void indexBitsAddressTheCoreRoundedToARegisterWidth() {
        assertThat(SynapseMemory.indexBits(1)).isZero();      // one compartment needs no index
        assertThat(SynapseMemory.indexBits(2)).isEqualTo(6);  // 1 bit needed, smallest register width 6
        assertThat(SynapseMemory.indexBits(64)).isEqualTo(6);
        assertThat(SynapseMemory.indexBits(65)).isEqualTo(7);
        assertThat(SynapseMemory.indexBits(1024)).isEqualTo(10);
        assertThat(SynapseMemory.indexBits(4096)).isEqualTo(12);
        assertThatThrownBy(() -> SynapseMemory.indexBits(4097)).hasMessageContaining("13 index bits");
    }

    @Test
    void axonBitsUseGroupsOf64WithHeaderAndWholeWords() {
        assertThat(SynapseMemory.axonBits(0, 17)).isZero();
        assertThat(SynapseMemory.axonBits(1, 17)).isEqualTo(64);          // 17 + 10 = 27 → 1 word
        assertThat(SynapseMemory.axonBits(3, 18)).isEqualTo(64);          // 54 + 10 = 64 → exactly 1 word
        assertThat(SynapseMemory.axonBits(4, 14)).isEqualTo(128);         // 56 + 10 = 66 → 2 words
        assertThat(SynapseMemory.axonBits(64, 15)).isEqualTo(1024);       // 960 + 10 = 970 → 16 words
        assertThat(SynapseMemory.axonBits(70, 15)).isEqualTo(1024 + 128); // second group: 6·15 + 10 = 100 → 2 words
    }

    private static NetworkShape dense(int delay) {
        return new NetworkShape(
                List.of(new Population("in", 3, true, null), new Population("p", 70, false, "t")),
                List.of(new Connection("in-p", 0, 1, Fan.ALL, 210, delay, 8, 0, false, null)));
    }

    /**
     * 3 presynaptic generator ports → dense → 70 compartments on one core. Index bits: ⌈log2 70⌉ = 7.
     * No delay: 8 + 0 + 0 + 7 = 15 bits; each axon holds 70 synapses = a group of 64 (64·15 + 10 = 970 →
     * 1024 bits) and a group of 6 (6·15 + 10 = 100 → 128 bits) = 1152 bits; 3 axons = 3456 bits.
     * Delay 2: 8 + 3 + 0 + 7 = 18 bits; 64·18 + 10 = 1162 → 1216, 6·18 + 10 = 118 → 128; 3 × 1344 = 4032 bits.
     */
    @Test
    void denseConnectionMemoryWorkedByHand() {
        Map<String, int[]> one = Map.of("t", new int[] {0, 1});
        CoreUsage u = CoreMapper.authors(dense(0), one, CoreLimits.LOIHI1).cores().getFirst();
        assertThat(u.compartments()).isEqualTo(70);
        assertThat(u.indexBits()).isEqualTo(7);
        assertThat(u.delayBits()).isZero();
        assertThat(u.inputAxons()).isEqualTo(3);
        assertThat(u.outputAxons()).isZero();
        assertThat(u.synapseBits()).isEqualTo(3456);

        CoreUsage d = CoreMapper.authors(dense(2), one, CoreLimits.LOIHI1).cores().getFirst();
        assertThat(d.delayBits()).isEqualTo(3);
        assertThat(d.synapseBits()).isEqualTo(4032);
    }
}
