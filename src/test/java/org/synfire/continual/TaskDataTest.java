package org.synfire.continual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;

/** The protocol's data: class splits are disjoint and complete, holdouts leave the pool, permutations reach the inputs. */
class TaskDataTest {
    /** Samples of 4 inputs; sample i has label labels[i] and input bytes 4i, 4i+1, 4i+2, 4i+3 (not binary: they show where each came from). */
    private static BinaryDataset data(String name, int... labels) {
        byte[] x = new byte[labels.length * 4];
        byte[] y = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = (byte) labels[i];
            for (int k = 0; k < 4; k++) x[i * 4 + k] = (byte) (i * 4 + k);
        }
        return new BinaryDataset(name, 4, labels.length, x, y);
    }

    private static TaskSequence seq(String yaml) {
        return TaskSequenceFile.parse("s.yaml", yaml.getBytes(StandardCharsets.UTF_8)).sequence();
    }

    private static final BinaryDataset TRAIN = data("train", 0, 1, 2, 3, 0, 1, 2, 3, 1, 0, 3, 2);
    private static final BinaryDataset TEST = data("test", 3, 2, 1, 0, 0, 1);

    @Test
    void classIncrementalSplitsAreDisjointAndTogetherHoldEverySampleOfTheirClasses() {
        TaskSequence s = seq("name: s\ndataset: mnist\nscenario: class-incremental\ntasks:\n  - {name: a, classes: [0, 1]}\n  - {name: b, classes: [2, 3]}\n");
        List<TaskData> t = TaskData.build("s.yaml", s, TRAIN, TEST);
        // labels 0/1 sit at 0, 1, 4, 5, 8, 9 and 2/3 at 2, 3, 6, 7, 10, 11 (file order)
        assertThat(t.get(0).train()).containsExactly(0, 1, 4, 5, 8, 9);
        assertThat(t.get(1).train()).containsExactly(2, 3, 6, 7, 10, 11);
        Set<Integer> seen = new HashSet<>();
        for (TaskData d : t) for (int i : d.train()) assertThat(seen.add(i)).isTrue();
        assertThat(seen).hasSize(TRAIN.size());
        // the test split's 0/1 images: positions 2, 3, 4, 5, labels 1, 0, 0, 1
        assertThat(t.get(0).eval().labels()).containsExactly(1, 0, 0, 1);
        assertThat(t.get(1).eval().labels()).containsExactly(3, 2);
        assertThat(t.get(0).label(2)).isEqualTo(0); // pool entry 2 is training sample 4, label 0
    }

    @Test
    void aHoldoutIsTheLastSamplesOfThePoolAndIsNotTrained() {
        TaskSequence s = seq("name: s\ndataset: mnist\nscenario: class-incremental\ntasks:\n"
                + "  - {name: a, classes: [0, 1], eval: {split: holdout, samples: 2}, train_samples: 3}\n");
        TaskData t = TaskData.build("s.yaml", s, TRAIN, TEST).getFirst();
        // pool 0, 1, 4, 5, 8, 9: the last two (8, 9) are held out, then the first 3 of the rest are trained
        assertThat(t.train()).containsExactly(0, 1, 4);
        assertThat(t.eval().size()).isEqualTo(2);
        assertThat(t.eval().inputs()).containsExactly(32, 33, 34, 35, 36, 37, 38, 39); // samples 8 and 9
    }

    @Test
    void aPermutedTaskPermutesItsTrainingAndItsEvaluationInputsAlike() {
        TaskSequence s = seq("name: p\ndataset: mnist\nscenario: domain-incremental\ntasks:\n  - {name: a}\n  - {name: b, permutation: {seed: 7}}\n");
        List<TaskData> t = TaskData.build("s.yaml", s, TRAIN, TEST);
        byte[] x = new byte[4];
        t.get(0).input(1, x);
        assertThat(x).containsExactly(4, 5, 6, 7);
        int[] p = Permutation.seeded(4, 7).source();
        t.get(1).input(1, x);
        assertThat(x).containsExactly((byte) (4 + p[0]), (byte) (4 + p[1]), (byte) (4 + p[2]), (byte) (4 + p[3]));
        byte[] e = t.get(1).eval().inputs();
        assertThat(new byte[] {e[0], e[1], e[2], e[3]}).containsExactly((byte) p[0], (byte) p[1], (byte) p[2], (byte) p[3]);
        assertThat(t.get(1).train()).isEqualTo(t.get(0).train()); // the same images, another permutation
    }

    @Test
    void aTaskWithNothingToTrainOrTestIsAnErrorNamingIt() {
        TaskSequence s = seq("name: s\ndataset: mnist\nscenario: class-incremental\ntasks:\n  - {name: a, classes: [5]}\n");
        assertThatThrownBy(() -> TaskData.build("s.yaml", s, TRAIN, TEST)).isInstanceOf(UserError.class)
                .hasMessageContaining("s.yaml: tasks[0] 'a': no training samples of classes [5]");
        TaskSequence h = seq("name: s\ndataset: mnist\nscenario: class-incremental\ntasks:\n  - {name: a, classes: [0], eval: {split: holdout, samples: 3}}\n");
        assertThatThrownBy(() -> TaskData.build("s.yaml", h, TRAIN, TEST)).isInstanceOf(UserError.class)
                .hasMessageContaining("eval holds out 3 samples, but the task has only 3 training samples");
    }
}
