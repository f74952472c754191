package org.synfire.net;

import java.util.List;

/**
 * Spike-generator ports, with spikes known in advance (more can be scheduled on the chip while it runs).
 *
 * @param spikesFile where {@code spikes} were read from, or null if inline or none
 */
public record SpikeGeneratorDef(String name, int ports, List<Spike> spikes, String spikesFile) {
    /** A spike of {@code port} at step {@code step} (≥ 1); targets integrate it at step + 1 + delay. */
    public record Spike(long step, int port) {}

    public SpikeGeneratorDef {
        Names.require(name, "spike generator");
        if (ports < 1) throw new IllegalArgumentException(name + ": a spike generator needs at least 1 port, got " + ports);
        spikes = List.copyOf(spikes);
        for (Spike s : spikes) {
            if (s.step() < 1) throw new IllegalArgumentException(name + ": spike step " + s.step() + " is before the first step 1");
            if (s.port() < 0 || s.port() >= ports) throw new IllegalArgumentException(name + ": port " + s.port() + " is outside 0.." + (ports - 1));
        }
    }
}
