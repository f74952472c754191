package org.synfire.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.synfire.chip.CompartmentField;

/**
 * The network format's neuron type: one key per {@link CompartmentField} (the field's name in lower case, e.g.
 * {@code decay_u}), with the field's range, default, unit and meaning, plus the input {@link Form}s that are not
 * chip fields (the threshold and the bias in weight units, the bias in membrane units). The loader's keys and
 * messages, the builder's defaults, config.json and the neuron_types table of docs/network-format.md derive from
 * this and from CompartmentField; nothing else lists the fields.
 */
public final class NeuronModel {
    private NeuronModel() {}

    /**
     * A way to give fields other than their own keys: {@code key} sets {@code fields}. Its one-of rules and conversions
     * are the loader's and the builder's (they differ per form); {@code dflt} and {@code meaning} are for the docs.
     */
    public record Form(String key, List<CompartmentField> fields, String values, String unit, String dflt, String meaning) {}

    public static final Form THRESHOLD = new Form("threshold", List.of(CompartmentField.V_TH_MANT),
            "integer " + CompartmentField.V_TH_MANT.range(), "wu",
            "required (or `v_th_mant`)", "spike when v > threshold·64; both scale by 2^6, so it is the same number as `v_th_mant`");
    public static final Form BIAS = new Form("bias", List.of(CompartmentField.BIAS_MANT, CompartmentField.BIAS_EXP), "integer", "wu", "0",
            "added to v every step, see [bias](#bias); stored exactly as `bias_mant`·2^`bias_exp` = bias·64 with the smallest `bias_exp`");
    public static final Form BIAS_MEMBRANE = new Form("bias_membrane", List.of(CompartmentField.BIAS_MANT, CompartmentField.BIAS_EXP), "integer",
            "membrane units", "0", "the bias in membrane units, for values that are no multiple of 64: 100 → 100·2^0, 5000 → 2500·2^1");
    public static final List<Form> FORMS = List.of(THRESHOLD, BIAS, BIAS_MEMBRANE);

    /** The file key of a field: {@code decay_u} for DECAY_U. */
    public static String key(CompartmentField f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    /** Whether a form, rather than the generic reading of {@link #key}, reads this field. */
    static boolean hasForm(CompartmentField f) {
        for (Form form : FORMS) if (form.fields().contains(f)) return true;
        return false;
    }

    /**
     * Every key of a neuron type in the docs' order (also the list "did you mean" draws from): each form, then the
     * fields it sets, then the remaining fields in declaration order.
     */
    public static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Form form : FORMS) {
            if (!out.contains(form.key())) out.add(form.key());
            // forms that set the same fields stay together before those fields
            boolean last = FORMS.indexOf(form) == FORMS.size() - 1 || !FORMS.get(FORMS.indexOf(form) + 1).fields().equals(form.fields());
            if (last) for (CompartmentField f : form.fields()) out.add(key(f));
        }
        for (CompartmentField f : CompartmentField.values()) if (!out.contains(key(f))) out.add(key(f));
        return List.copyOf(out);
    }

    /** The neuron_types table of docs/network-format.md, one row per key of {@link #KEYS}. */
    public static String table() {
        StringBuilder b = new StringBuilder("| key | values | unit | default | meaning |\n|---|---|---|---|---|\n");
        for (String k : KEYS) {
            Form form = FORMS.stream().filter(x -> x.key().equals(k)).findFirst().orElse(null);
            if (form != null) {
                row(b, k, form.values(), form.unit(), form.dflt(), form.meaning());
                continue;
            }
            CompartmentField f = CompartmentField.valueOf(k.toUpperCase(Locale.ROOT));
            row(b, k, values(f), f.unit(), dflt(f), f.meaning());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String values, String unit, String dflt, String meaning) {
        b.append("| `").append(key).append("` | ").append(values).append(" | ").append(unit.isEmpty() ? "–" : unit).append(" | ")
                .append(dflt).append(" | ").append(meaning).append(" |\n");
    }

    private static String values(CompartmentField f) {
        CompartmentField.Domain d = f.domain();
        if (f.type() == boolean.class) return "`true`, `false`";
        if (f.type().isEnum()) return String.join(", ", Arrays.stream(f.type().getEnumConstants()).map(e -> "`" + choiceName((Enum<?>) e) + "`").toList());
        return d.powerOfTwo() ? "power of two " + d.min() + ".." + d.max() : "integer " + f.range();
    }

    private static String dflt(CompartmentField f) {
        if (f.follows() != null) return "= `" + key(f.follows()) + "`";
        if (f.required()) {
            List<String> forms = FORMS.stream().filter(x -> x.fields().contains(f)).map(x -> "`" + x.key() + "`").toList();
            return forms.isEmpty() ? "required" : "required (or " + String.join(", ", forms) + ")";
        }
        Object v = f.defaultValue();
        if (v == null) return "unset";
        return v instanceof Enum<?> e ? "`" + choiceName(e) + "`" : String.valueOf(v);
    }

    /** How the file writes an enum value: NxSDK's name in lower case ({@code pop_a}). */
    static String choiceName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A field's value as config.json writes it: enums by their file name, everything else as is. */
    static Object written(Object v) {
        return v instanceof Enum<?> e ? choiceName(e) : v;
    }
}
