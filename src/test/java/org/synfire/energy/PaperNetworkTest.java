package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synfire.chip.OpCounters.LearningBasis;

/**
 * The paper's MNIST20 networks (400-400-10), built as static chips by {@link PaperNetworks}: mapping,
 * then calibration on emulated counts of 20 training samples and a prediction for 20 inference samples.
 * The counts come from random images and untrained random weights, and the plastic matrices' learning
 * counts are derived from spikes, so the energy figures here are estimates until the lead feeds real
 * counts of the learning chip. docs/energy.md quotes these figures; the test checks them without printing
 * (`synfire energy`, with --cores, --placement, --costs and --learning-basis, prints the same tables).
 */
class PaperNetworkTest {
    private static PaperNetworks train, infer;
    private static NetworkShape trainShape, inferShape;

    @BeforeAll
    static void build() {
        train = PaperNetworks.training(1);
        infer = PaperNetworks.inference(1);
        trainShape = train.shape();
        inferShape = infer.shape();
    }

    @Test
    void shapesMatchTheSpecCounts() {
        // docs/energy.md#paper-network-mnist20-400-400-10: 3282 compartments, 517 203 synapses (500 000 plastic); inference 814, 165 215
        assertThat(trainShape.compartments()).isEqualTo(3282);
        assertThat(trainShape.synapses()).isEqualTo(517_203);
        assertThat(train.plastic.stream().mapToLong(c -> train.chip.synapseCount(c)).sum()).isEqualTo(500_000);
        assertThat(inferShape.compartments()).isEqualTo(814);
        assertThat(inferShape.synapses()).isEqualTo(165_215);
    }

    @Test
    void authorsPlacementUses81CoresAsTheSpecSays() {
        for (NetworkShape s : List.of(trainShape, inferShape)) {
            Mapping m = CoreMapper.authors(s);
            assertThat(m.coresUsed()).isEqualTo(81);
            assertThat(m.cores()).extracting(CoreUsage::core).containsExactlyElementsOf(IntStream.rangeClosed(2, 82).boxed().toList());
            assertThat(m.fitsOneChip()).isTrue();
        }
        Mapping t = CoreMapper.authors(trainShape);
        assertThat(t.maxCompartmentsPerCore()).isEqualTo(60); // core 40: 24 n_sfl + 24 n_sfc + 12 gates
        assertThat(t.cores()).filteredOn(u -> u.core() == 40).singleElement().extracting(CoreUsage::compartments).isEqualTo(60);
    }

    @Test
    void packingUsesFarFewerCores() {
        Mapping t = CoreMapper.pack(trainShape), i = CoreMapper.pack(inferShape);
        assertThat(t.summary()).startsWith("placement packed: 12 cores used, fits one chip");
        assertThat(i.summary()).startsWith("placement packed: 3 cores used, fits one chip");
        assertThat(t.fitsOneChip()).isTrue();
        assertThat(i.fitsOneChip()).isTrue();
        // heuristic results, pinned so that changes are seen; synapse memory binds (W1 copies at 18 bits per synapse)
        assertThat(t.coresUsed()).isEqualTo(12);
        assertThat(i.coresUsed()).isEqualTo(3);
        assertThat(t.coresUsed()).isGreaterThanOrEqualTo(CoreMapper.lowerBound(trainShape, CoreLimits.LOIHI1));
        assertThat(i.coresUsed()).isGreaterThanOrEqualTo(CoreMapper.lowerBound(inferShape, CoreLimits.LOIHI1));
    }

    @Test
    void predictBothPointsWithoutFitting() {
        SampleCounts tc = train.run(20), ic = infer.run(20);
        assertThat(tc.stepsPerSample()).isEqualTo(12.0);
        assertThat(ic.stepsPerSample()).isEqualTo(4.0);
        // x fires in phases 1, 7 and 11 with the ~100 active pixels of each image
        assertThat(train.spikesOf(tc, "x") / 20.0).isBetween(270.0, 310.0);

        Mapping ta = CoreMapper.authors(trainShape), ia = CoreMapper.authors(inferShape);
        EnergyModel tm = new EnergyModel(ta, OperationCosts.DEFAULT, ModelOptions.DEFAULT);
        EnergyModel im = new EnergyModel(ia, OperationCosts.DEFAULT, ModelOptions.DEFAULT);
        Validation.Result r = Validation.run(List.of(new Validation.Point(tm, tc, Measurement.PAPER_TRAINING),
                new Validation.Point(im, ic, Measurement.PAPER_INFERENCE)));
        // every plastic synapse at every epoch: 500 000 × 12 × 120 pJ = 720 µJ per sample, whatever the activity
        Estimate te = r.noFit("renner_training").estimate();
        assertThat(te.byOperation().learning()).isCloseTo(720e-6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(te.ops().learningOps()).isEqualTo(6_000_000.0);
        // busiest core (2–11): 18·400 + 3·400 + 6·20 = 8520 plastic synapses; 12 epochs × 8520 × 6.1 ns = 623.664 µs
        assertThat(te.timeByPhase().learning()).isCloseTo(623.664e-6, org.assertj.core.api.Assertions.within(1e-12));
        // static chips with random images: the same bands as the real counts (see EnergyCommandTest)
        assertThat(te.energyError()).isBetween(0.15, 0.35);
        assertThat(r.noFit("renner_inference").estimate().energyError()).isBetween(-0.35, 0.35);
    }
}
