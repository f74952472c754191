package org.synfire.io;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where a process's time goes: with {@code SYNFIRE_TIMELINE=1}, each stage a command passes prints one line on
 * stderr with the seconds since the launcher started (or, run without it, since the JVM started), its thread and
 * the stage. Off, a mark prints nothing; marks sit at stage boundaries, never in a per-sample loop.
 */
public final class Timeline {
    private Timeline() {}

    private static final boolean ON = on(System.getenv("SYNFIRE_TIMELINE"));
    private static final long ORIGIN_NANOS = ON ? origin(System.getenv("SYNFIRE_LAUNCHED_AT")) : 0;
    private static final PrintStream ERR = System.err;

    static boolean on(String env) {
        return env != null && !env.isBlank() && !env.equals("0");
    }

    /**
     * The process's start on {@link System#nanoTime}'s scale: the launcher's clock reading ({@code $EPOCHREALTIME},
     * seconds with microseconds) if it passed one, else the JVM's start as the operating system records it.
     */
    static long origin(String launchedAt) {
        long nowNanos = System.nanoTime();
        long nowEpochMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
        long startEpochMicros = parseMicros(launchedAt);
        if (startEpochMicros < 0) {
            startEpochMicros = ProcessHandle.current().info().startInstant()
                    .map(i -> java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, i)).orElse(nowEpochMicros);
        }
        return nowNanos - (nowEpochMicros - startEpochMicros) * 1000;
    }

    /** "1764607987.123456" (or with a comma, as some locales write it) as microseconds; -1 if absent or malformed. */
    static long parseMicros(String s) {
        if (s == null) return -1;
        String[] parts = s.trim().split("[.,]");
        try {
            if (parts.length == 1) return Long.parseLong(parts[0]) * 1_000_000;
            if (parts.length != 2 || parts[1].length() != 6) return -1;
            return Long.parseLong(parts[0]) * 1_000_000 + Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Records that {@code stage} has been reached. */
    public static void mark(String stage) {
        if (ON) print(stage);
    }

    /** As {@link #mark(String)}, with a detail built only when the timeline is on. */
    public static void mark(String stage, long count, String unit) {
        if (ON) print(stage + " (" + count + " " + unit + ")");
    }

    private static void print(String stage) {
        ERR.println(line((System.nanoTime() - ORIGIN_NANOS) / 1e9, Thread.currentThread().getName(), stage));
    }

    static String line(double seconds, String thread, String stage) {
        return String.format(Locale.ROOT, "synfire timeline: %7.3f s  %-18s %s", seconds, thread, stage);
    }
}
