package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.synfire.Gens.anyLong;
import static org.synfire.Gens.ints;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.Gens;

class CompiledRulePropertiesTest {

    /** The Renner rule against its specification (docs/learning.md#renners-rule), for every even weight. */
    @Test
    void rennerMatchesSpecification() {
        record Spikes(boolean pre, boolean post, boolean reward) {}
        Gen<Spikes> spikes = booleans().all().zip(booleans().all(), booleans().all(), Spikes::new);
        qt().withExamples(2000).forAll(ints(-128, 127), spikes, anyLong())
                .checkAssert((half, s, random) -> rennerMatchesSpecification(half, s.pre(), s.post(), s.reward(), random));
    }

    private static void rennerMatchesSpecification(int half, boolean pre, boolean post, boolean reward, long random) {
        CompiledRule rule = CompiledRule.compile(RuleParser.parse("y0*x0*r1*4 - y0*x0*2"), WeightFormat.MIXED_8);
        int w = 2 * half;
        LearningState s = new LearningState();
        s.x0 = pre ? 1 : 0;
        s.y0 = post ? 1 : 0;
        s.r1 = reward ? 1 : 0;
        int dw = pre && post ? (reward ? 2 : -2) : 0;
        assertThat(rule.apply(w, s, random)).isEqualTo(Math.max(-256, Math.min(254, w + dw)));
    }

    /** Invariants for random rules, formats and states. */
    @Test
    void invariants() {
        qt().withExamples(3000).forAll(CASES).checkAssert(CompiledRulePropertiesTest::invariants);
    }

    private static void invariants(Case c) {
        CompiledRule rule = c.rule;
        int w = c.w;
        int out = rule.apply(w, c.state, c.random1);
        int n = rule.format().droppedBits();
        // within the limits and on the grid (the default limits lie on the grid)
        assertThat(out).isBetween(rule.minWeight(), rule.maxWeight());
        assertThat(out % (1 << n)).isZero();
        // pure function of its inputs
        assertThat(rule.apply(w, c.state, c.random1)).isEqualTo(out);
        if (rule.isDeterministicOnGrid()) assertThat(rule.apply(w, c.state, c.random2)).isEqualTo(out);
        // random bits above randomBitsUsed() are never read
        long high = c.random2 & (-1L << rule.randomBitsUsed());
        long low = c.random1 & ((1L << rule.randomBitsUsed()) - 1);
        assertThat(rule.apply(w, c.state, high | low)).isEqualTo(out);
        // skipping is exact
        int spikes = c.state.spikesMask();
        boolean may = rule.mayChange(spikes, c.state.epochIndex);
        assertThat(rule.rule().mayChange(spikes, c.state.epochIndex)).isEqualTo(may);
        if (!may) assertThat(out).isEqualTo(w);
    }

    record Case(CompiledRule rule, int w, LearningState state, long random1, long random2) {
        @Override
        public String toString() {
            return rule + " w=" + w + " " + state + " r=" + random1 + "/" + random2;
        }
    }

    /** Random rules, formats, options and states; the case shrinks with the draws it was made of. */
    private static final Gen<Case> CASES = Gens.fromRandom(CompiledRulePropertiesTest::randomCase);

    private static Case randomCase(Random r) {
        WeightFormat f = new WeightFormat(SignMode.values()[r.nextInt(3)], 1 + r.nextInt(8));
        LearningOptions o = LearningOptions.DEFAULT
                .withMantissaBits(3 + r.nextInt(2))
                .withAccumulation(LearningOptions.Accumulation.values()[r.nextInt(2)])
                .withOverflowShift(LearningOptions.NegativeShift.values()[r.nextInt(2)])
                .withWeightRounding(StochasticRounding.Mode.values()[r.nextInt(2)]);
        CompiledRule rule = CompiledRule.compile(RuleParser.parse(RuleParserPropertiesTest.generate(r)), f, o);
        int grid = f.grid();
        int lo = rule.minWeight() / grid;
        int hi = rule.maxWeight() / grid;
        int w = (lo + r.nextInt(hi - lo + 1)) * grid;
        LearningState s = new LearningState();
        s.x0 = r.nextInt(2);
        s.y0 = r.nextInt(2);
        s.r0 = r.nextInt(2);
        s.x1 = trace(r);
        s.x2 = trace(r);
        s.y1 = trace(r);
        s.y2 = trace(r);
        s.y3 = trace(r);
        s.r1 = trace(r);
        s.d = r.nextInt(63);
        s.t = r.nextInt(256);
        s.epochIndex = r.nextInt(64);
        return new Case(rule, w, s, r.nextLong(), r.nextLong());
    }

    private static int trace(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 127;
            default -> r.nextInt(128);
        };
    }
}
