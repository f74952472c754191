package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.Fixtures;

/** verify, raster, energy and bench chip end to end on the committed MNIST fixtures. */
class ChipCommandsTest {
    static final String DATA = Fixtures.dir("mnist").toString();

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void verifyFindsTheSpikingNetworkIdenticalToTheFunctionalModel() {
        Result r = run("verify", "--samples", "250", "--shuffle", "--seed", "11", "--data", DATA, "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("identical after 250 samples");
    }

    @Test
    void rasterWritesPlotsAndCountsWithEveryGateInItsPhase() throws IOException {
        Result r = run("raster", "--sample", "3", "--out", tmp.toString(), "--data", DATA, "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("raster.png"))).startsWith((byte) 0x89, (byte) 'P');
        assertThat(Files.readString(tmp.resolve("raster.svg"))).contains("<svg");
        var csv = Files.readAllLines(tmp.resolve("spike-counts.csv"));
        assertThat(csv.getFirst()).isEqualTo("population,phase_0,phase_1,phase_2,phase_3,phase_4,phase_5,phase_6,phase_7,phase_8,phase_9,phase_10,phase_11,total");
        // gate g<p> fires once, in phase p-1
        assertThat(csv).contains("g00,0,0,0,0,0,0,0,0,0,0,0,1,1", "g05,0,0,0,0,1,0,0,0,0,0,0,0,1");
        // x fires in phases 1, 7 and 11 with the same count (input and its two replays)
        assertThat(Files.readString(tmp.resolve("config.json"))).contains("\"seed\" : 43").contains("\"sample\" : 3");
        String x = csv.stream().filter(l -> l.startsWith("x,")).findFirst().orElseThrow();
        String[] c = x.split(",");
        assertThat(c[2]).isNotEqualTo("0").isEqualTo(c[8]).isEqualTo(c[12]);
    }

    @Test
    void energyPredictsBothPaperPointsBesideTheirMeasurements() throws IOException {
        Path json = tmp.resolve("energy.json");
        Result r = run("energy", "--samples", "20", "--lsnn-images", "0", "--json", json.toString(), "--data", DATA, "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cores: training 81").contains("renner_training").contains("renner_inference");
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/config/seed").asLong()).isEqualTo(43);
        assertThat(report.at("/config/samples").asInt()).isEqualTo(20);
        var train = report.at("/validation/points/0");
        var infer = report.at("/validation/points/1");
        assertThat(train.get("key").asText()).isEqualTo("renner_training");
        // nothing is fitted to the energy; the bands for 200 samples are pinned in EnergyCommandTest
        assertThat(train.at("/no_fit/energy_error").asDouble()).isBetween(0.15, 0.35);
        assertThat(infer.at("/no_fit/energy_error").asDouble()).isBetween(-0.35, 0.35);
        assertThat(infer.at("/leave_one_out/time_error").asDouble()).isBetween(0.3, 1.0);
    }

    @Test
    void benchChipRunsOnSyntheticData() {
        Result r = run("bench", "chip", "--synthetic", "--samples", "30", "--infer-samples", "30", "--warmup", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ms/sample").contains("Loihi: 1.5 ms");
    }

    @Test
    void aBadOptionValueIsOneMessageAndAPointerToTheHelp() {
        Result r = run("verify", "--variant", "mnist99");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                "synfire: Invalid value for option '--variant': unknown variant 'mnist99' (use one of mnist10, mnist20, mnist28, fmnist28)",
                "  (see 'synfire verify --help')");
    }

    @Test
    void aBadLearningRuleShowsTheRuleWithACaretUnderTheError() throws IOException {
        Path net = tmp.resolve("bad.yaml");
        Files.writeString(net, """
                name: bad
                neuron_types:
                  relay: {threshold: 1024, enable_learning: true}
                connection_types:
                  plastic: {connectivity: all_to_all, weight: 100, learning_rule: r}
                learning_rules:
                  r:
                    dw: y0*x0*q1*4 - y0*x0*2
                populations:
                  a: {size: 2, type: relay}
                  b: {size: 2, type: relay}
                projections:
                  - {from: a, to: b, type: plastic}
                """);
        Result r = run("run", net.toString(), "--steps", "3", "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        var lines = r.err().lines().toList();
        assertThat(lines.get(1)).contains("bad.yaml:8:").contains("found 'q1'");
        String rule = lines.get(2), caret = lines.get(3);
        assertThat(rule.strip()).isEqualTo("y0*x0*q1*4 - y0*x0*2");
        assertThat(caret.indexOf('^')).isEqualTo(rule.indexOf("q1"));
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Result r = run("verify", "--samples", "0", "--data", DATA, "--no-verify");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("synfire: --samples must be >= 1");
    }
}
