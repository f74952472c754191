package org.synfire.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts of metrics against epoch, written headless as PNG and SVG (XChart 4, VectorGraphics2D). */
public final class LearningCurvePlot {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0x17becf), new Color(0xbcbd22)
    };

    private LearningCurvePlot() {}

    /**
     * Writes {@code dir/baseName.png} and {@code dir/baseName.svg} atomically. Series values that are
     * NaN are skipped (absent metrics); a series with no finite value is left out. Series whose
     * name starts with 'train' are dashed.
     */
    public static void write(Path dir, String baseName, String title, String yLabel, double[] x,
            Map<String, double[]> series) {
        XYChart chart = chart(title, yLabel, x, series);
        ChartFiles.write(chart, dir, baseName);
    }

    static XYChart chart(String title, String yLabel, double[] x, Map<String, double[]> series) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        XYStyler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS); // never over the data
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        int c = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            int finite = 0;
            for (double v : y) if (Double.isFinite(v)) finite++;
            if (finite == 0) continue;
            double[] xs = new double[finite];
            double[] ys = new double[finite];
            int k = 0;
            for (int i = 0; i < y.length; i++) {
                if (Double.isFinite(y[i])) {
                    xs[k] = x[i];
                    ys[k++] = y[i];
                }
            }
            XYSeries s = chart.addSeries(e.getKey(), xs, ys);
            s.setLineColor(PALETTE[c % PALETTE.length]);
            s.setMarkerColor(PALETTE[c % PALETTE.length]);
            s.setMarker(SeriesMarkers.CIRCLE);
            // training-set series dashed, so test and train curves of one metric are told apart without colour
            s.setLineStyle(e.getKey().startsWith("train")
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.6f));
            c++;
        }
        if (c == 0) chart.addSeries("(no data)", new double[] {0}, new double[] {0});
        return chart;
    }
}
