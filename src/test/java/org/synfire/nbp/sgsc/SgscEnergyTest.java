package org.synfire.nbp.sgsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Fixtures;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.energy.Calibration;
import org.synfire.energy.Measurement;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.OperationCosts;
import org.synfire.energy.Validation;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;

/** The paper's network priced through the general path: its two measured points, and the same network priced as any compiled one. */
class SgscEnergyTest {
    private static final BinaryDataset TRAIN = Fixtures.load(Variant.MNIST20, Split.TRAIN), TEST = Fixtures.load(Variant.MNIST20, Split.TEST);
    private static final SgscEnergy.Settings SETTINGS = new SgscEnergy.Settings("authors", OperationCosts.SANA_FE,
            ModelOptions.DEFAULT.withLearningBasis(OpCounters.LearningBasis.ALL_SYNAPSES));

    @Test
    void thePaperNetworkPricedAsACompiledNetworkCostsWhatItsValidationPointsPredict() {
        LayeredWeights w = TrainingRandom.create("synfire", 43).initialWeights(PaperChips.WIDTHS);
        SgscEnergy.Counts c = SgscEnergy.count(PaperChips.training(), w, TRAIN, TEST, 30, 43, "authors");
        assertThat(c.shape()).isEqualTo("400-400-10");
        assertThat(c.train().samples()).isEqualTo(30);
        assertThat(c.train().windows()).as("one window per step").hasSize(30 * 12);
        assertThat(c.infer().windows()).hasSize(30 * 4);
        assertThat(c.trainMapping().coresUsed()).as("the authors' placement").isEqualTo(81);
        assertThat(c.trainSpikesPerSample()).containsKeys("x", "h1", "o", "g00").doesNotContainKeys("input", "in_g");

        List<Validation.Point> paper = SgscEnergy.paperPoints(c, SETTINGS);
        assertThat(paper).extracting(p -> p.measured()).containsExactly(Measurement.PAPER_TRAINING, Measurement.PAPER_INFERENCE);
        Calibration tc = Calibration.fit(paper.get(0).counts(), paper.get(0).model(), paper.get(0).measured());
        Calibration ic = Calibration.fit(paper.get(1).counts(), paper.get(1).model(), paper.get(1).measured());
        SgscEnergy.Result r = SgscEnergy.run(PaperChips.training(), w, TRAIN, TEST, 30, 43, SETTINGS, tc, ic);
        assertThat(r.train().dynamicEnergy()).isPositive().isEqualTo(paper.get(0).model().estimate(paper.get(0).counts(), tc).dynamicEnergy());
        assertThat(r.infer().dynamicEnergy()).isPositive().isEqualTo(paper.get(1).model().estimate(paper.get(1).counts(), ic).dynamicEnergy());
        // fitted to its own measured point, the latency is the measurement
        assertThat(r.train().latency()).isCloseTo(Measurement.PAPER_TRAINING.latencyPerSample(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void anUnknownPlacementIsAUserError() {
        LayeredWeights w = TrainingRandom.create("synfire", 43).initialWeights(new int[] {400, 20, 10});
        assertThatThrownBy(() -> SgscEnergy.count(CompiledNetworks.training(new int[] {400, 20, 10}), w, TRAIN, TEST, 1, 1, "spread"))
                .isInstanceOf(UserError.class).hasMessageContaining("unknown --placement 'spread'");
    }
}
