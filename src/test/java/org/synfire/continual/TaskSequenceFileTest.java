package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;
import org.synfire.continual.TaskSequence.EvalSet;
import org.synfire.continual.TaskSequence.Scenario;

class TaskSequenceFileTest {
    @TempDir
    Path tmp;

    private static TaskSequence parse(String yaml) {
        return TaskSequenceFile.parse("seq.yaml", yaml.getBytes(StandardCharsets.UTF_8)).sequence();
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (UserError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    private static final String HEAD = "name: s\ndataset: mnist\nscenario: class-incremental\n";

    @Test
    void theShippedSplitSequencesHaveFiveDisjointPairsOfClasses() {
        for (String name : List.of("split-mnist", "split-fashion-mnist")) {
            TaskSequence s = TaskSequenceFile.read(name).sequence();
            assertThat(s.scenario()).isEqualTo(Scenario.CLASS_INCREMENTAL);
            assertThat(s.tasks()).hasSize(5);
            Set<Integer> all = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                assertThat(s.tasks().get(i).classes()).containsExactly(2 * i, 2 * i + 1);
                all.addAll(s.tasks().get(i).classes());
            }
            assertThat(all).hasSize(10);
        }
        assertThat(TaskSequenceFile.read("split-mnist").sequence().variant()).isEqualTo("mnist20");
        assertThat(TaskSequenceFile.read("split-fashion-mnist").sequence().variant()).isEqualTo("fmnist28");
    }

    @Test
    void theShippedPermutedSequenceHasTheOriginalAndFourDistinctSeededPermutations() {
        TaskSequence s = TaskSequenceFile.read("permuted-mnist").sequence();
        assertThat(s.scenario()).isEqualTo(Scenario.DOMAIN_INCREMENTAL);
        assertThat(s.tasks()).hasSize(5);
        assertThat(s.tasks().getFirst().permutationSeed()).isNull();
        assertThat(s.tasks().stream().skip(1).map(TaskSequence.Task::permutationSeed).distinct()).hasSize(4).doesNotContainNull();
        for (TaskSequence.Task t : s.tasks()) assertThat(t.classes()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void theTasksFolderHoldsTheShippedFilesByteForByte() throws IOException {
        for (String name : TaskSequenceFile.SHIPPED) {
            assertThat(Files.readAllBytes(Path.of("tasks", name + ".yaml"))).as(name).isEqualTo(TaskSequenceFile.shipped(name));
        }
    }

    @Test
    void defaultsApplyToEveryTaskAndATaskOverridesThem() {
        TaskSequence s = parse(HEAD + "defaults: {train_samples: 50, epochs: 2, eval: {split: holdout, samples: 10}}\n"
                + "tasks:\n  - {name: a, classes: [1, 0]}\n  - {name: b, classes: [2], epochs: 4, train_samples: all, eval: test}\n");
        assertThat(s.tasks().get(0).classes()).containsExactly(0, 1); // sorted
        assertThat(s.tasks().get(0).trainSamples()).isEqualTo(50);
        assertThat(s.tasks().get(0).epochs()).isEqualTo(2);
        assertThat(s.tasks().get(0).eval()).isEqualTo(new EvalSet(EvalSet.Split.HOLDOUT, 10));
        assertThat(s.tasks().get(1).trainSamples()).isNull();
        assertThat(s.tasks().get(1).epochs()).isEqualTo(4);
        assertThat(s.tasks().get(1).eval()).isEqualTo(EvalSet.TEST_ALL);
        assertThat(s.tasks().get(0).classMask()).isEqualTo(0b11);
    }

    @Test
    void overlappingClassesInAClassIncrementalSequenceNameTheFileLineFieldAndTheOtherTask() {
        String msg = error(HEAD + "tasks:\n  - {name: a, classes: [0, 1]}\n  - {name: b, classes: [1, 2]}\n");
        assertThat(msg).startsWith("seq.yaml:6:").contains("tasks[1].classes: class 1 is already in task 'a' (tasks[0])");
    }

    @Test
    void badFieldsAreNamedWithTheirPosition() {
        assertThat(error(HEAD + "tasks:\n  - {name: a, clases: [0]}\n")).contains("seq.yaml:5:").contains("tasks[0].clases: unknown key 'clases'");
        assertThat(error(HEAD + "tasks:\n  - {name: a}\n")).contains("tasks[0]: missing required key 'classes'");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [10]}\n")).contains("tasks[0].classes: 10 is out of range 0..9");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [0], epochs: 0}\n")).contains("tasks[0].epochs: 0 is out of range");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [0], train_samples: some}\n"))
                .contains("tasks[0].train_samples: must be 'all' or a positive whole number");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [0], permutation: random}\n")).contains("tasks[0].permutation: must be 'identity' or {seed: S}");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [0], eval: {split: holdout}}\n")).contains("tasks[0].eval.samples: a holdout takes a number");
        assertThat(error(HEAD + "tasks:\n  - {name: a, classes: [0]}\n  - {name: a, classes: [1]}\n")).contains("tasks[1].name: 'a' is already the name of tasks[0]");
        assertThat(error("name: s\ndataset: cifar\nscenario: class-incremental\ntasks: []\n")).contains("seq.yaml:2:10: dataset: 'cifar' is not one of mnist, fashion-mnist");
        assertThat(error("name: s\ndataset: mnist\nvariant: fmnist28\nscenario: class-incremental\ntasks: []\n"))
                .contains("variant: fmnist28 is a fashion-mnist variant, but dataset is mnist");
        assertThat(error("name: s\ndataset: mnist\nscenario: task-incremental\n")).contains("scenario: 'task-incremental' is not one of");
        assertThat(error(HEAD + "tasks: []\n")).contains("tasks: must be a non-empty list");
        assertThat(error("name: s\ndataset: mnist\n")).contains("missing required key 'scenario'");
        assertThat(error("name: [s\n")).startsWith("seq.yaml:").contains("not valid YAML");
        assertThat(error("")).isEqualTo("seq.yaml: the file is empty");
    }

    @Test
    void domainIncrementalTasksShareTheirClassesAndDefaultToAllTen() {
        String head = "name: p\ndataset: mnist\nscenario: domain-incremental\ntasks:\n";
        TaskSequence s = parse(head + "  - {name: a}\n  - {name: b, permutation: {seed: 3}}\n");
        assertThat(s.tasks().get(1).classes()).hasSize(10);
        assertThat(s.tasks().get(1).permutationSeed()).isEqualTo(3L);
        assertThat(error(head + "  - {name: a}\n  - {name: b, classes: [0, 1]}\n")).contains("tasks[1].classes: domain-incremental tasks share their classes");
    }

    @Test
    void aMissingFileNamesItAndTheShippedSequences() {
        assertThatThrownBy(() -> TaskSequenceFile.read(tmp.resolve("none.yaml").toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("none.yaml: no such file (shipped sequences: split-mnist, permuted-mnist, split-fashion-mnist)");
        assertThatThrownBy(() -> TaskSequenceFile.read("resource:cifar-split")).isInstanceOf(UserError.class).hasMessageContaining("no such shipped sequence");
    }
}
