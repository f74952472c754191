package org.synfire.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A drawing surface measured in pixels, y pointing down. A {@link Figure} paints itself once on a {@link PngCanvas}
 * and once on an {@link SvgCanvas} with the same calls, so the two files show the same picture; in the SVG, text
 * stays text.
 */
sealed interface Canvas permits PngCanvas, SvgCanvas {

    enum Anchor { START, MIDDLE, END }

    /** A line's colour, width and dash pattern (on, off, ... in pixels; empty for a solid line). */
    record Stroke(Color color, double width, double... dash) {
        static Stroke solid(Color c, double width) {
            return new Stroke(c, width);
        }
    }

    /** Text of {@code size} pixels, anchored at its start, middle or end; {@code vertical} reads bottom to top. */
    record TextStyle(double size, boolean bold, Anchor anchor, Color color, boolean vertical) {
        static TextStyle of(double size, Anchor anchor) {
            return new TextStyle(size, false, anchor, Color.BLACK, false);
        }

        TextStyle asBold() {
            return new TextStyle(size, true, anchor, color, vertical);
        }

        TextStyle inColor(Color c) {
            return new TextStyle(size, bold, anchor, c, vertical);
        }

        TextStyle rotated() {
            return new TextStyle(size, bold, anchor, color, true);
        }
    }

    void line(double x1, double y1, double x2, double y2, Stroke s);

    void polyline(double[] x, double[] y, int n, Stroke s);

    void fillRect(double x, double y, double w, double h, Color c);

    void strokeRect(double x, double y, double w, double h, Stroke s);

    /** {@code n} rectangles of one colour with edges on whole pixels and at least one pixel high and wide (spike marks). */
    void fillRects(double[] x, double[] y, double[] w, double[] h, int n, Color c);

    void circle(double cx, double cy, double r, Color fill);

    /** {@code text} with its baseline at y. */
    void text(String text, double x, double y, TextStyle style);

    /** A {@code w}×{@code h} image (ARGB, row-major) stretched over the box, each source pixel a sharp block. */
    void image(int[] argb, int w, int h, double x, double y, double boxW, double boxH);

    /** The width of {@code text} in pixels, the same on both canvases (the PNG's font metrics; the SVG names the same font first). */
    static double textWidth(String text, double size, boolean bold) {
        return Metrics.G.getFontMetrics(font(size, bold)).getStringBounds(text, Metrics.G).getWidth();
    }

    static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /** One graphics context for measuring text, with the PNG canvas's rendering hints. */
    final class Metrics {
        static final Graphics2D G;

        static {
            BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            G = one.createGraphics();
            G.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            G.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        private Metrics() {}
    }
}
