package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.synfire.chip.OpCounters.LearningBasis;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Fan;
import org.synfire.energy.NetworkShape.Population;

/**
 * Synthetic counts, everything on core 0 (one tile, one core), Davies et al. 2018 costs, default options
 * (learning basis ALL_SYNAPSES: every plastic synapse at every learning epoch).
 *
 * <pre>
 * training: in (generator, 100) → 1:1 → h (100) → dense, plastic → h. One sample of 12 steps:
 *   updates 1200 active; spikes in 100, h 120; SOPs in 100, h 120 × 100 = 12000;
 *   learning: 10000 plastic synapses × 12 epochs = 120000 (pre or post: 50000).
 *   messages: every spike reaches core 0 only → 220, no hops.
 *   dynamic energy = 1200·81 + 12100·23.6 + 220·1.7 + 120000·120 = 97200 + 285560 + 374 + 14400000 = 14783134 pJ
 *     against 590 µJ: −97.494 %
 *   work time = 1200·8.4 + 12100·3.5 (= 52430 ns spiking) + 120000·6.1 (= 732000 ns learning) + 12·113 (sync) = 785786 ns
 *   T_ovh fitted here = (1500000 − 785786) / 12 = 59517.8333 ns per step
 * inference: in (100) → 1:1 → h (100) → dense → o (10). One sample of 4 steps:
 *   updates 400 + 40 active; spikes in 100, h 40, o 1; SOPs 100 + 40·10 = 500; messages 100 + 40 (o has no targets).
 *   dynamic energy = 440·81 + 500·23.6 + 140·1.7 = 35640 + 11800 + 238 = 47678 pJ   (against 2.5 µJ: −98.093 %)
 *   work time = 440·8.4 + 500·3.5 + 4·113 = 5898 ns
 *   T_ovh fitted here = (170000 − 5898) / 4 = 41025.5 ns per step
 * cross-predictions:
 *   inference with training's T_ovh: 5898 + 4·59517.8333 = 243969.333 ns   (+43.511 %)
 *   training with inference's T_ovh: 785786 + 12·41025.5 = 1278092 ns      (−14.794 %)
 * </pre>
 */
class CalibrationTest {
    static final Map<String, int[]> CORE0 = Map.of("n", new int[] {0, 1});

    static EnergyModel trainingModel() {
        return trainingModel(OperationCosts.DAVIES_2018, ModelOptions.DEFAULT);
    }

    static EnergyModel trainingModel(OperationCosts c, ModelOptions o) {
        NetworkShape s = new NetworkShape(List.of(new Population("in", 100, true, null), new Population("h", 100, false, "n")),
                List.of(new Connection("in-h", 0, 1, Fan.ONE_TO_ONE, 100, 0, 8, 0, false, null),
                        new Connection("h-h", 1, 1, Fan.ALL, 10000, 0, 8, 0, true, null)));
        return new EnergyModel(CoreMapper.authors(s, CORE0, CoreLimits.LOIHI1), c, o);
    }

    static SampleCounts trainingCounts() {
        return new SampleCounts("train", 1, List.of(Counts.window(12, new long[] {0, 1200}, new long[] {0, 0}, new long[] {100, 120},
                new long[] {100, 12000}, new long[] {0, 120000}, new long[] {0, 50000}, new long[] {0, 1000})));
    }

    static EnergyModel inferenceModel() {
        NetworkShape s = new NetworkShape(List.of(new Population("in", 100, true, null), new Population("h", 100, false, "n"),
                new Population("o", 10, false, "n")),
                List.of(new Connection("in-h", 0, 1, Fan.ONE_TO_ONE, 100, 0, 8, 0, false, null),
                        new Connection("h-o", 1, 2, Fan.ALL, 1000, 0, 8, 0, false, null)));
        return new EnergyModel(CoreMapper.authors(s, CORE0, CoreLimits.LOIHI1), OperationCosts.DAVIES_2018, ModelOptions.DEFAULT);
    }

    static SampleCounts inferenceCounts() {
        return new SampleCounts("infer", 1, List.of(Counts.window(4, new long[] {0, 400, 40}, new long[3], new long[] {100, 40, 1},
                new long[] {100, 400, 0}, new long[2], new long[2], new long[2])));
    }

    static List<Validation.Point> points() {
        return List.of(new Validation.Point(trainingModel(), trainingCounts(), Measurement.PAPER_TRAINING),
                new Validation.Point(inferenceModel(), inferenceCounts(), Measurement.PAPER_INFERENCE));
    }

    private static Offset<Double> rel(double v, double r) {
        return within(Math.abs(v) * r);
    }

    @Test
    void workAndEnergyPerOperation() {
        Work w = trainingModel().work(trainingCounts());
        assertThat(w.byOperation().updates()).isCloseTo(97200e-12, rel(1e-7, 1e-12));
        assertThat(w.byOperation().synapticOps()).isCloseTo(285560e-12, rel(3e-7, 1e-12));
        assertThat(w.byOperation().messages()).isCloseTo(374e-12, rel(4e-10, 1e-12));
        assertThat(w.byOperation().hops()).isZero();
        assertThat(w.byOperation().spikes()).isZero();       // Davies: spike-out is part of the update
        assertThat(w.byOperation().learning()).isCloseTo(14400000e-12, rel(1.44e-5, 1e-12));
        assertThat(w.dynamicEnergy()).isCloseTo(14783134e-12, rel(1.478e-5, 1e-12));
        assertThat(w.spikingTime()).isCloseTo(52430e-9, rel(5e-5, 1e-12));
        assertThat(w.learningTime()).isCloseTo(732000e-9, rel(7e-4, 1e-12));
        assertThat(w.workTime()).isCloseTo(785786e-9, rel(7.8e-4, 1e-12));
        // the other bases stay as options: pre-or-post prices 50000 evaluations
        Work pp = trainingModel(OperationCosts.DAVIES_2018, ModelOptions.DEFAULT.withLearningBasis(LearningBasis.PRE_OR_POST)).work(trainingCounts());
        assertThat(pp.learningEnergy()).isCloseTo(50000 * 120e-12, rel(6e-6, 1e-12));
        assertThat(pp.learningTime()).isCloseTo(50000 * 6.1e-9, rel(3e-4, 1e-12));
    }

    @Test
    void overheadFittedToOnePointReproducesItsLatency() {
        Calibration cal = Calibration.fit(trainingCounts(), trainingModel(), Measurement.PAPER_TRAINING);
        assertThat(cal.overheadPerStep()).isCloseTo(59517.833333333336e-9, rel(6e-5, 1e-12));
        assertThat(cal.fittedTo()).containsExactly("renner_training");
        Estimate e = trainingModel().estimate(trainingCounts(), cal, Measurement.PAPER_TRAINING);
        assertThat(e.latency()).isCloseTo(1.5e-3, rel(1.5e-3, 1e-12));
        assertThat(e.latencyError()).isCloseTo(0.0, within(1e-12));
        // energy is not fitted: the dynamic energy, −97.494 %
        assertThat(e.energy()).isCloseTo(14783134e-12, rel(1.478e-5, 1e-12));
        assertThat(e.staticEnergy()).isZero();
        assertThat(e.energyError()).isCloseTo(-0.9749438406779661, within(1e-12));
    }

    @Test
    void crossPredictionsBothDirectionsAndNoFit() {
        Validation.Result r = Validation.run(points());
        assertThat(r.noFit("renner_inference").estimate().latency()).isCloseTo(5898e-9, rel(5.9e-6, 1e-12));
        assertThat(r.noFit("renner_training").estimate().latency()).isCloseTo(785786e-9, rel(7.9e-4, 1e-12));
        Estimate inf = r.cross("renner_inference", "renner_training").estimate();
        assertThat(inf.latency()).isCloseTo(243969.33333333334e-9, rel(2.4e-4, 1e-12));
        assertThat(inf.latencyError()).isCloseTo(0.4351137254901962, within(1e-12));
        assertThat(inf.energyError()).isCloseTo(-0.9809288, within(1e-12));
        Estimate tr = r.cross("renner_training", "renner_inference").estimate();
        assertThat(tr.overheadPerStep()).isCloseTo(41025.5e-9, rel(4.1e-5, 1e-12));
        assertThat(tr.latency()).isCloseTo(1278092e-9, rel(1.3e-3, 1e-12));
        assertThat(tr.latencyError()).isCloseTo(-0.14793866666666666, within(1e-12));
        // with two points, leave-one-out is the cross-prediction
        assertThat(r.leaveOneOut("renner_training").estimate()).isEqualTo(tr);
        assertThat(r.leaveOneOut("renner_inference").estimate()).isEqualTo(inf);
    }

    /**
     * Both points together, relative least squares: a_j = s_j / L_j (12/1.5e6 and 4/1.7e5 per ns),
     * T = Σ a_j·(L_j − W_j)/L_j / Σ a_j² = 42941.7009 ns; residuals −13.261 % (training) and +4.509 % (inference).
     */
    @Test
    void overheadFittedToSeveralPointsIsTheRelativeLeastSquaresSolution() {
        List<Calibration.Point> ps = points().stream().map(p -> Calibration.point(p.counts(), p.model(), p.measured())).toList();
        Calibration c = Calibration.fit(ps);
        assertThat(c.overheadPerStep()).isCloseTo(42941.70090833034e-9, rel(4.3e-5, 1e-12));
        assertThat(c.fittedTo()).containsExactly("renner_training", "renner_inference");
        assertThat(trainingModel().estimate(trainingCounts(), c, Measurement.PAPER_TRAINING).latencyError()).isCloseTo(-0.1326090594000239, within(1e-12));
        assertThat(inferenceModel().estimate(inferenceCounts(), c, Measurement.PAPER_INFERENCE).latencyError()).isCloseTo(0.045087080196008045, within(1e-12));
    }

    /**
     * The probe's per-phase energy is the time share of one average power. Training with inference's T_ovh:
     * latency 1278.092 µs, of which spiking 52430 + 1356 = 53786 ns, learning 732000 ns, management 492306 ns;
     * power 14.783134 µJ / 1278.092 µs = 11.5666 mW; spiking energy 14.783134 µJ · 53786 / 1278092 = 0.622119 µJ.
     */
    @Test
    void phaseBreakdownIsTimeSharesOfTheAveragePower() {
        Estimate e = Validation.run(points()).cross("renner_training", "renner_inference").estimate();
        assertThat(e.timeByPhase().spiking()).isCloseTo(53786e-9, rel(5.4e-5, 1e-12));
        assertThat(e.timeByPhase().learning()).isCloseTo(732000e-9, rel(7.3e-4, 1e-12));
        assertThat(e.timeByPhase().management()).isCloseTo(492306e-9, rel(4.9e-4, 1e-12));
        assertThat(e.power()).isCloseTo(0.01156656484822689, rel(0.0116, 1e-12));
        assertThat(e.energyByPhase().spiking()).isCloseTo(6.221192569267314e-07, rel(6.2e-7, 1e-12));
        assertThat(e.energyByPhase().total()).isCloseTo(e.energy(), rel(e.energy(), 1e-12));
        // the per-operation breakdown beside it says where the energy went: 97.4 % learning
        assertThat(e.byOperation().learning() / e.energy()).isCloseTo(14400000.0 / 14783134, within(1e-12));
    }

    /**
     * A point that includes static energy is charged NxSDK's static power of the powered cores and the
     * active x86 core over the latency: (89.1 mW / 54 + 0.149 mW) = 1.799 mW on 1 core and 1 x86 core;
     * inference, no fit: 1.799 mW · 5.898 µs = 10.610502 nJ, total 47.678 + 10.610502 = 58.288502 nJ.
     */
    @Test
    void staticPowerOnlyWhereTheMeasurementIncludesIt() {
        Measurement withStatic = new Measurement("x", "x", 2.5e-6, 0.17e-3, 4, true);
        Estimate e = inferenceModel().estimate(inferenceCounts(), Calibration.none(), withStatic);
        assertThat(e.cores()).isEqualTo(1);
        assertThat(e.staticEnergy()).isCloseTo(10.610502e-9, rel(1e-8, 1e-12));
        assertThat(e.energy()).isCloseTo(58.288502e-9, rel(5.8e-8, 1e-12));
        assertThat(inferenceModel().estimate(inferenceCounts(), Calibration.none(), Measurement.PAPER_INFERENCE).staticEnergy()).isZero();
        assertThat(inferenceModel().estimate(inferenceCounts(), Calibration.none()).staticEnergy()).isZero();
    }

    @Test
    void fitRefusesCountsOfAnotherStepCount() {
        assertThatThrownBy(() -> Calibration.fit(trainingCounts(), trainingModel(), Measurement.PAPER_INFERENCE))
                .hasMessageContaining("12.0 steps per sample").hasMessageContaining("4");
        assertThatThrownBy(() -> Calibration.fit(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
