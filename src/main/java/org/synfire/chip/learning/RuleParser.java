package org.synfire.chip.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser for NxSDK sum-of-products rules such as {@code y0*x0*r1*4 - y0*x0*2}. Grammar and
 * decisions: {@code docs/learning.md}. Every failure is a {@link RuleSyntaxException}.
 */
public final class RuleParser {
    private static final String FACTOR_START = "a variable, number or '('";
    private static final String VARIABLES = "a variable (x0, x1, x2, y0, y1, y2, y3, r0, r1, u0..u9, w, d, t)";
    private static final String SCALING = "a scaling constant m*2^e with m in -8..7 and e in -7..8";
    private static final int MAX_DIGITS = 9;
    /** Folded mantissas beyond this are reduced early so the exact product stays in a long. */
    private static final long MANTISSA_GUARD = 1L << 31;

    private final String text;
    private final int n;
    private int pos;
    private int ruleK = -1;

    // state of the product being parsed
    private int productStart;
    private long mant;
    private long exp;
    private Dependency dep;
    private List<Factor> factors;

    private RuleParser(String text) {
        this.text = text;
        this.n = text.length();
    }

    /** Parses a dw rule. */
    public static LearningRule parse(String text) {
        return parse(LearningRule.Target.DW, text);
    }

    /** Parses a rule for the given target (dd/dt parse but are rejected by {@link CompiledRule}). */
    public static LearningRule parse(LearningRule.Target target, String text) {
        if (target == null) throw new IllegalArgumentException("target is null");
        if (text == null) throw new RuleSyntaxException("", 0, "a rule", "null");
        return new RuleParser(text).rule(target);
    }

    private LearningRule rule(LearningRule.Target target) {
        List<Product> products = new ArrayList<>();
        skipWs();
        int sign = 1;
        if (at('+') || at('-')) {
            sign = text.charAt(pos) == '-' ? -1 : 1;
            pos++;
        }
        while (true) {
            products.add(product(sign));
            skipWs();
            if (pos >= n) break;
            char c = text.charAt(pos);
            if (c == '+' || c == '-') {
                sign = c == '-' ? -1 : 1;
                pos++;
                continue;
            }
            throw error(pos, "'+', '-', '*' or end of input", foundAt(pos));
        }
        return new LearningRule(target, products);
    }

    private Product product(int sign) {
        skipWs();
        productStart = pos;
        mant = sign;
        exp = 0;
        dep = null;
        factors = new ArrayList<>();
        factor();
        while (true) {
            skipWs();
            if (!at('*')) break;
            pos++;
            factor();
        }
        // A bad separator is the likelier mistake than a missing dependency ("2x0").
        if (pos < n && !at('+') && !at('-')) throw error(pos, "'+', '-', '*' or end of input", foundAt(pos));
        if (dep == null) {
            throw error(productStart, "a dependency (x0, y0 or u0..u9) in the product",
                    quote(text.substring(productStart, pos).strip()));
        }
        long[] s = normalise(mant, exp);
        if (s == null) throw error(productStart, SCALING, scalingText(mant, exp));
        return new Product((int) s[0], (int) s[1], dep, factors);
    }

    private void factor() {
        skipWs();
        if (pos >= n) throw error(pos, FACTOR_START, "end of input");
        char c = text.charAt(pos);
        if (isDigit(c)) {
            constant(1);
        } else if (isLetter(c)) {
            int wordPos = pos;
            String word = word();
            if (word.equals("sgn")) {
                sgnFactor();
            } else {
                variable(word, wordPos, 0, -1);
            }
        } else if (c == '(') {
            pos++;
            parenthesised();
        } else {
            throw error(pos, FACTOR_START, foundAt(pos));
        }
    }

    /** An integer or 2^k at pos, folded into the scaling with the given sign. */
    private void constant(int sign) {
        int numPos = pos;
        long value = number();
        int numEnd = pos;
        skipWs();
        if (at('^')) {
            if (value != 2) {
                throw error(numPos, "2 as the base of a power", quote(text.substring(numPos, numEnd)));
            }
            pos++;
            skipWs();
            int expSign = 1;
            if (at('+') || at('-')) {
                expSign = text.charAt(pos) == '-' ? -1 : 1;
                pos++;
                skipWs();
            }
            if (pos >= n || !isDigit(text.charAt(pos))) {
                throw error(pos, "an integer exponent after '^'", foundAt(pos));
            }
            exp += expSign * number();
            multiply(sign);
        } else {
            multiply(sign * value);
        }
    }

    private void multiply(long value) {
        mant *= value;
        // Dropping factors of two early is what the final normalisation would do anyway.
        while (Math.abs(mant) > MANTISSA_GUARD && (mant & 1) == 0) {
            mant /= 2;
            exp++;
        }
        if (Math.abs(mant) > MANTISSA_GUARD) throw error(productStart, SCALING, scalingText(mant, exp));
    }

    private void parenthesised() {
        skipWs();
        if (pos >= n) throw error(pos, "a variable or number", "end of input");
        char c = text.charAt(pos);
        if (c == '+' || c == '-' || isDigit(c)) {
            int sign = 1;
            if (!isDigit(c)) {
                sign = c == '-' ? -1 : 1;
                pos++;
                skipWs();
                if (pos >= n || !isDigit(text.charAt(pos))) throw error(pos, "a number", foundAt(pos));
            }
            constant(sign);
            expect(')', "')'");
        } else if (isLetter(c)) {
            int wordPos = pos;
            String word = word();
            skipWs();
            int constant = 0;
            int constPos = -1;
            if (at('+') || at('-')) {
                int sign = text.charAt(pos) == '-' ? -1 : 1;
                pos++;
                skipWs();
                constPos = pos;
                constant = additiveConstant(sign);
                expect(')', "')'");
            } else {
                expect(')', "'+', '-' or ')'");
            }
            variable(word, wordPos, constant, constPos);
        } else {
            throw error(pos, "a variable or number", foundAt(pos));
        }
    }

    private void sgnFactor() {
        expect('(', "'(' after sgn");
        skipWs();
        int varPos = pos;
        if (pos >= n || !isLetter(text.charAt(pos))) throw error(pos, "w, d or t inside sgn(...)", foundAt(pos));
        String word = word();
        Variable v = Variable.bySymbol(word);
        if (v == null || !v.isSynaptic()) throw error(varPos, "w, d or t inside sgn(...)", quote(word));
        skipWs();
        int constant = 0;
        if (at('+') || at('-')) {
            int sign = text.charAt(pos) == '-' ? -1 : 1;
            pos++;
            skipWs();
            constant = additiveConstant(sign);
            expect(')', "')'");
        } else {
            expect(')', "'+', '-' or ')'");
        }
        addFactor(new Factor(v, constant, true), varPos);
    }

    /** The integer C of (V + C) at pos, with the sign already read. */
    private int additiveConstant(int sign) {
        int cPos = pos;
        if (pos >= n || !isDigit(text.charAt(pos))) throw error(pos, "an integer constant", foundAt(pos));
        long c = sign * number();
        if (c < Factor.MIN_CONSTANT || c > Factor.MAX_CONSTANT) {
            throw error(cPos, "a constant in " + Factor.MIN_CONSTANT + ".." + Factor.MAX_CONSTANT, Long.toString(c));
        }
        return (int) c;
    }

    /**
     * Handles a variable word. x0/y0 with C = 0 become the dependency if the product has none yet;
     * u_k must be the dependency.
     */
    private void variable(String word, int wordPos, int constant, int constPos) {
        if (word.length() == 2 && word.charAt(0) == 'u' && isDigit(word.charAt(1))) {
            int k = word.charAt(1) - '0';
            if (constant != 0) throw error(constPos, "')' (u_k takes no constant)", Integer.toString(constant));
            if (dep != null) {
                throw error(wordPos, "u_k only as the first dependency of a product (this one depends on " + dep + ")",
                        quote(word));
            }
            if (ruleK >= 0 && ruleK != k) {
                throw error(wordPos, "u" + ruleK + " (all u_k of a rule must use the same k)", quote(word));
            }
            ruleK = k;
            dep = Dependency.u(k);
            return;
        }
        Variable v = Variable.bySymbol(word);
        if (v == null) throw error(wordPos, VARIABLES, quote(word));
        if (dep == null && constant == 0 && (v == Variable.X0 || v == Variable.Y0)) {
            dep = v == Variable.X0 ? Dependency.X0 : Dependency.Y0;
            return;
        }
        addFactor(new Factor(v, constant, false), wordPos);
    }

    private void addFactor(Factor f, int at) {
        if (factors.size() >= Product.MAX_FACTORS) {
            throw error(at, "at most " + Product.MAX_FACTORS + " factors in a product", quote(f.toString())
                    + " as factor " + (factors.size() + 1));
        }
        factors.add(f);
    }

    /** value = m * 2^e as chip scaling {mantissa, exponent}, or null if not representable. */
    static long[] normalise(long m, long e) {
        if (m == 0) return new long[] {0, 0};
        // LAVA's normalisation: halve an even mantissa while it does not fit.
        while (Math.abs(m) > Product.MAX_MANTISSA && (m & 1) == 0) {
            m /= 2;
            e++;
        }
        if (m < Product.MIN_MANTISSA || m > Product.MAX_MANTISSA) return null;
        // Exact rewrites for exponents LAVA would reject although the value is representable.
        while (e < Product.MIN_EXPONENT && (m & 1) == 0) {
            m /= 2;
            e++;
        }
        while (e > Product.MAX_EXPONENT && 2 * m >= Product.MIN_MANTISSA && 2 * m <= Product.MAX_MANTISSA) {
            m *= 2;
            e--;
        }
        if (e < Product.MIN_EXPONENT || e > Product.MAX_EXPONENT) return null;
        return new long[] {m, e};
    }

    private static String scalingText(long m, long e) {
        return e == 0 ? Long.toString(m) : m + "*2^" + e;
    }

    private long number() {
        int start = pos;
        while (pos < n && isDigit(text.charAt(pos))) pos++;
        if (pos - start > MAX_DIGITS) {
            throw error(start, "a number with at most " + MAX_DIGITS + " digits", quote(text.substring(start, pos)));
        }
        long v = 0;
        for (int i = start; i < pos; i++) v = v * 10 + (text.charAt(i) - '0');
        return v;
    }

    private String word() {
        int start = pos;
        while (pos < n && isWordChar(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private void expect(char c, String expected) {
        skipWs();
        if (!at(c)) throw error(pos, expected, foundAt(pos));
        pos++;
    }

    private boolean at(char c) {
        return pos < n && text.charAt(pos) == c;
    }

    private void skipWs() {
        while (pos < n && isSpace(text.charAt(pos))) pos++;
    }

    private String foundAt(int p) {
        if (p >= n) return "end of input";
        char c = text.charAt(p);
        if (isWordChar(c)) {
            int end = p;
            while (end < n && isWordChar(text.charAt(end))) end++;
            return quote(text.substring(p, end));
        }
        return quote(String.valueOf(c));
    }

    private RuleSyntaxException error(int at, String expected, String found) {
        return new RuleSyntaxException(text, at, expected, found);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        int limit = Math.min(s.length(), 40);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > limit) b.append("...");
        return b.append('\'').toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
