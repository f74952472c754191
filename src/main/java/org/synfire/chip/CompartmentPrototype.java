package org.synfire.chip;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * NxSDK-level parameters of a CUBA LIF compartment (docs/chip.md#compartment-parameters). Each component's range,
 * default, unit and meaning is declared once, in {@link CompartmentField} (in the same order); the checks here
 * use those declarations.
 */
public record CompartmentPrototype(
        int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
        Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop,
        int numDendriticAccumulators, StackOut stackOut, StackIn stackIn, Join join, ThresholdMode thresholdMode) {

    /** NxSDK's {@code stackOut}: NONE, or PUSH the compartment's output (its v) for the next compartment. */
    public enum StackOut { NONE, PUSH }

    /** NxSDK's {@code stackIn}: NONE, or POP_A, which pops the value the previous compartment pushed as operand A. */
    public enum StackIn { NONE, POP_A }

    /** NxSDK's {@code compartmentJoinOperation}: SKIP (no join), or ADD operand A to the input current. */
    public enum Join { SKIP, ADD }

    /**
     * NxSDK's {@code thresholdBehavior}: SPIKE_AND_RESET (the default: v &gt; threshold spikes, v = 0,
     * refractory), or NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT (never spikes, never resets; its v is what it
     * passes to its parent through the stack).
     */
    public enum ThresholdMode { SPIKE_AND_RESET, NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT }

    /** A single-compartment prototype (no stack, no join, spike and reset). */
    public CompartmentPrototype(int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
                                Integer vMinExp, Integer vMaxExp, boolean enableLearning, boolean enableSpikeBackprop,
                                int numDendriticAccumulators) {
        this(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning, enableSpikeBackprop,
                numDendriticAccumulators, StackOut.NONE, StackIn.NONE, Join.SKIP, ThresholdMode.SPIKE_AND_RESET);
    }

    public static final int DEFAULT_ACCUMULATORS = (Integer) CompartmentField.NUM_DENDRITIC_ACCUMULATORS.defaultValue();

    public CompartmentPrototype {
        CompartmentField.DECAY_U.check(decayU);
        CompartmentField.DECAY_V.check(decayV);
        CompartmentField.V_TH_MANT.check(vThMant);
        CompartmentField.BIAS_MANT.check(biasMant);
        CompartmentField.BIAS_EXP.check(biasExp);
        CompartmentField.REFRACTORY_DELAY.check(refractoryDelay);
        CompartmentField.V_MIN_EXP.check(vMinExp);
        CompartmentField.V_MAX_EXP.check(vMaxExp);
        CompartmentField.NUM_DENDRITIC_ACCUMULATORS.check(numDendriticAccumulators);
        CompartmentField.STACK_OUT.checkNonNull(stackOut);
        CompartmentField.STACK_IN.checkNonNull(stackIn);
        CompartmentField.JOIN.checkNonNull(join);
        CompartmentField.THRESHOLD_MODE.checkNonNull(thresholdMode);
        if ((join == Join.ADD) != (stackIn == StackIn.POP_A)) {
            throw new IllegalArgumentException("join " + join + " with stackIn " + stackIn + ": a join needs a popped operand (POP_A), and a popped operand needs a join (ADD)");
        }
    }

    /** Whether this compartment takes part in a multi-compartment neuron (stack, join or a threshold mode other than spike-and-reset). */
    public boolean multiCompartment() {
        return stackOut != StackOut.NONE || stackIn != StackIn.NONE || thresholdMode != ThresholdMode.SPIKE_AND_RESET;
    }

    /** This prototype with the given stack, join and threshold settings. */
    public CompartmentPrototype withCompartmentTree(StackOut out, StackIn in, Join j, ThresholdMode mode) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, enableLearning,
                enableSpikeBackprop, numDendriticAccumulators, out, in, j, mode);
    }

    /** This prototype with {@code n} dendritic accumulators. */
    public CompartmentPrototype withAccumulators(int n) {
        return with(CompartmentField.NUM_DENDRITIC_ACCUMULATORS, n);
    }

    /** A prototype with no learning, default voltage limits and 8 accumulators. */
    public static CompartmentPrototype of(int decayU, int decayV, int vThMant, int biasMant, int biasExp, int refractoryDelay) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, null, null, false, false, DEFAULT_ACCUMULATORS);
    }

    public CompartmentPrototype withLearning(boolean learning) {
        return new CompartmentPrototype(decayU, decayV, vThMant, biasMant, biasExp, refractoryDelay, vMinExp, vMaxExp, learning, learning,
                numDendriticAccumulators, stackOut, stackIn, join, thresholdMode);
    }

    /**
     * A prototype from field values; a field not in {@code given} (or null there) takes its declared default, or the
     * value of the field it {@link CompartmentField#follows() follows}. Throws IllegalArgumentException for a missing
     * required field, a value of the wrong type, or one the checks above reject.
     */
    public static CompartmentPrototype from(Map<CompartmentField, ?> given) {
        CompartmentField[] fields = CompartmentField.values();
        Object[] args = new Object[fields.length];
        for (CompartmentField f : fields) {
            Object v = given.get(f);
            if (v == null && f.follows() != null) v = given.get(f.follows()) != null ? given.get(f.follows()) : f.follows().defaultValue();
            if (v == null) v = f.defaultValue();
            if (v == null && f.required()) throw new IllegalArgumentException(f.javaName() + " is required");
            Class<?> t = f.type().isPrimitive() ? (f.type() == int.class ? Integer.class : Boolean.class) : f.type();
            if (v != null && !t.isInstance(v)) {
                throw new IllegalArgumentException(f.javaName() + " must be " + t.getSimpleName() + ", not " + v.getClass().getSimpleName() + " " + v);
            }
            args[f.ordinal()] = v;
        }
        try {
            return (CompartmentPrototype) CANONICAL.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field's value, in declaration order (boxed; for descriptions and copies, not for hot paths). */
    public Map<CompartmentField, Object> fields() {
        Map<CompartmentField, Object> m = new EnumMap<>(CompartmentField.class);
        for (CompartmentField f : CompartmentField.values()) m.put(f, f.get(this));
        return m;
    }

    /** This prototype with one field changed. */
    public CompartmentPrototype with(CompartmentField field, Object value) {
        Map<CompartmentField, Object> m = fields();
        m.put(field, value);
        return from(m);
    }

    private static final Constructor<?> CANONICAL = canonical();

    private static Constructor<?> canonical() {
        Class<?>[] types = Arrays.stream(CompartmentPrototype.class.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return CompartmentPrototype.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public int bias() {
        return biasMant << biasExp;
    }

    public int threshold() {
        return vThMant << LoihiMath.SCALE_SHIFT;
    }

    public int maxDelay() {
        return numDendriticAccumulators - 2;
    }
}
