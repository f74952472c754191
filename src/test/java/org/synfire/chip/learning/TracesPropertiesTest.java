package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.synfire.Gens.anyLong;
import static org.synfire.Gens.doubles;
import static org.synfire.Gens.ints;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TracesPropertiesTest {

    @Test
    void decayNeverIncreasesTheTrace() {
        // five inputs: the trace and tau, then the epoch length, the rounding mode and the random bits as one draw
        record Rest(int tEpoch, boolean joint, long random) {}
        Gen<Rest> rest = ints(1, 64).zip(booleans().all(), anyLong(), Rest::new);
        qt().withExamples(3000).forAll(ints(0, 127), doubles(0, 1e6), rest)
                .checkAssert((trace, tau, r) -> decayNeverIncreasesTheTrace(trace, tau, r.tEpoch(), r.joint(), r.random()));
    }

    private static void decayNeverIncreasesTheTrace(int trace, double tau, int tEpoch, boolean joint, long random) {
        TraceParams p = new TraceParams(3.7, tau, 7, joint ? TraceParams.Rounding.JOINT : TraceParams.Rounding.SEPARATE);
        int next = Traces.update(trace, false, p, tEpoch, random);
        assertThat(next).isBetween(0, trace);
    }

    @Test
    void spikeAddsAtMostTheRoundedUpImpulse() {
        qt().withExamples(3000).forAll(ints(0, 127), doubles(0, 127.99), doubles(0, 1e3), anyLong())
                .checkAssert(TracesPropertiesTest::spikeAddsAtMostTheRoundedUpImpulse);
    }

    private static void spikeAddsAtMostTheRoundedUpImpulse(int trace, double impulse, double tau, long random) {
        TraceParams p = new TraceParams(impulse, tau);
        int decayedOnly = Traces.update(trace, false, p, 1, random);
        int spiked = Traces.update(trace, true, p, 1, random);
        // same random bits for the decay: the spike adds floor or ceil of the 7-bit impulse
        int fixed = p.impulseFixed();
        int lo = Math.min(127, decayedOnly + (fixed >> 7));
        int hi = Math.min(127, decayedOnly + ((fixed + 127) >> 7));
        assertThat(spiked).isBetween(lo, hi);
    }

    @Test
    void identicalRandomBitsGiveIdenticalResults() {
        record Params(double impulse, double tau, int tEpoch) {}
        Gen<Params> params = doubles(0, 127.99).zip(doubles(0, 1e3), ints(1, 16), Params::new);
        qt().withExamples(2000).forAll(ints(0, 127), booleans().all(), params, anyLong()).checkAssert((trace, spiked, p, random) ->
                identicalRandomBitsGiveIdenticalResults(trace, spiked, p.impulse(), p.tau(), p.tEpoch(), random));
    }

    private static void identicalRandomBitsGiveIdenticalResults(int trace, boolean spiked, double impulse, double tau, int tEpoch,
            long random) {
        TraceParams p = new TraceParams(impulse, tau);
        int a = Traces.update(trace, spiked, p, tEpoch, random);
        assertThat(Traces.update(trace, spiked, p, tEpoch, random)).isEqualTo(a);
        assertThat(p.compile(tEpoch).update(trace, spiked, random)).isEqualTo(a);
    }
}
