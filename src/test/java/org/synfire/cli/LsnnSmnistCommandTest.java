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
 * {@code synfire lsnn-smnist} on the MNIST fixtures, whose test file holds the first 200 images of the
 * official one: the published weights classify 186 of them correctly (93.0 %; Intel measured 94.5 % on
 * Loihi on 200 images drawn at random), and the model's errors against Intel's measurement are pinned.
 */
class LsnnSmnistCommandTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void copyFixtures() {
        Fixtures.copyInto(data, "mnist");
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void firstTwoHundredTestImages() throws IOException {
        Path json = tmp.resolve("lsnn.json");
        String[] r = run("lsnn-smnist", "--data", data.toString(), "--no-verify", "--images", "200", "--json", json.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("186 correct: accuracy 93.00 %");
        JsonNode j = new ObjectMapper().readTree(Files.readString(json));
        assertThat(j.path("correct").asInt()).isEqualTo(186);
        assertThat(j.path("predicted")).hasSize(200);
        // nothing fitted: core dynamic energy 45.35 uJ against 22.14 uJ (+104.8 %), 7.37 us per step against 16.65 (−55.7 %)
        assertThat(j.path("energy_error").asDouble()).isBetween(1.04, 1.06);
        assertThat(j.path("measured_energy_per_image_uj").asDouble()).isBetween(22.13, 22.15);
        assertThat(j.path("time_per_step_us").asDouble()).isBetween(7.3, 7.45);
        assertThat(j.path("time_error").asDouble()).isBetween(-0.565, -0.55);
    }

    @Test
    void aBadImageCountIsAUserErrorAndWritesNothing() {
        Path json = tmp.resolve("never.json");
        String[] r = run("lsnn-smnist", "--data", data.toString(), "--no-verify", "--images", "0", "--json", json.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--images");
        assertThat(json).doesNotExist();
        // Intel's sample needs the whole test split; the fixtures hold 200 images
        String[] i = run("lsnn-smnist", "--data", data.toString(), "--no-verify", "--intel-sample", "--json", json.toString());
        assertThat(i[0]).isEqualTo("2");
        assertThat(i[2]).contains("--intel-sample needs the full MNIST test split");
        assertThat(json).doesNotExist();
    }
}
