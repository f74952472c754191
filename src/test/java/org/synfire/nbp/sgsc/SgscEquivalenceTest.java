package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.WeightInit;
import org.synfire.net.DataFiles;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

/** Compiled networks of one, two and three hidden layers equal the layered model, sample by sample, phases checked. */
class SgscEquivalenceTest {
    private static final BinaryDataset TRAIN = Fixtures.load(Variant.MNIST20, Split.TRAIN);

    @ParameterizedTest
    @CsvSource({"400-400-10, 200", "400-400-400-10, 200", "400-300-200-10, 150", "400-200-200-200-10, 100"})
    void compiledNetworksEqualTheLayeredModel(String shape, int samples) {
        int[] sizes = java.util.Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
        byte[] yaml = SgscCompiler.trainingNetwork(sizes).getBytes(StandardCharsets.UTF_8);
        NetworkDescription d = NetworkLoader.parse("compiled " + shape, yaml, false, Map.of(), DataFiles.relativeTo(Path.of(".")));
        Protocol p = Protocol.read("compiled " + shape, yaml, d);
        LayeredWeights init = WeightInit.randHe(sizes, new Random(11)::nextGaussian);
        int[] order = TrainingRandom.create("synfire", 3).initialOrder(TRAIN.size());
        SgscEquivalence.Result r = SgscEquivalence.run(d, p, init, TRAIN, order, samples, 3, true, null);
        assertThat(r.divergence()).isNull();
        for (int l = 0; l < init.layers(); l++) {
            int[] a = init.matrix(l), b = r.weights().matrix(l);
            int changed = 0;
            for (int k = 0; k < a.length; k++) if (a[k] != b[k]) changed++;
            assertThat(changed).as("W%d learned (entries changed)", l + 1).isGreaterThan(a.length / 100);
        }
    }

    /** The comparison is not vacuous: a two-layer network whose f'-gated sign+ arrives one phase late is caught. */
    @org.junit.jupiter.api.Test
    void aMistimedErrorPathIsCaught() {
        String good = SgscCompiler.trainingNetwork(400, 400, 400, 10);
        String bad = good.replace("{from: h2T, to: d_pos_h2, type: 1e_d2}", "{from: h2T, to: d_pos_h2, type: 1e_d3}");
        assertThat(bad).isNotEqualTo(good);
        byte[] yaml = bad.getBytes(StandardCharsets.UTF_8);
        NetworkDescription d = NetworkLoader.parse("mistimed", yaml, false, Map.of(), DataFiles.relativeTo(Path.of(".")));
        Protocol p = Protocol.read("mistimed", yaml, d);
        LayeredWeights init = WeightInit.randHe(new int[] {400, 400, 400, 10}, new Random(11)::nextGaussian);
        int[] order = TrainingRandom.create("synfire", 3).initialOrder(TRAIN.size());
        SgscEquivalence.Result r = SgscEquivalence.run(d, p, init, TRAIN, order, 100, 3, false, null);
        assertThat(r.divergence()).isNotNull();
    }
}
