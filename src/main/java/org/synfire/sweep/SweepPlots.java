package org.synfire.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * aggregate.{png,svg}: final test accuracies per configuration, mean with sd error bars; curves-METRIC.{png,svg}: each
 * configuration's learning curve, the mean over seeds with a band of one sd either side.
 */
public final class SweepPlots {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0x17becf), new Color(0xbcbd22)
    };
    /** The curves drawn, one figure each. */
    static final List<String> CURVES = List.of("test_argmax_spikes", "test_argmax_potential", "test_mse");

    private SweepPlots() {}

    public static void write(SweepDirectory dir, String sweepName, Map<String, List<SweepResults.Row>> groups) {
        SweepCharts.write(aggregate(sweepName, groups), dir.path(), "aggregate");
        for (String m : CURVES) SweepCharts.write(curves(sweepName, m, groups), dir.path(), "curves-" + m.replace('_', '-'));
    }

    private static List<SweepResults.Row> done(List<SweepResults.Row> rows) {
        return rows.stream().filter(r -> r.state().done() && r.summary() != null).toList();
    }

    static CategoryChart aggregate(String sweepName, Map<String, List<SweepResults.Row>> groups) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title("Final test accuracy, mean ± sd over seeds  (" + sweepName + ")")
                .xAxisTitle("configuration").yAxisTitle("accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setXAxisLabelRotation(groups.size() > 4 ? 30 : 0);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<SweepResults.Row>> e : groups.entrySet()) if (!done(e.getValue()).isEmpty()) names.add(e.getKey());
        if (names.isEmpty()) {
            chart.addSeries("(no finished run)", List.of("-"), List.of(0));
            return chart;
        }
        int c = 0;
        for (String metric : List.of("test_argmax_spikes", "test_argmax_potential")) {
            List<Double> mean = new ArrayList<>();
            List<Double> sd = new ArrayList<>();
            for (String g : names) {
                double[] ms = SweepResults.meanSd(done(groups.get(g)).stream().mapToDouble(r -> r.summary().finals().get(metric)).toArray());
                mean.add(Double.isNaN(ms[0]) ? 0 : ms[0]);
                sd.add(Double.isNaN(ms[1]) ? 0 : ms[1]);
            }
            chart.addSeries(metric.replace('_', ' '), names, mean, sd).setFillColor(PALETTE[c++]);
        }
        return chart;
    }

    static XYChart curves(String sweepName, String metric, Map<String, List<SweepResults.Row>> groups) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(metric.replace('_', ' ') + ", mean ± sd over seeds  (" + sweepName + ")")
                .xAxisTitle("epoch").yAxisTitle(metric.endsWith("mse") ? "mse" : "accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        int c = 0;
        for (Map.Entry<String, List<SweepResults.Row>> e : groups.entrySet()) {
            List<SweepResults.Row> done = done(e.getValue());
            if (done.isEmpty()) continue;
            int n = Integer.MAX_VALUE;
            for (SweepResults.Row r : done) n = Math.min(n, r.summary().x().length);
            double[] x = java.util.Arrays.copyOf(done.get(0).summary().x(), n);
            double[] mean = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            boolean band = done.size() > 1;
            for (int i = 0; i < n; i++) {
                final int k = i;
                double[] ms = SweepResults.meanSd(done.stream().mapToDouble(r -> r.summary().curves().get(metric)[k]).toArray());
                mean[i] = ms[0];
                lo[i] = ms[0] - (band ? ms[1] : 0);
                hi[i] = ms[0] + (band ? ms[1] : 0);
            }
            if (hasNaN(mean)) continue;
            Color color = PALETTE[c++ % PALETTE.length];
            if (band) {
                // the band is a polygon: along the upper edge, then back along the lower one
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    px[i] = x[i];
                    py[i] = hi[i];
                    px[2 * n - 1 - i] = x[i];
                    py[2 * n - 1 - i] = lo[i];
                }
                XYSeries s = chart.addSeries(e.getKey() + " ± sd", px, py);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
                s.setLineColor(new Color(0, 0, 0, 0));
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(false);
            }
            XYSeries s = chart.addSeries(e.getKey() + " (n=" + done.size() + ")", x, mean);
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.6f));
        }
        if (c == 0) chart.addSeries("(no finished run)", new double[] {0}, new double[] {0});
        return chart;
    }

    private static boolean hasNaN(double[] v) {
        for (double d : v) if (Double.isNaN(d)) return true;
        return false;
    }
}
