package org.synfire.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sweep: skips the runs whose state is done, hands the rest to an engine (which starts or resumes each from
 * its last checkpoint), records each attempt's state as it ends, and rewrites the tables after each and the plots
 * at the end.
 */
public final class Sweep {
    private Sweep() {}

    /** What a sweep tells its user. Calls come from several threads, one at a time. */
    public interface Listener {
        /** An event worth a line of its own: a run done or failed, the start, the end. */
        void line(String text);

        /** Where the sweep is; called about once a second while it runs. */
        default void status(Status s) {}
    }

    /**
     * Counts of the sweep's runs and the estimated seconds left (NaN before any progress).
     *
     * @param done done, in this invocation or earlier
     */
    public record Status(int total, int done, int running, int failed, int queued, double elapsedS, double etaS) {
        /** "5/12 done, 2 running, 1 failed, 4 queued, ETA 3m20s". */
        public String line() {
            return String.format(Locale.ROOT, "%d/%d done, %d running, %d failed, %d queued, ETA %s", done, total, running, failed, queued,
                    Double.isNaN(etaS) ? "-" : duration(etaS));
        }
    }

    /** How a sweep ended. */
    public record Outcome(int total, int skipped, int done, int failed, double wallS) {}

    public static Outcome run(SweepFile file, List<RunSpec> runs, SweepDirectory dir, Engine engine, int retries, Listener listener)
            throws InterruptedException {
        Map<String, RunState> states = new LinkedHashMap<>();
        for (RunSpec r : runs) states.put(r.id(), dir.state(r.id()));
        List<RunSpec> todo = runs.stream().filter(r -> !states.get(r.id()).done()).toList();
        int skipped = runs.size() - todo.size();
        dir.keepSweepFile(file.file());
        listener.line("sweep " + file.name() + ": " + runs.size() + " runs, " + skipped + " done earlier (skipped), " + todo.size()
                + " to run on " + engine.describe() + "; results in " + dir.path());
        long t0 = System.nanoTime();
        Tracker tracker = new Tracker(file, runs, dir, states, listener, t0);
        for (RunSpec r : todo) { // an earlier invocation's running or failed runs are queued again
            RunState s = states.get(r.id());
            states.put(r.id(), new RunState(s.runId(), RunState.QUEUED, s.attempts(), s.error(), s.host(), s.wallTimeS(), s.roundtripS()));
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "synfire-sweep-status");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(tracker::tick, 1, 1, TimeUnit.SECONDS);
        try {
            if (!todo.isEmpty()) engine.execute(todo, dir, retries, tracker);
        } finally {
            ticker.shutdownNow();
        }
        List<SweepResults.Row> rows = SweepResults.rows(dir, runs);
        SweepResults.writeTables(dir, file, rows);
        SweepPlots.write(dir, file.name(), SweepResults.groups(rows));
        int done = (int) rows.stream().filter(r -> r.state().done()).count();
        int failed = (int) rows.stream().filter(r -> r.state().status().equals(RunState.FAILED)).count();
        double wall = (System.nanoTime() - t0) / 1e9;
        listener.line(String.format(Locale.ROOT, "sweep %s: %d/%d done, %d failed, in %s; tables and plots in %s", file.name(), done, runs.size(),
                failed, duration(wall), dir.path()));
        return new Outcome(runs.size(), skipped, done, failed, wall);
    }

    /** Rewrites the tables and plots from what the sweep directory holds, running nothing. */
    public static void report(SweepFile file, List<RunSpec> runs, SweepDirectory dir) {
        List<SweepResults.Row> rows = SweepResults.rows(dir, runs);
        SweepResults.writeTables(dir, file, rows);
        SweepPlots.write(dir, file.name(), SweepResults.groups(rows));
    }

    /** Keeps the states, writes them as they change, and works out the status line. */
    private static final class Tracker implements Engine.Events {
        private final SweepFile file;
        private final List<RunSpec> runs;
        private final SweepDirectory dir;
        private final Map<String, RunState> states;
        private final Listener listener;
        private final long t0;
        private final Map<String, Double> first = new LinkedHashMap<>();
        private final Map<String, Double> now = new LinkedHashMap<>();
        private final Map<String, Long> handedOut = new LinkedHashMap<>();

        Tracker(SweepFile file, List<RunSpec> runs, SweepDirectory dir, Map<String, RunState> states, Listener listener, long t0) {
            this.file = file;
            this.runs = runs;
            this.dir = dir;
            this.states = states;
            this.listener = listener;
            this.t0 = t0;
        }

        @Override
        public synchronized void started(RunSpec run, String host) {
            RunState s = states.get(run.id()).running(host);
            states.put(run.id(), s);
            dir.write(s);
            handedOut.put(run.id(), System.nanoTime());
        }

        @Override
        public synchronized void fraction(RunSpec run, double done) {
            first.putIfAbsent(run.id(), done);
            now.put(run.id(), done);
        }

        @Override
        public synchronized void ended(RunSpec run, boolean ok, String error, String host, double seconds, double roundtripS, boolean willRetry) {
            Long out = handedOut.get(run.id());
            double roundtrip = !Double.isNaN(roundtripS) ? roundtripS : out == null ? Double.NaN : (System.nanoTime() - out) / 1e9;
            RunState s = states.get(run.id()).finished(ok, error, host, seconds, roundtrip);
            states.put(run.id(), s);
            dir.write(s);
            if (ok) {
                first.putIfAbsent(run.id(), 0.0);
                now.put(run.id(), 1.0);
            }
            int done = count(RunState.DONE);
            String what = ok ? "done  " : willRetry ? "retry " : "FAILED";
            String metrics = "";
            if (ok) {
                Summary sum = run.kind().summarize(dir.runDir(run.id()));
                if (sum != null) {
                    metrics = String.format(Locale.ROOT, ": test argmax(spikes) %.4f, argmax(potential) %.4f", sum.finals().get("test_argmax_spikes"),
                            sum.finals().get("test_argmax_potential"));
                }
            }
            listener.line(String.format(Locale.ROOT, "[%d/%d] %s %s %s, %.1f s on %s%s%s", done, runs.size(), what, run.id(), run.label(), seconds, host,
                    metrics, ok ? "" : " (attempt " + s.attempts() + "): " + error));
            if (!willRetry) {
                try {
                    SweepResults.writeTables(dir, file, SweepResults.rows(dir, runs));
                } catch (RuntimeException e) {
                    listener.line("synfire: warning: could not rewrite the tables: " + e.getMessage());
                }
            }
        }

        @Override
        public synchronized void requeued(RunSpec run, String why) {
            RunState s = states.get(run.id());
            s = new RunState(s.runId(), RunState.QUEUED, Math.max(0, s.attempts() - 1), null, s.host(), s.wallTimeS(), Double.NaN);
            states.put(run.id(), s);
            dir.write(s);
            listener.line("requeued " + run.id() + " " + run.label() + ": " + why);
        }

        private int count(String status) {
            return (int) states.values().stream().filter(s -> s.status().equals(status)).count();
        }

        synchronized Status status() {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double progressed = 0;
            double remaining = 0;
            for (RunSpec r : runs) {
                RunState s = states.get(r.id());
                if (s.done() || s.status().equals(RunState.FAILED)) {
                    if (now.containsKey(r.id())) progressed += now.get(r.id()) - first.get(r.id());
                    continue;
                }
                double f = now.getOrDefault(r.id(), 0.0);
                remaining += 1 - f;
                if (first.containsKey(r.id())) progressed += f - first.get(r.id());
            }
            double eta = progressed > 1e-9 ? elapsed * remaining / progressed : Double.NaN;
            return new Status(runs.size(), count(RunState.DONE), count(RunState.RUNNING), count(RunState.FAILED), count(RunState.QUEUED), elapsed, eta);
        }

        void tick() {
            try {
                listener.status(status());
            } catch (RuntimeException e) {
                // a status line is not worth stopping the sweep
            }
        }
    }

    /** "45s", "3m20s", "2h05m". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
