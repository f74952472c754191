package org.synfire.sweep;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.synfire.data.DataOptions;

/** Runs on this machine, {@code workers} at a time, each in its own thread of this process. */
public final class LocalEngine implements Engine {
    private final int workers;
    private final DataOptions data;
    private final String host = Engine.localHost();

    public LocalEngine(int workers, DataOptions data) {
        if (workers < 1) throw new org.synfire.UserError("--workers must be at least 1");
        this.workers = workers;
        this.data = data;
    }

    @Override
    public String describe() {
        return workers + " local worker" + (workers == 1 ? "" : "s");
    }

    @Override
    public void execute(List<RunSpec> runs, SweepDirectory dir, int retries, Events events) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "synfire-sweep-worker");
            t.setDaemon(true); // Ctrl-C ends the process; the checkpoints stay
            return t;
        });
        try {
            for (RunSpec r : runs) pool.execute(() -> runWithRetries(r, dir, retries, events));
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // runs can take days
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void runWithRetries(RunSpec r, SweepDirectory dir, int retries, Events events) {
        for (int attempt = 0; ; attempt++) {
            events.started(r, host);
            long t0 = System.nanoTime();
            String error = null;
            try {
                r.kind().run(dir.runDir(r.id()), r.run(), data, new RunKind.Progress() {
                    @Override
                    public void fraction(double done) {
                        events.fraction(r, done);
                    }
                });
            } catch (Throwable t) { // NOPMD: one run's failure, whatever it is, must not stop the others
                if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) throw (VirtualMachineError) t;
                error = Engine.describe(t);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            boolean retry = error != null && attempt < retries;
            events.ended(r, error == null, error, host, seconds, Double.NaN, retry);
            if (!retry) return;
        }
    }
}
