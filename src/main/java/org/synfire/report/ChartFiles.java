package org.synfire.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a {@link Figure} as PNG and SVG, each atomically. */
final class ChartFiles {
    private ChartFiles() {}

    /** {@code dir/baseName.png} and {@code dir/baseName.svg}. */
    static void write(Figure f, Path dir, String baseName) {
        AtomicFiles.writeBytes(dir.resolve(baseName + ".png"), png(f));
        AtomicFiles.writeString(dir.resolve(baseName + ".svg"), svg(f));
    }

    /** {@code dir/baseName.png} only. */
    static void writePng(Figure f, Path dir, String baseName) {
        AtomicFiles.writeBytes(dir.resolve(baseName + ".png"), png(f));
    }

    static byte[] png(Figure f) {
        PngCanvas c = new PngCanvas(f.width(), f.height());
        f.paint(c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(c.image(), "png", out)) throw new IllegalStateException("no PNG writer in this Java runtime");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    static String svg(Figure f) {
        SvgCanvas c = new SvgCanvas(f.width(), f.height());
        f.paint(c);
        return c.document();
    }
}
