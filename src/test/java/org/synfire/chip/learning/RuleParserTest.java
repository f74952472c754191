package org.synfire.chip.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.chip.learning.Variable.R1;
import static org.synfire.chip.learning.Variable.W;
import static org.synfire.chip.learning.Variable.X0;
import static org.synfire.chip.learning.Variable.X1;
import static org.synfire.chip.learning.Variable.Y0;
import static org.synfire.chip.learning.Variable.Y1;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    private static Product p(int m, int e, Dependency dep, Factor... factors) {
        return new Product(m, e, dep, List.of(factors));
    }

    private static Factor f(Variable v) {
        return Factor.of(v);
    }

    private static List<Product> products(String rule) {
        return RuleParser.parse(rule).products();
    }

    @Test
    void rennerRule() {
        // y0 is the first dependency of both products; x0 after it is a plain 1-bit factor.
        // "- y0*x0*2": sign -1 times 2 = -2, exponent 0.
        assertThat(products("y0*x0*r1*4 - y0*x0*2")).containsExactly(
                p(4, 0, Dependency.Y0, f(X0), f(R1)),
                p(-2, 0, Dependency.Y0, f(X0)));
    }

    @Test
    void stdpRule() {
        // 2^-2 = 1*2^-2; the first product's dependency is y0, the second's x0.
        assertThat(products("2^-2*x1*y0 - 2^-2*y1*x0")).containsExactly(
                p(1, -2, Dependency.Y0, f(X1)),
                p(-1, -2, Dependency.X0, f(Y1)));
    }

    @Test
    void rewardRules() {
        assertThat(products("u0*r1")).containsExactly(p(1, 0, Dependency.u(0), f(R1)));
        // leading '-' times the constant 1 = -1; u0 comes after r1 but is the only dependency
        assertThat(products("-1*r1*u0")).containsExactly(p(-1, 0, Dependency.u(0), f(R1)));
    }

    @Test
    void mixedDependencies() {
        // 2^-1 with the '-' separator: -1*2^-1; u0 is the dependency and there are no factors
        assertThat(products("x1*y0-2^-1*u0")).containsExactly(
                p(1, 0, Dependency.Y0, f(X1)),
                p(-1, -1, Dependency.u(0)));
    }

    @Test
    void fourProducts() {
        // 4*2^-7: mantissa 4 (|4| <= 7, kept as written, like LAVA), exponent -7
        assertThat(products("4*2^-7*x1*y0 - 4*2^-7*y1*x0 + 4*x0 - 4*y0")).containsExactly(
                p(4, -7, Dependency.Y0, f(X1)),
                p(-4, -7, Dependency.X0, f(Y1)),
                p(4, 0, Dependency.X0),
                p(-4, 0, Dependency.Y0));
    }

    @Test
    void parenthesisedPowerOfTwo() {
        // (2^-7) folds into the scaling: 1*2^-7
        assertThat(products("u1*x1*y1*(2^-7)")).containsExactly(p(1, -7, Dependency.u(1), f(X1), f(Y1)));
    }

    @Test
    void whitespaceAnywhereBetweenTokens() {
        assertThat(RuleParser.parse("  y0 * x0 *\tr1*4-\ny0 *x0* 2 ")).isEqualTo(RuleParser.parse("y0*x0*r1*4 - y0*x0*2"));
        assertThat(RuleParser.parse("2 ^ - 2 * x1 * y0")).isEqualTo(RuleParser.parse("2^-2*x1*y0"));
    }

    @Test
    void factorForms() {
        // (x1 - 3): C = -3; sgn(w + 2): sgn of w + 2; (x0) after the dependency: plain factor;
        // (2^-1): scaling 1*2^-1
        assertThat(products("y0*(x1 - 3)*sgn(w + 2)*(x0)*(2^-1)")).containsExactly(
                p(1, -1, Dependency.Y0, new Factor(X1, -3, false), new Factor(W, 2, true), f(X0)));
        // x0 with a constant is never the dependency: (x0 - 1) is zero when x0 = 1
        assertThat(products("(x0 - 1)*y0")).containsExactly(p(1, 0, Dependency.Y0, new Factor(X0, -1, false)));
        // a signed constant in parentheses: -1 * (-2) = 2
        assertThat(products("-x0*(-2)")).containsExactly(p(2, 0, Dependency.X0));
    }

    @ParameterizedTest(name = "{0} -> {1}*2^{2}")
    @CsvSource({
        // 16 -> 8*2^1 -> 4*2^2 (halve while |m| > 7 and even)
        "16*x0, 4, 2",
        // -8 -> -4*2^1
        "-8*x0, -4, 1",
        // 12 -> 6*2^1
        "12*x0, 6, 1",
        // 2^9 = 1*2^9: exponent too big, but 2*2^8 is exact
        "2^9*x0, 2, 8",
        // -(2^10) = -1*2^10 -> -2*2^9 -> -4*2^8
        "-2^10*x0, -4, 8",
        // 3*2^9 -> 6*2^8
        "3*2^9*x0, 6, 8",
        // 2*2^-8 -> 1*2^-7
        "2*2^-8*x0, 1, -7",
        // 0 is 0*2^0
        "0*x0, 0, 0",
        // 4*4*2^-5 = 16*2^-5 -> 8*2^-4 -> 4*2^-3
        "4*4*2^-5*x0, 4, -3",
        // 2^3*2^-3 = 1*2^0
        "2^3*x0*2^-3, 1, 0",
    })
    void scalingNormalisation(String rule, int mantissa, int exponent) {
        Product p = products(rule).get(0);
        assertThat(p.mantissa()).isEqualTo(mantissa);
        assertThat(p.exponent()).isEqualTo(exponent);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "y0**x0 | 3 | at 3: expected a variable, number or '(' but found '*'",
        "2^ | 2 | at 2: expected an integer exponent after '^' but found end of input",
        "x0*(y1+ | 7 | at 7: expected an integer constant but found end of input",
        "q0*x0 | 0 | at 0: expected a variable (x0, x1, x2, y0, y1, y2, y3, r0, r1, u0..u9, w, d, t) but found 'q0'",
        "x1*2 | 0 | at 0: expected a dependency (x0, y0 or u0..u9) in the product but found 'x1*2'",
        // 9 is odd and larger than 7: no exact m*2^e with m in -8..7
        "9*x0 | 0 | at 0: expected a scaling constant m*2^e with m in -8..7 and e in -7..8 but found 9",
        // the product starts after '- ' at 8; -1*2^-8 has an odd mantissa and exponent < -7
        "x0*y0 - 2^-8*y0 | 8 | at 8: expected a scaling constant m*2^e with m in -8..7 and e in -7..8 but found -1*2^-8",
        "4^2*x0 | 0 | at 0: expected 2 as the base of a power but found '4'",
        "x0*y1) | 5 | at 5: expected '+', '-', '*' or end of input but found ')'",
        "\"\" | 0 | at 0: expected a variable, number or '(' but found end of input",
        "\"   \" | 3 | at 3: expected a variable, number or '(' but found end of input",
        "x0 - - y0 | 5 | at 5: expected a variable, number or '(' but found '-'",
        "u0*u1 | 3 | at 3: expected u_k only as the first dependency of a product (this one depends on u0) but found 'u1'",
        "x0*u0 | 3 | at 3: expected u_k only as the first dependency of a product (this one depends on x0) but found 'u0'",
        "u0*r1 + u1*x1 | 8 | at 8: expected u0 (all u_k of a rule must use the same k) but found 'u1'",
        "sgn(x1)*y0 | 4 | at 4: expected w, d or t inside sgn(...) but found 'x1'",
        "x0*sgn w | 7 | at 7: expected '(' after sgn but found 'w'",
        "x0*(y1 + 300) | 9 | at 9: expected a constant in -256..255 but found 300",
        "x0*(y1 * 2) | 7 | at 7: expected '+', '-' or ')' but found '*'",
        "x0*(u1 + 1) | 9 | at 9: expected ')' (u_k takes no constant) but found 1",
        "x0*1234567890 | 3 | at 3: expected a number with at most 9 digits but found '1234567890'",
        "x0*X1 | 3 | at 3: expected a variable (x0, x1, x2, y0, y1, y2, y3, r0, r1, u0..u9, w, d, t) but found 'X1'",
        "2x0 | 1 | at 1: expected '+', '-', '*' or end of input but found 'x0'",
        // factors after the dependency x0: x1 at 3, 6, 9, 12, 15, 18 and the 7th at 21
        "x0*x1*x1*x1*x1*x1*x1*x1 | 21 | at 21: expected at most 6 factors in a product but found 'x1' as factor 7",
    })
    void errors(String rule, int position, String message) {
        assertThatThrownBy(() -> RuleParser.parse(rule))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.text()).isEqualTo(rule);
                })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorPartsAndCaretLine() {
        RuleSyntaxException e = catchSyntax("y0**x0");
        assertThat(e.expected()).isEqualTo("a variable, number or '('");
        assertThat(e.found()).isEqualTo("'*'");
        assertThat(e.caretLine()).isEqualTo("y0**x0\n   ^");

        // the caret can sit one past the end; tabs become spaces so it stays aligned
        assertThat(catchSyntax("x0*\t(y1+").caretLine()).isEqualTo("x0* (y1+\n        ^");
    }

    @Test
    void controlCharactersAreEscapedInMessages() {
        RuleSyntaxException e = catchSyntax("x0*\u0001");
        assertThat(e.getMessage()).isEqualTo("at 3: expected a variable, number or '(' but found '\\u0001'");
    }

    @Test
    void nullText() {
        assertThatThrownBy(() -> RuleParser.parse(null)).isInstanceOf(RuleSyntaxException.class);
    }

    @Test
    void toStringIsCanonicalRuleText() {
        assertThat(RuleParser.parse("y0*x0*r1*4 - y0*x0*2")).hasToString("4*y0*x0*r1 - 2*y0*x0");
        assertThat(RuleParser.parse("2^-2*x1*y0 - 2^-2*y1*x0")).hasToString("2^-2*y0*x1 - 2^-2*x0*y1");
        assertThat(RuleParser.parse("-1*r1*u0")).hasToString("-u0*r1");
        assertThat(RuleParser.parse("u1*x1*y1*(2^-7)")).hasToString("2^-7*u1*x1*y1");
        assertThat(RuleParser.parse("4*2^-7*x1*y0 - 4*x0")).hasToString("4*2^-7*y0*x1 - 4*x0");
        assertThat(RuleParser.parse("y0*(x1 - 3)*sgn(w + 2)*sgn(t)*(d+1)")).hasToString("y0*(x1 - 3)*sgn(w + 2)*sgn(t)*(d + 1)");
    }

    @Test
    void targets() {
        LearningRule dd = RuleParser.parse(LearningRule.Target.DD, "x0*2");
        assertThat(dd.target()).isEqualTo(LearningRule.Target.DD);
        assertThat(RuleParser.parse("x0").target()).isEqualTo(LearningRule.Target.DW);
        assertThatThrownBy(dd::requireSupported).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dd rules are not supported yet");
        assertThatThrownBy(() -> CompiledRule.compile(RuleParser.parse(LearningRule.Target.DT, "y0"), WeightFormat.MIXED_8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dt rules are not supported yet");
    }

    private static RuleSyntaxException catchSyntax(String rule) {
        try {
            RuleParser.parse(rule);
        } catch (RuleSyntaxException e) {
            return e;
        }
        throw new AssertionError("parsed: " + rule);
    }
}
