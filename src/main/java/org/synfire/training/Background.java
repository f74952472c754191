package org.synfire.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's second thread: work that does not depend on what the training thread does next (compiling the training
 * network while the data load, building the learner while the run directory is made, the on-chip test evaluation
 * while the off-chip one runs, the plots while the checkpoint is written). Every result is computed from immutable
 * inputs, so nothing depends on timing.
 *
 * <p>File writes carry a key (the set of files they write): writes with the same key run in the order given, so
 * their files end as a sequential run would leave them. A thread that waits for a result here ({@link #join})
 * first runs the writes that the second thread has not started yet, so neither thread idles while the other has
 * work. {@link #awaitWrites} and {@link #close} wait for every write, so no file is left half done when the run
 * returns.
 */
final class Background implements AutoCloseable {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "synfire-background");
        t.setDaemon(true); // a run that fails and exits never waits for its speculative work
        return t;
    });
    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Write> lastByKey = new HashMap<>();

    /** A write: run once, by whichever thread claims it first, after the previous write of its key has finished. */
    private static final class Write {
        final FutureTask<Void> task;
        final AtomicBoolean claimed = new AtomicBoolean();
        final Write before;

        Write(Runnable body, Write before) {
            this.before = before;
            this.task = new FutureTask<>(() -> {
                if (before != null) join(before.task); // its failure fails this write too
                body.run();
                return null;
            });
        }

        /** Runs the write here if no thread has taken it; true if this call ran it. */
        boolean runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) return false;
            task.run();
            return true;
        }
    }

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** Writes files, after the earlier writes with the same {@code key}. Called from the training thread only. */
    void write(String key, Runnable body) {
        Write w = new Write(body, lastByKey.get(key));
        lastByKey.put(key, w);
        writes.add(w);
        pool.execute(w::runIfUnclaimed);
    }

    /** Runs writes nobody has started whose predecessors are done, while {@code until} is not done. Training thread only. */
    private void help(Future<?> until) {
        for (Write w : writes) {
            if (until != null && until.isDone()) return;
            if (w.task.isDone() || w.claimed.get()) continue;
            if (w.before != null && !w.before.task.isDone()) continue; // would only wait for the other thread
            w.runIfUnclaimed();
        }
    }

    /** The result of a task given to {@link #submit}, helping with the writes meanwhile. Training thread only. */
    <T> T await(Future<T> f) {
        help(f);
        return join(f);
    }

    /** Rethrows the failure of a write that has finished (a full disk stops the run at its next checkpoint). */
    void checkWrites() {
        for (Write w : writes) if (w.task.isDone()) join(w.task);
    }

    /** Waits for the writes still going, their failures left to {@link #awaitWrites} (a failure is already on its way up). */
    void settleWrites() {
        help(null);
        for (Write w : writes) {
            try {
                join(w.task);
            } catch (RuntimeException | Error ignored) {
                // see above
            }
        }
    }

    /** Waits for every write (running those not started); rethrows the first one's failure as it was thrown. */
    void awaitWrites() {
        help(null);
        RuntimeException first = null;
        for (Write w : writes) {
            try {
                join(w.task);
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else if (e != first) first.addSuppressed(e);
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

    /** Waits for the writes, then stops the thread; speculative tasks nobody waits for any more (a failed run) are abandoned. */
    @Override
    public void close() {
        settleWrites();
        writes.clear();
        pool.shutdownNow();
    }
}
