package org.synfire.chip;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of a chip with more than one thread. {@link #run} takes one list of tasks per thread (the
 * caller is thread 0): each thread works through its own list, then takes what is left in the others' (so a helper
 * that lost its core on a busy machine delays nothing), and the call returns when every task is done. The chip
 * gives the lists tasks that write disjoint state (and integer sums, which do not depend on order), so which
 * thread ran a task never changes a result. Helpers spin briefly between phases, then yield, then park.
 */
final class Workers {
    /** One task of a phase: task i of owner's list. */
    interface Task {
        void run(int owner, int i);
    }

    /**
     * How long a helper waits for the next job spinning, then yielding, before it parks (the phases of a step come
     * microseconds apart). Yielding, not only spinning, matters on a machine with more runnable threads than cores.
     */
    private static final long SPIN_NANOS = 20_000, YIELD_NANOS = 2_000_000;
    /** Claim counters of different lists sit this many slots apart (their own cache lines). */
    private static final int STRIDE = 16;

    private final Thread[] helpers;
    private final int threads;
    /** Per list: generation << 32 | next task, so a helper still leaving the last job cannot claim a task of the next. */
    private final AtomicLongArray claimed;
    private final AtomicInteger finished = new AtomicInteger();

    /**
     * The current job, published whole. Its task counts are copied in here: the caller refills its own arrays for
     * the next phase (and runs small phases without this class), and a helper still leaving the last job must not
     * read those counts with the last job's claim counters.
     */
    private record Batch(long generation, Task task, int total) {}

    private final int[] counts;
    private volatile Batch batch = new Batch(0, null, 0);
    private volatile boolean stopped;
    private volatile Throwable failure;
    /** Which helpers are parked (or about to): the caller unparks those when it publishes a job. */
    private final AtomicIntegerArray parked;

    Workers(int threads) {
        this.threads = threads;
        helpers = new Thread[threads - 1];
        claimed = new AtomicLongArray(threads * STRIDE);
        counts = new int[threads];
        parked = new AtomicIntegerArray(helpers.length * STRIDE);
        for (int i = 0; i < helpers.length; i++) {
            int id = i + 1;
            helpers[i] = new Thread(() -> loop(id), "synfire-chip-" + id);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    int threads() {
        return threads;
    }

    /** Runs counts[k] tasks of each list k (task(k, 0) … task(k, counts[k] − 1)), each once; rethrows the first failure. */
    void run(int[] taskCounts, Task task) {
        int total = 0;
        for (int k = 0; k < threads; k++) total += taskCounts[k];
        if (total == 0) return;
        long g = batch.generation() + 1;
        // new claim tags first: from here on no helper holding the last job can claim anything (its CAS fails)
        for (int k = 0; k < threads; k++) claimed.set(k * STRIDE, (g & 0xFFFFFFFFL) << 32);
        System.arraycopy(taskCounts, 0, counts, 0, threads);
        finished.set(0);
        failure = null;
        Batch b = new Batch(g, task, total);
        batch = b;
        for (int i = 0; i < helpers.length; i++) if (parked.get(i * STRIDE) != 0) LockSupport.unpark(helpers[i]);
        work(b, 0);
        // a helper may still run its last task; if it lost its core, yielding lets it finish sooner
        for (int spins = 0; finished.get() < total; spins++) {
            if (spins < 1000) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Thread self's own list first, then the others' in turn. */
    private void work(Batch b, int self) {
        final long tag = b.generation() & 0xFFFFFFFFL;
        for (int d = 0; d < threads; d++) {
            int owner = (self + d) % threads, n = counts[owner];
            while (true) {
                long c = claimed.get(owner * STRIDE);
                int i = (int) c;
                if (c >>> 32 != tag || i >= n) break;
                if (!claimed.compareAndSet(owner * STRIDE, c, c + 1)) continue;
                try {
                    b.task().run(owner, i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    finished.incrementAndGet();
                }
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
                    // flag first, then look again: a job published after the look sees the flag and unparks
                    parked.set((id - 1) * STRIDE, 1);
                    if (batch.generation() == seen && !stopped) LockSupport.parkNanos(this, 10_000_000);
                    parked.set((id - 1) * STRIDE, 0);
                    continue;
                }
            }
            seen = b.generation();
            if (b.task() != null) work(b, id);
        }
    }

    /** Ends the helpers (they are daemons, so a chip that is simply dropped does not keep the JVM alive). */
    void stop() {
        stopped = true;
        for (Thread t : helpers) LockSupport.unpark(t);
    }
}
