package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.SignMode;

class WeightSplitTest {
    private static final SignMode EXC = SignMode.EXCITATORY, INH = SignMode.INHIBITORY, MIX = SignMode.MIXED;

    private static WeightSplit.Split split(int w, SignMode m) {
        return WeightSplit.split(w, m, 8);
    }

    /** The authors' calculate_mant_exp examples (docs/chip.md#weight-encoding), each with the sign mode its sign implies. */
    @Test
    void authorsExamples() {
        assertThat(split(8704, EXC)).isEqualTo(new WeightSplit.Split(136, 6));
        assertThat(split(520, EXC)).isEqualTo(new WeightSplit.Split(130, 2));
        assertThat(split(9280, EXC)).isEqualTo(new WeightSplit.Split(145, 6));
        assertThat(split(-8128, INH)).isEqualTo(new WeightSplit.Split(-254, 5));
        assertThat(split(8192, EXC)).isEqualTo(new WeightSplit.Split(128, 6));
        assertThat(split(512, EXC)).isEqualTo(new WeightSplit.Split(128, 2));
        // and the sign modes they get by default
        assertThat(WeightSplit.defaultSignMode(new int[] {8704})).isEqualTo(EXC);
        assertThat(WeightSplit.defaultSignMode(new int[] {-8128})).isEqualTo(INH);
        assertThat(WeightSplit.defaultSignMode(new int[] {0})).isEqualTo(MIX);
        assertThat(WeightSplit.defaultSignMode(new int[] {-2, 0, 2})).isEqualTo(MIX);
        assertThat(WeightSplit.defaultSignMode(new int[] {0, 2})).isEqualTo(MIX); // the authors: zero present means mixed
    }

    @Test
    void theSameWeightsUnderMixedSignKeepEvenMantissas() {
        // mixed 8-bit mantissas are even: 130 and 136 are, so nothing changes
        assertThat(split(520, MIX)).isEqualTo(new WeightSplit.Split(130, 2));
        assertThat(split(8704, MIX)).isEqualTo(new WeightSplit.Split(136, 6));
        // 9280 = 145·2^6 has an odd mantissa: mixed needs 2^7, where 72.5 is not an integer; no exact split,
        // the smallest in-range exponent is 6 and 145 truncates to 144 → 9216
        assertThat(split(9280, MIX)).isEqualTo(new WeightSplit.Split(144, 6));
        assertThat(split(9280, MIX).value()).isEqualTo(9216);
    }

    @Test
    void edgesOfTheRanges() {
        assertThat(split(255, EXC)).isEqualTo(new WeightSplit.Split(255, 0));
        assertThat(split(256, EXC)).isEqualTo(new WeightSplit.Split(128, 1));
        assertThat(split(0, EXC)).isEqualTo(new WeightSplit.Split(0, 0));
        assertThat(split(-256, INH)).isEqualTo(new WeightSplit.Split(-256, 0)); // the chip's inhibitory range reaches -256
        assertThat(split(-256, MIX)).isEqualTo(new WeightSplit.Split(-256, 0));
        assertThat(split(32640, EXC)).isEqualTo(new WeightSplit.Split(255, 7)); // the largest excitatory weight
        // one above it fits only inexactly: ⌊32641 / 128⌋ = 255
        assertThat(split(32641, EXC).value()).isEqualTo(32640);
        assertThat(split(32768, EXC)).isNull(); // 256 · 2^7: out of range everywhere
        assertThat(split(1, INH)).isNull();      // a positive weight is never inhibitory
        assertThat(split(-1, EXC)).isNull();
    }

    @Test
    void negativeExponentsWhenNoNonNegativeOneIsExact() {
        // odd weights under mixed sign: 1 = ⌊2·2^-1⌋, 127 = ⌊254·2^-1⌋
        assertThat(split(1, MIX)).isEqualTo(new WeightSplit.Split(2, -1));
        assertThat(split(127, MIX)).isEqualTo(new WeightSplit.Split(254, -1));
        assertThat(split(-3, MIX)).isEqualTo(new WeightSplit.Split(-6, -1));
        // 4-bit excitatory mantissas are multiples of 16: 40 = ⌊80·2^-1⌋
        assertThat(WeightSplit.split(40, EXC, 4)).isEqualTo(new WeightSplit.Split(80, -1));
        // 255 under mixed sign: odd, and 510 does not fit: stored as 254 at exponent 0
        assertThat(split(255, MIX)).isEqualTo(new WeightSplit.Split(254, 0));
    }

    @Test
    void truncationRoundsTowardMinusInfinityAsTheChipDoes() {
        // 8705 at 2^6: ⌊136.02⌋ = 136 → 8704; -257 mixed at 2^1: ⌊-128.5⌋ = -129, even grid → -130 → -260
        assertThat(WeightSplit.at(8705, 6, EXC, 8).value()).isEqualTo(8704);
        assertThat(WeightSplit.at(-257, 1, MIX, 8)).isEqualTo(new WeightSplit.Split(-130, 1));
        assertThat(WeightSplit.exactAt(8704, 6, EXC, 8)).isTrue();
        assertThat(WeightSplit.exactAt(8704, 5, EXC, 8)).isFalse(); // 272 > 255
    }

    @Test
    void autoExponentCoversAllWeightsOfAMatrix() {
        assertThat(WeightSplit.autoExponent(new int[] {520, 8704}, EXC, 8)).isEqualTo(6); // 8704 forces 2^6; 520 = 8.125·64 is not exact there...
        assertThat(WeightSplit.exactAt(520, 6, EXC, 8)).isFalse();                        // ...so the in-range fallback was used
        assertThat(WeightSplit.autoExponent(new int[] {-240, 2, 0, 254}, MIX, 8)).isEqualTo(0);
        assertThat(WeightSplit.autoExponent(new int[] {-120, 3}, MIX, 8)).isEqualTo(-1); // -240·2^-1 and 6·2^-1
        assertThat(WeightSplit.autoExponent(new int[] {-240, 3}, MIX, 8)).isEqualTo(0);  // -480 does not fit: 3 is stored as 2
        assertThat(WeightSplit.autoExponent(new int[] {40000}, EXC, 8)).isNull();
    }

    @Test
    void biasFollowsCalculateMantExp() {
        // -8192 weight units = -524288 on the membrane = -4096·2^7
        assertThat(WeightSplit.bias(-8192)).isEqualTo(new WeightSplit.Split(-4096, 7));
        assertThat(WeightSplit.bias(0)).isEqualTo(new WeightSplit.Split(0, 0));
        assertThat(WeightSplit.bias(1)).isEqualTo(new WeightSplit.Split(64, 0));
        assertThat(WeightSplit.bias(100)).isEqualTo(new WeightSplit.Split(3200, 1)); // 6400 > 4095 at 2^0
        assertThat(WeightSplit.bias(8190)).isEqualTo(new WeightSplit.Split(4095, 7));
        assertThat(WeightSplit.bias(8191)).isNull(); // 8191·64 = 2^6·8191 with 8191 odd: no mantissa ≤ 4095
        assertThat(WeightSplit.bias(8192)).isNull(); // 4096·2^7, one past biasMant's maximum
        assertThat(WeightSplit.bias(-8193)).isNull();
    }
}
