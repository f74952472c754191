package org.synfire.nbp.onchip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;

/** The spiking training network must equal the functional model (chip convention) bit for bit. */
class TrainingChipEquivalenceTest {

    @Test
    void twoHundredFixtureSamplesGiveIdenticalMatricesAfterEverySample() {
        BinaryDataset train = Fixtures.load(Variant.MNIST20, Split.TRAIN);
        NbpWeights init = TrainingRandom.create("synfire", 7).initialWeights(400, 400, 10);
        int[] order = IntStream.range(0, train.size()).toArray();
        Equivalence.Result r = Equivalence.run(init, train, order, 200, 1, null);
        assertThat(r.divergence()).isNull();
        assertThat(r.samples()).isEqualTo(200);
    }
}
