package org.synfire.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.nbp.EvalCounts;
import org.synfire.nbp.MetricsRow;

/** metrics.json speaks snake_case and says what its numbers count. */
class MetricsFilesTest {
    @Test
    void camelCaseKeysBecomeSnakeCase() {
        assertThat(MetricsFiles.snake("epochIndex")).isEqualTo("epoch_index");
        assertThat(MetricsFiles.snake("sha256File")).isEqualTo("sha256_file");
        assertThat(MetricsFiles.snake("hasGauss")).isEqualTo("has_gauss");
        assertThat(MetricsFiles.snake("input_threshold")).isEqualTo("input_threshold");
        assertThat(MetricsFiles.snake("seed")).isEqualTo("seed");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("evalTrain", true);
        nested.put("initWeights", List.of(Map.of("fileName", "W1.npy")));
        assertThat(MetricsFiles.snakeKeys(nested)).isEqualTo(Map.of("eval_train", true, "init_weights", List.of(Map.of("file_name", "W1.npy"))));
    }

    @Test
    void metricsJsonHasUnitsSnakeCaseSettingsAndNamesKeptAsTheyAre() {
        MetricsRow row = new MetricsRow(1, 2, 4, 4, 4, 2, 3, 0, 0, 0, new EvalCounts(10, 2, 5, 6, 7, 9), null, null, null,
                Map.of("h1T", 8L, "oT_neg", 2L), 4, Map.of("dynamic_energy_uJ", 84.5, "work_time_us", 300.0), Map.of("w2Tm", 1L));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inputThreshold", 0.5);
        Map<String, Object> json = MetricsFiles.json(List.of(row), config);
        assertThat(json.keySet()).containsExactly("config", "units", "rows");
        assertThat(json.get("config")).isEqualTo(Map.of("input_threshold", 0.5));
        @SuppressWarnings("unchecked")
        Map<String, Object> units = (Map<String, Object>) json.get("units");
        assertThat(units).containsKeys("exact", "mse", "estimates_per_sample", "spikes_per_sample");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = ((List<Map<String, Object>>) json.get("rows")).getFirst();
        // population and matrix names are data, not keys of the format: they stay as the network spells them
        assertThat(r.get("spikes_per_sample")).isEqualTo(Map.of("h1T", 2.0, "oT_neg", 0.5));
        assertThat(r.get("copy_drift_entries")).isEqualTo(Map.of("w2Tm", 1L));
        assertThat(r.get("estimates_per_sample")).isEqualTo(Map.of("dynamic_energy_uj", 84.5, "work_time_us", 300.0));
        // the CSV names the estimates the same way
        assertThat(MetricsFiles.csv(List.of(row), "c").lines().toList().get(1)).contains("est_dynamic_energy_uj,est_work_time_us");
    }
}
