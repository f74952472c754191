package org.synfire.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spike raster over a window of time steps: one horizontal band per population, top to bottom in the order given,
 * with y the neuron index inside the band (0 at the bottom) and a band height that grows with the population's size
 * (with a minimum, see {@link #heights}); every spike is a mark in its step's column. Columns are shaded by the kind of
 * their phase and labelled with its number and name; marks take the colour of their population's role.
 */
public final class RasterPlot {
    private RasterPlot() {}

    /** What a group of populations does (a layer, the gates, the target), and its colour. */
    public record Role(String name, Color color) {}

    /** What a kind of phase does (forward pass, potentiation, ...), and its background shade. */
    public record PhaseKind(String name, Color shade) {}

    /** One column: its label under the axis (split into lines at spaces) and its kind. */
    public record Phase(String name, PhaseKind kind) {}

    /** A population's spikes: for spike k, its column {@code phase[k]} and neuron {@code index[k]} in 0..size−1. */
    public record Band(String name, int size, Role role, int[] phase, int[] index) {
        public Band {
            if (phase.length != index.length) throw new IllegalArgumentException(name + ": " + phase.length + " phases but " + index.length + " indices");
        }
    }

    static final int MIN_BAND = 14, SMALL_PER_NEURON = 3, SMALL_BAND = 48, BUDGET = 1200, GAP = 4;
    static final double MAX_PER_NEURON = 0.25;

    /** The least height of a band of {@code size} neurons: {@value #MIN_BAND} pixels, and 3 per neuron up to 48, so small populations show each neuron. */
    static double minimum(int size) {
        return Math.max(MIN_BAND, Math.min(SMALL_PER_NEURON * size, SMALL_BAND));
    }

    /**
     * Band heights in pixels: {@value #MAX_PER_NEURON} per neuron, at least {@link #minimum}; when that exceeds
     * {@value #BUDGET} pixels in all, the pixels per neuron shrink until the bands above their minimum share what
     * the others leave.
     */
    static double[] heights(int[] sizes) {
        double per = MAX_PER_NEURON;
        for (int iteration = 0; iteration < sizes.length + 1; iteration++) {
            double fixed = 0, large = 0;
            for (int s : sizes) {
                if (s * per <= minimum(s)) fixed += minimum(s);
                else large += s;
            }
            if (large == 0 || fixed + large * per <= BUDGET) break;
            double next = Math.max(0.01, (BUDGET - fixed) / large);
            if (next >= per) break;
            per = next;
        }
        double[] h = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) h[i] = Math.max(minimum(sizes[i]), sizes[i] * per);
        return h;
    }

    public static void write(Path dir, String baseName, String title, String xTitle, List<Band> bands, List<Phase> phases) {
        ChartFiles.write(figure(title, xTitle, bands, phases), dir, baseName);
    }

    static Figure figure(String title, String xTitle, List<Band> bands, List<Phase> phases) {
        int[] sizes = bands.stream().mapToInt(Band::size).toArray();
        return new Raster(title, xTitle, List.copyOf(bands), List.copyOf(phases), heights(sizes));
    }

    private static final Color LINE = new Color(0xb0b0b0), TEXT = new Color(0x333333), SEPARATOR = Color.WHITE;

    private record Raster(String title, String xTitle, List<Band> bands, List<Phase> phases, double[] heights) implements Figure {
        static final int MARGIN = 16, LEGEND_ROW = 18, TITLE = 40;

        double nameWidth() {
            double w = 0;
            for (Band b : bands) w = Math.max(w, Canvas.textWidth(b.name(), 11, true));
            return w;
        }

        double tickWidth() {
            double w = 0;
            for (Band b : bands) w = Math.max(w, Canvas.textWidth(Integer.toString(b.size() - 1), 9, false));
            return w;
        }

        double left() {
            return MARGIN + nameWidth() + 10 + tickWidth() + 8;
        }

        double column() {
            return Math.max(44, Math.min(90, 920.0 / Math.max(1, phases.size())));
        }

        /** One legend entry: a mark's colour (a role) or a column's shade (a kind of phase). */
        record Entry(Color color, String text, boolean mark) {}

        /** Legend entries laid out in rows no wider than the figure: the roles, then the kinds of phase. */
        List<List<Entry>> legendRows() {
            Map<String, Color> roles = new LinkedHashMap<>(), kinds = new LinkedHashMap<>();
            for (Band b : bands) roles.putIfAbsent(b.role().name(), b.role().color());
            for (Phase p : phases) kinds.putIfAbsent(p.kind().name(), p.kind().shade());
            List<List<Entry>> rows = new ArrayList<>();
            for (Map<String, Color> group : List.of(roles, kinds)) {
                boolean mark = group == roles;
                List<Entry> row = new ArrayList<>();
                double x = 0, limit = width() - 2 * MARGIN - 90;
                for (var e : group.entrySet()) {
                    double w = 18 + Canvas.textWidth(e.getKey(), 11, false) + 16;
                    if (x + w > limit && !row.isEmpty()) {
                        rows.add(row);
                        row = new ArrayList<>();
                        x = 0;
                    }
                    row.add(new Entry(e.getValue(), e.getKey(), mark));
                    x += w;
                }
                if (!row.isEmpty()) rows.add(row);
            }
            return rows;
        }

        double plotTop() {
            return TITLE + legendRows().size() * LEGEND_ROW + 24;
        }

        double plotHeight() {
            double h = 0;
            for (double x : heights) h += x + GAP;
            return h + GAP;
        }

        @Override
        public int width() {
            return (int) Math.ceil(left() + phases.size() * column() + MARGIN);
        }

        @Override
        public int height() {
            return (int) Math.ceil(plotTop() + plotHeight() + 84);
        }

        @Override
        public void paint(Canvas c) {
            double x0 = left(), cw = column(), top = plotTop(), ph = plotHeight(), bottom = top + ph;
            c.text(title, width() / 2.0, 26, Canvas.TextStyle.of(15, Canvas.Anchor.MIDDLE).asBold());
            paintLegend(c);
            for (int p = 0; p < phases.size(); p++) c.fillRect(x0 + p * cw, top, cw, ph, phases.get(p).kind().shade());
            for (int p = 1; p < phases.size(); p++) c.line(x0 + p * cw, top, x0 + p * cw, bottom, Canvas.Stroke.solid(SEPARATOR, 2));
            double y = top + GAP;
            double nameX = MARGIN + nameWidth(), tickX = nameX + 10 + tickWidth();
            for (int i = 0; i < bands.size(); i++) {
                Band b = bands.get(i);
                double h = heights[i], yb = y + h;
                c.line(x0, y - GAP / 2.0, x0 + phases.size() * cw, y - GAP / 2.0, Canvas.Stroke.solid(LINE, 0.6));
                c.text(b.name(), nameX, y + h / 2 + 4, Canvas.TextStyle.of(11, Canvas.Anchor.END).asBold().inColor(b.role().color().darker()));
                if (b.size() > 1 && h >= 2 * 11) {
                    c.text(Integer.toString(b.size() - 1), tickX, y + 8, Canvas.TextStyle.of(9, Canvas.Anchor.END).inColor(TEXT));
                    c.text("0", tickX, yb - 1, Canvas.TextStyle.of(9, Canvas.Anchor.END).inColor(TEXT));
                }
                paintSpikes(c, b, x0, cw, y, h);
                y = yb + GAP;
            }
            c.line(x0, y - GAP / 2.0, x0 + phases.size() * cw, y - GAP / 2.0, Canvas.Stroke.solid(LINE, 0.6));
            c.strokeRect(x0, top, phases.size() * cw, ph, Canvas.Stroke.solid(TEXT, 1));
            for (int p = 0; p < phases.size(); p++) {
                double cx = x0 + (p + 0.5) * cw;
                // the number above the plot too: tall rasters are read from the top
                c.text(Integer.toString(p), cx, top - 5, Canvas.TextStyle.of(10, Canvas.Anchor.MIDDLE).inColor(TEXT));
                c.text(Integer.toString(p), cx, bottom + 15, Canvas.TextStyle.of(11, Canvas.Anchor.MIDDLE).asBold());
                String[] words = phases.get(p).name().split(" ");
                List<String> lines = new ArrayList<>();
                for (String w : words) {
                    if (!lines.isEmpty() && Canvas.textWidth(lines.getLast() + " " + w, 10, false) <= cw - 4) lines.set(lines.size() - 1, lines.getLast() + " " + w);
                    else lines.add(w);
                }
                for (int k = 0; k < Math.min(3, lines.size()); k++) {
                    c.text(lines.get(k), cx, bottom + 29 + 12 * k, Canvas.TextStyle.of(10, Canvas.Anchor.MIDDLE).inColor(TEXT));
                }
            }
            c.text(xTitle, x0 + phases.size() * cw / 2, bottom + 76, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE).asBold());
        }

        /** One mark per spike, one neuron row high (at least a pixel), in the middle three quarters of its column. */
        private static void paintSpikes(Canvas c, Band b, double x0, double cw, double y, double h) {
            int n = b.phase().length;
            if (n == 0) return;
            double row = h / b.size();
            double[] xs = new double[n], ys = new double[n], ws = new double[n], hs = new double[n];
            for (int k = 0; k < n; k++) {
                xs[k] = x0 + b.phase()[k] * cw + cw * 0.12;
                ws[k] = cw * 0.76;
                double top = y + h - (b.index()[k] + 1) * row;
                // rows of 3 pixels or more keep a gap, so neighbouring neurons stay apart
                double pad = b.size() == 1 ? 2 : row >= 3 ? 0.5 : 0;
                ys[k] = top + pad;
                hs[k] = row - 2 * pad;
            }
            c.fillRects(xs, ys, ws, hs, n, b.role().color());
        }

        private void paintLegend(Canvas c) {
            double y = TITLE + 12;
            for (List<Entry> row : legendRows()) {
                double x = MARGIN;
                for (Entry e : row) {
                    if (e.mark()) {
                        c.fillRect(x, y - 9, 12, 10, e.color());
                    } else {
                        c.fillRect(x, y - 10, 14, 12, e.color());
                        c.strokeRect(x, y - 10, 14, 12, Canvas.Stroke.solid(LINE, 0.6));
                    }
                    c.text(e.text(), x + 18, y, Canvas.TextStyle.of(11, Canvas.Anchor.START).inColor(TEXT));
                    x += 18 + Canvas.textWidth(e.text(), 11, false) + 16;
                }
                y += LEGEND_ROW;
            }
        }
    }
}
