package org.synfire.chip;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads of a chip with more than one thread: {@link #run} hands out tasks 0..n−1 to the caller and
 * the helpers, each task once, and returns when all are done. Which thread takes which task varies from run to run;
 * the chip only gives them tasks that write disjoint state (and integer sums, which do not depend on order), so its
 * results do not. Helpers spin briefly between the phases of a step, then park.
 */
final class Workers {
    /**
     * How long a helper waits for the next job, spinning and then yielding, before it parks (the phases of a step come
     * microseconds apart). Yielding, not only spinning, matters on a machine with more runnable threads than cores.
     */
    private static final long SPIN_NANOS = 5_000, YIELD_NANOS = 200_000;

    private final Thread[] helpers;
    /** generation << 32 | next task: a helper still leaving the last job cannot claim a task of the next one. */
    private final AtomicLong cursor = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    /** The current job, its task count and generation, published together (a helper never mixes two jobs). */
    private record Batch(long generation, IntConsumer job, int tasks) {}

    private volatile Batch batch = new Batch(0, null, 0);
    private volatile boolean stopped;
    private volatile Throwable failure;
    private final boolean[] parked;

    Workers(int threads) {
        helpers = new Thread[threads - 1];
        parked = new boolean[helpers.length];
        for (int i = 0; i < helpers.length; i++) {
            int id = i;
            helpers[i] = new Thread(() -> loop(id), "synfire-chip-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    int threads() {
        return helpers.length + 1;
    }

    /** Runs job(0) … job(n−1), on this thread and the helpers; rethrows the first failure. */
    void run(int n, IntConsumer job) {
        if (n <= 0) return;
        if (n == 1) {
            job.accept(0);
            return;
        }
        long g = batch.generation() + 1;
        done.set(0);
        failure = null;
        cursor.set(g << 32);
        batch = new Batch(g, job, n);
        for (int i = 0; i < helpers.length; i++) if (parked[i]) LockSupport.unpark(helpers[i]);
        work(job, n, g);
        // a helper may still run its last task; if it lost its core, yielding lets it finish sooner
        for (int spins = 0; done.get() < n; spins++) {
            if (spins < 1000) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void work(IntConsumer job, int n, long g) {
        while (true) {
            long c = cursor.get();
            int i = (int) c;
            if (c >>> 32 != (g & 0xFFFFFFFFL) || i >= n) return;
            if (!cursor.compareAndSet(c, c + 1)) continue;
            try {
                job.accept(i);
            } catch (Throwable t) {
                if (failure == null) failure = t;
            } finally {
                done.incrementAndGet();
            }
        }
    }

    private void loop(int id) {
        long seen = 0;
        while (!stopped) {
            Batch b = batch;
            if (b.generation() == seen) {
                long since = System.nanoTime(), waited = 0;
                while ((b = batch).generation() == seen && !stopped && (waited = System.nanoTime() - since) < YIELD_NANOS) {
                    if (waited < SPIN_NANOS) Thread.onSpinWait();
                    else Thread.yield();
                }
                if (b.generation() == seen) {
                    parked[id] = true;
                    if (batch.generation() == seen && !stopped) LockSupport.parkNanos(this, 10_000_000);
                    parked[id] = false;
                    continue;
                }
            }
            seen = b.generation();
            if (b.job() != null) work(b.job(), b.tasks(), b.generation());
        }
    }

    /** Ends the helpers (they are daemons, so a chip that is simply dropped does not keep the JVM alive). */
    void stop() {
        stopped = true;
        for (Thread t : helpers) LockSupport.unpark(t);
    }
}
