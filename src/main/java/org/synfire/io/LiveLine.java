package org.synfire.io;

import java.io.PrintWriter;

/**
 * One line of progress: on a terminal redrawn in place at most ten times a second, when piped printed as a new
 * line every {@code everySeconds}, so that a log can be planned by. Wall clock only: nothing here reaches a result.
 */
public final class LiveLine {
    private static final long TERMINAL_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long everyNanos;
    private long last = System.nanoTime();
    private boolean drawn;

    public LiveLine(PrintWriter out, boolean terminal, double everySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.everyNanos = (long) Math.min(Long.MAX_VALUE, everySeconds * 1e9);
    }

    /** Counts the next gap from now. */
    public void restart() {
        last = System.nanoTime();
    }

    /** Whether a line is due; if so, the next gap counts from now. */
    public boolean due() {
        long now = System.nanoTime();
        if (now - last < (terminal ? TERMINAL_NANOS : everyNanos)) return false;
        last = now;
        return true;
    }

    public void show(String line) {
        if (terminal) {
            out.print("\r" + line + "   ");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Removes a line drawn in place, so that the next message starts on a clean line. */
    public void clear() {
        if (!drawn) return;
        out.print("\r" + " ".repeat(100) + "\r");
        out.flush();
        drawn = false;
    }
}
