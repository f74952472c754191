package org.synfire.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes an XChart chart as PNG and SVG, each atomically (the SVG drawn through VectorGraphics2D directly). */
public final class ChartFiles {
    private ChartFiles() {}

    /** {@code dir/baseName.png} and {@code dir/baseName.svg}. */
    public static void write(Chart<?, ?> chart, Path dir, String baseName) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        AtomicFiles.write(dir.resolve(baseName + ".png"), out -> {
            if (!ImageIO.write(image, "png", out)) throw new java.io.IOException("no PNG writer in this Java runtime");
        });
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        var document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
        AtomicFiles.write(dir.resolve(baseName + ".svg"), document::writeTo);
    }
}
