package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;
import org.synfire.net.DataFiles;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

class ProtocolTest {
    private static final String PAPER = SgscCompiler.trainingNetwork(400, 400, 10);

    private static Protocol read(String yaml) {
        byte[] b = yaml.getBytes(StandardCharsets.UTF_8);
        NetworkDescription d = NetworkLoader.parse("net.yaml", b, false, Map.of(), DataFiles.relativeTo(Path.of(".")));
        return Protocol.read("net.yaml", b, d);
    }

    @Test
    void theOneParseOfACompileReadsTheSameProtocolAsReadingTheTextAgain() {
        for (int[] widths : new int[][] {{400, 400, 10}, {100, 50, 30, 10}, {8, 5, 4, 3, 2}}) {
            for (boolean training : new boolean[] {true, false}) {
                String yaml = training ? SgscCompiler.trainingNetwork(widths) : SgscCompiler.inferenceNetwork(widths);
                CompiledNetworks once = CompiledNetworks.of("net.yaml", yaml);
                assertThat(once.protocol()).isEqualTo(read(yaml));
            }
        }
        // the steps, phases and readout the paper's driver relies on, read by the one-parse path
        Protocol p = CompiledNetworks.training(new int[] {400, 400, 10}).protocol();
        assertThat(p.steps()).isEqualTo(12);
        assertThat(p.readout()).isEqualTo(new Protocol.Readout("o", 3));
    }

    @Test
    void aFileWithoutProtocolIsRefusedByTheOneParsePathToo() {
        String noProtocol = PAPER.substring(0, PAPER.indexOf("\nprotocol:") + 1);
        assertThatThrownBy(() -> CompiledNetworks.of("net.yaml", noProtocol)).isInstanceOf(UserError.class)
                .hasMessage("net.yaml: no protocol section (a training network must say how it is driven)");
    }

    @Test
    void thePapersProtocolNamesEverythingTheDriverNeeds() {
        Protocol p = read(PAPER);
        assertThat(p.steps()).isEqualTo(12);
        assertThat(p.generator(Protocol.Role.REWARD).phases()).containsExactly(5, 7);
        assertThat(p.generator(Protocol.Role.INPUT).phases()).containsExactly(0);
        assertThat(p.readout()).isEqualTo(new Protocol.Readout("o", 3));
        assertThat(p.matrices()).containsExactly("W1", "W2");
        assertThat(p.instances().get("W2")).extracting(Protocol.Instance::projection)
                .containsExactly("w2", "w2_copy1", "w2_copy2", "w2Tp", "w2Tm");
        assertThat(p.instances().get("W2").get(4)).isEqualTo(new Protocol.Instance("w2Tm", true, true));
        assertThat(p.allowed().get("h1T")).isEqualTo((1L << 5) | (1L << 6) | (1L << 9) | (1L << 10));
        assertThat(p.tolerated().get("h1")).isEqualTo(1L);
    }

    @Test
    void mistakesNameTheFileAndTheField() {
        assertThatThrownBy(() -> read(PAPER.replace("readout: {population: o,", "readout: {population: oo,")))
                .isInstanceOf(UserError.class).hasMessage("net.yaml: protocol.readout.population: no population 'oo'");
        assertThatThrownBy(() -> read(PAPER.replace("reward: {role: reward, phases: [5, 7]}", "reward: {role: reward, phases: [5, 12]}")))
                .isInstanceOf(UserError.class).hasMessage("net.yaml: protocol.generators.reward.phases: not a phase 0..11");
        assertThatThrownBy(() -> read(PAPER.replace("{role: target,", "{role: label,")))
                .isInstanceOf(UserError.class)
                .hasMessage("net.yaml: protocol.generators.in_tgt.role: 'label' is not input, target, reward or gate_start");
        assertThatThrownBy(() -> read(PAPER.replace("  matrices: [W1, W2]", "  matrices: [W1]")))
                .isInstanceOf(UserError.class).hasMessage("net.yaml: protocol: 3 layers need 2 matrices, not 1");
        assertThatThrownBy(() -> read(PAPER.substring(0, PAPER.indexOf("\n# How a driver"))))
                .isInstanceOf(UserError.class).hasMessage("net.yaml: no protocol section (a training network must say how it is driven)");
    }
}
