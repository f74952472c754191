package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.chip.Chip;
import org.synfire.chip.ChipBuilder;
import org.synfire.chip.CompartmentPrototype;
import org.synfire.chip.ConnectionSpec;
import org.synfire.chip.Connectivity;
import org.synfire.chip.LearningSpec;
import org.synfire.chip.OpCounters;
import org.synfire.chip.learning.SignMode;

/**
 * Learning priced per learning epoch for every plastic synapse of a core, on the emulated chip.
 *
 * <pre>
 * G (generator, 2 ports) → dense, plastic (tEpoch 1) → P (3 compartments); nothing spikes; 5 steps.
 * Authors' rule over cores [0, 2): ⌈3/2⌉ = 2 neurons per core → P0, P1 on core 0, P2 on core 1.
 * Plastic synapses: 2 × 3 = 6, of which core 0 stores 4 and core 1 stores 2.
 * ALL_SYNAPSES: 6 per epoch × 5 epochs = 30 evaluations although nothing fired (pre or post: 0).
 * SANA-FE set (learning row 120 pJ, 6.1 ns): energy 30 × 120 pJ = 3600 pJ;
 * time = the busiest core: 5 epochs × 4 synapses × 6.1 ns = 122 ns (not 30 × 6.1 = 183 ns).
 * </pre>
 */
class LearningCostTest {

    @Test
    void everyPlasticSynapseEveryEpochAndTheBusiestCoresTime() {
        ChipBuilder b = new ChipBuilder();
        int g = b.addSpikeGenerator("G", 2);
        int p = b.addCompartments("P", 3, CompartmentPrototype.of(4096, 4096, 1000, 0, 0, 1).withLearning(true));
        int rule = b.addLearningRule(LearningSpec.of("r", "y0*x0*2", new LearningSpec.Trace(1, 0), 1));
        b.connect(new ConnectionSpec("G->P", g, p, new Connectivity.Dense(new int[6]), SignMode.MIXED, 8, 0, 0, rule));
        Chip chip = b.build(1);
        OpCounters.Snapshot s0 = chip.counters().snapshot();
        chip.run(5);
        SampleCounts counts = SampleCounts.fromCumulative("plastic", 1, List.of(s0, chip.counters().snapshot()));
        assertThat(counts.windows().getFirst().totalLearning(OpCounters.LearningBasis.ALL_SYNAPSES)).isEqualTo(30);
        assertThat(counts.windows().getFirst().totalLearning(OpCounters.LearningBasis.PRE_OR_POST)).isZero();

        Mapping m = CoreMapper.authors(NetworkShape.of(chip, Map.of("P", "p")), Map.of("p", new int[] {0, 2}), CoreLimits.LOIHI1);
        assertThat(m.coreOf()[m.shape().index("P")]).containsExactly(0, 0, 1);
        Work w = new EnergyModel(m, OperationCosts.SANA_FE, ModelOptions.DEFAULT).work(counts);
        assertThat(w.ops().learningOps()).isEqualTo(30.0);
        assertThat(w.learningEnergy()).isCloseTo(3600e-12, within(1e-21));
        assertThat(w.learningTime()).isCloseTo(122e-9, within(1e-18));

        Work pp = new EnergyModel(m, OperationCosts.SANA_FE, ModelOptions.DEFAULT.withLearningBasis(OpCounters.LearningBasis.PRE_OR_POST)).work(counts);
        assertThat(pp.learningEnergy()).isZero();
        assertThat(pp.learningTime()).isZero();
    }
}
