package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.Gens;

class RuleParserPropertiesTest {
    static final List<String> VALID = List.of(
            "y0*x0*r1*4 - y0*x0*2",
            "2^-2*x1*y0 - 2^-2*y1*x0",
            "u0*r1",
            "-1*r1*u0",
            "x1*y0-2^-1*u0",
            "4*2^-7*x1*y0 - 4*2^-7*y1*x0 + 4*x0 - 4*y0",
            "u1*x1*y1*(2^-7)",
            "y0*(x1 - 3)*sgn(w + 2)*(x0)*(2^-1)",
            "(x0 - 1)*y0 + x0*sgn(d)*(t + 4)*r0");
    private static final String ALPHABET = "xyrudwtsgn0123456789()*+-^ \t";

    /** Parsing either succeeds or throws RuleSyntaxException with a position inside the text. */
    private static void parsesOrFailsCleanly(String text) {
        try {
            LearningRule rule = RuleParser.parse(text);
            assertThat(RuleParser.parse(rule.toString())).isEqualTo(rule);
        } catch (RuleSyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.getMessage()).startsWith("at " + e.position() + ": expected ").contains(" but found ");
            assertThat(e.caretLine()).endsWith("^");
        }
    }

    /** Any text of up to 255 chars: every assigned character of the BMP, lone surrogates included. */
    private static final Gen<String> ANY_TEXT = strings().betweenCodePoints(Character.MIN_VALUE, Character.MAX_VALUE).ofLengthBetween(0, 255);
    /** Up to 40 characters of the rule language. */
    private static final Gen<String> RULE_ALPHABET = Gens.strings(ALPHABET, 40);
    /** A valid rule (listed or generated) with one to three random edits. */
    private static final Gen<String> MUTATED = Gens.fromRandom(RuleParserPropertiesTest::mutate);
    /** A valid rule as {@link #generate} writes it. */
    private static final Gen<String> GENERATED = Gens.fromRandom(RuleParserPropertiesTest::generate);

    @Test
    void anyStringParsesOrFailsCleanly() {
        qt().withExamples(2000).forAll(ANY_TEXT).checkAssert(RuleParserPropertiesTest::parsesOrFailsCleanly);
    }

    @Test
    void ruleAlphabetStringsParseOrFailCleanly() {
        qt().withExamples(3000).forAll(RULE_ALPHABET).checkAssert(RuleParserPropertiesTest::parsesOrFailsCleanly);
    }

    @Test
    void mutatedValidRulesParseOrFailCleanly() {
        qt().withExamples(3000).forAll(MUTATED).checkAssert(RuleParserPropertiesTest::parsesOrFailsCleanly);
    }

    @Test
    void generatedRulesRoundTrip() {
        qt().withExamples(1000).forAll(GENERATED).checkAssert(text -> {
            LearningRule rule = RuleParser.parse(text);
            String canonical = rule.toString();
            LearningRule again = RuleParser.parse(canonical);
            assertThat(again).isEqualTo(rule);
            assertThat(again.toString()).isEqualTo(canonical);
        });
    }

    private static String mutate(Random r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? VALID.get(r.nextInt(VALID.size())) : generate(r));
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = b.isEmpty() ? 0 : r.nextInt(b.length());
            char c = r.nextInt(10) == 0 ? (char) r.nextInt(0x3000) : ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            switch (r.nextInt(5)) {
                case 0 -> { if (!b.isEmpty()) b.deleteCharAt(at); }
                case 1 -> b.insert(at, c);
                case 2 -> { if (!b.isEmpty()) b.setCharAt(at, c); }
                case 3 -> { if (!b.isEmpty()) b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + r.nextInt(5)))); }
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    /** A valid rule: products with one dependency, random factors and constants in random places. */
    static String generate(Random r) {
        int k = r.nextInt(10);
        int products = 1 + r.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < products; i++) {
            if (i > 0 || r.nextInt(3) == 0) b.append(r.nextBoolean() ? " - " : " + ");
            List<String> items = new ArrayList<>();
            int kind = r.nextInt(3);
            items.add(kind == 0 ? "x0" : kind == 1 ? "y0" : "u" + k);
            int nf = r.nextInt(4);
            for (int j = 0; j < nf; j++) items.add(randomFactor(r));
            // scaling |m| * 2^e with |m| <= 7 and e in -7..8, written in pieces at random places
            int m = r.nextInt(8);
            int e = r.nextInt(16) - 7;
            if (m != 1 || r.nextInt(4) == 0) items.add(r.nextInt(items.size() + 1), r.nextBoolean() ? "" + m : "(" + m + ")");
            if (e != 0 || r.nextInt(4) == 0) {
                items.add(r.nextInt(items.size() + 1), r.nextBoolean() ? "2^" + e : "(2^" + e + ")");
            }
            b.append(String.join(r.nextBoolean() ? "*" : " * ", items));
        }
        return b.toString();
    }

    private static String randomFactor(Random r) {
        String[] vars = {"x0", "y0", "x1", "x2", "y1", "y2", "y3", "r0", "r1", "w", "d", "t"};
        String v = vars[r.nextInt(vars.length)];
        int c = r.nextInt(5) == 0 ? r.nextInt(511) - 256 : 0;
        String withC = c == 0 ? v : v + (c < 0 ? " - " + (-c) : " + " + c);
        if ((v.equals("w") || v.equals("d") || v.equals("t")) && r.nextInt(3) == 0) return "sgn(" + withC + ")";
        return c == 0 && r.nextBoolean() ? v : "(" + withC + ")";
    }
}
