package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Fan;
import org.synfire.energy.NetworkShape.Population;

class CoreMapperTest {
    private static final CoreLimits BIG = new CoreLimits(1024, 4096, 4096, 1 << 20, 128);

    /**
     * in (generator, 10) → one-to-one → x (10, t1) → dense → y (5, t2) ← all-to-all, delay 1 ← g (1, t3).
     * Ranges t1 [2,5), t2 [3,5), t3 [4,6): x: ⌈10/3⌉ = 4 per core → cores 2,2,2,2,3,3,3,3,4,4;
     * y: ⌈5/2⌉ = 3 per core → 3,3,3,4,4; g → core 4.
     */
    static NetworkShape toy() {
        return new NetworkShape(
                List.of(new Population("in", 10, true, null), new Population("x", 10, false, "t1"),
                        new Population("y", 5, false, "t2"), new Population("g", 1, false, "t3")),
                List.of(new Connection("in-x", 0, 1, Fan.ONE_TO_ONE, 10, 0, 8, 0, false, null),
                        new Connection("x-y", 1, 2, Fan.ALL, 50, 0, 8, 0, true, null),
                        new Connection("g-y", 3, 2, Fan.ALL, 5, 1, 8, 0, false, null)));
    }

    static final Map<String, int[]> TOY_RANGES = Map.of("t1", new int[] {2, 5}, "t2", new int[] {3, 5}, "t3", new int[] {4, 6});

    /**
     * <pre>
     * core 2: x0–3. 4 compartments → index 6; no delayed synapse here → delay 0; 14 bits per synapse.
     *         input axons: in-x 4 (one synapse each: 14 + 10 → 64 bits) = 256 bits.
     *         output axons: x0–3 each reach y's cores {3, 4} → 8.
     * core 3: x4–7, y0–2. 7 compartments → index 6; g-y has delay 1 → 3 delay bits; 17 bits per synapse.
     *         in-x 4 axons × 64 = 256; x-y 10 axons × (3·17 + 10 = 61 → 64) = 640; g-y 1 axon × 64 → 960 bits, 15 axons.
     *         output: x4–7 → 2 each = 8 (y has no targets).
     * core 4: x8–9, y3–4, g. 5 compartments, 17 bits per synapse.
     *         in-x 2 × 64 = 128; x-y 10 × (2·17 + 10 = 44 → 64) = 640; g-y 64 → 832 bits, 13 axons.
     *         output: x8, x9 → 2 each, g → {3, 4} = 2 → 6.
     * </pre>
     */
    @Test
    void authorsRuleOnAToyNetwork() {
        Mapping m = CoreMapper.authors(toy(), TOY_RANGES, BIG);
        assertThat(m.coresUsed()).isEqualTo(3);
        assertThat(m.fitsOneChip()).isTrue();
        assertThat(m.coreOf()[1]).containsExactly(2, 2, 2, 2, 3, 3, 3, 3, 4, 4);
        assertThat(m.coreOf()[2]).containsExactly(3, 3, 3, 4, 4);
        assertThat(m.coreOf()[0]).isNull();
        assertThat(m.cores()).containsExactly(
                new CoreUsage(2, 4, 4, 8, 256, 6, 0, List.of("x")),
                new CoreUsage(3, 7, 15, 8, 960, 6, 3, List.of("x", "y")),
                new CoreUsage(4, 5, 13, 6, 832, 6, 3, List.of("x", "y", "g")));
    }

    @Test
    void authorsRuleNamesTheExceededLimitAndThePopulation() {
        CoreLimits tight = new CoreLimits(1024, 14, 4096, 1 << 20, 128);
        Mapping m = CoreMapper.authors(toy(), TOY_RANGES, tight);
        assertThat(m.fitsOneChip()).isFalse();
        // x alone gives core 3 four axons; adding y brings x-y (10) and g-y (1): 15 > 14
        assertThat(m.problems()).containsExactly("population y (5 compartments) cannot be placed: core 3 would need 15 input axons > 14");
        assertThatThrownBy(() -> CoreMapper.authors(toy(), Map.of("t1", new int[] {0, 1}), BIG))
                .hasMessageContaining("no core range for neuron type t2");
    }

    /** 16 compartments in all, 8 per core: at least 2 cores. The authors' rule spreads them over 10. */
    @Test
    void packingReachesTheLowerBoundWhenCompartmentsBind() {
        CoreLimits eight = new CoreLimits(8, 4096, 4096, 1 << 20, 128);
        NetworkShape s = new NetworkShape(List.of(new Population("a", 6, false, "t"), new Population("b", 6, false, "t"),
                new Population("c", 4, false, "u")), List.of());
        Mapping authors = CoreMapper.authors(s, Map.of("t", new int[] {0, 6}, "u", new int[] {10, 14}), eight);
        assertThat(authors.coresUsed()).isEqualTo(10);
        Mapping packed = CoreMapper.pack(s, eight);
        assertThat(CoreMapper.lowerBound(s, eight)).isEqualTo(2);
        assertThat(packed.coresUsed()).isEqualTo(2);
        // a fills core 0 with b's first two neurons; core 1 takes b's last four and c
        assertThat(packed.coreOf()[0]).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(packed.coreOf()[1]).containsExactly(0, 0, 1, 1, 1, 1);
        assertThat(packed.coreOf()[2]).containsExactly(1, 1, 1, 1);
        assertThat(packed.fitsOneChip()).isTrue();

        Mapping oneCoreChip = CoreMapper.pack(s, new CoreLimits(8, 4096, 4096, 1 << 20, 1));
        assertThat(oneCoreChip.problems()).singleElement().asString().contains("one chip has cores 0..0");
        // two cores on chips of one core each: two chips, every core within its limits
        assertThat(oneCoreChip.withinCoreLimits()).isTrue();
        assertThat(oneCoreChip.chipsNeeded()).isEqualTo(2);
        assertThat(packed.chipsNeeded()).isEqualTo(1);
        // the authors' rule puts c on cores 10..13: with 4 cores per chip that is the fourth chip
        assertThat(CoreMapper.authors(s, Map.of("t", new int[] {0, 6}, "u", new int[] {10, 14}), new CoreLimits(8, 4096, 4096, 1 << 20, 4))
                .chipsNeeded()).isEqualTo(4);
    }

    /**
     * s (generator, 4) → dense → p (8), 8-bit weights, 256 bits of synapse memory per core. With m neurons of
     * p on a core: m = 3 → index 6, 14 bits, 3·14 + 10 = 52 → 64 bits per axon, 4 axons = 256: fits;
     * m = 4 → 4·14 + 10 = 66 → 128 bits per axon = 512: too much. So 3 + 3 + 2.
     */
    @Test
    void packingSplitsAPopulationWhenSynapseMemoryBinds() {
        NetworkShape s = new NetworkShape(List.of(new Population("s", 4, true, null), new Population("p", 8, false, "t")),
                List.of(new Connection("s-p", 0, 1, Fan.ALL, 32, 0, 8, 0, false, null)));
        Mapping m = CoreMapper.pack(s, new CoreLimits(1024, 4096, 4096, 256, 128));
        assertThat(m.cores()).extracting(CoreUsage::compartments).containsExactly(3, 3, 2);
        assertThat(m.cores()).extracting(CoreUsage::synapseBits).containsExactly(256L, 256L, 256L);
        assertThat(m.fitsOneChip()).isTrue();
    }

    /**
     * src (4) → dense → dst (6), 2 compartments and 5 output axons per core. Targets go first: dst on cores
     * 0–2 (2 each); then every src neuron reaches 3 cores, so two on one core would need 6 > 5 output axons:
     * one per core, 4 more cores, 7 in all. (The optimum is 6: dst 2,2,1,1 with a src neuron beside each
     * single dst, reaching 4 cores each; the greedy packing does not find it.)
     */
    @Test
    void packingKeepsSourcesUnderTheOutputAxonLimit() {
        NetworkShape s = new NetworkShape(List.of(new Population("src", 4, false, "t"), new Population("dst", 6, false, "t")),
                List.of(new Connection("src-dst", 0, 1, Fan.ALL, 24, 0, 8, 0, false, null)));
        Mapping m = CoreMapper.pack(s, new CoreLimits(2, 4096, 5, 1 << 20, 128));
        assertThat(m.fitsOneChip()).isTrue();
        assertThat(m.coresUsed()).isEqualTo(7);
        assertThat(m.coreOf()[1]).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(m.coreOf()[0]).containsExactly(3, 4, 5, 6);
        assertThat(m.cores()).allSatisfy(u -> assertThat(u.exceeded(m.limits())).isEmpty());
    }

    /** Every core holding a neuron of p receives all 20 presynaptic ports: 20 input axons > 8 anywhere. */
    @Test
    void aNetworkThatCannotBePackedSaysWhichLimit() {
        NetworkShape s = new NetworkShape(List.of(new Population("s", 20, true, null), new Population("p", 4, false, "t")),
                List.of(new Connection("s-p", 0, 1, Fan.ALL, 80, 0, 8, 0, false, null)));
        Mapping m = CoreMapper.pack(s, new CoreLimits(1024, 8, 4096, 1 << 20, 128));
        assertThat(m.fitsOneChip()).isFalse();
        assertThat(m.problems()).containsExactly(
                "population p (4 compartments) cannot be placed: even one of its neurons on an empty core 0 would need 20 input axons > 8");
        assertThat(m.chipsNeeded()).as("no number of chips holds a neuron that exceeds a core by itself").isZero();
    }

    @Test
    void listConnectionsCountAxonsPerDestinationCore() {
        // pre 0 → post {0, 1, 3}, pre 1 → post {2}; post split 2 per core: {0,1} on core 0, {2,3} on core 1
        NetworkShape s = new NetworkShape(List.of(new Population("a", 2, false, "t"), new Population("b", 4, false, "u")),
                List.of(new Connection("a-b", 0, 1, Fan.LIST, 4, 0, 8, 0, false, new int[][] {{0, 1, 3}, {2}})));
        Mapping m = CoreMapper.authors(s, Map.of("t", new int[] {5, 6}, "u", new int[] {0, 2}), BIG);
        // core 0: one axon (pre 0, 2 synapses); core 1: pre 0 (1 synapse) and pre 1 (1 synapse) → 2 axons
        assertThat(m.cores()).extracting(CoreUsage::inputAxons).containsExactly(1, 2, 0);
        // pre 0 reaches cores {0, 1}, pre 1 reaches {1}: 3 output axons on core 5
        assertThat(m.cores()).extracting(CoreUsage::outputAxons).containsExactly(0, 0, 3);
    }
}
