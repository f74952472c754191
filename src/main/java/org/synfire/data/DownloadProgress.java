package org.synfire.data;

import java.io.PrintWriter;
import java.util.Locale;
import org.synfire.io.LiveLine;

/**
 * Progress of one download: on a terminal a line redrawn in place, when piped a plain line every few seconds.
 * Wall-clock only; nothing here reaches a file.
 */
final class DownloadProgress {
    private final LiveLine line;
    private final String name;
    private final long start = System.nanoTime();

    DownloadProgress(PrintWriter out, boolean terminal, double everySeconds, String name) {
        this.line = new LiveLine(out, terminal, everySeconds);
        this.name = name;
    }

    /** {@code total} is negative when the server did not say. */
    void update(long done, long total) {
        if (line.due()) line.show(line(name, done, total, (System.nanoTime() - start) / 1e9));
    }

    /** Removes a line drawn in place, so that the next message starts on a clean line. */
    void clear() {
        line.clear();
    }

    /** "9.9 MB", or "28.9 kB" below a megabyte. */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3) : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** "    train-images-idx3-ubyte.gz [#####...............] 26% 2.6/9.9 MB, 1.3 MB/s, 6 s left". */
    static String line(String name, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        if (total <= 0) return String.format(Locale.ROOT, "    %s %.1f MB, %.1f MB/s", name, done / 1e6, rate / 1e6);
        int width = 20;
        int filled = (int) Math.min(width, width * done / total);
        String left = rate > 0 ? Math.round((total - done) / rate) + " s left" : "? s left";
        return String.format(Locale.ROOT, "    %s [%s%s] %3d%% %.1f/%.1f MB, %.1f MB/s, %s", name, "#".repeat(filled),
                ".".repeat(width - filled), 100 * done / total, done / 1e6, total / 1e6, rate / 1e6, left);
    }
}
