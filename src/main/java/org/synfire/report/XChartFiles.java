package org.synfire.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.synfire.io.AtomicFiles;

/** Writes an XChart chart (the sweep and continual summaries) as PNG and SVG, each atomically; run plots use {@link Figure}. */
public final class XChartFiles {
    private XChartFiles() {}

    /** {@code dir/baseName.png} and {@code dir/baseName.svg}. */
    public static void write(Chart<?, ?> chart, Path dir, String baseName) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) throw new IOException("no PNG writer in this Java runtime");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeBytes(dir.resolve(baseName + ".png"), png.toByteArray());
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        var document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        try {
            document.writeTo(svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeBytes(dir.resolve(baseName + ".svg"), svg.toByteArray());
    }
}
