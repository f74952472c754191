package org.synfire.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run's second thread: work that does not depend on what the training thread does next (compiling the training
 * network while the data load, building the learner while the run directory is made, the on-chip test evaluation
 * while the off-chip one runs, the plots while the checkpoint is written). Tasks run one at a time in the order
 * they were given, so files they write end as a sequential run would leave them; every result is computed from
 * immutable inputs, so nothing depends on timing. {@link #close} waits for every task, so no file is left half
 * done when the run returns.
 */
final class Background implements AutoCloseable {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "synfire-background");
        t.setDaemon(true); // a run that fails and exits never waits for its speculative work
        return t;
    });
    private final List<Future<?>> writes = new ArrayList<>();

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** A task that writes files: {@link #awaitWrites} and {@link #close} wait for it. */
    void write(Runnable task) {
        writes.add(pool.submit(task));
    }

    /** Rethrows the failure of a file-writing task that has finished (a full disk stops the run at its next checkpoint). */
    void checkWrites() {
        for (Future<?> f : writes) if (f.isDone()) join(f);
    }

    /** Waits for the file writes still going, their failures left to {@link #awaitWrites} (a failure is already on its way up). */
    void settleWrites() {
        for (Future<?> f : writes) {
            try {
                join(f);
            } catch (RuntimeException | Error ignored) {
                // see above
            }
        }
    }

    /** Waits for every file-writing task; rethrows the first one's failure as it was thrown. */
    void awaitWrites() {
        RuntimeException first = null;
        for (Future<?> f : writes) {
            try {
                join(f);
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        writes.clear();
        if (first != null) throw first;
    }

    /** The task's result; its exception (a {@link org.synfire.UserError}, a write failure, ...) rethrown unchanged. */
    static <T> T join(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the task: it may be writing a result
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Waits for the file writes (their failures are the caller's to see through {@link #awaitWrites}), then stops the thread. */
    @Override
    public void close() {
        settleWrites();
        writes.clear();
        pool.shutdownNow(); // speculative tasks nobody waits for any more (a failed run) are abandoned
    }
}
