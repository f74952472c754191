package org.synfire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;

/** The type of a run option in a sweep file: how a YAML value is read and checked. */
public enum OptionType {
    /** A whole number that fits an int. */
    INT,
    /** A whole number. */
    LONG,
    /** A number. */
    NUMBER,
    /** true or false. */
    BOOL,
    /** A string (numbers are taken as their text). */
    STRING,
    /** Layer widths: "400,400,10" or [400, 400, 10]; kept as the text "400,400,10". */
    WIDTHS,
    /** A file path, relative to the sweep file's folder. */
    FILE,
    /** Two file paths: "W1.npy,W2.npy" or [W1.npy, W2.npy]. */
    FILE_PAIR;

    /** Whether {from, to, step} ranges make sense for this type. */
    boolean numeric() {
        return this == INT || this == LONG || this == NUMBER;
    }

    /** The Java value of a YAML node: Integer, Long, Double, Boolean, String or List of String. */
    Object read(JsonNode v, String where) {
        switch (this) {
            case INT, LONG -> {
                if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
                    throw new UserError(where + ": expected a whole number, got " + shown(v));
                }
                long n = v.asLong();
                if (this == INT) {
                    if (!v.canConvertToInt()) throw new UserError(where + ": " + shown(v) + " is too large");
                    return (int) n;
                }
                if (!v.canConvertToLong()) throw new UserError(where + ": " + shown(v) + " is too large");
                return n;
            }
            case NUMBER -> {
                if (!v.isNumber()) throw new UserError(where + ": expected a number, got " + shown(v));
                return v.asDouble();
            }
            case BOOL -> {
                if (!v.isBoolean()) throw new UserError(where + ": expected true or false, got " + shown(v));
                return v.asBoolean();
            }
            case STRING, FILE -> {
                if (!v.isValueNode() || v.isNull()) throw new UserError(where + ": expected a single value, got " + shown(v));
                String s = v.asText().strip();
                if (s.isEmpty()) throw new UserError(where + ": empty value");
                return s;
            }
            case WIDTHS -> {
                List<String> parts = parts(v, where, "a list of widths such as [400, 400, 10] or \"400,400,10\"");
                for (String p : parts) {
                    try {
                        if (Integer.parseInt(p) < 1) throw new UserError(where + ": width " + p + " must be at least 1");
                    } catch (NumberFormatException e) {
                        throw new UserError(where + ": '" + p + "' is not a whole number");
                    }
                }
                return String.join(",", parts);
            }
            case FILE_PAIR -> {
                List<String> parts = parts(v, where, "two files, [W1.npy, W2.npy] or \"W1.npy,W2.npy\"");
                if (parts.size() != 2) throw new UserError(where + ": expected two files (W1 and W2), got " + parts.size());
                return parts;
            }
            default -> throw new IllegalStateException(name());
        }
    }

    private static List<String> parts(JsonNode v, String where, String expected) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) throw new UserError(where + ": expected " + expected + ", got " + shown(v));
                out.add(e.asText().strip());
            }
        } else if (v.isValueNode() && !v.isNull()) {
            for (String p : v.asText().split(",", -1)) out.add(p.strip());
        } else {
            throw new UserError(where + ": expected " + expected + ", got " + shown(v));
        }
        for (String p : out) if (p.isEmpty()) throw new UserError(where + ": empty entry in " + shown(v));
        return out;
    }

    /** from, from + step, ... up to and including {@code to}, computed in decimal so 0.1 steps stay exact. */
    List<Object> range(JsonNode node, String where) {
        for (String k : List.of("from", "to")) {
            if (!node.has(k)) throw new UserError(where + ": a range needs 'from' and 'to' (and optionally 'step', default 1)");
        }
        java.util.Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!List.of("from", "to", "step").contains(k)) throw new UserError(where + "." + k + ": unknown range key (use from, to, step)");
        }
        BigDecimal from = decimal(node.get("from"), where + ".from");
        BigDecimal to = decimal(node.get("to"), where + ".to");
        BigDecimal step = node.has("step") ? decimal(node.get("step"), where + ".step") : BigDecimal.ONE;
        if (step.signum() == 0) throw new UserError(where + ".step: must not be 0");
        List<Object> out = new ArrayList<>();
        for (BigDecimal x = from; step.signum() > 0 ? x.compareTo(to) <= 0 : x.compareTo(to) >= 0; x = x.add(step)) {
            if (out.size() >= 100_000) throw new UserError(where + ": more than 100000 values; check from, to and step");
            out.add(switch (this) {
                case INT -> {
                    try {
                        yield x.intValueExact();
                    } catch (ArithmeticException e) {
                        throw new UserError(where + ": " + x.toPlainString() + " is not a whole number (use a whole step)");
                    }
                }
                case LONG -> {
                    try {
                        yield x.longValueExact();
                    } catch (ArithmeticException e) {
                        throw new UserError(where + ": " + x.toPlainString() + " is not a whole number (use a whole step)");
                    }
                }
                default -> x.doubleValue();
            });
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode v, String where) {
        if (!v.isNumber()) throw new UserError(where + ": expected a number, got " + shown(v));
        return new BigDecimal(v.asText());
    }

    static String shown(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "nothing (null)";
        if (v.isTextual()) return "'" + v.asText() + "'";
        return v.toString();
    }
}
