package org.synfire.continual;

import java.util.ArrayList;
import java.util.List;
import org.synfire.random.SplitMix64;

/**
 * The rehearsal buffer the host keeps: at most {@code capacity} samples of finished tasks, split evenly over them
 * (the first {@code capacity mod tasks} tasks get one more). When a task ends, every earlier task keeps the first
 * entries of its share, and the new task fills its share with a seeded random choice of its training samples.
 * Entries are (task, sample index in the task's pool) pairs.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final List<List<Integer>> perTask = new ArrayList<>();

    public ReplayBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        int n = 0;
        for (List<Integer> l : perTask) n += l.size();
        return n;
    }

    /** Tasks whose samples the buffer holds (finished tasks, in training order). */
    public int tasks() {
        return perTask.size();
    }

    /** Adds a finished task of {@code poolSize} samples, choosing its share with {@code g}, and shrinks the others. */
    public void addTask(int poolSize, SplitMix64 g) {
        int tasks = perTask.size() + 1;
        for (int t = 0; t < perTask.size(); t++) {
            List<Integer> l = perTask.get(t);
            int q = share(t, tasks);
            while (l.size() > q) l.removeLast();
        }
        int q = Math.min(share(tasks - 1, tasks), poolSize);
        // a partial Fisher–Yates: the first q of a seeded shuffle of 0..poolSize-1
        int[] idx = new int[poolSize];
        for (int i = 0; i < poolSize; i++) idx[i] = i;
        List<Integer> chosen = new ArrayList<>(q);
        for (int i = 0; i < q; i++) {
            int j = i + g.nextInt(poolSize - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            chosen.add(idx[i]);
        }
        perTask.add(chosen);
    }

    private int share(int task, int tasks) {
        return capacity / tasks + (task < capacity % tasks ? 1 : 0);
    }

    /** Entry k (0 ≤ k &lt; size), as {task position, sample index}, counting tasks in training order. */
    public int[] entry(int k) {
        for (int t = 0; t < perTask.size(); t++) {
            List<Integer> l = perTask.get(t);
            if (k < l.size()) return new int[] {t, l.get(k)};
            k -= l.size();
        }
        throw new IndexOutOfBoundsException("buffer entry " + k);
    }

    /** The entries per task, for checkpoints. */
    public List<List<Integer>> contents() {
        List<List<Integer>> c = new ArrayList<>();
        for (List<Integer> l : perTask) c.add(List.copyOf(l));
        return c;
    }

    /** A buffer holding exactly these entries (from a checkpoint). */
    public static ReplayBuffer of(int capacity, List<List<Integer>> contents) {
        ReplayBuffer b = new ReplayBuffer(capacity);
        for (List<Integer> l : contents) b.perTask.add(new ArrayList<>(l));
        if (b.size() > capacity) throw new IllegalArgumentException("buffer holds " + b.size() + " entries, more than its capacity " + capacity);
        return b;
    }
}
