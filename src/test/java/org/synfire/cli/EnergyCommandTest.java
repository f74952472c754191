package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.Fixtures;

/**
 * {@code synfire energy} on the MNIST fixtures, which hold the first 600 training and 200 test images of
 * the official files: with 200 samples the counts, and so every figure, are those of the full dataset.
 * The error bands of both validation points are pinned so that a change to the model shows up.
 */
class EnergyCommandTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void copyFixtures() {
        Fixtures.copyInto(data, "mnist");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private JsonNode energy(String... extra) throws IOException {
        Path json = tmp.resolve("energy.json");
        String[] base = {"energy", "--data", data.toString(), "--no-verify", "--samples", "200", "--json", json.toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        Result r = run(all);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("renner_training", "renner_inference", "measured", "error");
        return new ObjectMapper().readTree(Files.readString(json)).path("validation");
    }

    private static JsonNode point(JsonNode v, String key) {
        for (JsonNode p : v.path("points")) if (p.path("key").asText().equals(key)) return p;
        throw new AssertionError("no point " + key);
    }

    @Test
    void defaultModelPredictsBothRennerRowsWithNothingFitted() throws IOException {
        JsonNode v = energy();
        assertThat(v.path("model").path("costs").asText()).isEqualTo("SANA_FE");
        assertThat(v.path("model").path("learning_basis").asText()).isEqualTo("ALL_SYNAPSES");
        JsonNode tr = point(v, "renner_training"), inf = point(v, "renner_inference");
        // energy, nothing fitted (target ±35 %): training +25.2 % (739.0 uJ, 720 of them learning), inference −2.1 % (2.448 uJ)
        assertThat(tr.at("/no_fit/energy_error").asDouble()).isBetween(0.245, 0.26);
        assertThat(tr.at("/no_fit/energy_by_operation_uj/learning").asDouble()).isEqualTo(720.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(inf.at("/no_fit/energy_error").asDouble()).isBetween(-0.03, -0.01);
        // latency with no fit: −54.2 % and −91.9 %
        assertThat(tr.at("/no_fit/time_error").asDouble()).isBetween(-0.55, -0.535);
        assertThat(inf.at("/no_fit/time_error").asDouble()).isBetween(-0.925, -0.915);
        // latency, overhead fitted to the other row (target within 2×): training −22.9 % (39.07 us/step), inference +67.4 % (67.72 us/step)
        assertThat(tr.at("/leave_one_out/time_error").asDouble()).isBetween(-0.235, -0.225);
        assertThat(tr.at("/leave_one_out/overhead_us_per_step").asDouble()).isBetween(38.9, 39.2);
        assertThat(inf.at("/leave_one_out/time_error").asDouble()).isBetween(0.665, 0.685);
        assertThat(inf.at("/leave_one_out/overhead_us_per_step").asDouble()).isBetween(67.6, 67.9);
        assertThat(v.path("cross_predictions")).hasSize(2);
        // the phase energies are time shares of one average power and add up to the energy
        JsonNode lo = tr.path("leave_one_out");
        double sum = lo.at("/energy_by_phase_uj/spiking").asDouble() + lo.at("/energy_by_phase_uj/learning").asDouble()
                + lo.at("/energy_by_phase_uj/management").asDouble();
        assertThat(sum).isCloseTo(lo.path("energy_uj").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(lo.path("static_energy_uj").asDouble()).isZero();
    }

    @Test
    void daviesCostsAndOtherLearningBasesStayOptions() throws IOException {
        JsonNode v = energy("--costs", "davies2018");
        // pre-silicon costs: training +24.1 % (732 uJ), inference −50.3 % (1.243 uJ)
        assertThat(point(v, "renner_training").at("/no_fit/energy_error").asDouble()).isBetween(0.235, 0.25);
        assertThat(point(v, "renner_inference").at("/no_fit/energy_error").asDouble()).isBetween(-0.51, -0.49);
        JsonNode pp = energy("--learning-basis", "pre-or-post");
        // pre or post only: about 0.6 M evaluations, 72 uJ of learning: training far short
        assertThat(point(pp, "renner_training").at("/no_fit/energy_error").asDouble()).isBetween(-0.88, -0.84);
    }

    @Test
    void unknownCostsAreAUserErrorAndWriteNothing() {
        Path json = tmp.resolve("never.json");
        Result r = run("energy", "--data", data.toString(), "--no-verify", "--costs", "cheap", "--json", json.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--costs").contains("cheap");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(json).doesNotExist();
    }
}
