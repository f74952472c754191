package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.synfire.Gens;

class ExprTest {
    private static final Map<String, Integer> P = Map.of("n_in", 400, "n_h", 7, "neg", -7);

    private static int eval(String s) throws Expr.ExprException {
        return Expr.parse(s).evaluate(P);
    }

    @Test
    void precedenceParenthesesAndUnaryMinus() throws Exception {
        assertThat(eval("2 + 3 * 4")).isEqualTo(14);
        assertThat(eval("(2 + 3) * 4")).isEqualTo(20);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3);          // left associative
        assertThat(eval("100 // 10 // 3")).isEqualTo(3);      // (100 // 10) // 3
        assertThat(eval("-3 * -(2 + 1)")).isEqualTo(9);
        assertThat(eval("--5")).isEqualTo(5);
        assertThat(eval("+5")).isEqualTo(5);
        assertThat(eval("n_in * 2 + n_h")).isEqualTo(807);
        assertThat(eval("  1024//2  ")).isEqualTo(512);
    }

    @Test
    void floorDivisionRoundsTowardMinusInfinityLikePython() throws Exception {
        assertThat(eval("7 // 2")).isEqualTo(3);
        assertThat(eval("-7 // 2")).isEqualTo(-4);
        assertThat(eval("neg // 2")).isEqualTo(-4);
        assertThat(eval("7 // -2")).isEqualTo(-4);
        assertThat(eval("-7 // -2")).isEqualTo(3);
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> eval("n_in +")).isInstanceOf(Expr.ExprException.class).hasMessageContaining("ends early");
        assertThatThrownBy(() -> eval("n_in / 2")).hasMessageContaining("use '//'");
        assertThatThrownBy(() -> eval("(1 + 2")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> eval("1 + 2)")).hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> eval("")).hasMessageContaining("empty expression");
        assertThatThrownBy(() -> eval("2x")).hasMessageContaining("malformed number");
        assertThatThrownBy(() -> eval("n_out * 2")).hasMessageContaining("unknown parameter 'n_out'");
        assertThatThrownBy(() -> eval("1 // (n_h - 7)")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> eval("65536 * 65536")).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> eval("99999999999")).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> eval("1 $ 2")).hasMessageContaining("unexpected '$'");
        Expr.ExprException e = org.junit.jupiter.api.Assertions.assertThrows(Expr.ExprException.class, () -> eval("1 + @"));
        assertThat(e.column).isEqualTo(5);
    }

    @Test
    void namesAreListedInOrder() throws Exception {
        assertThat(Expr.parse("a * (b + a) // c").names()).containsExactly("a", "b", "a", "c");
    }

    /** Any text, including garbage: parse and evaluate only ever fail with ExprException. */
    @Test
    void neverCrashesOnArbitraryText() {
        qt().withExamples(3000).forAll(Gens.strings("0123456789+-*/() _n_inhx$", 40)).checkAssert(text -> {
            try {
                Expr.parse(text).evaluate(P);
            } catch (Expr.ExprException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    /** Well-formed random expressions evaluate to the exact (BigInteger) value, or fail cleanly if it leaves int range. */
    @Test
    void agreesWithExactArithmetic() {
        qt().withExamples(2000).forAll(node(4)).checkAssert(tree -> {
            String text = tree.text();
            BigInteger exact = tree.exact();
            try {
                int v = Expr.parse(text).evaluate(P);
                assertThat(BigInteger.valueOf(v)).as(text).isEqualTo(exact);
            } catch (Expr.ExprException e) {
                boolean legit = exact == null || exact.bitLength() > 31 || e.getMessage().contains("32-bit") || e.getMessage().contains("overflow");
                assertThat(legit).as(text + " failed with " + e.getMessage()).isTrue();
            }
        });
    }

    /** An expression and its exact value, or null if undefined (division by zero). */
    record Tree(String text, BigInteger exact) {}

    /** Expressions up to depth levels deep; they shrink toward leaves, small numbers and the first names. */
    private static Gen<Tree> node(int depth) {
        Gen<Tree> leaf = Generate.oneOf(
                Gens.ints(0, 100000).map(i -> new Tree(Integer.toString(i), BigInteger.valueOf(i))),
                Generate.pick(List.of("n_in", "n_h", "neg")).map(n -> new Tree(n, BigInteger.valueOf(P.get(n)))));
        if (depth == 0) return leaf;
        Gen<Tree> sub = node(depth - 1);
        Gen<Tree> bin = sub.zip(Generate.pick(List.of("+", "-", "*", "//")), sub, (l, op, r) -> {
            BigInteger a = l.exact(), b = r.exact();
            BigInteger v = null;
            if (a != null && b != null && a.bitLength() <= 31 && b.bitLength() <= 31) {
                v = switch (op) {
                    case "+" -> a.add(b);
                    case "-" -> a.subtract(b);
                    case "*" -> a.multiply(b);
                    default -> b.signum() == 0 ? null : floorDiv(a, b);
                };
            }
            return new Tree("(" + l.text() + " " + op + " " + r.text() + ")", v);
        });
        Gen<Tree> neg = sub.map(s -> new Tree("-" + s.text(), s.exact() == null ? null : s.exact().negate()));
        return Generate.frequency(Pair.of(2, leaf), Pair.of(3, bin), Pair.of(1, neg));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
}
