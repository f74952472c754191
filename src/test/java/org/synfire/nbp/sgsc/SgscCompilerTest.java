package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.net.DataFiles;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

class SgscCompilerTest {
    private static NetworkDescription parse(String yaml, Map<String, Integer> params) {
        return NetworkLoader.parse("compiled", yaml.getBytes(StandardCharsets.UTF_8), false, params, DataFiles.relativeTo(Path.of(".")));
    }

    @Test
    void oneHiddenLayerIsThePapersNetworkProjectionForProjection() {
        NetworkDescription shipped = NetworkLoader.loadResource("/org/synfire/nbp/sgsc-train.yaml", Map.of());
        NetworkDescription compiled = parse(SgscCompiler.trainingNetwork(400, 400, 10), Map.of());
        assertThat(compiled.populations()).isEqualTo(shipped.populations());
        assertThat(compiled.neuronTypes()).isEqualTo(shipped.neuronTypes());
        assertThat(compiled.connectionTypes()).isEqualTo(shipped.connectionTypes());
        assertThat(compiled.spikeGenerators()).isEqualTo(shipped.spikeGenerators());
        for (int i = 0; i < shipped.projections().size(); i++) {
            assertThat(compiled.projections().get(i)).as("projection %d", i).isEqualTo(shipped.projections().get(i));
        }
        assertThat(compiled.projections()).hasSameSizeAs(shipped.projections());
        assertThat(compiled).isEqualTo(shipped);
    }

    @Test
    void deeperNetworksLoadAndFit() {
        for (int[] w : new int[][] {{400, 400, 400, 10}, {400, 300, 200, 100, 10}, {3, 3, 4, 2}}) {
            String yaml = SgscCompiler.trainingNetwork(w);
            NetworkDescription d = parse(yaml, Map.of());
            assertThat(NetworkCompiler.fitProblems(d)).isEmpty();
            int hidden = w.length - 2;
            assertThat(d.populations()).containsKey("g" + String.format("%02d", 6 * hidden + 5));
        }
    }

    @Test
    void oneHiddenLayerInferenceIsThePapersFourPhaseNetwork() {
        NetworkDescription shipped = NetworkLoader.loadResource("/org/synfire/nbp/sgsc-infer.yaml", Map.of());
        NetworkDescription compiled = parse(SgscCompiler.inferenceNetwork(400, 400, 10), Map.of());
        assertThat(compiled).isEqualTo(shipped);
    }

    /** The shipped paper networks are the compiler's output for 400-400-10, byte for byte. */
    @Test
    void theShippedNetworkFilesAreTheCompilersOutput() throws java.io.IOException {
        for (String[] r : new String[][] {{"/org/synfire/nbp/sgsc-train.yaml", SgscCompiler.trainingNetwork(400, 400, 10)},
                {"/org/synfire/nbp/sgsc-infer.yaml", SgscCompiler.inferenceNetwork(400, 400, 10)}}) {
            try (var in = SgscCompilerTest.class.getResourceAsStream(r[0])) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(r[0]).isEqualTo(r[1]);
            }
        }
    }
}
