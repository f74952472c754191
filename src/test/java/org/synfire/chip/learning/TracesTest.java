package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Decay factors by hand: exp(-1) = 0.367879441..., * 65536 = 24109.347 -> 24109;
 * exp(-2) = 0.135335283..., * 65536 = 8869.333 -> 8869.
 */
class TracesTest {
    private static final long ANY = 0x1234_5678_9ABC_DEF0L;

    @Test
    void decayFactors() {
        assertThat(new TraceParams(0, 1).decayFactor(1)).isEqualTo(24109);
        // exp(-tEpoch / tau) with tEpoch = 2, tau = 2 is exp(-1) again
        assertThat(new TraceParams(0, 2).decayFactor(2)).isEqualTo(24109);
        assertThat(new TraceParams(0, 1).decayFactor(2)).isEqualTo(8869);
        assertThat(new TraceParams(0, 0).decayFactor(1)).isZero();
        // exp(-1e-9) * 65536 = 65535.99993 -> 65536: no decay at all
        assertThat(new TraceParams(0, 1e9).decayFactor(1)).isEqualTo(65536);
    }

    @Test
    void tauZeroKeepsNothing() {
        TraceParams reward = new TraceParams(1, 0);
        for (long random : new long[] {0, -1, ANY}) {
            assertThat(Traces.update(100, true, reward, 1, random)).isEqualTo(1);
            assertThat(Traces.update(100, false, reward, 1, random)).isZero();
            assertThat(Traces.update(0, false, reward, 1, random)).isZero();
        }
    }

    @Test
    void rewardTraceFollowsRewardSpikes() {
        // r1Impulse = 1, r1TimeConstant = 0 (Renner): r1 = 1 exactly in epochs with a reward spike
        CompiledTrace r1 = new TraceParams(1, 0).compile(1);
        boolean[] reward = {false, true, true, false, true, false};
        int[] expected = {0, 1, 1, 0, 1, 0};
        int trace = 0;
        for (int epoch = 0; epoch < reward.length; epoch++) {
            trace = r1.update(trace, reward[epoch], epoch * 0x9E3779B97F4A7C15L);
            assertThat(trace).isEqualTo(expected[epoch]);
        }
    }

    @Test
    void saturatesAt127() {
        TraceParams slow = new TraceParams(20, 1e9);
        // 120 + 20 = 140 -> 127
        assertThat(Traces.update(120, true, slow, 1, ANY)).isEqualTo(127);
        assertThat(Traces.update(127, true, new TraceParams(1, 1e9), 1, ANY)).isEqualTo(127);
        assertThat(Traces.update(127, false, slow, 1, ANY)).isEqualTo(127);
    }

    @Test
    void decayOfAGivenValue() {
        // 100 * 24109 = 2410900 = 36 * 65536 + 51604: low 16 random bits < 51604 -> 37, else 36
        TraceParams p = new TraceParams(0, 1);
        assertThat(Traces.update(100, false, p, 1, 51603)).isEqualTo(37);
        assertThat(Traces.update(100, false, p, 1, 51604)).isEqualTo(36);
        // bit 16 and above are not read by the decay
        assertThat(Traces.update(100, false, p, 1, (7L << 16) | 51604)).isEqualTo(36);
        // tau = 1, tEpoch = 2: 100 * 8869 = 886900 = 13 * 65536 + 34932
        assertThat(Traces.update(100, false, p, 2, 34931)).isEqualTo(14);
        assertThat(Traces.update(100, false, p, 2, 34932)).isEqualTo(13);
    }

    @Test
    void impulseFraction() {
        // 2.5 with 7 fraction bits: 2.5 * 128 = 320 = 2*128 + 64
        TraceParams p = new TraceParams(2.5, 0);
        assertThat(p.impulseFixed()).isEqualTo(320);
        // separate rounding: random bits 16..22 < 64 -> 3, else 2; the low 16 bits do not matter
        assertThat(Traces.update(0, true, p, 1, 63L << 16)).isEqualTo(3);
        assertThat(Traces.update(0, true, p, 1, (63L << 16) | 0xFFFF)).isEqualTo(3);
        assertThat(Traces.update(0, true, p, 1, 64L << 16)).isEqualTo(2);
        // 0.3 * 128 = 38.4 -> truncated to 38; with 8 bits 0.3 * 256 = 76.8 -> 76
        assertThat(new TraceParams(0.3, 0).impulseFixed()).isEqualTo(38);
        assertThat(new TraceParams(0.3, 0, 8, TraceParams.Rounding.SEPARATE).impulseFixed()).isEqualTo(76);
    }

    @Test
    void separateVersusJointRounding() {
        // trace 100, tau 1, impulse 2.5, spike
        // separate: decay 2410900 -> 36 + (r16 < 51604); impulse 2 + (bits 16..22 < 64)
        TraceParams sep = new TraceParams(2.5, 1);
        assertThat(Traces.update(100, true, sep, 1, 0)).isEqualTo(37 + 3);
        assertThat(Traces.update(100, true, sep, 1, 0xFFFF_FFFFL)).isEqualTo(36 + 2);
        // joint: 2410900 + (320 << 9 = 163840) = 2574740 = 39 * 65536 + 18836
        TraceParams joint = new TraceParams(2.5, 1, 7, TraceParams.Rounding.JOINT);
        assertThat(Traces.update(100, true, joint, 1, 18835)).isEqualTo(40);
        assertThat(Traces.update(100, true, joint, 1, 18836)).isEqualTo(39);
    }

    @Test
    void spikeCountOverload() {
        TraceParams p = new TraceParams(5, 0);
        // several spikes in one epoch add one impulse
        assertThat(Traces.update(0, 3, p, 1, 0)).isEqualTo(5);
        assertThat(Traces.update(0, 0, p, 1, 0)).isZero();
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new TraceParams(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceParams(128, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceParams(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceParams(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceParams(1, 1).decayFactor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
