package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.io.Checksums;

/**
 * The 400-400-10 network as it was before the network compiler, now the compiler's output driven by its
 * protocol ({@link SgscChip}, as every run drives it): its weights after 200 fixture samples and its spike
 * counts per population and phase are pinned (SHA-256 values computed with the code of the first release,
 * commit d9cc962, and reproduced since), so any change to the compiler, the protocol or the driver that
 * moves one spike or one weight fails here.
 */
class PinnedPaperNetworkTest {
    static String digest(int[] a, int[] b) {
        ByteBuffer buf = ByteBuffer.allocate(4 * (a.length + b.length));
        for (int v : a) buf.putInt(v);
        for (int v : b) buf.putInt(v);
        return Checksums.sha256(buf.array());
    }

    /** Population → spikes in each of the 12 phases, summed over the samples, as "name:c0,c1,...;". */
    static String spikeTable(SgscChip net, BinaryDataset train, int samples) {
        Chip chip = net.chip();
        long[][] counts = new long[chip.sourceCount()][12];
        byte[] o = new byte[10];
        for (int s = 0; s < samples; s++) {
            int i = s % train.size();
            int[] phase = {0};
            net.runSample(train.inputs(), i * 400, train.labels()[i], o, true, () -> {
                for (int h = 0; h < chip.sourceCount(); h++) if (!chip.isGenerator(h)) counts[h][phase[0]] += chip.firedCount(h);
                phase[0]++;
            });
        }
        StringBuilder sb = new StringBuilder();
        for (int h = 0; h < chip.sourceCount(); h++) {
            if (chip.isGenerator(h)) continue;
            sb.append(chip.sourceName(h)).append(':');
            for (int p = 0; p < 12; p++) sb.append(p == 0 ? "" : ",").append(counts[h][p]);
            sb.append(';');
        }
        return sb.toString();
    }

    @Test
    void weightsAndSpikesPerPhaseAfter200FixtureSamplesAreThoseOfTheOriginalNetwork() {
        BinaryDataset train = Fixtures.load(Variant.MNIST20, Split.TRAIN);
        NbpWeights init = TrainingRandom.create("synfire", 7).initialWeights(400, 400, 10);
        SgscChip net = PaperChips.chip(init, 1);
        String spikes = spikeTable(net, train, 200);
        NbpWeights w = net.weights().oneHiddenLayer();
        assertThat(digest(w.w1(), w.w2())).isEqualTo(PINNED_WEIGHTS);
        assertThat(Checksums.sha256(spikes.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(spikes).isEqualTo(PINNED_SPIKES);
        assertThat(IntStream.of(w.w1()).filter(v -> v != 0).count()).isPositive();
    }

    static final String PINNED_WEIGHTS = "7b5881f4e2126f7f9a24c93dde41e19ed4d33df233b94680813e589e485774fa";
    static final String PINNED_SPIKES = "bf4371b1459b4837bb3426391a4cf2d68f3d13b86c6cb4366c7b3b4ae79ab7ae";
}
