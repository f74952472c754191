package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every task of every job runs exactly once, as part of its own job only, however quickly jobs of any size follow each other. */
class WorkersTest {
    @Test
    void eachTaskRunsOnceAndOnlyForItsOwnJob() {
        Workers w = new Workers(3);
        try {
            java.util.Random r = new java.util.Random(11);
            for (int job = 0; job < 20_000; job++) {
                int[] counts = new int[3];
                for (int k = 0; k < 3; k++) counts[k] = r.nextInt(job % 2 == 0 ? 2 : 12);
                AtomicIntegerArray runs = new AtomicIntegerArray(3 * 12);
                int id = job;
                int[] owner = new int[3 * 12];
                w.run(counts, (k, i) -> {
                    runs.incrementAndGet(k * 12 + i);
                    owner[k * 12 + i] = id;
                });
                for (int k = 0; k < 3; k++) {
                    for (int i = 0; i < 12; i++) {
                        assertThat(runs.get(k * 12 + i)).as("job %d list %d task %d", job, k, i).isEqualTo(i < counts[k] ? 1 : 0);
                        if (i < counts[k]) assertThat(owner[k * 12 + i]).isEqualTo(job);
                    }
                }
            }
        } finally {
            w.stop();
        }
    }

    /** The chip refills its count arrays for the next phase, and runs small phases itself: no helper may act on that. */
    @Test
    void noTaskRunsOutsideItsRunWhenTheCallerRefillsItsCounts() {
        Workers w = new Workers(3);
        try {
            int[] counts = new int[3];
            java.util.concurrent.atomic.AtomicInteger outside = new java.util.concurrent.atomic.AtomicInteger();
            boolean[] inRun = {false};
            for (int job = 0; job < 20_000; job++) {
                for (int k = 0; k < 3; k++) counts[k] = job % 3 == k ? 1 : 0;
                inRun[0] = true;
                w.run(counts, (k, i) -> {
                    if (!inRun[0]) outside.incrementAndGet();
                });
                inRun[0] = false;
                // what a serial phase does: new counts, no run
                for (int k = 0; k < 3; k++) counts[k] = 8;
                for (int spin = 0; spin < 200; spin++) Thread.onSpinWait();
            }
            assertThat(outside.get()).isZero();
        } finally {
            w.stop();
        }
    }

    @Test
    void aFailingTaskFailsTheRunAndTheNextRunWorks() {
        Workers w = new Workers(2);
        try {
            assertThatThrownBy(() -> w.run(new int[] {5, 5}, (k, i) -> {
                if (k == 1 && i == 3) throw new IllegalStateException("task 1/3");
            })).isInstanceOf(IllegalStateException.class).hasMessage("task 1/3");
            int[] ran = new int[4];
            w.run(new int[] {2, 2}, (k, i) -> ran[2 * k + i]++);
            assertThat(ran).containsOnly(1);
        } finally {
            w.stop();
        }
    }

    @Test
    void helpersThatParkedWakeUpForTheNextJob() throws InterruptedException {
        Workers w = new Workers(2);
        try {
            Thread.sleep(30); // longer than a helper spins and yields: it parks
            int[] ran = new int[2];
            w.run(new int[] {1, 1}, (k, i) -> ran[k]++);
            assertThat(ran).containsOnly(1);
        } finally {
            w.stop();
        }
    }
}
