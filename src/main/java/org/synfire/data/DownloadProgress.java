package org.synfire.data;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of one download: on a terminal a line redrawn in place, when piped a plain line every few seconds.
 * Wall-clock only; nothing here reaches a file.
 */
final class DownloadProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private final long everyNanos;
    private final String name;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean drawn;

    DownloadProgress(PrintWriter out, boolean terminal, double everySeconds, String name) {
        this.out = out;
        this.terminal = terminal;
        this.everyNanos = (long) (everySeconds * 1e9);
        this.name = name;
    }

    /** {@code total} is negative when the server did not say. */
    void update(long done, long total) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? 100_000_000L : everyNanos)) return;
        lastPrint = now;
        String line = line(name, done, total, (now - start) / 1e9);
        if (terminal) {
            out.print("\r" + line + "   ");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Removes a drawn line, so that the next message starts on a clean line. */
    void clear() {
        if (!drawn) return;
        out.print("\r" + " ".repeat(90) + "\r");
        out.flush();
        drawn = false;
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
