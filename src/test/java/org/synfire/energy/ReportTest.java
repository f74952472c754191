package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Report report() {
        Calibration cal = Calibration.fit(CalibrationTest.trainingCounts(), CalibrationTest.trainingModel(), Measurement.PAPER_TRAINING);
        return new Report(cal, List.of(
                CalibrationTest.trainingModel().estimate(CalibrationTest.trainingCounts(), cal, Measurement.PAPER_TRAINING),
                CalibrationTest.inferenceModel().estimate(CalibrationTest.inferenceCounts(), cal)));
    }

    @Test
    void jsonRoundTripKeepsEveryValue() {
        Report r = report();
        String json = r.toJson();
        assertThat(json).contains("\"staticPower\"", "\"energyByPhase\"", "\"learningOps\"", "\"measuredEnergy\" : null");
        assertThat(Report.fromJson(json)).isEqualTo(r);
        Estimate e = r.estimates().getFirst();
        assertThat(Estimate.fromJson(e.toJson())).isEqualTo(e);
        assertThatThrownBy(() -> Report.fromJson("{\"calibration\": 3}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableShowsModelBesideThePaper() {
        String t = report().toTable();
        assertThat(t).contains("P_static = 0.389078 W, T_mgmt = 95.1012 us per step");
        // training: 0.59 mJ, 1.5 ms, EDP 0.885 mJ·ms, 393.3 mW, beside the same paper values
        assertThat(t).containsPattern("train +authors \\| +0\\.59000 +0\\.59000 +\\+0\\.0% \\| +1\\.5000 +1\\.5000 +\\+0\\.0% \\| +0\\.88500 +0\\.88500 \\| +393\\.3 +393\\.33");
        // inference without a measured point: dashes in the paper columns
        assertThat(t).containsPattern("infer +authors \\| +0\\.15035 +- +- \\| +0\\.38630 +- +-");
        assertThat(report().estimates().getFirst().line()).startsWith("train: 0.5900 mJ, 1.500 ms per sample (12.0 steps)");
    }
}
