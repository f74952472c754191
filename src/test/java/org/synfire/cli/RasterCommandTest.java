package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.report.RasterPlot;

/** What the raster shows: band selection, the roles (colours) of the populations, and the names and kinds of the phases. */
class RasterCommandTest {
    @TempDir
    Path tmp;

    private static final List<String> ORDER = List.of("g00", "g01", "x", "m_x6", "h1", "h1_copy", "h1T", "o", "t");

    @Test
    void populationsSelectsBandsInTheNetworksOrderWithWildcardsAndTheGateBand() {
        assertThat(RasterCommand.select(List.of("t", "h1*", "gates"), ORDER)).containsExactly("g00", "g01", "h1", "h1_copy", "h1T", "t");
        assertThat(RasterCommand.select(List.of("g01"), ORDER)).containsExactly("g01");
        assertThat(RasterCommand.select(null, ORDER)).containsExactlyElementsOf(ORDER);
        assertThatThrownBy(() -> RasterCommand.select(List.of("h2", "x"), ORDER)).isInstanceOf(UserError.class)
                .hasMessage("--populations: no population or band named 'h2'; did you mean 'h1'? (bands: gates, x, m_x6, h1, h1_copy, h1T, o, t)");
    }

    @Test
    void everyPopulationOfTheSynfireGatedNetworksHasItsLayersColour() {
        assertThat(RasterCommand.role("g07")).isEqualTo(RasterCommand.GATE);
        assertThat(RasterCommand.role("m_x12")).isEqualTo(RasterCommand.INPUT);
        for (String h : List.of("h2", "h2_copy", "h2_copy2", "m_h2", "c_h2", "h2T", "h2_neg", "d_pos_h2", "d_neg_h2")) {
            assertThat(RasterCommand.role(h).name()).as(h).isEqualTo("hidden h2");
        }
        assertThat(RasterCommand.role("h1").color()).isNotEqualTo(RasterCommand.role("h2").color());
        assertThat(RasterCommand.role("o_copy2")).isEqualTo(RasterCommand.OUTPUT);
        assertThat(RasterCommand.role("oT_neg")).isEqualTo(RasterCommand.OUTPUT_ERROR);
        assertThat(RasterCommand.role("t")).isEqualTo(RasterCommand.TARGET);
    }

    @Test
    void phaseNamesAreThoseOfThePhaseTableAndDeeperNetworksNameTheirLayers() {
        List<String> one = RasterCommand.phases(1).stream().map(RasterPlot.Phase::name).toList();
        // the phase table of docs/design.md#phase-table
        assertThat(one).containsExactly("blank", "input", "hidden", "output", "error", "W2 pot", "backprop pot", "W1 pot", "blank",
                "W2 dep", "backprop dep", "W1 dep");
        // two hidden layers, 18 steps (docs/design.md#deeper-networks): forward 1..4, error 5, stage 2 from 6, stage 1 from 11
        assertThat(RasterCommand.phases(2).stream().map(RasterPlot.Phase::name).toList()).containsExactly(
                "blank", "input", "hidden h1", "hidden h2", "output", "error",
                "W3 pot", "backprop pot h2", "W3 dep", "backprop dep h2", "error h2",
                "W2 pot", "backprop pot h1", "W1 pot", "blank", "W2 dep", "backprop dep h1", "W1 dep");
        List<RasterPlot.Phase> p = RasterCommand.phases(1);
        assertThat(p.get(5).kind()).isEqualTo(RasterCommand.POTENTIATION);
        assertThat(p.get(6).kind()).isEqualTo(RasterCommand.BACKPROP);
        assertThat(p.get(11).kind()).isEqualTo(RasterCommand.DEPRESSION);
        assertThat(p.get(2).kind()).isEqualTo(RasterCommand.FORWARD);
    }

    @Test
    void theRasterDrawsTheSelectedBandsWithTheirNamesAsText() throws Exception {
        var r = ChipCommandsTest.run("raster", "--sample", "2", "--populations", "gates,x,h1", "--out", tmp.toString(),
                "--data", ChipCommandsTest.DATA, "--no-verify");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cfg = new ObjectMapper().readTree(tmp.resolve("config.json").toFile());
        List<String> bands = new ArrayList<>();
        cfg.get("bands").forEach(b -> bands.add(b.asText()));
        assertThat(bands).containsExactly("gates g00-g11", "x", "h1");
        String svg = Files.readString(tmp.resolve("raster.svg"));
        assertThat(svg).contains(">gates g00-g11</text>", ">h1</text>", ">W2 pot</text>", ">input x</text>").doesNotContain(">h1_copy</text>");
        assertThat(Files.size(tmp.resolve("raster.svg"))).isLessThan(60_000);
        // the table keeps every population
        assertThat(Files.readAllLines(tmp.resolve("spike-counts.csv"))).anyMatch(l -> l.startsWith("h1_copy,"));

        var bad = ChipCommandsTest.run("raster", "--sample", "2", "--populations", "hl", "--out", tmp.resolve("b").toString(),
                "--data", ChipCommandsTest.DATA, "--no-verify");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--populations: no population or band named 'hl'; did you mean 'h1'?");
    }
}
