package org.synfire.continual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.synfire.report.XChartFiles;

/** The accuracy matrix as a heatmap and each task's accuracy over the run as curves, PNG and SVG. */
final class ContinualPlots {
    private ContinualPlots() {}

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0x17becf), new Color(0xbcbd22)};

    /** Rows top to bottom in training order; columns the tasks; each cell shows its accuracy. Wide enough for the one-line title. */
    static void heatmap(Path dir, String base, String title, List<String> rows, List<String> tasks, double[][] r) {
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(Math.max(640, 110 * tasks.size() + 260), 8 * title.length() + 40)).height(Math.max(360, 70 * Math.max(1, rows.size()) + 200))
                .title(title).xAxisTitle("evaluated on task").yAxisTitle("after training").build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setShowValue(true);
        st.setHeatMapValueDecimalPattern("0.00");
        st.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setMin(0);
        st.setMax(1);
        st.setRangeColors(new Color[] {new Color(0xffffff), new Color(0xc6dbef), new Color(0x6baed6)}); // light enough for black values
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        List<String> ys = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) ys.add(rows.get(i));
        if (ys.isEmpty()) ys.add("(no task finished)");
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < tasks.size(); j++) {
                if (Double.isFinite(r[i][j])) cells.add(new Number[] {j, r.length - 1 - i, r[i][j]});
            }
        }
        if (cells.isEmpty()) cells.add(new Number[] {0, 0, 0.0});
        chart.addSeries("accuracy", tasks, ys, cells);
        XChartFiles.write(chart, dir, base);
    }

    /** x = training samples of the run so far; a vertical line where each task ends. */
    static void curves(Path dir, String base, String title, double[] x, Map<String, double[]> series, List<Double> boundaries) {
        XYChart chart = new XYChartBuilder().width(Math.max(960, 8 * title.length() + 40)).height(560).title(title).xAxisTitle("training samples (replays not counted)")
                .yAxisTitle("accuracy").build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setXAxisDecimalPattern("#,##0");
        st.setAnnotationLineColor(new Color(0x999999));
        st.setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        int c = 0;
        for (var e : series.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), x, e.getValue());
            s.setLineColor(PALETTE[c % PALETTE.length]);
            s.setMarkerColor(PALETTE[c % PALETTE.length]);
            s.setMarker(x.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.6f));
            c++;
        }
        for (double b : boundaries) chart.addAnnotation(new AnnotationLine(b, true, false));
        XChartFiles.write(chart, dir, base);
    }
}
