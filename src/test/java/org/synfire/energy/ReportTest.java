package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The synthetic points of {@link CalibrationTest}; the figures are worked out there. */
class ReportTest {

    private static Report report() {
        return Report.of(CalibrationTest.points());
    }

    @Test
    void jsonHasTheTableDataInSnakeCaseWithUnits() throws Exception {
        JsonNode j = new ObjectMapper().readTree(report().toJson());
        assertThat(j.path("model").path("learning_basis").asText()).isEqualTo("ALL_SYNAPSES");
        JsonNode inf = j.path("points").get(1);
        assertThat(inf.path("key").asText()).isEqualTo("renner_inference");
        assertThat(inf.path("measured_energy_uj").asDouble()).isCloseTo(2.5, within(1e-12));
        assertThat(inf.path("measured_time_us").asDouble()).isCloseTo(170.0, within(1e-9));
        assertThat(inf.path("measured_includes_static").asBoolean()).isFalse();
        assertThat(inf.path("no_fit").path("energy_uj").asDouble()).isCloseTo(0.047678, within(1e-12));
        assertThat(inf.path("no_fit").path("time_us").asDouble()).isCloseTo(5.898, within(1e-9));
        assertThat(inf.path("no_fit").path("energy_error").asDouble()).isCloseTo(-0.9809288, within(1e-12));
        assertThat(inf.path("leave_one_out").path("time_us").asDouble()).isCloseTo(243.96933333, within(1e-6));
        assertThat(inf.path("leave_one_out").path("overhead_fitted_to").get(0).asText()).isEqualTo("renner_training");
        assertThat(inf.path("no_fit").path("energy_by_operation_uj").path("synaptic_ops").asDouble()).isCloseTo(0.0118, within(1e-12));
        assertThat(j.path("cross_predictions")).hasSize(2);
        assertThat(j.path("cross_predictions").get(0).path("time_error").asDouble()).isCloseTo(-0.14793866666666666, within(1e-12));
        // keys are snake_case
        assertThat(report().toJson()).doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\" :");
    }

    @Test
    void tableShowsPredictionMeasurementAndErrorSideBySide() {
        String t = report().toTable();
        // inference no fit: 0.04768 uJ vs 2.5 (−98.1 %), 5.898 us vs 170 (−96.5 %)
        assertThat(t).containsPattern("renner_inference +4 D +\\| +0\\.04768 +2\\.500 +-98\\.1% \\| +5\\.898 +170\\.0 +-96\\.5% \\| +none +-");
        // inference with training's overhead: 244 us (+43.5 %), T_ovh 59.52 us per step
        assertThat(t).containsPattern("renner_inference +4 D +\\| +0\\.04768 +2\\.500 +-98\\.1% \\| +244\\.0 +170\\.0 +\\+43\\.5% \\| +renner_training +59\\.52");
        assertThat(t).containsPattern("renner_training +12 D +\\| +14\\.78 +590\\.0 +-97\\.5% \\| +1278 +1500 +-14\\.8% \\| +renner_inference +41\\.03");
        assertThat(report().only("renner_inference").toTable()).doesNotContainPattern("renner_training +12 D");
    }
}
