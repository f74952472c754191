package org.synfire.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Pictures of one weight matrix (row-major, rows = pre, columns = post, weight units): a histogram of its values, an
 * image of the matrix in a diverging colour map (blue negative, white 0, red positive), and, when the rows are the
 * pixels of a square image, each column as a tile (receptive fields).
 */
public final class WeightPlots {
    private WeightPlots() {}

    static final Color NEGATIVE = new Color(0x2166ac), POSITIVE = new Color(0xb2182b);
    private static final Color BAR = new Color(0x4a78a8), GRID = new Color(0xe3e3e3), AXIS = new Color(0x444444);
    private static final int MAX_BINS = 128, MAX_IMAGE = 1600, MAX_TILES = 400;

    /** {@code dir/NAME-histogram.png} and {@code .svg}. */
    public static void writeHistogram(Path dir, String name, int[] values, int rows, int cols) {
        ChartFiles.write(histogramFigure(name, values, rows, cols), dir, name + "-histogram");
    }

    /**
     * {@code dir/NAME-image.png}; {@code pre} and {@code post} name what rows and columns index. No SVG: it would embed
     * the same pixels (about 300 KB for a 400 × 400 matrix) for no gain.
     */
    public static void writeImage(Path dir, String name, int[] values, int rows, int cols, String pre, String post) {
        ChartFiles.writePng(imageFigure(name, values, rows, cols, pre, post), dir, name + "-image");
    }

    /** {@code dir/NAME-fields.png} if {@code rows} is a square of 4 or more (an input image); otherwise nothing. */
    public static void writeFields(Path dir, String name, int[] values, int rows, int cols) {
        int side = squareSide(rows);
        if (side < 2) return;
        ChartFiles.writePng(fieldsFigure(name, values, rows, cols, side), dir, name + "-fields");
    }

    static int squareSide(int n) {
        int s = (int) Math.round(Math.sqrt(n));
        return s * s == n ? s : 0;
    }

    // ---------------------------------------------------------------- histogram

    /**
     * Counts in bins of {@code width} values aligned at its multiples, bin k holding [lo + k·width, lo + (k+1)·width − 1];
     * {@code width} is the smallest power of two that needs at most 128 bins.
     */
    record Histogram(long lo, long width, long[] counts) {
        static Histogram of(int[] values) {
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
            for (int v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (values.length == 0) min = max = 0;
            long w = 1;
            while (Math.floorDiv(max, w) - Math.floorDiv(min, w) + 1 > MAX_BINS) w *= 2;
            long first = Math.floorDiv(min, w);
            long[] counts = new long[(int) (Math.floorDiv(max, w) - first + 1)];
            for (int v : values) counts[(int) (Math.floorDiv(v, w) - first)]++;
            return new Histogram(first * w, w, counts);
        }
    }

    /** Mean, standard deviation, extremes and how often each extreme occurs (values held at a clip limit show there). */
    record Stats(int n, double mean, double sd, int min, long atMin, int max, long atMax, long zeros) {
        static Stats of(int[] v) {
            if (v.length == 0) return new Stats(0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0);
            double sum = 0;
            int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
            for (int x : v) {
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double mean = sum / v.length, ss = 0;
            long atMin = 0, atMax = 0, zeros = 0;
            for (int x : v) {
                ss += (x - mean) * (x - mean);
                if (x == min) atMin++;
                if (x == max) atMax++;
                if (x == 0) zeros++;
            }
            return new Stats(v.length, mean, Math.sqrt(ss / v.length), min, atMin, max, atMax, zeros);
        }

        String text() {
            return String.format(Locale.ROOT, "mean %.2f   sd %.2f   min %d (%d×)   max %d (%d×)   zero %d×", mean, sd, min, atMin, max, atMax, zeros);
        }
    }

    static Figure histogramFigure(String name, int[] values, int rows, int cols) {
        Histogram h = Histogram.of(values);
        Stats st = Stats.of(values);
        long top = 0;
        for (long c : h.counts()) top = Math.max(top, c);
        Ticks yt = Ticks.covering(0, Math.max(1, top), 7);
        if (yt.step() < 1) yt = Ticks.covering(0, Math.max(5, top), 6);
        Ticks xt = Ticks.covering(h.lo(), h.lo() + h.counts().length * h.width(), 10);
        Ticks ys = yt;
        String title = String.format(Locale.ROOT, "%s: %d × %d = %d weights", name, rows, cols, values.length);
        return new Figure() {
            static final int W = 900, H = 480, TOP = 62, BOTTOM = 58, RIGHT = 24;

            @Override
            public int width() {
                return W;
            }

            @Override
            public int height() {
                return H;
            }

            @Override
            public void paint(Canvas c) {
                double lw = 0;
                for (int i = 0; i < ys.count(); i++) lw = Math.max(lw, Canvas.textWidth(ys.label(i), 12, false));
                double x0 = Math.ceil(lw) + 44, plotW = W - x0 - RIGHT, y1 = H - BOTTOM, plotH = y1 - TOP;
                c.text(title, W / 2.0, 24, Canvas.TextStyle.of(15, Canvas.Anchor.MIDDLE).asBold());
                c.text(st.text(), W / 2.0, 45, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE).inColor(AXIS));
                double xlo = xt.min(), xhi = xt.max();
                for (int i = 0; i < ys.count(); i++) {
                    double y = y1 - ys.value(i) / ys.max() * plotH;
                    c.line(x0, y, x0 + plotW, y, Canvas.Stroke.solid(GRID, 1));
                    c.text(ys.label(i), x0 - 7, y + 4, Canvas.TextStyle.of(12, Canvas.Anchor.END));
                }
                long[] counts = h.counts();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] == 0) continue;
                    double a = h.lo() + k * h.width(), b = a + h.width();
                    double xa = x0 + (a - xlo) / (xhi - xlo) * plotW, xb = x0 + (b - xlo) / (xhi - xlo) * plotW;
                    double y = y1 - counts[k] / ys.max() * plotH;
                    c.fillRect(xa, y, Math.max(0.8, xb - xa - (xb - xa > 3 ? 1 : 0)), y1 - y, BAR);
                }
                for (int i = 0; i < xt.count(); i++) {
                    double x = x0 + (xt.value(i) - xlo) / (xhi - xlo) * plotW;
                    c.line(x, y1, x, y1 + 5, Canvas.Stroke.solid(AXIS, 1));
                    c.text(xt.label(i), x, y1 + 19, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE));
                }
                c.strokeRect(x0, TOP, plotW, plotH, Canvas.Stroke.solid(AXIS, 1));
                String bins = h.width() == 1 ? "one bin per value" : "bins of " + h.width() + " values";
                c.text("weight (weight units; " + bins + ")", x0 + plotW / 2, y1 + 40, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold());
                c.text("count", 18, TOP + plotH / 2, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold().rotated());
            }
        };
    }

    // ---------------------------------------------------------------- image

    /** The colour of {@code v} for a map from −limit (blue) through 0 (white) to +limit (red), as ARGB. */
    static int colour(double v, double limit) {
        double t = limit <= 0 ? 0 : Math.max(-1, Math.min(1, v / limit));
        Color end = t < 0 ? NEGATIVE : POSITIVE;
        double a = Math.abs(t);
        int r = (int) Math.round(255 + (end.getRed() - 255) * a);
        int g = (int) Math.round(255 + (end.getGreen() - 255) * a);
        int b = (int) Math.round(255 + (end.getBlue() - 255) * a);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    static int limit(int[] values) {
        long l = 1;
        for (int v : values) l = Math.max(l, Math.abs((long) v));
        return (int) Math.min(Integer.MAX_VALUE, l);
    }

    /** The matrix averaged over blocks so that neither side exceeds {@code max} (a matrix that fits is returned as it is). */
    record Raster(double[] values, int rows, int cols, int rowBlock, int colBlock) {
        static Raster of(int[] v, int rows, int cols, int max) {
            int rb = (rows + max - 1) / max, cb = (cols + max - 1) / max;
            int r2 = (rows + rb - 1) / rb, c2 = (cols + cb - 1) / cb;
            double[] out = new double[r2 * c2];
            int[] n = new int[r2 * c2];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int k = (i / rb) * c2 + j / cb;
                    out[k] += v[i * cols + j];
                    n[k]++;
                }
            }
            for (int k = 0; k < out.length; k++) out[k] /= n[k];
            return new Raster(out, r2, c2, rb, cb);
        }
    }

    static Figure imageFigure(String name, int[] values, int rows, int cols, String pre, String post) {
        Raster r = Raster.of(values, rows, cols, MAX_IMAGE);
        int lim = limit(values);
        int[] argb = new int[r.values().length];
        for (int k = 0; k < argb.length; k++) argb[k] = colour(r.values()[k], lim);
        // cells at least 1 pixel, at most 40, aiming at a picture about 640 pixels on its longer side
        int cw = Math.max(1, Math.min(40, 640 / r.cols())), ch = Math.max(1, Math.min(40, 640 / r.rows()));
        int imgW = cw * r.cols(), imgH = ch * r.rows();
        String title = String.format(Locale.ROOT, "%s: %d × %d, row = %s index, column = %s index", name, rows, cols, pre, post);
        String note = r.rowBlock() > 1 || r.colBlock() > 1
                ? String.format(Locale.ROOT, "each cell the mean of %d × %d weights", r.rowBlock(), r.colBlock()) : "";
        return new Figure() {
            static final int LEFT = 92, TOP = 58, RIGHT = 150, BOTTOM = 64;

            @Override
            public int width() {
                return Math.max(LEFT + imgW + RIGHT, (int) Canvas.textWidth(title, 15, true) + 40);
            }

            @Override
            public int height() {
                return TOP + Math.max(imgH, 200) + BOTTOM;
            }

            @Override
            public void paint(Canvas c) {
                c.text(title, width() / 2.0, 26, Canvas.TextStyle.of(15, Canvas.Anchor.MIDDLE).asBold());
                if (!note.isEmpty()) c.text(note, width() / 2.0, 46, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE).inColor(AXIS));
                c.image(argb, r.cols(), r.rows(), LEFT, TOP, imgW, imgH);
                c.strokeRect(LEFT, TOP, imgW, imgH, Canvas.Stroke.solid(AXIS, 1));
                indexTicks(c, rows, imgH, true);
                indexTicks(c, cols, imgW, false);
                c.text(pre + " (row)", 22, TOP + imgH / 2.0, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold().rotated());
                c.text(post + " (column)", LEFT + imgW / 2.0, TOP + imgH + 44, Canvas.TextStyle.of(13, Canvas.Anchor.MIDDLE).asBold());
                colourBar(c, LEFT + imgW + 30, TOP, Math.max(imgH, 200), lim);
            }

            /** Ticks at round indices from 0 to n − 1, at the centres of their cells. */
            private void indexTicks(Canvas c, int n, double length, boolean vertical) {
                Ticks t = Ticks.covering(0, Math.max(1, n - 1), 6);
                for (int i = 0; i < t.count(); i++) {
                    double idx = t.value(i);
                    if (idx > n - 1 || idx != Math.rint(idx)) continue;
                    double pos = (idx + 0.5) / n * length;
                    if (vertical) {
                        c.line(LEFT - 5, TOP + pos, LEFT, TOP + pos, Canvas.Stroke.solid(AXIS, 1));
                        c.text(t.label(i), LEFT - 8, TOP + pos + 4, Canvas.TextStyle.of(11, Canvas.Anchor.END));
                    } else {
                        c.line(LEFT + pos, TOP + imgH, LEFT + pos, TOP + imgH + 5, Canvas.Stroke.solid(AXIS, 1));
                        c.text(t.label(i), LEFT + pos, TOP + imgH + 18, Canvas.TextStyle.of(11, Canvas.Anchor.MIDDLE));
                    }
                }
            }
        };
    }

    /** A vertical bar from +limit (top) through 0 to −limit, labelled in weight units. */
    private static void colourBar(Canvas c, double x, double y, double h, int lim) {
        int steps = 64;
        int[] bar = new int[steps];
        for (int k = 0; k < steps; k++) bar[k] = colour(lim - (k + 0.5) * 2.0 * lim / steps, lim);
        c.image(bar, 1, steps, x, y, 16, h);
        c.strokeRect(x, y, 16, h, Canvas.Stroke.solid(AXIS, 1));
        for (double[] t : new double[][] {{lim, 0}, {0, 0.5}, {-lim, 1}}) {
            double ty = y + t[1] * h;
            c.line(x + 16, ty, x + 21, ty, Canvas.Stroke.solid(AXIS, 1));
            c.text(Integer.toString((int) t[0]), x + 24, ty + 4, Canvas.TextStyle.of(11, Canvas.Anchor.START));
        }
        c.text("weight units", x + 8, y + h + 18, Canvas.TextStyle.of(11, Canvas.Anchor.MIDDLE));
    }

    // ---------------------------------------------------------------- receptive fields

    /**
     * Column j of the matrix drawn as a side × side tile (row-major: input index r·side + c at row r, column c), the
     * tiles in a grid, at most {@value #MAX_TILES} of them, in one colour scale.
     */
    static int[] fieldsRaster(int[] values, int rows, int cols, int side, int tiles, int gridCols) {
        int gridRows = (tiles + gridCols - 1) / gridCols;
        int w = gridCols * (side + 1) + 1, h = gridRows * (side + 1) + 1;
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, 0xffffffff);
        int lim = limit(values);
        for (int j = 0; j < tiles; j++) {
            int ox = 1 + (j % gridCols) * (side + 1), oy = 1 + (j / gridCols) * (side + 1);
            for (int p = 0; p < rows; p++) argb[(oy + p / side) * w + ox + p % side] = colour(values[p * cols + j], lim);
        }
        return argb;
    }

    static Figure fieldsFigure(String name, int[] values, int rows, int cols, int side) {
        int tiles = Math.min(cols, MAX_TILES);
        int gridCols = (int) Math.ceil(Math.sqrt(tiles)), gridRows = (tiles + gridCols - 1) / gridCols;
        int w = gridCols * (side + 1) + 1, h = gridRows * (side + 1) + 1;
        int[] argb = fieldsRaster(values, rows, cols, side, tiles, gridCols);
        int scale = Math.max(1, Math.min(8, 840 / Math.max(w, h)));
        int lim = limit(values);
        String title = String.format(Locale.ROOT, "%s receptive fields: column j as a %d × %d image, %s", name, side, side,
                tiles == cols ? "all " + cols + " columns" : "the first " + tiles + " of " + cols + " columns");
        return new Figure() {
            static final int LEFT = 30, TOP = 48, RIGHT = 130, BOTTOM = 40;

            @Override
            public int width() {
                return Math.max(LEFT + w * scale + RIGHT, (int) Canvas.textWidth(title, 15, true) + 40);
            }

            @Override
            public int height() {
                return TOP + Math.max(h * scale, 200) + BOTTOM;
            }

            @Override
            public void paint(Canvas c) {
                c.text(title, width() / 2.0, 28, Canvas.TextStyle.of(15, Canvas.Anchor.MIDDLE).asBold());
                c.image(argb, w, h, LEFT, TOP, w * scale, h * scale);
                c.text("tiles row by row: column 0 top left, column " + gridCols + " starts the second row", LEFT + w * scale / 2.0,
                        TOP + h * scale + 24, Canvas.TextStyle.of(12, Canvas.Anchor.MIDDLE).inColor(AXIS));
                colourBar(c, LEFT + w * scale + 30, TOP, Math.max(200, h * scale), lim);
            }
        };
    }
}
