package org.synfire.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes SVG 1.1 by hand: text as {@code <text>} (selectable, editable), coordinates with at most two decimals, many
 * marks of one colour as one path. The output depends only on the calls, so equal figures give equal files.
 */
final class SvgCanvas implements Canvas {
    static final String FONTS = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
    private final StringBuilder out = new StringBuilder(1 << 14);

    SvgCanvas(int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"").append(FONTS).append("\">\n");
        out.append("<rect width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
    }

    String document() {
        return out + "</svg>\n";
    }

    static String num(double v) {
        long r = Math.round(v * 100);
        if (r % 100 == 0) return Long.toString(r / 100);
        String s = String.format(Locale.ROOT, "%.2f", r / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    static String color(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private void strokeAttributes(Stroke s) {
        out.append(" fill=\"none\" stroke=\"").append(color(s.color())).append("\" stroke-width=\"").append(num(s.width())).append('"');
        if (s.dash().length > 0) {
            out.append(" stroke-dasharray=\"");
            for (int i = 0; i < s.dash().length; i++) out.append(i == 0 ? "" : " ").append(num(s.dash()[i]));
            out.append('"');
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke s) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        strokeAttributes(s);
        out.append("/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Stroke s) {
        if (n < 2) return;
        out.append("<polyline points=\"");
        for (int i = 0; i < n; i++) out.append(i == 0 ? "" : " ").append(num(x[i])).append(',').append(num(y[i]));
        out.append('"');
        strokeAttributes(s);
        out.append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color c) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(color(c)).append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Stroke s) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"');
        strokeAttributes(s);
        out.append("/>\n");
    }

    @Override
    public void fillRects(double[] x, double[] y, double[] w, double[] h, int n, Color c) {
        if (n == 0) return;
        out.append("<path fill=\"").append(color(c)).append("\" shape-rendering=\"crispEdges\" d=\"");
        for (int i = 0; i < n; i++) {
            long x0 = Math.round(x[i]), y0 = Math.round(y[i]);
            long ww = Math.max(1, Math.round(x[i] + w[i]) - x0), hh = Math.max(1, Math.round(y[i] + h[i]) - y0);
            out.append('M').append(x0).append(' ').append(y0).append('h').append(ww).append('v').append(hh).append('h').append(-ww).append('z');
        }
        out.append("\"/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(color(fill)).append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle t) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(t.size())).append('"');
        if (t.bold()) out.append(" font-weight=\"bold\"");
        if (t.anchor() != Anchor.START) out.append(" text-anchor=\"").append(t.anchor() == Anchor.MIDDLE ? "middle" : "end").append('"');
        if (!t.color().equals(Color.BLACK)) out.append(" fill=\"").append(color(t.color())).append('"');
        if (t.vertical()) out.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        out.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double boxW, double boxH) {
        BufferedImage src = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(src, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        out.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(boxW))
                .append("\" height=\"").append(num(boxH)).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\"")
                .append(" xlink:href=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }
}
