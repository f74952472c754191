package org.synfire.chip;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;

/**
 * The fields of a compartment (a {@link CompartmentPrototype}), each declared once: its values, default, unit and
 * meaning. The prototype's range checks, the network format's keys (net.NeuronModel), the Java builder, config.json
 * and the field tables of docs/chip.md and docs/network-format.md all derive from these declarations.
 *
 * <p>The constants are the record's components in order: {@code DECAY_U} is the component {@code decayU} (its
 * {@link #javaName()}), and the file key {@code decay_u} is the constant's name in lower case. Loading this class
 * checks that they agree, so neither can drift.
 */
public enum CompartmentField {
    DECAY_U(integer(0, 4096), 4096, "1/4096 per step", "current decay (rounding toward zero); 4096 forgets everything each step"),
    DECAY_V(integer(0, 4096), 4096, "1/4096 per step", "voltage decay (rounding toward zero); 4096 forgets everything each step"),
    V_TH_MANT(integer(0, (1 << 17) - 1), null, "wu", "threshold mantissa (17 bits): the compartment spikes iff v > this · 64"),
    BIAS_MANT(integer(-4096, 4095), 0, "membrane units",
            "bias mantissa: mantissa · 2^exponent is added in full every step (into u2, not filtered by the current decay)"),
    BIAS_EXP(integer(0, 7), 0, "exponent", "bias exponent (base 2)"),
    REFRACTORY_DELAY(integer(1, 63), 1, "steps", "a spike at t blocks steps t+1 … t+R−1 for delay R (v held at 0, u keeps integrating); 1 = no refractory period"),
    V_MIN_EXP(optional(0, 23), null, "exponent", "voltage floor −2^e + 1; unset: −(2^23 − 1)"),
    V_MAX_EXP(optional(0, 7), null, "exponent", "voltage ceiling 2^(9+2e) − 1; unset: 2^23 − 1"),
    ENABLE_LEARNING(bool(), false, "", "the compartment takes part in learning (its traces are kept)"),
    ENABLE_SPIKE_BACKPROP(bool(), ENABLE_LEARNING, "", "its spikes reach its incoming plastic synapses as y0"),
    NUM_DENDRITIC_ACCUMULATORS(powerOfTwo(2, 64), 8, "delay slots", "the largest synaptic delay onto the compartment is this − 2"),
    STACK_OUT(choice(StackOut.class), StackOut.NONE, "", "whether, after its update, the compartment pushes its v onto the compartment stack"),
    STACK_IN(choice(StackIn.class), StackIn.NONE, "", "whether, before its update, the compartment pops the value pushed just before it (operand A)"),
    JOIN(choice(Join.class), Join.SKIP, "", "whether operand A joins the input current that enters v; a join needs a popped operand, and a popped operand a join"),
    THRESHOLD_MODE(choice(ThresholdMode.class), ThresholdMode.SPIKE_AND_RESET, "",
            "spike and reset when v crosses the threshold, or never spike nor reset and only pass v on to the parent");

    /** What a field holds: its Java type and, for integers, the range (a power of two within it, if so marked). */
    public record Domain(Class<?> type, int min, int max, boolean powerOfTwo) {
        boolean isInt() {
            return type == int.class || type == Integer.class;
        }
    }

    private static Domain integer(int min, int max) {
        return new Domain(int.class, min, max, false);
    }

    /** An integer that may be unset (null), which means the chip's default. */
    private static Domain optional(int min, int max) {
        return new Domain(Integer.class, min, max, false);
    }

    private static Domain powerOfTwo(int min, int max) {
        return new Domain(int.class, min, max, true);
    }

    private static Domain bool() {
        return new Domain(boolean.class, 0, 0, false);
    }

    private static Domain choice(Class<? extends Enum<?>> type) {
        return new Domain(type, 0, 0, false);
    }

    private final Domain domain;
    /** A value, null (required, or unset for an optional integer), or another field whose value this one follows. */
    private final Object dflt;
    private final String unit, meaning;
    private RecordComponent component;

    CompartmentField(Domain domain, Object dflt, String unit, String meaning) {
        this.domain = domain;
        this.dflt = dflt;
        this.unit = unit;
        this.meaning = meaning;
    }

    static {
        RecordComponent[] rc = CompartmentPrototype.class.getRecordComponents();
        CompartmentField[] all = values();
        if (rc.length != all.length) throw new IllegalStateException("CompartmentField declares " + all.length + " fields, CompartmentPrototype has " + rc.length);
        for (CompartmentField f : all) {
            RecordComponent c = rc[f.ordinal()];
            if (!c.getName().equals(f.javaName()) || c.getType() != f.domain.type()) {
                throw new IllegalStateException(f + " does not match component " + c.getType().getSimpleName() + " " + c.getName() + " of CompartmentPrototype");
            }
            f.component = c;
        }
    }

    /** The record component's name, e.g. {@code vThMant} for V_TH_MANT. */
    public String javaName() {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    public Domain domain() {
        return domain;
    }

    public Class<?> type() {
        return domain.type();
    }

    /** True for a field every compartment must give (it has no default). */
    public boolean required() {
        return dflt == null && domain.type() == int.class;
    }

    /** The field whose value this one takes when not given (enable_spike_backprop follows enable_learning), else null. */
    public CompartmentField follows() {
        return dflt instanceof CompartmentField f ? f : null;
    }

    /** The default value; null when {@link #required()}, unset (optional) or {@link #follows()} another field. */
    public Object defaultValue() {
        return dflt instanceof CompartmentField ? null : dflt;
    }

    /** Unit of the value ("" for flags and choices). */
    public String unit() {
        return unit;
    }

    /** One line: what the field does. */
    public String meaning() {
        return meaning;
    }

    /** "0..4096" or "a power of two in 2..64"; null for flags and choices. */
    public String range() {
        if (!domain.isInt()) return null;
        return domain.powerOfTwo() ? "a power of two in " + domain.min() + ".." + domain.max() : domain.min() + ".." + domain.max();
    }

    /** Whether the chip holds {@code v} in this integer field. */
    public boolean accepts(int v) {
        return v >= domain.min() && v <= domain.max() && (!domain.powerOfTwo() || Integer.bitCount(v) == 1);
    }

    /** The chip's range check of one integer field. */
    void check(int v) {
        if (!accepts(v)) throw new IllegalArgumentException(javaName() + " = " + v + " is outside " + range());
    }

    /** As {@link #check(int)} for an optional field: null (unset) passes. */
    void check(Integer v) {
        if (v != null) check(v.intValue());
    }

    void checkNonNull(Object v) {
        if (v == null) throw new NullPointerException(javaName());
    }

    /** The compartment-parameters table of docs/chip.md, one row per field. */
    public static String table() {
        StringBuilder b = new StringBuilder("| field | values | unit | default | meaning |\n|---|---|---|---|---|\n");
        for (CompartmentField f : values()) {
            String vals = f.domain.isInt() ? f.range() + (f.type() == Integer.class ? " or unset" : "")
                    : f.type() == boolean.class ? "true, false"
                    : String.join(", ", Arrays.stream(f.type().getEnumConstants()).map(e -> "`" + e + "`").toList());
            String dflt = f.follows() != null ? "= `" + f.follows().javaName() + "`" : f.required() ? "required" : f.dflt == null ? "unset"
                    : f.dflt instanceof Enum<?> ? "`" + f.dflt + "`" : String.valueOf(f.dflt);
            b.append("| `").append(f.javaName()).append("` | ").append(vals).append(" | ").append(f.unit.isEmpty() ? "–" : f.unit).append(" | ")
                    .append(dflt).append(" | ").append(f.meaning).append(" |\n");
        }
        return b.toString();
    }

    /** This field of {@code p} (boxed). Not for hot paths: it goes through reflection. */
    public Object get(CompartmentPrototype p) {
        try {
            return component.getAccessor().invoke(p);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
