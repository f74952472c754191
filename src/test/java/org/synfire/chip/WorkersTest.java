package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every task of every job runs exactly once, and only as part of its own job, however the jobs follow each other. */
class WorkersTest {
    @Test
    void eachTaskOfEachJobRunsOnceEvenWhenJobsOfDifferentSizesFollowAtOnce() {
        Workers w = new Workers(3);
        try {
            java.util.Random r = new java.util.Random(11);
            for (int job = 0; job < 20_000; job++) {
                int n = 1 + r.nextInt(job % 2 == 0 ? 3 : 40);
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                int id = job;
                int[] owner = new int[n];
                w.run(n, i -> {
                    runs.incrementAndGet(i);
                    owner[i] = id;
                });
                for (int i = 0; i < n; i++) {
                    assertThat(runs.get(i)).as("job %d task %d", job, i).isEqualTo(1);
                    assertThat(owner[i]).isEqualTo(job);
                }
            }
        } finally {
            w.stop();
        }
    }

    @Test
    void aFailingTaskFailsTheRunAndTheNextRunWorks() {
        Workers w = new Workers(2);
        try {
            assertThatThrownBy(() -> w.run(10, i -> {
                if (i == 7) throw new IllegalStateException("task 7");
            })).isInstanceOf(IllegalStateException.class).hasMessage("task 7");
            int[] ran = new int[5];
            w.run(5, i -> ran[i]++);
            assertThat(ran).containsOnly(1);
        } finally {
            w.stop();
        }
    }
}
