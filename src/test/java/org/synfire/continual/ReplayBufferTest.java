package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synfire.random.SplitMix64;

class ReplayBufferTest {
    @Test
    void theCapacityIsSharedEvenlyOverTheFinishedTasksTheFirstOnesTakingTheRemainder() {
        ReplayBuffer b = new ReplayBuffer(10);
        b.addTask(100, new SplitMix64(1));
        assertThat(b.contents().stream().map(List::size)).containsExactly(10);
        b.addTask(100, new SplitMix64(2));
        assertThat(b.contents().stream().map(List::size)).containsExactly(5, 5);
        b.addTask(100, new SplitMix64(3));
        // 10 = 3 + 3 + 3 + 1: the first task keeps one more
        assertThat(b.contents().stream().map(List::size)).containsExactly(4, 3, 3);
        assertThat(b.size()).isEqualTo(10);
    }

    @Test
    void anEarlierTaskKeepsTheFirstEntriesOfItsShareAndEntriesAreDistinctSamplesOfThePool() {
        ReplayBuffer b = new ReplayBuffer(6);
        b.addTask(50, new SplitMix64(9));
        List<Integer> first = b.contents().getFirst();
        Set<Integer> distinct = new HashSet<>(first);
        assertThat(distinct).hasSize(6);
        for (int i : first) assertThat(i).isBetween(0, 49);
        b.addTask(2, new SplitMix64(4)); // a task smaller than its share gives all it has
        assertThat(b.contents().get(0)).isEqualTo(first.subList(0, 3));
        assertThat(new HashSet<>(b.contents().get(1))).containsExactlyInAnyOrder(0, 1);
        assertThat(b.entry(3)).containsExactly(1, b.contents().get(1).getFirst());
    }

    @Test
    void theSameSeedChoosesTheSameSamples() {
        ReplayBuffer a = new ReplayBuffer(20);
        ReplayBuffer c = new ReplayBuffer(20);
        a.addTask(1000, new SplitMix64(5));
        c.addTask(1000, new SplitMix64(5));
        assertThat(a.contents()).isEqualTo(c.contents());
        assertThat(ReplayBuffer.of(20, a.contents()).contents()).isEqualTo(a.contents());
    }
}
