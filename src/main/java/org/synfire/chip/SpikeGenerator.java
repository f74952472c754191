package org.synfire.chip;

import java.util.Arrays;

/**
 * Spike-generator ports. Spikes are scheduled while the chip runs (a stream, not one list); a spike at
 * time T acts like a compartment spike at T (docs/chip.md#one-time-step), so targets integrate it at T+1+delay.
 */
final class SpikeGenerator extends SpikeSource {
    /** Binary min-heap of (time << PORT_BITS | port). */
    private long[] heap = new long[64];
    private int heapSize;
    static final int PORT_BITS = 24;

    SpikeGenerator(int handle, String name, int ports) {
        super(handle, name, ports);
        if (ports >= 1 << PORT_BITS) throw new IllegalArgumentException(name + ": at most " + ((1 << PORT_BITS) - 1) + " ports");
    }

    void schedule(int port, long time) {
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

    /** Moves every spike scheduled for step t into {@link #fired} (a port listed twice fires once). */
    void emit(long t) {
        int nf = 0;
        while (heapSize > 0 && heap[0] >>> PORT_BITS == t) {
            int port = (int) (heap[0] & ((1L << PORT_BITS) - 1));
            pop();
            if (lastSpike[port] != t) {
                lastSpike[port] = t;
                fired[nf++] = port;
            }
        }
        firedCount = nf;
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
