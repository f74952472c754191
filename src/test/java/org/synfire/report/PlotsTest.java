package org.synfire.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ticks, merged series, raster geometry and what the SVG files hold: every expected value worked out by hand. */
class PlotsTest {
    @TempDir
    Path tmp;

    private static List<String> labels(Ticks t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) out.add(t.label(i));
        return out;
    }

    @Test
    void ticksCoverTheRangeWithARoundStepAndLeadingZeros() {
        // 0..15 in steps of 1 is 16 ticks, the most allowed: the axis ends at the last point
        assertThat(labels(Ticks.covering(0, 15, 16))).hasSize(16).startsWith("0", "1").endsWith("15");
        // 0..4: steps of 0.25 would make 17 ticks, 0.5 makes 9
        assertThat(labels(Ticks.covering(0, 4, 16))).containsExactly("0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0");
        // mse from 0.0226 to 0.0887: 0.005 needs ticks 4..18 (15), 0.01 needs 2..9 (8)
        assertThat(labels(Ticks.covering(0.0226, 0.0887, 10))).containsExactly("0.02", "0.03", "0.04", "0.05", "0.06", "0.07", "0.08", "0.09");
        // 2.5 steps keep one more decimal than their power of ten; no "-0.0"
        assertThat(labels(Ticks.covering(-0.5, 0.5, 5))).containsExactly("-0.50", "-0.25", "0.00", "0.25", "0.50");
        assertThat(labels(Ticks.covering(-1, 1, 5))).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
        // 25 is 2.5·10: no decimals
        assertThat(labels(Ticks.covering(0, 100, 5))).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    void equalSeriesAreDrawnOnceUnderBothNamesAndEmptyOnesAreLeftOut() {
        double nan = Double.NaN;
        List<LearningCurvePlot.Series> merged = LearningCurvePlot.merge(List.of(
                new LearningCurvePlot.Series("test exact", new double[] {0.5, 0.6}, Color.RED, LearningCurvePlot.Dash.SOLID),
                new LearningCurvePlot.Series("train exact", new double[] {nan, nan}, Color.BLUE, LearningCurvePlot.Dash.DASHED),
                new LearningCurvePlot.Series("online", new double[] {0.5, 0.7}, Color.GREEN, LearningCurvePlot.Dash.SOLID),
                new LearningCurvePlot.Series("chip test exact", new double[] {0.5, 0.6}, Color.RED, LearningCurvePlot.Dash.DOTTED)));
        assertThat(merged).extracting(LearningCurvePlot.Series::label).containsExactly("test exact = chip test exact", "online");
        assertThat(merged.get(0).dash()).isEqualTo(LearningCurvePlot.Dash.SOLID);
    }

    @Test
    void learningCurveSvgKeepsTextAsTextAndStaysSmall() throws Exception {
        int n = 30;
        double[] x = new double[n];
        List<LearningCurvePlot.Series> series = new ArrayList<>();
        for (int i = 0; i < n; i++) x[i] = 0.5 * (i + 1);
        for (int s = 0; s < 9; s++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = 0.5 + 0.4 * i / n + 0.01 * s;
            series.add(new LearningCurvePlot.Series("series <" + s + ">", y, Color.BLUE, LearningCurvePlot.Dash.SOLID));
        }
        LearningCurvePlot.write(tmp, "lc", "Accuracy & more", "accuracy", x, series);
        String svg = Files.readString(tmp.resolve("lc.svg"));
        assertThat(svg).contains(">Accuracy &amp; more</text>", ">series &lt;3&gt;</text>", ">epoch</text>", ">accuracy</text>");
        // the x axis reaches the last point, 15, with a tick labelled 15; y from 0.5 to 0.967: steps of 0.05 need
        // 11 ticks (10..20), 0.1 needs 6 (5..10); labels keep their leading zero
        assertThat(svg).contains(">15</text>", ">0.5</text>", ">1.0</text>").doesNotContain(">.5", ">0.55</text>");
        // no glyph outlines: the only paths would be mark batches, and a learning curve has none
        assertThat(svg).doesNotContain("<path");
        assertThat(Files.size(tmp.resolve("lc.svg"))).isLessThan(40_000);
        assertThat(Files.readAllBytes(tmp.resolve("lc.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void bandHeightsGrowWithSizeAboveTheirMinimum() {
        // 0.25 px per neuron: 400 -> 100; the gates (12) and the outputs (10) get 3 px each (36, 30); one neuron gets 14
        assertThat(RasterPlot.heights(new int[] {12, 400, 10, 1})).containsExactly(36, 100, 30, 14);
        // 17 bands of 400 at 0.25 would take 1700 px: the 18 gates (48, the cap of 3 per neuron) and 10 outputs (30)
        // keep theirs, and the 6800 neurons share the other 1200 - 78 = 1122 px: 0.165 per neuron, 66 per band
        int[] sizes = new int[19];
        java.util.Arrays.fill(sizes, 400);
        sizes[0] = 18;
        sizes[18] = 10;
        double[] h = RasterPlot.heights(sizes);
        assertThat(h[0]).isEqualTo(48);
        assertThat(h[18]).isEqualTo(30);
        for (int i = 1; i < 18; i++) assertThat(h[i]).isCloseTo(66, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static final Pattern MARK = Pattern.compile("M(-?\\d+) (-?\\d+)h(\\d+)v(\\d+)h-\\d+z");

    @Test
    void rasterMarksEachSpikeAtItsNeuronRowAndPhaseColumn() {
        RasterPlot.Role r = new RasterPlot.Role("hidden", new Color(0x2ca02c));
        RasterPlot.PhaseKind k = new RasterPlot.PhaseKind("forward", new Color(0xdceaf7));
        List<RasterPlot.Phase> phases = new ArrayList<>();
        for (int p = 0; p < 12; p++) phases.add(new RasterPlot.Phase("phase " + p, k));
        // ten neurons: a band of 30 px, 3 px per row; neuron 0 in phase 2, neuron 9 in phase 3
        String svg = ChartFiles.svg(RasterPlot.figure("t", "x", List.of(new RasterPlot.Band("o", 10, r, new int[] {2, 3}, new int[] {0, 9})), phases));
        Matcher m = MARK.matcher(svg);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) marks.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        assertThat(marks).hasSize(2);
        int[] low = marks.get(0), high = marks.get(1);
        // columns are 920 / 12 = 76.67 px apart; a mark spans 0.76 of a column
        assertThat(high[0] - low[0]).isBetween(76, 77);
        assertThat(low[2]).isBetween(58, 59);
        // rows of 3 px keep half a pixel free above and below: 2 px high; neuron 9 sits 9 rows (27 px) above neuron 0
        assertThat(low[3]).isEqualTo(2);
        assertThat(low[1] - high[1]).isEqualTo(27);
        assertThat(svg).contains(">o</text>", ">9</text>", ">phase 5</text>", ">forward</text>");
    }

    @Test
    void histogramBinsArePowersOfTwoWideAndAlignedAtTheirMultiples() {
        // −256..254 needs 511 bins of 1 and 256 of 2: bins of 4 from −256 (floor(−256/4) = −64) to 252 (floor(254/4) = 63), 128 of them
        WeightPlots.Histogram h = WeightPlots.Histogram.of(new int[] {-256, -256, -2, 0, 0, 254});
        assertThat(h.lo()).isEqualTo(-256);
        assertThat(h.width()).isEqualTo(4);
        assertThat(h.counts()).hasSize(128);
        assertThat(h.counts()[0]).isEqualTo(2); // −256
        assertThat(h.counts()[63]).isEqualTo(1); // −2 is in [−4, −1]
        assertThat(h.counts()[64]).isEqualTo(2); // 0 is in [0, 3]
        assertThat(h.counts()[127]).isEqualTo(1); // 254 is in [252, 255]
        assertThat(java.util.Arrays.stream(h.counts()).sum()).isEqualTo(6);
        WeightPlots.Stats s = WeightPlots.Stats.of(new int[] {-256, -256, -2, 0, 0, 254});
        assertThat(s.mean()).isCloseTo(-260 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.atMin()).isEqualTo(2);
        assertThat(s.atMax()).isEqualTo(1);
        assertThat(s.zeros()).isEqualTo(2);
        // a few values: one bin each
        WeightPlots.Histogram small = WeightPlots.Histogram.of(new int[] {3, 5});
        assertThat(small.lo()).isEqualTo(3);
        assertThat(small.width()).isEqualTo(1);
        assertThat(small.counts()).containsExactly(1, 0, 1);
    }

    @Test
    void theColourMapRunsFromBlueThroughWhiteToRed() {
        assertThat(WeightPlots.colour(0, 10)).isEqualTo(0xffffffff);
        assertThat(WeightPlots.colour(10, 10)).isEqualTo(0xffb2182b);
        assertThat(WeightPlots.colour(-10, 10)).isEqualTo(0xff2166ac);
        assertThat(WeightPlots.colour(25, 10)).as("clipped").isEqualTo(0xffb2182b);
        // half way to 0x2166ac: 255 + (33 − 255)/2 = 144, 255 + (102 − 255)/2 = 178.5 → 179, 255 + (172 − 255)/2 = 213.5 → 214
        assertThat(WeightPlots.colour(-5, 10)).isEqualTo(0xff90b3d6);
    }

    @Test
    void receptiveFieldsTileEachColumnAsAnImage() {
        // W (4 × 2), inputs a 2 × 2 image: column 0 = 1, 2, 0, 4 and column 1 = −1, 0, 0, −4 (row-major values below)
        int[] w = {1, -1, 2, 0, 0, 0, 4, -4};
        assertThat(WeightPlots.squareSide(4)).isEqualTo(2);
        assertThat(WeightPlots.squareSide(10)).isZero();
        // two tiles side by side: 2·(2 + 1) + 1 = 7 wide, 1·(2 + 1) + 1 = 4 high, white gaps; limit max |w| = 4
        int[] a = WeightPlots.fieldsRaster(w, 4, 2, 2, 2, 2);
        assertThat(a).hasSize(28);
        int white = 0xffffffff;
        assertThat(a[0]).isEqualTo(white);
        assertThat(a[1 * 7 + 1]).isEqualTo(WeightPlots.colour(1, 4)); // tile 0, pixel (0, 0) = input 0
        assertThat(a[1 * 7 + 2]).isEqualTo(WeightPlots.colour(2, 4)); // pixel (0, 1) = input 1
        assertThat(a[2 * 7 + 2]).isEqualTo(WeightPlots.colour(4, 4)); // pixel (1, 1) = input 3
        assertThat(a[1 * 7 + 3]).isEqualTo(white); // the gap
        assertThat(a[2 * 7 + 5]).isEqualTo(WeightPlots.colour(-4, 4)); // tile 1 starts at x = 4: input 3 at (2, 5)
    }

    @Test
    void weightPlotsAreWrittenAsPngAndTheHistogramAsSvg() throws Exception {
        int[] w = new int[400 * 3];
        for (int i = 0; i < w.length; i++) w[i] = (i * 37) % 101 - 50;
        WeightPlots.writeHistogram(tmp, "W1", w, 400, 3);
        WeightPlots.writeImage(tmp, "W1", w, 400, 3, "input", "hidden layer 1");
        WeightPlots.writeFields(tmp, "W1", w, 400, 3);
        WeightPlots.writeFields(tmp, "W2", new int[] {1, 2, 3}, 3, 1);
        for (String f : List.of("W1-histogram.png", "W1-histogram.svg", "W1-image.png", "W1-fields.png")) assertThat(tmp.resolve(f)).as(f).isRegularFile();
        assertThat(tmp.resolve("W2-fields.png")).as("3 inputs are no square image").doesNotExist();
        String svg = new String(Files.readAllBytes(tmp.resolve("W1-histogram.svg")), StandardCharsets.UTF_8);
        assertThat(svg).contains(">W1: 400 × 3 = 1200 weights</text>", ">count</text>");
    }

    @Test
    void thePngEncoderWritesWhatImageIoReadsBackPixelForPixel() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        int[] px = {0xffffff, 0x000000, 0x2166ac, 0xb2182b, 0x010203, 0xfefdfc};
        img.setRGB(0, 0, 3, 2, px, 0, 3);
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(PngEncoder.encode(img)));
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getHeight()).isEqualTo(2);
        int[] got = back.getRGB(0, 0, 3, 2, null, 0, 3);
        for (int k = 0; k < px.length; k++) assertThat(got[k] & 0xffffff).as("pixel " + k).isEqualTo(px[k]);
    }
}
