package org.synfire.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A spike raster of several populations over a window of steps: each population is a horizontal
 * band (top to bottom in the order given), a neuron's spikes are dots at its relative height in the
 * band, and the x axis is labelled with phase names.
 */
public final class RasterPlot {
    private RasterPlot() {}

    /** Spikes of one population: parallel arrays of x positions (phase) and neuron indices. */
    public record Band(String name, int size, double[] x, int[] index) {}

    public static void write(Path dir, String baseName, String title, List<Band> bands, String[] phaseLabels) {
        XYChart chart = new XYChartBuilder().width(1100).height(Math.max(500, 26 * bands.size() + 160)).title(title)
                .xAxisTitle("phase of the sample (one time step each)").yAxisTitle("").build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendVisible(false);
        st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        st.setMarkerSize(4);
        st.setPlotGridHorizontalLinesVisible(true);
        st.setXAxisMin(-0.5);
        st.setXAxisMax(phaseLabels.length - 0.5);
        st.setYAxisMin(-0.5);
        st.setYAxisMax(bands.size() - 0.5);
        int nb = bands.size();
        // population names and phase numbers as annotations: tick positions are XChart's choice, labels are ours
        st.setXAxisMin(-1.6);
        st.setYAxisMin(-1.2);
        st.setYAxisTicksVisible(false);
        st.setXAxisTicksVisible(false);
        st.setPlotGridLinesVisible(false);
        st.setAnnotationLineColor(new Color(0xdddddd));
        st.setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        for (int i = 0; i < nb; i++) chart.addAnnotation(new AnnotationText(bands.get(i).name(), -1.05, nb - 1 - i, false));
        for (int p = 0; p < phaseLabels.length; p++) {
            chart.addAnnotation(new AnnotationText(phaseLabels[p], p, -0.85, false));
            if (p > 0) chart.addAnnotation(new AnnotationLine(p - 0.5, true, false));
        }
        Color[] palette = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
        for (int i = 0; i < nb; i++) {
            Band b = bands.get(i);
            double base = nb - 1 - i;
            double[] ys = new double[b.index().length];
            double[] xs = b.x().clone();
            for (int k = 0; k < ys.length; k++) ys[k] = base - 0.4 + 0.8 * (b.size() == 1 ? 0.5 : b.index()[k] / (double) (b.size() - 1));
            if (ys.length == 0) {
                xs = new double[] {Double.NaN};
                ys = new double[] {Double.NaN};
            }
            XYSeries s = chart.addSeries(b.name(), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(palette[i % palette.length]);
        }
        ChartFiles.write(chart, dir, baseName);
    }
}
