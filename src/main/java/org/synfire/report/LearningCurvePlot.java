package org.synfire.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Metrics against epoch as PNG and SVG. Series with identical values are drawn once, labelled with all their names
 * ("test exact = chip test exact"), so none hides under another. The x axis runs from 0 to a tick at or after the
 * last point; the legend sits below the plot in as many columns as fit.
 */
public final class LearningCurvePlot {
    public enum Dash {
        SOLID(), DASHED(7, 4), DOTTED(2, 3);

        final double[] pattern;

        Dash(double... pattern) {
            this.pattern = pattern;
        }
    }

    /** One curve: NaN values are absent points; a series with no finite value is left out. */
    public record Series(String label, double[] y, Color color, Dash dash) {}

    private LearningCurvePlot() {}

    /** Writes {@code dir/baseName.png} and {@code dir/baseName.svg} atomically. */
    public static void write(Path dir, String baseName, String title, String yLabel, double[] x, List<Series> series) {
        ChartFiles.write(figure(title, yLabel, x, series), dir, baseName);
    }

    static Figure figure(String title, String yLabel, double[] x, List<Series> series) {
        return new Chart(title, yLabel, x, merge(series));
    }

    /** Drops series without a finite value and draws equal ones once, their labels joined by " = " in the given order. */
    static List<Series> merge(List<Series> series) {
        List<Series> out = new ArrayList<>();
        for (Series s : series) {
            if (Arrays.stream(s.y()).noneMatch(Double::isFinite)) continue;
            int same = -1;
            for (int i = 0; i < out.size() && same < 0; i++) if (Arrays.equals(out.get(i).y(), s.y())) same = i;
            if (same < 0) {
                out.add(s);
            } else {
                Series first = out.get(same);
                out.set(same, new Series(first.label() + " = " + s.label(), first.y(), first.color(), first.dash()));
            }
        }
        return out;
    }

    private static final Color GRID = new Color(0xe3e3e3), AXIS = new Color(0x444444);

    private record Chart(String title, String yLabel, double[] x, List<Series> series, Ticks xt, Ticks yt, Legend legend)
            implements Figure {
        static final int W = 900, PLOT_H = 380, TOP = 44, RIGHT = 24;

        Chart(String title, String yLabel, double[] x, List<Series> series) {
            this(title, yLabel, x, series, xTicks(x), yTicks(series), new Legend(series, W - 40));
        }

        static Ticks xTicks(double[] x) {
            double last = 0;
            for (double v : x) last = Math.max(last, v);
            return Ticks.covering(0, last, 16);
        }

        static Ticks yTicks(List<Series> series) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (double v : s.y()) {
                    if (!Double.isFinite(v)) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo > hi) return Ticks.covering(0, 1, 6);
            return Ticks.covering(lo, hi, 10);
        }

        int left() {
            double w = 0;
            for (int i = 0; i < yt.count(); i++) w = Math.max(w, Canvas.textWidth(yt.label(i), 12, false));
            return (int) Math.ceil(w) + 42;
        }

        @Override
        public int width() {
            return W;
        }

        @Override
        public int height() {
            return TOP + PLOT_H + 58 + legend.height() + 8;
        }

        @Override
        public void paint(Canvas c) {
            int left = left(), plotW = W - left - RIGHT;
            double x0 = left, y0 = TOP, y1 = TOP + PLOT_H;
            c.text(title, W / 2.0, 26, Canvas.TextStyle.of(15, Canvas.Anchor.MIDDLE).asBold());
            for (int i = 0; i < yt.count(); i++) {
                double y = y1 - (yt.value(i) - yt.min()) / (yt.max() - yt.min()) * PLOT_H;
                c.line(x0, y, x0 + plotW, y, Canvas.Stroke.solid(GRID, 1));
                c.text(yt.label(i), x0 - 7, y + 4, Canvas.TextStyle.of(12, Canvas.Anchor.END));
            }
            for (int i = 0; i < xt.count(); i++) {
                double x = x0 + (xt.value(i) - xt.min()) / (xt.max() - xt.min()) * plotW;
                c.line(x, y0, x, y1, Canvas.Stroke.solid(GRID, 1));
                c.line(x, y1, x, y1 + 5, Canvas.Stroke.solid(AXIS, 1));
                c.text(xt.label(i), x, y1 + 19, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE));
            }
            c.strokeRect(x0, y0, plotW, PLOT_H, Canvas.Stroke.solid(AXIS, 1));
            c.text("epoch", x0 + plotW / 2.0, y1 + 38, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold());
            c.text(yLabel, 18, y0 + PLOT_H / 2.0, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold().rotated());
            if (series.isEmpty()) {
                c.text("(no data)", x0 + plotW / 2.0, y0 + PLOT_H / 2.0, Canvas.TextStyle.of(14, Canvas.Anchor.MIDDLE));
            }
            for (Series s : series) {
                double[] px = new double[x.length], py = new double[x.length];
                int n = 0;
                for (int i = 0; i < x.length; i++) {
                    if (!Double.isFinite(s.y()[i])) continue;
                    px[n] = x0 + (x[i] - xt.min()) / (xt.max() - xt.min()) * plotW;
                    py[n++] = y1 - (s.y()[i] - yt.min()) / (yt.max() - yt.min()) * PLOT_H;
                }
                c.polyline(px, py, n, new Canvas.Stroke(s.color(), 1.8, s.dash().pattern));
                if (n <= 80) for (int i = 0; i < n; i++) c.circle(px[i], py[i], 3, s.color());
            }
            legend.paint(c, 20, y1 + 64);
        }
    }

    /** Entries in as many columns as fit the width, filled column by column. */
    private record Legend(List<Series> series, int columns, double columnWidth) {
        static final double SAMPLE = 30, ROW = 19;

        Legend(List<Series> series, int width) {
            this(series, columns(series, width), columnWidth(series));
        }

        static double columnWidth(List<Series> series) {
            double w = 0;
            for (Series s : series) w = Math.max(w, Canvas.textWidth(s.label(), 12, false));
            return SAMPLE + 8 + w + 22;
        }

        static int columns(List<Series> series, int width) {
            if (series.isEmpty()) return 1;
            return Math.max(1, Math.min(series.size(), (int) (width / columnWidth(series))));
        }

        int height() {
            return (int) Math.ceil((series.size() + columns - 1) / columns * ROW);
        }

        void paint(Canvas c, double x, double y) {
            double left = x + Math.max(0, (Chart.W - 40 - columns * columnWidth) / 2);
            int rows = (series.size() + columns - 1) / columns;
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                // column by column, so the series of one data set stay together
                double ex = left + (i / rows) * columnWidth, ey = y + (i % rows) * ROW;
                c.line(ex, ey - 4, ex + SAMPLE, ey - 4, new Canvas.Stroke(s.color(), 1.8, s.dash().pattern));
                c.circle(ex + SAMPLE / 2, ey - 4, 3, s.color());
                c.text(s.label(), ex + SAMPLE + 8, ey, Canvas.TextStyle.of(12, Canvas.Anchor.START));
            }
        }
    }
}
