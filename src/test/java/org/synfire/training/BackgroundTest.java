package org.synfire.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;

class BackgroundTest {
    @Test
    void writesOfOneKeyRunInTheOrderGivenWhoeverRunsThem() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        try (Background b = new Background()) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> slow = b.submit(() -> {
                release.await();
                return 7;
            });
            for (int i = 0; i < 20; i++) {
                int k = i;
                b.write("files", () -> order.add(k));
            }
            // the background thread is busy: waiting for a task, this thread runs the writes itself, in order
            Thread releaser = new Thread(() -> {
                while (order.size() < 20) Thread.onSpinWait();
                release.countDown();
            });
            releaser.start();
            assertThat(b.await(slow)).isEqualTo(7);
            b.awaitWrites();
            releaser.join();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add(i);
        assertThat(order).isEqualTo(expected);
    }

    @Test
    void aWriteFailureIsRethrownAsItWas() {
        try (Background b = new Background()) {
            b.write("a", () -> {
                throw new UserError("disk full");
            });
            b.write("a", () -> {});
            assertThatThrownBy(b::awaitWrites).isInstanceOf(UserError.class).hasMessage("disk full");
        }
    }

    @Test
    void aTaskFailureIsRethrownByAwait() {
        try (Background b = new Background()) {
            Future<Object> f = b.submit(() -> {
                throw new IllegalStateException("broken");
            });
            assertThatThrownBy(() -> b.await(f)).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        }
    }
}
