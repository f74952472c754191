package org.synfire.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.synfire.io.LiveLine;

/**
 * Progress of a long command: on a terminal a bar redrawn in place (done/total, rate, ETA); when piped, a plain
 * line every {@code everySeconds} seconds, so a log can be planned by. Wall-clock only: nothing here reaches a
 * result file.
 */
final class ProgressLine {
    private final LiveLine line;
    private final String unit;
    private long start = -1;
    private long startDone;

    /** @param unit what is counted, e.g. "samples" */
    ProgressLine(PrintWriter out, boolean terminal, double everySeconds, String unit) {
        if (!(everySeconds > 0)) throw new org.synfire.UserError("--progress-every must be > 0 seconds, got " + everySeconds);
        this.line = new LiveLine(out, terminal, everySeconds);
        this.unit = unit;
    }

    /** {@code label} names where the work is (e.g. "epoch 2/15"); done and total count the whole command. */
    void update(String label, long done, long total) {
        if (start < 0) { // the rate counts from the first report: a resumed run's earlier samples are not this process's
            start = System.nanoTime();
            startDone = done;
            line.restart();
            return;
        }
        if (!line.due()) return;
        line.show(format(label, done, total, done - startDone, (System.nanoTime() - start) / 1e9, unit));
    }

    /** Removes the bar before other output on a terminal. */
    void clear() {
        line.clear();
    }

    /** "epoch 2/15 [######..............] 31% 18,600/60,000 samples, 3,410 samples/s, ETA 0:12"; the rate from {@code doneHere} in {@code seconds}. */
    static String format(String label, long done, long total, long doneHere, double seconds, String unit) {
        int width = 20;
        int filled = total > 0 ? (int) Math.min(width, width * done / total) : 0;
        double rate = seconds > 0 ? doneHere / seconds : 0;
        String eta = rate > 0 && total >= done ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "%s[%s%s] %3d%% %,d/%,d %s, %,.0f %s/s, ETA %s", label.isEmpty() ? "" : label + " ",
                "#".repeat(filled), ".".repeat(width - filled), total > 0 ? 100 * done / total : 0, done, total, unit, rate, unit, eta);
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
