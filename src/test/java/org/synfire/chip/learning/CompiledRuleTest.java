package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected weights are worked out by hand. Notation: acc = w*128 + sum of contributions;
 * s = 7 + n rounding bits (mixed 8-bit: n = 1, s = 8, grid 256); r = the low s bits of randomBits;
 * result = (floor(acc / 2^s) + (r < acc mod 2^s)) * 2^n, clamped.
 */
class CompiledRuleTest {
    private static final long[] ANY_RANDOM = {0L, -1L, 0x5555_5555_5555_5555L, 0xFFL, 0x7FL, 0x80L, 1L};

    private static CompiledRule compile(String rule, WeightFormat f) {
        return CompiledRule.compile(RuleParser.parse(rule), f);
    }

    private static CompiledRule compile(String rule, WeightFormat f, LearningOptions o) {
        return CompiledRule.compile(RuleParser.parse(rule), f, o);
    }

    private static LearningState state(int x0, int y0) {
        LearningState s = new LearningState();
        s.x0 = x0;
        s.y0 = y0;
        return s;
    }

    // ---- Renner et al.: y0*x0*r1*4 - y0*x0*2, mixed 8-bit ----
    // P1 = 4 * x0 * r1: widths x0 1 + r1 7 = 8, 8 + 3 - 15 < 0 -> no overflow shift; << (0 + 7): 512 * x0 * r1
    // P2 = -2 * x0: width 1 -> no shift; << 7: -256 * x0
    private static final String RENNER = "y0*x0*r1*4 - y0*x0*2";

    @ParameterizedTest(name = "w={0} x0={1} y0={2} r1={3} -> {4}")
    @CsvSource({
        // 100*128 + 512 - 256 = 13056 = 51*256 -> 102
        "100, 1, 1, 1, 102",
        // 100*128 - 256 = 12544 = 49*256 -> 98
        "100, 1, 1, 0, 98",
        // only one of pre/post: P1 and P2 are 0 (y0 gates both, x0 is a factor of both)
        "100, 1, 0, 1, 100",
        "100, 0, 1, 1, 100",
        "100, 0, 0, 1, 100",
        "100, 0, 1, 0, 100",
        // 254*128 + 256 = 32768 -> saturates to 32767 = 127*256 + 255 -> 127 or 128 -> 254 or 256 -> clamp 254
        "254, 1, 1, 1, 254",
        // 252*128 + 256 = 32512 = 127*256 -> 254
        "252, 1, 1, 1, 254",
        // -256*128 - 256 = -33024 -> saturates to -32768 = -128*256 -> -256
        "-256, 1, 1, 0, -256",
        // -254*128 - 256 = -32768 -> -256
        "-254, 1, 1, 0, -256",
        // -256*128 + 256 = -32512 = -127*256 -> -254
        "-256, 1, 1, 1, -254",
        // 0 - 256 = -256 -> -2
        "0, 1, 1, 0, -2",
    })
    void rennerTruthTable(int w, int x0, int y0, int r1, int expected) {
        CompiledRule rule = compile(RENNER, WeightFormat.MIXED_8);
        LearningState s = state(x0, y0);
        s.r1 = r1;
        for (long random : ANY_RANDOM) assertThat(rule.apply(w, s, random)).isEqualTo(expected);
    }

    @Test
    void rennerIsDeterministicOnGrid() {
        // P1: 4 = 2^2 -> multiple of 2^(2 + 7) = 2^9 >= 2^8; P2: 2 -> 2^(1 + 7) = 2^8; max 254 = 256 - 2
        CompiledRule rule = compile(RENNER, WeightFormat.MIXED_8);
        assertThat(rule.isDeterministicOnGrid()).isTrue();
        assertThat(rule.randomBitsUsed()).isEqualTo(8);
        assertThat(rule.minWeight()).isEqualTo(-256);
        assertThat(rule.maxWeight()).isEqualTo(254);
    }

    @Test
    void rennerWithLavaAccumulationIsOrderDependent() {
        // LAVA: 254*128 + 512 = 33024 -> 32767; 32767 - 256 = 32511 = 126*256 + 255
        // r = 0xFF (255) is not < 255 -> 126 -> 252; r = 0 -> 127 -> 254
        CompiledRule rule = compile(RENNER, WeightFormat.MIXED_8,
                LearningOptions.DEFAULT.withAccumulation(LearningOptions.Accumulation.SATURATE_EACH_PRODUCT));
        LearningState s = state(1, 1);
        s.r1 = 1;
        assertThat(rule.apply(254, s, 0xFF)).isEqualTo(252);
        assertThat(rule.apply(254, s, 0)).isEqualTo(254);
        assertThat(rule.isDeterministicOnGrid()).isFalse();
    }

    // ---- STDP: 2^-2*x1*y0 - 2^-2*y1*x0 ----
    // P1 = 1 * x1 (width 7, 7 + 3 - 15 < 0: no shift) << (-2 + 7) = 32 * x1; P2 = -32 * y1
    private static final String STDP = "2^-2*x1*y0 - 2^-2*y1*x0";

    @ParameterizedTest(name = "random {0} -> {1}")
    @CsvSource({
        // 100*128 + 32*10 = 13120 = 51*256 + 64: r = 63 < 64 -> 52 -> 104; r = 64 -> 51 -> 102
        "63, 104",
        "64, 102",
        // bits above the low 8 are ignored: 0x...FF00 | 63 has r = 63
        "-193, 104",
    })
    void stdpPostSpike(long random, int expected) {
        CompiledRule rule = compile(STDP, WeightFormat.MIXED_8);
        LearningState s = state(0, 1);
        s.x1 = 10;
        s.y1 = 30; // unused: the x0 product is gated off
        assertThat(rule.apply(100, s, random)).isEqualTo(expected);
    }

    @Test
    void stdpBothSpikes() {
        // 12800 + 320 - 32*30 = 12160 = 47*256 + 128: r = 127 -> 48 -> 96; r = 128 -> 47 -> 94
        CompiledRule rule = compile(STDP, WeightFormat.MIXED_8);
        LearningState s = state(1, 1);
        s.x1 = 10;
        s.y1 = 30;
        assertThat(rule.apply(100, s, 127)).isEqualTo(96);
        assertThat(rule.apply(100, s, 128)).isEqualTo(94);
        // scaling 1*2^-2 -> multiple of 2^5 only, below the 2^8 grid
        assertThat(rule.isDeterministicOnGrid()).isFalse();
    }

    @ParameterizedTest(name = "{0}, random {1} -> {2}")
    @CsvSource({
        // -12800 + 320 = -12480; floor(-12480/256) = -49 (-12544), remainder 64
        // FLOOR: r < 64 -> -48 -> -96, else -49 -> -98
        "FLOOR, 10, -96",
        "FLOOR, 100, -98",
        "FLOOR, 200, -98",
        // SIGN_MAGNITUDE: 12480 = 48*256 + 192: r < 192 -> 49 -> -98, else 48 -> -96
        "SIGN_MAGNITUDE, 10, -98",
        "SIGN_MAGNITUDE, 100, -98",
        "SIGN_MAGNITUDE, 200, -96",
    })
    void negativeAccumulatorRounding(StochasticRounding.Mode mode, long random, int expected) {
        CompiledRule rule = compile(STDP, WeightFormat.MIXED_8, LearningOptions.DEFAULT.withWeightRounding(mode));
        LearningState s = state(0, 1);
        s.x1 = 10;
        assertThat(rule.apply(-100, s, random)).isEqualTo(expected);
    }

    // ---- reward rules ----

    @Test
    void u0TimesR1() {
        // 1 * r1 (width 7, no shift) << 7 = 128 per unit of r1
        LearningState s = new LearningState();
        s.r1 = 1;
        // mixed 8-bit: 100*128 + 128 = 12928 = 50*256 + 128: r < 128 -> 51 -> 102, else 50 -> 100
        CompiledRule mixed = compile("u0*r1", WeightFormat.MIXED_8);
        assertThat(mixed.apply(100, s, 127)).isEqualTo(102);
        assertThat(mixed.apply(100, s, 128)).isEqualTo(100);
        // excitatory 8-bit: n = 0, s = 7: 12928 = 101*128 exactly -> 101 whatever the random bits
        CompiledRule exc = compile("u0*r1", WeightFormat.EXCITATORY_8);
        for (long random : ANY_RANDOM) assertThat(exc.apply(100, s, random)).isEqualTo(101);
        // -1*r1*u0: 50*128 - 128 = 49*128 -> 49
        assertThat(compile("-1*r1*u0", WeightFormat.EXCITATORY_8).apply(50, s, 0)).isEqualTo(49);
        // no reward: unchanged
        s.r1 = 0;
        assertThat(exc.apply(100, s, 0)).isEqualTo(100);
    }

    @Test
    void u1OnlyInEvenEpochs() {
        // u1*r1*2: 2 * r1 << 7 = 256 -> +2 in epochs 0, 2, 4 ...
        CompiledRule rule = compile("u1*r1*2", WeightFormat.MIXED_8);
        LearningState s = new LearningState();
        s.r1 = 1;
        s.epochIndex = 2;
        assertThat(rule.apply(10, s, 0)).isEqualTo(12);
        s.epochIndex = 3;
        assertThat(rule.apply(10, s, 0)).isEqualTo(10);
    }

    @ParameterizedTest(name = "y0={0} random={1} -> {2}")
    @CsvSource({
        // x1*y0 - 2^-1*u0, x1 = 3: P1 = 3 << 7 = 384; P2 = -1 << (-1 + 7) = -64
        // y0 = 1: 10*128 + 384 - 64 = 1600 = 6*256 + 64: r < 64 -> 7 -> 14, else 6 -> 12
        "1, 63, 14",
        "1, 64, 12",
        // y0 = 0: 1280 - 64 = 1216 = 4*256 + 192: r < 192 -> 5 -> 10, else 4 -> 8
        "0, 191, 10",
        "0, 192, 8",
    })
    void learningRateWithUDecay(int y0, long random, int expected) {
        CompiledRule rule = compile("x1*y0-2^-1*u0", WeightFormat.MIXED_8);
        LearningState s = state(0, y0);
        s.x1 = 3;
        assertThat(rule.apply(10, s, random)).isEqualTo(expected);
    }

    @Test
    void learningRateWithUDecayExcitatory() {
        // excitatory 8-bit, s = 7: 1600 = 12*128 + 64: r < 64 -> 13, else 12
        CompiledRule rule = compile("x1*y0-2^-1*u0", WeightFormat.EXCITATORY_8);
        LearningState s = state(0, 1);
        s.x1 = 3;
        assertThat(rule.apply(10, s, 63)).isEqualTo(13);
        assertThat(rule.apply(10, s, 64)).isEqualTo(12);
    }

    // ---- overflow shift (docs/learning.md#fixed-point-evaluation) ----

    @Test
    void overflowShiftOfTwoTraceProduct() {
        // y0*x1*y1*2^-3: widths 7 + 7 = 14; 3-bit mantissa: 14 + 3 - 15 = 2; left shift -3 + 7 = 4
        // x1 = 100, y1 = 50: 5000 >> 2 = 1250, << 4 = 20000 = 78*256 + 32: r < 32 -> 79 -> 158, else 156
        LearningState s = state(0, 1);
        s.x1 = 100;
        s.y1 = 50;
        CompiledRule nl = compile("y0*x1*y1*2^-3", WeightFormat.MIXED_8);
        assertThat(nl.apply(0, s, 31)).isEqualTo(158);
        assertThat(nl.apply(0, s, 32)).isEqualTo(156);
        // 4-bit mantissa (LAVA): shift 3: 5000 >> 3 = 625, << 4 = 10000 = 39*256 + 16: r < 16 -> 80, else 78
        CompiledRule lava = compile("y0*x1*y1*2^-3", WeightFormat.MIXED_8, LearningOptions.DEFAULT.withMantissaBits(4));
        assertThat(lava.apply(0, s, 15)).isEqualTo(80);
        assertThat(lava.apply(0, s, 16)).isEqualTo(78);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // -5050 >> 2 = floor(-1262.5) = -1263, << 4 = -20208; -20208 = -79*256 + 16: r = 20 >= 16 -> -79 -> -158
        "FLOOR, -158",
        // toward zero: -1262, << 4 = -20192 = -79*256 + 32: r = 20 < 32 -> -78 -> -156
        "TOWARD_ZERO, -156",
    })
    void overflowShiftOfNegativeProduct(LearningOptions.NegativeShift mode, int expected) {
        LearningState s = state(0, 1);
        s.x1 = 101;
        s.y1 = 50;
        CompiledRule rule = compile("-y0*x1*y1*2^-3", WeightFormat.MIXED_8, LearningOptions.DEFAULT.withOverflowShift(mode));
        assertThat(rule.apply(0, s, 20)).isEqualTo(expected);
    }

    // ---- factors: w, sgn, saturation ----

    @ParameterizedTest(name = "w={0} -> {1}")
    @CsvSource({
        // x0*sgn(w)*2: sgn(w) * 2 << 7 = +-256 -> +-2
        "100, 102",
        "-100, -102",
        "0, 0",
    })
    void signOfWeight(int w, int expected) {
        assertThat(compile("x0*sgn(w)*2", WeightFormat.MIXED_8).apply(w, state(1, 0), 0)).isEqualTo(expected);
    }

    @Test
    void weightAsFactor() {
        // x0*w*2^-7: widths 9 + 3 = 12 -> no shift; << 0: contribution = w
        // 100*128 + 100 = 12900 = 50*256 + 100: r < 100 -> 51 -> 102, else 100
        CompiledRule rule = compile("x0*w*2^-7", WeightFormat.MIXED_8);
        assertThat(rule.apply(100, state(1, 0), 99)).isEqualTo(102);
        assertThat(rule.apply(100, state(1, 0), 100)).isEqualTo(100);
    }

    @Test
    void factorSaturatesToItsWidth() {
        // y0*(x1 + 200)*2^-7, x1 = 100: 300 saturates to 127 (trace width 7); << 0 -> 127
        // excitatory 8-bit, s = 7: 0 + 127 = 0*128 + 127: r = 126 -> 1, r = 127 -> 0 (unsaturated 300 would give 2 or 3)
        CompiledRule rule = compile("y0*(x1 + 200)*2^-7", WeightFormat.EXCITATORY_8);
        LearningState s = state(0, 1);
        s.x1 = 100;
        assertThat(rule.apply(0, s, 126)).isEqualTo(1);
        assertThat(rule.apply(0, s, 127)).isEqualTo(0);
    }

    // ---- sign modes and limits ----

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource({
        // 4*x0 adds 4*128 = 512 (4 weight units); -4*x0 subtracts 4
        // excitatory [0, 255]: 253 + 4 = 257 -> 255; 2 - 4 = -2 -> 0
        "EXCITATORY, 4*x0, 253, 255",
        "EXCITATORY, -4*x0, 2, 0",
        "EXCITATORY, 4*x0, 100, 104",
        // inhibitory [-256, 0]: -254 - 4: -32512 - 512 = -33024 -> -32768 -> -256; -2 + 4 = 2 -> 0
        "INHIBITORY, -4*x0, -254, -256",
        "INHIBITORY, 4*x0, -2, 0",
        "INHIBITORY, 4*x0, -100, -96",
        // mixed [-256, 254]
        "MIXED, 4*x0, 252, 254",
        "MIXED, -4*x0, -254, -256",
    })
    void signModeRanges(SignMode mode, String rule, int w, int expected) {
        CompiledRule c = compile(rule, new WeightFormat(mode, 8));
        for (long random : ANY_RANDOM) assertThat(c.apply(w, state(1, 0), random)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource({
        // LAVA: inhibitory min -255; -254 - 4 -> -256 (s = 7, on grid) -> clamp -255
        "LAVA, INHIBITORY, -4*x0, -254, -255",
        // LAVA: mixed max 255, but 252 + 4 = 256 -> 32768 -> 32767 = 127*256 + 255; r = 0 -> 128 -> 256 -> 255
        "LAVA, MIXED, 4*x0, 252, 255",
        // nengo-loihi: mixed [-254, 254]: -254 - 4 -> -256 -> -254
        "NENGO_LOIHI, MIXED, -4*x0, -254, -254",
        "NENGO_LOIHI, INHIBITORY, -4*x0, -254, -255",
    })
    void alternativeLimits(WeightLimits limits, SignMode mode, String rule, int w, int expected) {
        CompiledRule c = compile(rule, new WeightFormat(mode, 8), LearningOptions.DEFAULT.withLimits(limits));
        assertThat(c.apply(w, state(1, 0), 0)).isEqualTo(expected);
    }

    @Test
    void limitsPerFormat() {
        // n = 8 - (6 - 1) = 3 for mixed 6-bit: max 256 - 8 = 248
        WeightFormat mixed6 = new WeightFormat(SignMode.MIXED, 6);
        assertThat(mixed6.droppedBits()).isEqualTo(3);
        assertThat(WeightLimits.BRIAN2_LOIHI.max(mixed6)).isEqualTo(248);
        assertThat(WeightLimits.BRIAN2_LOIHI.min(mixed6)).isEqualTo(-256);
        assertThat(WeightLimits.NENGO_LOIHI.min(mixed6)).isEqualTo(-248);
        // excitatory 4-bit: n = 4, max 240
        WeightFormat exc4 = new WeightFormat(SignMode.EXCITATORY, 4);
        assertThat(exc4.droppedBits()).isEqualTo(4);
        assertThat(WeightLimits.BRIAN2_LOIHI.max(exc4)).isEqualTo(240);
        assertThat(WeightLimits.BRIAN2_LOIHI.min(exc4)).isZero();
        // truncation rounds toward minus infinity: -3 >> 1 << 1 = -4
        assertThat(WeightFormat.MIXED_8.truncate(-3)).isEqualTo(-4);
        assertThat(WeightFormat.MIXED_8.truncate(3)).isEqualTo(2);
    }

    // ---- lower precision ----

    @Test
    void mixedSixBits() {
        // n = 3, s = 10 (grid 1024 in the accumulator, 8 in weight units)
        // 2^-2*x1*y0, x1 = 20: 20 << 5 = 640; 16*128 + 640 = 2688 = 2*1024 + 640: r < 640 -> 3 -> 24, else 2 -> 16
        CompiledRule rule = compile("2^-2*x1*y0", new WeightFormat(SignMode.MIXED, 6));
        LearningState s = state(0, 1);
        s.x1 = 20;
        assertThat(rule.apply(16, s, 639)).isEqualTo(24);
        assertThat(rule.apply(16, s, 640)).isEqualTo(16);
        // bit 10 is not read: 1024 + 639 behaves like 639
        assertThat(rule.apply(16, s, 1024 + 639)).isEqualTo(24);
        assertThat(rule.randomBitsUsed()).isEqualTo(10);
    }

    @Test
    void excitatoryFourBitsSaturatesDeterministically() {
        // n = 4, s = 11; 240*128 + 512 = 31232 = 15*2048 + 512 -> 15 or 16 -> 240 or 256 -> clamp 240
        CompiledRule rule = compile("4*x0", new WeightFormat(SignMode.EXCITATORY, 4));
        for (long random : ANY_RANDOM) assertThat(rule.apply(240, state(1, 0), random)).isEqualTo(240);
        // 4 = 2^2 -> multiple of 2^(2 + 7) = 2^9 < 2^11
        assertThat(rule.isDeterministicOnGrid()).isFalse();
        // 2^4 -> multiple of 2^(4 + 7) = 2^11
        assertThat(compile("2^4*x0", new WeightFormat(SignMode.EXCITATORY, 4)).isDeterministicOnGrid()).isTrue();
    }

    @Test
    void deterministicNeedsLimitOnGrid() {
        // LAVA's mixed max 255 > 254 = 256 - 2: a saturated accumulator may round to 254 or 255
        CompiledRule rule = compile(RENNER, WeightFormat.MIXED_8, LearningOptions.DEFAULT.withLimits(WeightLimits.LAVA));
        assertThat(rule.isDeterministicOnGrid()).isFalse();
    }

    @Test
    void applyDoesNotAllocate() {
        CompiledRule rule = compile("4*2^-7*x1*y0 - 4*2^-7*y1*x0 + 4*x0 - 4*y0 + y0*x0*r1*sgn(w)", WeightFormat.MIXED_8);
        LearningState s = state(1, 1);
        s.x1 = 40;
        s.y1 = 17;
        s.r1 = 1;
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int w = 0;
        for (int i = 0; i < 20_000; i++) w = rule.apply(w & ~1, s, i * 0x9E3779B97F4A7C15L);
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200_000; i++) w = rule.apply(w & ~1, s, i * 0x9E3779B97F4A7C15L);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(w).isBetween(-256, 254);
        assertThat(allocated).isLessThan(1024);
    }
}
