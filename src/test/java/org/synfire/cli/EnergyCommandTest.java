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

    private static JsonNode cross(JsonNode v, String predicted, String fittedTo) {
        for (JsonNode p : v.path("cross_predictions")) {
            if (p.path("predicted").asText().equals(predicted) && p.at("/overhead_fitted_to/0").asText().equals(fittedTo)) return p;
        }
        throw new AssertionError("no prediction of " + predicted + " fitted to " + fittedTo);
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
        // latency, overhead fitted to the other Renner row (target within 2x): training −22.9 % (39.07 us/step), inference +67.4 % (67.72 us/step)
        assertThat(cross(v, "renner_training", "renner_inference").path("time_error").asDouble()).isBetween(-0.235, -0.225);
        assertThat(cross(v, "renner_training", "renner_inference").path("overhead_us_per_step").asDouble()).isBetween(38.9, 39.2);
        assertThat(cross(v, "renner_inference", "renner_training").path("time_error").asDouble()).isBetween(0.665, 0.685);
        assertThat(cross(v, "renner_inference", "renner_training").path("overhead_us_per_step").asDouble()).isBetween(67.6, 67.9);
        assertThat(v.path("cross_predictions")).hasSize(6);
        // Intel's LSNN, 200 images: core dynamic energy +104.8 % (45.35 vs 22.14 uJ), time per step with no fit −55.7 %
        JsonNode ls = point(v, "intel_lsnn_smnist");
        assertThat(ls.at("/no_fit/energy_error").asDouble()).isBetween(1.04, 1.06);
        assertThat(ls.at("/no_fit/time_error").asDouble()).isBetween(-0.565, -0.55);
        // leave-one-out over the three points (T_ovh fitted to the other two): −43.6 %, −67.7 %, +196.7 %
        assertThat(tr.at("/leave_one_out/time_error").asDouble()).isBetween(-0.445, -0.43);
        assertThat(inf.at("/leave_one_out/time_error").asDouble()).isBetween(-0.685, -0.67);
        assertThat(ls.at("/leave_one_out/time_error").asDouble()).isBetween(1.95, 1.98);
        assertThat(ls.at("/leave_one_out/overhead_fitted_to")).hasSize(2);
        // the phase energies are time shares of one average power and add up to the energy
        JsonNode lo = cross(v, "renner_training", "renner_inference");
        double sum = lo.at("/energy_by_phase_uj/spiking").asDouble() + lo.at("/energy_by_phase_uj/learning").asDouble()
                + lo.at("/energy_by_phase_uj/management").asDouble();
        assertThat(sum).isCloseTo(lo.path("energy_uj").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(lo.path("static_energy_uj").asDouble()).isZero();
    }

    @Test
    void anyCompiledNetworkIsPricedAndMappedWithItsCoresInTheJson() throws IOException {
        Path json = tmp.resolve("deep.json");
        Result r = run("energy", "--data", data.toString(), "--no-verify", "--samples", "5", "--lsnn-images", "0", "--layers", "400,30,20,10",
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("compiled network 400-30-20-10 (pack placement").contains("fits one chip");
        JsonNode c = new ObjectMapper().readTree(Files.readString(json)).path("compiled_network");
        assertThat(c.path("shape").asText()).isEqualTo("400-30-20-10");
        assertThat(c.at("/training/steps_per_sample").asDouble()).isEqualTo(18); // T(2) = 6·2 + 6
        assertThat(c.at("/training/dynamic_energy_uj_per_sample").asDouble()).isPositive();
        assertThat(c.at("/training/cores/chips_needed").asInt()).isEqualTo(1);
        assertThat(c.at("/training/cores/limits/compartments_per_core").asInt()).isEqualTo(1024);
        int compartments = 0;
        for (JsonNode core : c.at("/training/cores/cores")) compartments += core.path("compartments").asInt();
        // x and its memory 2·400; layer 1: h1, two copies, memory, derivative, h1T = 6·30; layer 2 adds its negated
        // presenter and d_pos/d_neg: 9·20; output side o, two copies, t, d_pos, d_neg, oT_neg = 7·10; 18 gates
        assertThat(compartments).isEqualTo(800 + 180 + 180 + 70 + 18);
        assertThat(new ObjectMapper().readTree(Files.readString(json)).at("/paper_network_cores/training/cores_used").asInt()).isEqualTo(81);
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
