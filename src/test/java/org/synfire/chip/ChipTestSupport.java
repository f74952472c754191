package org.synfire.chip;

import java.util.ArrayList;
import java.util.List;
import org.synfire.chip.probe.SpikeProbe;

/** Small helpers for hand-worked chip tests. */
final class ChipTestSupport {
    private ChipTestSupport() {}

    /** Steps at which index {@code idx} spiked, in order. */
    static List<Long> spikeSteps(SpikeProbe p, int idx) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < p.count(); k++) if (p.index(k) == idx) out.add(p.step(k));
        return out;
    }

    /** A compartment that never spikes on its own: threshold at the maximum, no bias. */
    static CompartmentPrototype silent(int decayU, int decayV) {
        return CompartmentPrototype.of(decayU, decayV, (1 << 17) - 1, 0, 0, 1);
    }
}
