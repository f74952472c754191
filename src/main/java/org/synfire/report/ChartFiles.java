package org.synfire.report;

import java.nio.file.Path;
import org.synfire.io.AtomicFiles;

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
        return PngEncoder.encode(c.image());
    }

    static String svg(Figure f) {
        SvgCanvas c = new SvgCanvas(f.width(), f.height());
        f.paint(c);
        return c.document();
    }
}
