package org.synfire.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws on a white RGB image with Java2D, antialiased except for the pixel-aligned marks and images. */
final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }

    private void stroke(Stroke s) {
        g.setColor(s.color());
        g.setStroke(s.dash().length == 0 ? new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, floats(s.dash()), 0f));
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke s) {
        stroke(s);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Stroke s) {
        if (n < 2) return;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) p.lineTo(x[i], y[i]);
        stroke(s);
        g.draw(p);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color c) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Stroke s) {
        stroke(s);
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRects(double[] x, double[] y, double[] w, double[] h, int n, Color c) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(c);
        for (int i = 0; i < n; i++) {
            int x0 = (int) Math.round(x[i]), y0 = (int) Math.round(y[i]);
            g.fillRect(x0, y0, Math.max(1, (int) Math.round(x[i] + w[i]) - x0), Math.max(1, (int) Math.round(y[i] + h[i]) - y0));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void text(String text, double x, double y, TextStyle t) {
        g.setFont(Canvas.font(t.size(), t.bold()));
        g.setColor(t.color());
        double w = Canvas.textWidth(text, t.size(), t.bold());
        double dx = switch (t.anchor()) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        if (!t.vertical()) {
            g.drawString(text, (float) (x + dx), (float) y);
            return;
        }
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(text, (float) (x + dx), (float) y);
        g.setTransform(saved);
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double boxW, double boxH) {
        BufferedImage src = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, w, h, argb, 0, w);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(src, (int) Math.round(x), (int) Math.round(y), (int) Math.round(boxW), (int) Math.round(boxH), null);
    }
}
