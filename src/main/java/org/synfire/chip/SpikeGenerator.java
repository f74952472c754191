package org.synfire.chip;

import java.util.Arrays;

/**
 * Spike-generator ports. Spikes are scheduled while the chip runs (a stream, not one list); a spike at
 * time T acts like a compartment spike at T (docs/chip.md#one-time-step), so targets integrate it at T+1+delay.
 *
 * <p>Spikes due within {@link #RING} steps go into a ring of per-step lists (what a sample's input is), later ones
 * into a binary heap; either way a step emits its ports in ascending order, each once.
 */
final class SpikeGenerator extends SpikeSource {
    static final int PORT_BITS = 24;
    private static final long PORT_MASK = (1L << PORT_BITS) - 1;
    static final int RING = 64;
    /** Ports due at step s (for s within RING of the last emitted step) in {@code bucket[s % RING][0 .. count)}, as scheduled. */
    private final int[][] bucket = new int[RING][];
    private final int[] bucketCount = new int[RING];
    /** The last step emitted (0 before the first). */
    private long emitted;
    /** Binary min-heap of (time << PORT_BITS | port), for spikes further ahead. */
    private long[] heap = new long[64];
    private int heapSize;

    SpikeGenerator(int handle, String name, int ports) {
        super(handle, name, ports);
        if (ports >= 1 << PORT_BITS) throw new IllegalArgumentException(name + ": at most " + ((1 << PORT_BITS) - 1) + " ports");
        for (int b = 0; b < RING; b++) bucket[b] = new int[4];
    }

    /** Schedules a spike of {@code port} at {@code time}, which lies after the last emitted step. */
    void schedule(int port, long time) {
        if (time - emitted <= RING) {
            int b = (int) (time & (RING - 1));
            if (bucketCount[b] == bucket[b].length) bucket[b] = Arrays.copyOf(bucket[b], 2 * bucket[b].length);
            bucket[b][bucketCount[b]++] = port;
            return;
        }
        if (heapSize == heap.length) heap = Arrays.copyOf(heap, heap.length * 2);
        long key = time << PORT_BITS | port;
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    /** Moves every spike scheduled for step t into {@link #fired}, ascending (a port listed twice fires once). */
    void emit(long t) {
        emitted = t;
        int b = (int) (t & (RING - 1));
        int[] ports = bucket[b];
        int nb = bucketCount[b];
        bucketCount[b] = 0;
        if (!ascending(ports, nb)) Arrays.sort(ports, 0, nb);
        int nf = 0, i = 0;
        while (true) {
            boolean fromHeap = heapSize > 0 && heap[0] >>> PORT_BITS == t;
            if (!fromHeap && i >= nb) break;
            int port;
            if (fromHeap && (i >= nb || (int) (heap[0] & PORT_MASK) <= ports[i])) {
                port = (int) (heap[0] & PORT_MASK);
                pop();
            } else {
                port = ports[i++];
            }
            if (lastSpike[port] != t) {
                lastSpike[port] = t;
                fired[nf++] = port;
            }
        }
        firedCount = nf;
    }

    private static boolean ascending(int[] a, int n) {
        for (int k = 1; k < n; k++) if (a[k] < a[k - 1]) return false;
        return true;
    }

    private void pop() {
        long last = heap[--heapSize];
        int i = 0;
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < heapSize && heap[child + 1] < heap[child]) child++;
            if (last <= heap[child]) break;
            heap[i] = heap[child];
            i = child;
        }
        if (heapSize > 0) heap[i] = last;
    }
}
