package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;

/**
 * {@link NetworkCompiler#checkFits}: networks too large for the emulator are refused by name, size and limit;
 * {@link NetworkCompiler#oneChipProblems}: networks beyond one chip's compartments are named, and still run.
 */
class ChipFitTest {
    private static final String LIMIT = "the emulated Loihi 1 chip holds at most 131072 compartments (128 cores x 1024)";

    /**
     * Line 1 name, 2-3 neuron type, 4-6 connection types, 7-9 populations a and b, 10-11 generator, 12-14 projections;
     * {@code linkType} null leaves out the projection a -> b.
     */
    private static NetworkDescription net(int a, int b, int ports, String linkType) {
        String text = """
                name: sized
                neuron_types:
                  relay: {threshold: 1024}
                connection_types:
                  drive: {connectivity: all_to_all, weight: 1100}
                  link: {connectivity: %s, weight: 1100}
                populations:
                  a: {size: %d, type: relay}
                  b: {size: %d, type: relay}
                spike_generators:
                  stim: {ports: %d, spikes: [[1, 0]]}
                projections:
                  - {from: stim, to: a, type: drive}
                %s
                """.formatted(linkType == null ? "one_to_one" : linkType, a, b, ports, linkType == null ? "" : "  - {from: a, to: b, type: link}");
        return NetworkLoader.parse("net.yaml", text.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.NONE);
    }

    @Test
    void aNetworkOfExactlyTheChipsCompartmentsFitsAndRuns() {
        NetworkDescription d = net(65536, 65536, 1, "one_to_one"); // 2 x 65536 = 131072
        assertThat(NetworkCompiler.fitProblems(d)).isEmpty();
        assertThatCode(() -> NetworkCompiler.checkFits(d)).doesNotThrowAnyException();
        CompiledNetwork c = NetworkCompiler.compile(d, 1);
        c.chip().run(3);
        // stim at 1 -> every a at 2 (1100 > 1024) -> every b at 3
        assertThat(c.chip().counters().snapshot().totalSpikes()).isEqualTo(1 + 65536 + 65536);
    }

    @Test
    void oneCompartmentTooManyInAllNamesTheLargestPopulations() {
        NetworkDescription d = net(65536, 65537, 1, null);
        assertThat(NetworkCompiler.oneChipProblems(d)).containsExactly(
                "the network has 131073 compartments in all (b 65537, a 65536); " + LIMIT);
        // beyond one chip, the emulator still builds and runs it
        assertThat(NetworkCompiler.fitProblems(d)).isEmpty();
        assertThatCode(() -> NetworkCompiler.checkFits(d)).doesNotThrowAnyException();
    }

    @Test
    void onePopulationLargerThanTheChipIsNamedAndCompileRefusesItBeforeAllocating() {
        // Integer.MAX_VALUE compartments would need 8 x 2^31 accumulator slots: compile must not get that far
        NetworkDescription d = net(Integer.MAX_VALUE, 3, 1, "all_to_all");
        assertThat(NetworkCompiler.oneChipProblems(d)).containsExactly("population a has 2147483647 compartments; " + LIMIT);
        String expected = "net.yaml has 3 problems:\n"
                + "  net.yaml:8:3: populations.a: population a has 2147483647 compartments; the emulator holds at most 268435454 in one"
                + " population (its 8 delay slots each live in one array)\n"
                + "  net.yaml:13:5: projections[0]: projection stim->a:drive has 1 x 2147483647 = 2147483647 synapses;"
                + " the emulator holds at most 2147483639 in one projection\n"
                + "  net.yaml:14:5: projections[1]: projection a->b:link has 2147483647 x 3 = 6442450941 synapses;"
                + " the emulator holds at most 2147483639 in one projection";
        assertThatThrownBy(() -> NetworkCompiler.checkFits(d)).isInstanceOf(UserError.class).hasMessage(expected);
        assertThatThrownBy(() -> NetworkCompiler.compile(d, 1)).isInstanceOf(UserError.class).hasMessage(expected);
    }

    @Test
    void anAllToAllProjectionTooLargeForOneArray() {
        // 50000 + 50000 compartments fit; 50000 x 50000 = 2.5e9 synapses do not
        NetworkDescription d = net(50000, 50000, 1, "all_to_all");
        assertThat(NetworkCompiler.fitProblems(d)).containsExactly(
                "projection a->b:link has 50000 x 50000 = 2500000000 synapses; the emulator holds at most 2147483639 in one projection");
        // one-to-one between the same populations is 50000 synapses: fine
        assertThat(NetworkCompiler.fitProblems(net(50000, 50000, 1, "one_to_one"))).isEmpty();
    }

    @Test
    void aSpikeGeneratorWithMorePortsThanAnEventCarries() {
        // ports travel in 24 bits: 2^24 - 1 = 16777215 is the most (a network file is checked by the loader already)
        assertThat(NetworkCompiler.fitProblems(generator(16777215))).isEmpty();
        assertThat(NetworkCompiler.fitProblems(generator(16777216))).containsExactly(
                "spike generator stim has 16777216 ports; the emulator's spike generators have at most 16777215");
    }

    private static NetworkDescription generator(int ports) {
        return NetworkBuilder.network("g")
                .neuronType("relay", t -> t.threshold(1024))
                .connectionType("link", c -> c.oneToOne().weight(1100))
                .population("a", 1, "relay")
                .spikeGenerator("stim", ports)
                .build();
    }
}
