package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class TracesPropertiesTest {

    @Property(tries = 3000)
    void decayNeverIncreasesTheTrace(@ForAll @IntRange(min = 0, max = 127) int trace,
            @ForAll @DoubleRange(min = 0, max = 1e6) double tau, @ForAll @IntRange(min = 1, max = 64) int tEpoch,
            @ForAll boolean joint, @ForAll long random) {
        TraceParams p = new TraceParams(3.7, tau, 7, joint ? TraceParams.Rounding.JOINT : TraceParams.Rounding.SEPARATE);
        int next = Traces.update(trace, false, p, tEpoch, random);
        assertThat(next).isBetween(0, trace);
    }

    @Property(tries = 3000)
    void spikeAddsAtMostTheRoundedUpImpulse(@ForAll @IntRange(min = 0, max = 127) int trace,
            @ForAll @DoubleRange(min = 0, max = 127.99) double impulse, @ForAll @DoubleRange(min = 0, max = 1e3) double tau,
            @ForAll long random) {
        TraceParams p = new TraceParams(impulse, tau);
        int decayedOnly = Traces.update(trace, false, p, 1, random);
        int spiked = Traces.update(trace, true, p, 1, random);
        // same random bits for the decay: the spike adds floor or ceil of the 7-bit impulse
        int fixed = p.impulseFixed();
        int lo = Math.min(127, decayedOnly + (fixed >> 7));
        int hi = Math.min(127, decayedOnly + ((fixed + 127) >> 7));
        assertThat(spiked).isBetween(lo, hi);
    }

    @Property(tries = 2000)
    void identicalRandomBitsGiveIdenticalResults(@ForAll @IntRange(min = 0, max = 127) int trace, @ForAll boolean spiked,
            @ForAll @DoubleRange(min = 0, max = 127.99) double impulse, @ForAll @DoubleRange(min = 0, max = 1e3) double tau,
            @ForAll @IntRange(min = 1, max = 16) int tEpoch, @ForAll long random) {
        TraceParams p = new TraceParams(impulse, tau);
        int a = Traces.update(trace, spiked, p, tEpoch, random);
        assertThat(Traces.update(trace, spiked, p, tEpoch, random)).isEqualTo(a);
        assertThat(p.compile(tEpoch).update(trace, spiked, random)).isEqualTo(a);
    }
}
