package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;

/** The paper's training network on 2 and 3 threads: the same weights and the same spikes per population and phase as on one. */
class PaperNetworkThreadsTest {
    @Test
    void weightsAndSpikesPerPhaseDoNotDependOnTheThreadCount() {
        BinaryDataset train = Fixtures.load(Variant.MNIST20, Split.TRAIN);
        NbpWeights init = TrainingRandom.create("synfire", 7).initialWeights(400, 400, 10);
        String[] result = new String[4];
        for (int n = 1; n <= 3; n++) {
            Chip.defaultThreads(n);
            try {
                SgscChip net = PaperChips.chip(init, 1);
                assertThat(net.chip().threads()).isEqualTo(n);
                String spikes = PinnedPaperNetworkTest.spikeTable(net, train, 60);
                NbpWeights w = net.weights().oneHiddenLayer();
                result[n] = PinnedPaperNetworkTest.digest(w.w1(), w.w2()) + " " + spikes + " " + java.util.Arrays.toString(net.chip().counters().snapshot().synapticOps());
            } finally {
                Chip.defaultThreads(1);
            }
        }
        assertThat(result[2]).isEqualTo(result[1]);
        assertThat(result[3]).isEqualTo(result[1]);
    }
}
