package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The constants of both cost sets and of the static power, pinned with their sources, so that a change
 * to any of them is a deliberate one.
 */
class OperationCostsTest {
    private static final double PJ = 1e-12, NS = 1e-9;

    @Test
    void defaultIsSanaFeBecauseItWasCalibratedOnMeasuredDynamicEnergy() {
        assertThat(OperationCosts.DEFAULT).isSameAs(OperationCosts.SANA_FE);
        assertThat(ModelOptions.DEFAULT.learningBasis()).isEqualTo(org.synfire.chip.OpCounters.LearningBasis.ALL_SYNAPSES);
        assertThat(OperationCosts.named("sana_fe")).isSameAs(OperationCosts.SANA_FE);
        assertThat(OperationCosts.named("davies")).isSameAs(OperationCosts.DAVIES_2018);
        assertThatThrownBy(() -> OperationCosts.named("x")).hasMessageContaining("DAVIES_2018 or SANA_FE");
    }

    /** SANA-FE arch/loihi.yaml @8951ab0; learning from Davies et al. 2018 Table 2 (SANA-FE models none). */
    @Test
    void sanaFe() {
        OperationCosts c = OperationCosts.SANA_FE;
        assertThat(c.source()).contains("SANA-FE", "8951ab0", "Davies");
        cost(c.updateActive(), 72.8, 9.7);     // soma access 51.2 pJ / 6.0 ns + update 21.6 pJ / 3.7 ns
        cost(c.updateInactive(), 51.2, 6.0);   // soma access only
        cost(c.spike(), 69.3, 30);             // soma spike-out
        cost(c.synapticOp(), 35.5, 3.8);       // dense synapse
        cost(c.message(), 111, 5.1);           // axon out
        assertThat(c.messageInTime()).isCloseTo(16 * NS, within(1e-15));   // axon in, at each destination core
        assertThat(c.hopEastWest()).isCloseTo(3.0 * PJ, within(1e-18));
        assertThat(c.hopNorthSouth()).isCloseTo(4.2 * PJ, within(1e-18));
        cost(c.learning(), 120, 6.1);          // Davies et al. 2018 Table 2, synaptic update (recalled)
        // barrier latency_sync {1: 0.6, 2: 1.0, 4: 1.4, 29: 1.8 us}, keyed by mapped tiles; 21 tiles interpolate to 1.7 us
        assertThat(c.syncTime(1)).isCloseTo(600 * NS, within(1e-15));
        assertThat(c.syncTime(3)).isCloseTo(1200 * NS, within(1e-15));
        assertThat(c.syncTime(29)).isCloseTo(1800 * NS, within(1e-15));
        assertThat(c.syncTime(21)).isCloseTo((1400 + 400.0 * 17 / 25) * NS, within(1e-15));
        assertThat(c.syncTime(64)).isCloseTo(1800 * NS, within(1e-15));
    }

    /** Davies et al., IEEE Micro 38(1), 2018, Table 2 (pre-silicon); learning and barrier rows recalled. */
    @Test
    void davies2018() {
        OperationCosts c = OperationCosts.DAVIES_2018;
        assertThat(c.source()).contains("Davies et al. 2018", "Table 2");
        cost(c.updateActive(), 81, 8.4);
        cost(c.updateInactive(), 52, 5.3);
        cost(c.spike(), 0, 0);
        cost(c.synapticOp(), 23.6, 3.5);
        cost(c.message(), 1.7, 0);
        assertThat(c.messageInTime()).isZero();
        assertThat(c.hopEastWest()).isCloseTo(3.0 * PJ, within(1e-18));
        assertThat(c.hopNorthSouth()).isCloseTo(4.0 * PJ, within(1e-18));
        cost(c.learning(), 120, 6.1);
        assertThat(c.syncTime(1)).isCloseTo(113 * NS, within(1e-15));
        assertThat(c.syncTime(32)).isCloseTo(465 * NS, within(1e-15));
    }

    /** NxSDK breakdowns in Intel's notebooks: 89.1 mW core static for a 54-core copy, 0.149 mW per x86 core. */
    @Test
    void staticPowerPerPoweredCore() {
        StaticPower s = StaticPower.NXSDK_NOTEBOOKS;
        assertThat(s.perCore()).isCloseTo(1.65e-3, within(1e-15));
        assertThat(s.perEmbeddedCore()).isCloseTo(0.149e-3, within(1e-15));
        // 81 cores and one x86 core: 81 · 1.65 + 0.149 = 133.799 mW, nine times the 14.7 mW the inference row averages
        assertThat(s.watts(81, 1)).isCloseTo(0.133799, within(1e-12));
        assertThat(ModelOptions.DEFAULT.staticPower()).isSameAs(s);
    }

    @Test
    void rennerRowsAreComparedAsDynamicEnergy() {
        assertThat(Measurement.PAPER_TRAINING.includesStatic()).isFalse();
        assertThat(Measurement.PAPER_INFERENCE.includesStatic()).isFalse();
        assertThat(Measurement.PAPER_TRAINING.energyPerSample()).isEqualTo(0.59e-3);
        assertThat(Measurement.PAPER_TRAINING.latencyPerSample()).isEqualTo(1.5e-3);
        assertThat(Measurement.PAPER_INFERENCE.energyPerSample()).isEqualTo(0.0025e-3);
        assertThat(Measurement.PAPER_INFERENCE.latencyPerSample()).isEqualTo(0.17e-3);
        assertThat(Measurement.PAPER_INFERENCE.power()).isCloseTo(0.0147, within(1e-4));
    }

    private static void cost(OperationCosts.Cost c, double pj, double ns) {
        assertThat(c.energy()).isCloseTo(pj * PJ, within(1e-18));
        assertThat(c.time()).isCloseTo(ns * NS, within(1e-15));
    }
}
