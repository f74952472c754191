package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synfire.chip.CompartmentPrototype.Join;
import org.synfire.chip.CompartmentPrototype.StackIn;
import org.synfire.chip.CompartmentPrototype.StackOut;
import org.synfire.chip.CompartmentPrototype.ThresholdMode;

/** The declarations of the compartment fields: they match the record, give its defaults and ranges, and make docs/chip.md's table. */
class CompartmentFieldTest {

    @Test
    void oneDeclarationPerRecordComponentInOrder() {
        assertThat(Arrays.stream(CompartmentField.values()).map(CompartmentField::javaName).toList()).containsExactly(
                "decayU", "decayV", "vThMant", "biasMant", "biasExp", "refractoryDelay", "vMinExp", "vMaxExp", "enableLearning",
                "enableSpikeBackprop", "numDendriticAccumulators", "stackOut", "stackIn", "join", "thresholdMode");
        assertThat(Arrays.stream(CompartmentPrototype.class.getRecordComponents()).map(c -> c.getName()).toList())
                .isEqualTo(Arrays.stream(CompartmentField.values()).map(CompartmentField::javaName).toList());
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        // only the threshold: full decay, no bias, no refractory period, default limits, 8 accumulators, one compartment
        CompartmentPrototype p = CompartmentPrototype.from(Map.of(CompartmentField.V_TH_MANT, 1024));
        assertThat(p).isEqualTo(new CompartmentPrototype(4096, 4096, 1024, 0, 0, 1, null, null, false, false, 8));
        assertThat(p).isEqualTo(CompartmentPrototype.of(4096, 4096, 1024, 0, 0, 1));
        assertThatThrownBy(() -> CompartmentPrototype.from(Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessage("vThMant is required");
    }

    @Test
    void spikeBackpropFollowsLearningUnlessGiven() {
        assertThat(CompartmentPrototype.from(Map.of(CompartmentField.V_TH_MANT, 1, CompartmentField.ENABLE_LEARNING, true)).enableSpikeBackprop()).isTrue();
        assertThat(CompartmentPrototype.from(Map.of(CompartmentField.V_TH_MANT, 1, CompartmentField.ENABLE_LEARNING, true,
                CompartmentField.ENABLE_SPIKE_BACKPROP, false)).enableSpikeBackprop()).isFalse();
        assertThat(CompartmentPrototype.from(Map.of(CompartmentField.V_TH_MANT, 1, CompartmentField.ENABLE_SPIKE_BACKPROP, true)).enableLearning()).isFalse();
    }

    @Test
    void theChipChecksTheDeclaredRanges() {
        assertThatThrownBy(() -> CompartmentPrototype.of(4097, 4096, 1, 0, 0, 1)).hasMessage("decayU = 4097 is outside 0..4096");
        assertThatThrownBy(() -> CompartmentPrototype.of(4096, -1, 1, 0, 0, 1)).hasMessage("decayV = -1 is outside 0..4096");
        assertThatThrownBy(() -> CompartmentPrototype.of(4096, 4096, 131072, 0, 0, 1)).hasMessage("vThMant = 131072 is outside 0..131071");
        assertThatThrownBy(() -> CompartmentPrototype.of(4096, 4096, 1, -4097, 0, 1)).hasMessage("biasMant = -4097 is outside -4096..4095");
        assertThatThrownBy(() -> CompartmentPrototype.of(4096, 4096, 1, 0, 8, 1)).hasMessage("biasExp = 8 is outside 0..7");
        assertThatThrownBy(() -> CompartmentPrototype.of(4096, 4096, 1, 0, 0, 64)).hasMessage("refractoryDelay = 64 is outside 1..63");
        assertThatThrownBy(() -> new CompartmentPrototype(4096, 4096, 1, 0, 0, 1, 24, null, false, false, 8)).hasMessage("vMinExp = 24 is outside 0..23");
        assertThatThrownBy(() -> new CompartmentPrototype(4096, 4096, 1, 0, 0, 1, null, 8, false, false, 8)).hasMessage("vMaxExp = 8 is outside 0..7");
        assertThatThrownBy(() -> new CompartmentPrototype(4096, 4096, 1, 0, 0, 1, null, null, false, false, 12))
                .hasMessage("numDendriticAccumulators = 12 is outside a power of two in 2..64");
        // the edges themselves are held
        assertThat(new CompartmentPrototype(0, 4096, 131071, -4096, 7, 63, 0, 7, false, false, 64).numDendriticAccumulators()).isEqualTo(64);
        assertThat(new CompartmentPrototype(4096, 0, 0, 4095, 0, 1, 23, 0, false, false, 2).maxDelay()).isZero();
        assertThatThrownBy(() -> CompartmentPrototype.from(Map.of(CompartmentField.V_TH_MANT, 1, CompartmentField.JOIN, Join.ADD)))
                .hasMessageContaining("a join needs a popped operand");
    }

    @Test
    void fieldsAndWithCopyEveryField() {
        CompartmentPrototype p = new CompartmentPrototype(100, 200, 300, -5, 3, 4, 10, 2, true, false, 16, StackOut.PUSH, StackIn.NONE, Join.SKIP,
                ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT);
        Map<CompartmentField, Object> f = p.fields();
        assertThat(f.values()).containsExactly(100, 200, 300, -5, 3, 4, 10, 2, true, false, 16, StackOut.PUSH, StackIn.NONE, Join.SKIP,
                ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT);
        assertThat(CompartmentPrototype.from(f)).isEqualTo(p);
        assertThat(p.withAccumulators(32)).isEqualTo(new CompartmentPrototype(100, 200, 300, -5, 3, 4, 10, 2, true, false, 32, StackOut.PUSH,
                StackIn.NONE, Join.SKIP, ThresholdMode.NO_SPIKE_AND_PASS_V_LG_VTH_TO_PARENT));
        assertThat(p.with(CompartmentField.V_MIN_EXP, null).vMinExp()).isNull();
        Map<CompartmentField, Object> wrong = new EnumMap<>(CompartmentField.class);
        wrong.put(CompartmentField.V_TH_MANT, 1);
        wrong.put(CompartmentField.ENABLE_LEARNING, 1);
        assertThatThrownBy(() -> CompartmentPrototype.from(wrong)).hasMessage("enableLearning must be Boolean, not Integer 1");
    }

    @Test
    void rangesAndDefaultsAsDeclared() {
        assertThat(CompartmentField.NUM_DENDRITIC_ACCUMULATORS.range()).isEqualTo("a power of two in 2..64");
        assertThat(List.of(2, 4, 8, 16, 32, 64).stream().allMatch(CompartmentField.NUM_DENDRITIC_ACCUMULATORS::accepts)).isTrue();
        assertThat(List.of(0, 1, 3, 6, 128).stream().noneMatch(CompartmentField.NUM_DENDRITIC_ACCUMULATORS::accepts)).isTrue();
        assertThat(CompartmentPrototype.DEFAULT_ACCUMULATORS).isEqualTo(8);
        assertThat(CompartmentField.V_TH_MANT.required()).isTrue();
        assertThat(Arrays.stream(CompartmentField.values()).filter(CompartmentField::required).toList()).containsExactly(CompartmentField.V_TH_MANT);
        assertThat(CompartmentField.ENABLE_SPIKE_BACKPROP.follows()).isEqualTo(CompartmentField.ENABLE_LEARNING);
        assertThat(CompartmentField.THRESHOLD_MODE.defaultValue()).isEqualTo(ThresholdMode.SPIKE_AND_RESET);
    }

    @Test
    void chipDocsTableIsTheGeneratedOne() throws Exception {
        String table = CompartmentField.table();
        assertThat(table).startsWith("| field | values | unit | default | meaning |\n|---|---|---|---|---|\n")
                .contains("| `decayU` | 0..4096 | 1/4096 per step | 4096 |")
                .contains("| `numDendriticAccumulators` | a power of two in 2..64 | delay slots | 8 |")
                .contains("| `enableSpikeBackprop` | true, false | – | = `enableLearning` |");
        assertThat(table.lines().count()).isEqualTo(2 + CompartmentField.values().length);
        assertThat(Files.readString(Path.of("docs/chip.md"))).contains(table);
    }
}
