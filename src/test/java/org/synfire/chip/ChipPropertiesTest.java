package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.synfire.Gens.anyInt;
import static org.synfire.Gens.anyLong;
import static org.synfire.Gens.ints;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.SignMode;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.random.SplitMix64;

/** Invariants of the emulator over random parameters and random small networks. */
class ChipPropertiesTest {

    /** Each chip property runs 60 random networks; a failing one shrinks its seed (and chunk) for at most this many tries. */
    private static final int NET_SHRINKS = 300;

    @Test
    void decayNeverIncreasesMagnitudeNorFlipsSign() {
        qt().withExamples(1000).forAll(ints(-(1 << 23), (1 << 23) - 1), ints(0, 4096))
                .checkAssert(ChipPropertiesTest::decayNeverIncreasesMagnitudeNorFlipsSign);
    }

    private static void decayNeverIncreasesMagnitudeNorFlipsSign(int x, int d) {
        int y = LoihiMath.decay(x, d);
        assertThat(Math.abs(y)).isLessThanOrEqualTo(Math.abs(x));
        assertThat(y == 0 || Integer.signum(y) == Integer.signum(x)).isTrue();
    }

    @Test
    void wrapsAreIdempotentAndStayInRange() {
        qt().withExamples(1000).forAll(anyInt()).checkAssert(ChipPropertiesTest::wrapsAreIdempotentAndStayInRange);
    }

    private static void wrapsAreIdempotentAndStayInRange(int x) {
        int w24 = LoihiMath.wrap24(x);
        int w21 = LoihiMath.wrapInput(x);
        assertThat(w24).isBetween(-(1 << 23), (1 << 23) - 1);
        assertThat(w21).isBetween(-(1 << 21), (1 << 21) - 1);
        assertThat(LoihiMath.wrap24(w24)).isEqualTo(w24);
        assertThat((long) x - w24).isEqualTo(((long) x - w24) / (1 << 24) * (1 << 24));
    }

    @Test
    void identicalSeedsAndInputsGiveIdenticalRuns() {
        qt().withExamples(60).withShrinkCycles(NET_SHRINKS).forAll(anyLong())
                .checkAssert(ChipPropertiesTest::identicalSeedsAndInputsGiveIdenticalRuns);
    }

    private static void identicalSeedsAndInputsGiveIdenticalRuns(long seed) {
        Net a = Net.random(seed);
        Net b = Net.random(seed);
        a.scheduleAll();
        b.scheduleAll();
        a.chip.run(60);
        b.chip.run(60);
        assertThat(a.raster()).isEqualTo(b.raster());
        assertThat(a.chip.counters().snapshot().totalSynapticOps()).isEqualTo(b.chip.counters().snapshot().totalSynapticOps());
    }

    @Test
    void resultsDoNotDependOnHowTheInputStreamIsChunked() {
        qt().withExamples(60).withShrinkCycles(NET_SHRINKS).forAll(anyLong(), ints(1, 13))
                .checkAssert(ChipPropertiesTest::resultsDoNotDependOnHowTheInputStreamIsChunked);
    }

    private static void resultsDoNotDependOnHowTheInputStreamIsChunked(long seed, int chunk) {
        Net whole = Net.random(seed);
        whole.scheduleAll();
        whole.chip.run(60);

        Net streamed = Net.random(seed);
        // feed only the spikes of the next `chunk` steps, then run those steps
        for (long t0 = 1; t0 <= 60; t0 += chunk) {
            long t1 = Math.min(60, t0 + chunk - 1);
            streamed.schedule(t0, t1);
            streamed.chip.run(t1 - t0 + 1);
        }
        assertThat(streamed.raster()).isEqualTo(whole.raster());
    }

    @Test
    void theSpikeThresholdOnTheAccumulatorIsTheThresholdOnV() {
        // limits: vMinExp −1 (unset) .. 23 and vMaxExp −1 .. 7, packed into one draw
        qt().withExamples(200).forAll(ints(-4096, 4095), ints(0, 7), ints(0, (1 << 17) - 1), ints(0, 25 * 9 - 1))
                .checkAssert(ChipPropertiesTest::theSpikeThresholdOnTheAccumulatorIsTheThresholdOnV);
    }

    private static void theSpikeThresholdOnTheAccumulatorIsTheThresholdOnV(int biasMant, int biasExp, int vThMant, int limits) {
        int vMinExp = limits % 25 - 1, vMaxExp = limits / 25 - 1;
        int bias = biasMant << biasExp, th = vThMant << LoihiMath.SCALE_SHIFT;
        int lo = LoihiMath.vMin(vMinExp < 0 ? null : vMinExp), hi = LoihiMath.vMax(vMaxExp < 0 ? null : vMaxExp);
        int above = CompartmentGroup.spikeAbove(bias, th, lo, hi);
        for (int a = Short.MIN_VALUE; a <= Short.MAX_VALUE; a++) {
            if ((a > above) != (CompartmentGroup.fullDecayV(a, bias, lo, hi) > th)) {
                throw new AssertionError("a = " + a + ", threshold on a " + above + ", v = " + CompartmentGroup.fullDecayV(a, bias, lo, hi) + ", threshold " + th);
            }
        }
    }

    @Test
    void theImplicitFullDecayStateComputesTheSameIntegersAsTheGeneralLoop() {
        qt().withExamples(60).withShrinkCycles(NET_SHRINKS).forAll(anyLong())
                .checkAssert(ChipPropertiesTest::theImplicitFullDecayStateComputesTheSameIntegersAsTheGeneralLoop);
    }

    private static void theImplicitFullDecayStateComputesTheSameIntegersAsTheGeneralLoop(long seed) {
        Net fast = Net.random(seed, true);
        fast.scheduleAll();
        fast.chip.run(60);
        Net general;
        CompartmentGroup.implicitState = false;
        try {
            general = Net.random(seed, true);
            general.scheduleAll();
            general.chip.run(60);
        } finally {
            CompartmentGroup.implicitState = true;
        }
        assertThat(fast.raster()).isEqualTo(general.raster());
        for (int h = 0; h < fast.chip.sourceCount(); h++) {
            if (fast.chip.isGenerator(h)) continue;
            for (int i = 0; i < fast.chip.sourceSize(h); i++) {
                assertThat(fast.chip.u(h, i)).isEqualTo(general.chip.u(h, i));
                assertThat(fast.chip.v(h, i)).isEqualTo(general.chip.v(h, i));
            }
        }
        var a = fast.chip.counters().snapshot();
        var b = general.chip.counters().snapshot();
        assertThat(a.updatesActive()).isEqualTo(b.updatesActive());
        assertThat(a.spikes()).isEqualTo(b.spikes());
    }

    /** A random small network with one generator and a few groups, plus its input stream. */
    private record Net(Chip chip, int gen, long[] times, int[] ports, List<SpikeProbe> probes) {
        static Net random(long seed) {
            return random(seed, false);
        }

        /** With fullDecay every group forgets u and v each step (as Renner's neurons); bias may be negative. */
        static Net random(long seed, boolean fullDecay) {
            SplitMix64 r = new SplitMix64(seed);
            ChipBuilder b = new ChipBuilder();
            int gen = b.addSpikeGenerator("gen", 5);
            int groups = 1 + r.nextInt(3);
            int[] handles = new int[groups];
            for (int g = 0; g < groups; g++) {
                int du = r.nextInt(4097), dv = r.nextInt(4097);
                CompartmentPrototype p = CompartmentPrototype.of(fullDecay ? 4096 : du, fullDecay ? 4096 : dv, 1 + r.nextInt(200),
                        r.nextInt(8192) - 4096, r.nextInt(4), 1 + r.nextInt(4));
                handles[g] = b.addCompartments("g" + g, 1 + r.nextInt(12), p);
            }
            int conns = 2 + r.nextInt(5);
            for (int c = 0; c < conns; c++) {
                int src = r.nextInt(groups + 1);
                int srcHandle = src == groups ? gen : handles[src];
                int dst = handles[r.nextInt(groups)];
                SignMode mode = SignMode.values()[r.nextInt(3)];
                int lo = WeightEncoding.min(mode), hi = WeightEncoding.max(mode);
                Connectivity conn = new Connectivity.AllToAll(lo + r.nextInt(hi - lo + 1));
                b.connect(ConnectionSpec.of("c" + c, srcHandle, dst, conn, mode, r.nextInt(16) - 8, r.nextInt(7)));
            }
            Chip chip = b.build(seed);
            int n = 20 + r.nextInt(60);
            long[] times = new long[n];
            int[] ports = new int[n];
            for (int k = 0; k < n; k++) {
                times[k] = 1 + r.nextInt(60);
                ports[k] = r.nextInt(5);
            }
            List<SpikeProbe> probes = new ArrayList<>();
            for (int h = 0; h < chip.sourceCount(); h++) probes.add(chip.probeSpikes(h, 1, 60));
            return new Net(chip, gen, times, ports, probes);
        }

        void scheduleAll() {
            schedule(1, 60);
        }

        void schedule(long from, long to) {
            for (int k = 0; k < times.length; k++) if (times[k] >= from && times[k] <= to) chip.schedule(gen, ports[k], times[k]);
        }

        List<String> raster() {
            List<String> out = new ArrayList<>();
            for (SpikeProbe p : probes) for (int k = 0; k < p.count(); k++) out.add(p.population() + "@" + p.step(k) + ":" + p.index(k));
            return out;
        }
    }
}
