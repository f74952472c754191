package org.synfire.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Integer expressions over network parameters: literals, parameter names, {@code + - * //}, unary
 * minus and parentheses. {@code //} is floor division as in Python, so {@code -7 // 2 == -4}.
 * Evaluation is exact: overflow of a 32-bit int is an error, never a silent wrap.
 */
public sealed interface Expr {

    record Literal(long value) implements Expr {}

    record Name(String name, int column) implements Expr {}

    record Negate(Expr operand) implements Expr {}

    record Binary(char op, Expr left, Expr right, int column) implements Expr {}

    /** A syntax or evaluation error; {@code column} is 1-based within the expression text (0 if unknown). */
    final class ExprException extends Exception {
        private static final long serialVersionUID = 1L;
        public final int column;

        public ExprException(String message, int column) {
            super(message);
            this.column = column;
        }
    }

    /** Parses {@code text}; never throws anything but {@link ExprException}. */
    static Expr parse(String text) throws ExprException {
        return new Parser(text).parseAll();
    }

    /** Evaluates with parameter values from {@code lookup} (which returns null for an unknown name). */
    default int evaluate(Function<String, Integer> lookup) throws ExprException {
        long v = eval(this, lookup);
        if (v != (int) v) throw new ExprException("value " + v + " does not fit a 32-bit integer", 0);
        return (int) v;
    }

    default int evaluate(Map<String, Integer> params) throws ExprException {
        return evaluate(params::get);
    }

    /** Parameter names the expression refers to, in order of appearance. */
    default List<String> names() {
        List<String> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expr e, List<String> out) {
        switch (e) {
            case Literal l -> { }
            case Name n -> out.add(n.name());
            case Negate n -> collect(n.operand(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
        }
    }

    private static long eval(Expr e, Function<String, Integer> lookup) throws ExprException {
        try {
            return switch (e) {
                case Literal l -> checkInt(l.value(), 0);
                case Name n -> {
                    Integer v = lookup.apply(n.name());
                    if (v == null) throw new ExprException("unknown parameter '" + n.name() + "'", n.column());
                    yield v;
                }
                case Negate n -> checkInt(Math.negateExact(eval(n.operand(), lookup)), 0);
                case Binary b -> {
                    long l = eval(b.left(), lookup), r = eval(b.right(), lookup);
                    long v = switch (b.op()) {
                        case '+' -> Math.addExact(l, r);
                        case '-' -> Math.subtractExact(l, r);
                        case '*' -> Math.multiplyExact(l, r);
                        default -> {
                            if (r == 0) throw new ExprException("division by zero", b.column());
                            yield Math.floorDiv(l, r);
                        }
                    };
                    yield checkInt(v, b.column());
                }
            };
        } catch (ArithmeticException ex) {
            throw new ExprException("arithmetic overflow", 0);
        }
    }

    private static long checkInt(long v, int column) throws ExprException {
        if (v != (int) v) throw new ExprException("value " + v + " does not fit a 32-bit integer", column);
        return v;
    }

    /** Recursive descent over: expr = term (('+'|'-') term)*; term = unary (('*'|'//') unary)*; unary = '-' unary | atom. */
    final class Parser {
        private static final int MAX_DEPTH = 200;
        private final String s;
        private int i;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        Expr parseAll() throws ExprException {
            skip();
            if (i >= s.length()) throw new ExprException("empty expression", 1);
            Expr e = expr();
            skip();
            if (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/') throw new ExprException("'/' is not allowed; use '//' for integer (floor) division", i + 1);
                if (c == ')') throw new ExprException("unbalanced ')'", i + 1);
                throw new ExprException("unexpected '" + c + "'", i + 1);
            }
            return e;
        }

        private Expr expr() throws ExprException {
            Expr e = term();
            while (true) {
                skip();
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    char op = s.charAt(i);
                    int col = ++i;
                    e = new Binary(op, e, term(), col);
                } else {
                    return e;
                }
            }
        }

        private Expr term() throws ExprException {
            Expr e = unary();
            while (true) {
                skip();
                if (i < s.length() && s.charAt(i) == '*') {
                    int col = ++i;
                    e = new Binary('*', e, unary(), col);
                } else if (i + 1 < s.length() && s.charAt(i) == '/' && s.charAt(i + 1) == '/') {
                    int col = i + 1;
                    i += 2;
                    e = new Binary('/', e, unary(), col);
                } else {
                    return e;
                }
            }
        }

        private Expr unary() throws ExprException {
            skip();
            if (++depth > MAX_DEPTH) throw new ExprException("expression nested too deeply", i + 1);
            try {
                if (i < s.length() && s.charAt(i) == '-') {
                    i++;
                    return new Negate(unary());
                }
                if (i < s.length() && s.charAt(i) == '+') {
                    i++;
                    return unary();
                }
                return atom();
            } finally {
                depth--;
            }
        }

        private Expr atom() throws ExprException {
            skip();
            if (i >= s.length()) throw new ExprException("expression ends early: expected a number, a parameter name or '('", i + 1);
            char c = s.charAt(i);
            int start = i;
            if (c == '(') {
                i++;
                Expr e = expr();
                skip();
                if (i >= s.length() || s.charAt(i) != ')') throw new ExprException("missing ')' for the '(' at character " + (start + 1), i + 1);
                i++;
                return e;
            }
            if (c >= '0' && c <= '9') {
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                if (i < s.length() && isNameChar(s.charAt(i))) throw new ExprException("malformed number '" + s.substring(start, i + 1) + "'", start + 1);
                String digits = s.substring(start, i);
                if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                    throw new ExprException("number " + digits + " does not fit a 32-bit integer", start + 1);
                }
                return new Literal(Long.parseLong(digits));
            }
            if (isNameStart(c)) {
                while (i < s.length() && isNameChar(s.charAt(i))) i++;
                return new Name(s.substring(start, i), start + 1);
            }
            throw new ExprException("expected a number, a parameter name or '(' but found '" + c + "'", i + 1);
        }

        private void skip() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        }

        static boolean isNameStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        static boolean isNameChar(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }
    }
}
