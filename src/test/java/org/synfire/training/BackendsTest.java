package org.synfire.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.Convention;
import org.synfire.nbp.Evaluation;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.NbpLearner;
import org.synfire.nbp.TestEvaluator;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.SgscInference;
import org.synfire.nbp.sgsc.SgscLearner;

/** The chip backend takes one path for every depth: the compiled training network, and the compiled inference network for the test set. */
class BackendsTest {
    @Test
    void theChipBackendTrainsAndEvaluatesOneHiddenLayerThroughTheCompiledNetworks() {
        BinaryDataset train = Fixtures.load(Variant.MNIST20, Split.TRAIN), test = Fixtures.load(Variant.MNIST20, Split.TEST);
        for (int[] widths : new int[][] {{400, 400, 10}, {400, 60, 40, 10}}) {
            LayeredWeights init = TrainingRandom.create("synfire", 3).initialWeights(widths);
            Backends.LearnerSpec spec = new Backends.LearnerSpec(init, Convention.CHIP, 3, 1, 50, null);
            NbpLearner learner = Backends.get("chip").create(spec);
            assertThat(learner).isInstanceOf(SgscLearner.class);
            byte[] o = new byte[10];
            for (int i = 0; i < 100; i++) learner.train(train.inputs(), i * 400, train.labels()[i], o);
            TestEvaluator eval = Backends.get("chip").testEvaluator(spec);
            assertThat(eval).as("%s", LayeredWeights.shape(widths)).isInstanceOf(SgscInference.class);
            LayeredWeights w = learner.matrices();
            assertThat(Evaluation.fromSpikes(eval.outputSpikes(w, test), 10, test).exact()).isEqualTo(Evaluation.evaluate(w, test).exact());
        }
    }

    @Test
    void theFunctionalBackendKeepsTheOneHiddenLayerModelForTheReferenceConvention() {
        LayeredWeights init = TrainingRandom.create("numpy", 3).initialWeights(new int[] {400, 400, 10});
        NbpLearner learner = Backends.get("functional").create(new Backends.LearnerSpec(init, Convention.REFERENCE, 3, 0, 0, null));
        assertThat(learner).isInstanceOf(FunctionalNbp.class);
        assertThat(Backends.get("functional").testEvaluator(null)).isNull();
    }
}
