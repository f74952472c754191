package org.synfire.continual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A continual-learning benchmark as data (a task-sequence file, {@link TaskSequenceFile}): the dataset and its
 * input variant, the scenario, and the tasks in the order they are listed.
 *
 * @param name the sequence's name, for run names and plots
 * @param variant input preprocessing (decides the dataset and the number of inputs)
 * @param taskOrder whether the run trains the tasks as listed or in an order drawn from its seed
 */
public record TaskSequence(String name, String description, String variant, Scenario scenario, TaskOrder taskOrder, List<Task> tasks) {

    public TaskSequence {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) throw new IllegalArgumentException("a sequence needs at least one task");
    }

    /** How the tasks share the output layer (van de Ven et al. 2022's scenarios). */
    public enum Scenario {
        /** Each task brings new classes; one shared 10-way output, the task is not given at test time. */
        CLASS_INCREMENTAL,
        /** Every task has the same classes under a different input distribution (here: a pixel permutation). */
        DOMAIN_INCREMENTAL;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum TaskOrder {
        AS_LISTED, SHUFFLED;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The evaluation set of a task: its classes' test samples, or the last {@code samples} of its training pool. */
    public record EvalSet(Split split, Integer samples) {
        public enum Split { TEST, HOLDOUT }

        public EvalSet {
            if (split == Split.HOLDOUT && (samples == null || samples < 1)) throw new IllegalArgumentException("a holdout needs a size");
            if (samples != null && samples < 1) throw new IllegalArgumentException("samples must be positive");
        }

        public static final EvalSet TEST_ALL = new EvalSet(Split.TEST, null);
    }

    /**
     * One task.
     *
     * @param classes the classes whose samples the task trains and tests on, ascending
     * @param permutationSeed the seed of the task's fixed pixel permutation ({@link Permutation#seeded}), or null for none
     * @param trainSamples the first this many samples of the task's training pool (file order), or null for all
     */
    public record Task(String name, List<Integer> classes, Long permutationSeed, Integer trainSamples, int epochs, EvalSet eval) {
        public Task {
            classes = List.copyOf(classes);
            if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        }

        /** Bit c set for every class c of the task. */
        public long classMask() {
            long m = 0;
            for (int c : classes) m |= 1L << c;
            return m;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("classes", classes);
            m.put("permutation", permutationSeed == null ? "identity" : Map.of("seed", permutationSeed));
            m.put("train_samples", trainSamples == null ? "all" : trainSamples);
            m.put("epochs", epochs);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("split", eval.split().name().toLowerCase(Locale.ROOT));
            e.put("samples", eval.samples() == null ? "all" : eval.samples());
            m.put("eval", e);
            return m;
        }
    }

    /** The effective sequence, as config.json records it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("variant", variant);
        m.put("scenario", scenario.fileName());
        m.put("task_order", taskOrder.fileName());
        m.put("tasks", tasks.stream().map(Task::toMap).toList());
        return m;
    }
}
