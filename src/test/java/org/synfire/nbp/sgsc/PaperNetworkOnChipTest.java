package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.Convention;
import org.synfire.nbp.Evaluation;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;

/** The paper's networks (the compiler's for 400-400-10) on fixtures: inference equals the forward pass, phases hold, copies are checked. */
class PaperNetworkOnChipTest {
    static final BinaryDataset TRAIN = Fixtures.load(Variant.MNIST20, Split.TRAIN);
    static final BinaryDataset TEST = Fixtures.load(Variant.MNIST20, Split.TEST);

    /** Weights after 300 functional training samples, so outputs are not all silent. */
    static NbpWeights trained() {
        FunctionalNbp m = new FunctionalNbp(TrainingRandom.create("synfire", 3).initialWeights(400, 400, 10), Convention.CHIP);
        byte[] o = new byte[10];
        for (int i = 0; i < 300; i++) m.train(TRAIN.inputs(), i * 400, TRAIN.labels()[i], o);
        return m.weights();
    }

    @Test
    void inferenceNetworkOutputsEqualTheFunctionalForwardPass() {
        NbpWeights w = trained();
        assertThat(CompiledNetworks.inference(PaperChips.WIDTHS).protocol().steps()).as("the paper's 4-phase network").isEqualTo(4);
        byte[] chipOut = new SgscInference(5).outputSpikes(LayeredWeights.of(w), TEST);
        int firing = 0;
        for (int i = 0; i < TEST.size(); i++) {
            // spec 1.2 written out: h = [x.W1 > 512], o = [h.W2 > 512]
            boolean[] h = new boolean[400];
            for (int n = 0; n < 400; n++) {
                int a = 0;
                for (int k = 0; k < 400; k++) if (TEST.inputs()[i * 400 + k] == 1) a += w.w1(k, n);
                h[n] = a > 512;
            }
            for (int j = 0; j < 10; j++) {
                int a = 0;
                for (int n = 0; n < 400; n++) if (h[n]) a += w.w2(n, j);
                assertThat(chipOut[i * 10 + j] == 1).as("sample %d output %d", i, j).isEqualTo(a > 512);
                if (a > 512) firing++;
            }
        }
        assertThat(firing).as("some outputs fire, so the comparison means something").isGreaterThan(50);
        assertThat(Evaluation.fromSpikes(chipOut, 10, TEST).exact()).isEqualTo(Evaluation.evaluate(w, TEST).exact());
    }

    /** The streaming network reads each sample on its own: the same spikes one sample at a time as for the whole set. */
    @Test
    void inferenceSampleBySampleEqualsTheWholeSet() {
        LayeredWeights w = LayeredWeights.of(trained());
        byte[] all = new SgscInference(5).outputSpikes(w, TEST);
        SgscInference.Network net = new SgscInference.Network(w, 5);
        int[] steps = {0};
        for (int i = 0; i < 50; i++) {
            byte[] one = new byte[10];
            net.infer(TEST.inputs(), i * 400, one, 0, () -> steps[0]++);
            assertThat(one).as("sample %d", i).isEqualTo(java.util.Arrays.copyOfRange(all, i * 10, i * 10 + 10));
        }
        assertThat(steps[0]).isEqualTo(50 * 4);
    }

    @Test
    void everyPopulationKeepsToItsPhasesOnFixtureSamples() {
        SgscChip net = PaperChips.chip(trained(), 1);
        byte[] o = new byte[10];
        for (int i = 0; i < 150; i++) net.runSample(TRAIN.inputs(), i * 400, TRAIN.labels()[i], o, true);
        assertThat(net.samples()).isEqualTo(150);
        assertThatCode(net::checkCopies).doesNotThrowAnyException();
    }

    @Test
    void aMiswiredGateIsCaughtByThePhaseCheck() {
        // g04 also gates m_x6: the x replay of the previous sample's phase 11 (delay 4) makes m_x6 fire in phase 4
        CompiledNetworks broken = PaperChips.edited("miswired", "  - {from: g04, to: oT_neg, type: gi}\n",
                "  - {from: g04, to: oT_neg, type: gi}\n  - {from: g04, to: m_x6, type: g}\n");
        SgscChip net = PaperChips.chip(broken, trained(), 1);
        byte[] o = new byte[10];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 50; i++) net.runSample(TRAIN.inputs(), i * 400, TRAIN.labels()[i], o, true);
        }).isInstanceOf(InvariantViolation.class).hasMessageContaining("sample 1, phase 4: population m_x6 spiked");
    }

    @Test
    void anUngatedPhaseZeroSpikeOfTheHiddenLayerIsAWarningAndChangesNothing() {
        // hidden unit 0 gets 120 wu from every pixel: ~100 active pixels give W1.x ~ 12 000 wu > 9216, so the
        // phase-11 replay of x fires h1[0] in the next sample's ungated phase 0 (docs/design.md#ungated-phase-0-spike)
        NbpWeights t = trained();
        int[] w1 = t.w1();
        for (int k = 0; k < 400; k++) w1[k * 400] = 120;
        NbpWeights w = new NbpWeights(400, 400, 10, w1, t.w2());
        SgscChip net = PaperChips.chip(w, 1);
        FunctionalNbp model = new FunctionalNbp(w, Convention.CHIP);
        byte[] o = new byte[10], m = new byte[10];
        for (int i = 0; i < 20; i++) {
            net.runSample(TRAIN.inputs(), i * 400, TRAIN.labels()[i], o, true);
            model.train(TRAIN.inputs(), i * 400, TRAIN.labels()[i], m);
        }
        assertThat(net.drainWarnings()).isNotEmpty().allSatisfy(s -> assertThat(s).contains("tolerated spike (no weight affected)")
                .contains("phase 0: population h1 spiked at index 0").contains("ungated"));
        assertThat(net.drainWarnings()).as("drained").isEmpty();
        assertThat(net.weights().oneHiddenLayer()).isEqualTo(model.weights());
    }

    @Test
    void copiesThatMustStayEqualAreCheckedAndTheNegatedInstanceIsOnlyCounted() {
        NbpWeights w = trained();
        SgscChip net = PaperChips.chip(w, 1);
        Chip chip = net.chip();
        int copy = chip.connection("w1_copy1");
        int[] v = chip.weights(copy);
        v[7] += 2;
        chip.setWeights(copy, v);
        assertThatThrownBy(net::checkCopies).isInstanceOf(InvariantViolation.class).hasMessageContaining("w1_copy1[0][7]");

        SgscChip tp = PaperChips.chip(w, 1);
        int[] p = tp.chip().weights(tp.chip().connection("w2Tp"));
        p[3 * 400 + 5] -= 2; // w2Tp[3][5] holds W2[5][3]
        tp.chip().setWeights(tp.chip().connection("w2Tp"), p);
        assertThatThrownBy(tp::checkCopies).isInstanceOf(InvariantViolation.class).hasMessageContaining("w2Tp[3][5]");

        // a fresh chip's w2Tm is min(254, -W2^T) everywhere: no drift; two edited entries are two entries of drift
        SgscChip neg = PaperChips.chip(w, 1);
        assertThat(neg.copyDrift()).containsExactly(java.util.Map.entry("w2Tm", 0L));
        int tm = neg.chip().connection("w2Tm");
        int[] b = neg.chip().weights(tm);
        b[0] = b[0] == 0 ? 2 : 0;
        b[9 * 400 + 399] = b[9 * 400 + 399] == 0 ? 2 : 0;
        neg.chip().setWeights(tm, b);
        assertThat(neg.copyDrift()).containsEntry("w2Tm", 2L);
        assertThatCode(neg::checkCopies).doesNotThrowAnyException();
    }

    @Test
    void aW2AtMinus256IsBuiltAsPlus254InTheNegatedInstanceWithoutDrift() {
        NbpWeights t = trained();
        int[] w2 = t.w2();
        w2[0] = -256; // W2[0][0]: -(-256) = 256 does not fit the 8-bit mixed weight; the chip stores 254
        SgscChip net = PaperChips.chip(new NbpWeights(400, 400, 10, t.w1(), w2), 1);
        assertThat(net.chip().weight(net.chip().connection("w2Tm"), 0)).isEqualTo(254);
        assertThat(net.copyDrift()).containsEntry("w2Tm", 0L);
    }
}
