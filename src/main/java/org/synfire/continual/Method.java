package org.synfire.continual;

import java.util.List;
import org.synfire.UserError;

/**
 * How a continual run trains its tasks (docs/continual.md#methods). The first three are host protocols over the
 * unchanged network; the label gates act on the chip: a spike generator closes the error of output units (and
 * optionally of the hidden layers) per task, so that their weights cannot change.
 */
public sealed interface Method permits Method.FineTune, Method.Joint, Method.Rehearsal, Method.LabelGate {

    /** The CLI and config.json name. */
    String cliName();

    /**
     * Sequential training, task after task, on the current task's samples only: the lower bound. With
     * {@code activeClasses} the error gate keeps the output units of classes not trained yet closed.
     */
    record FineTune(boolean activeClasses) implements Method {
        @Override
        public String cliName() {
            return "finetune";
        }
    }

    /** One stage on the union of every task's samples: the upper bound (an accuracy matrix of one row). */
    record Joint() implements Method {
        @Override
        public String cliName() {
            return "joint";
        }
    }

    /**
     * Fine-tuning with a bounded buffer of earlier tasks' samples, kept by the host: after each new sample it streams
     * {@code replay} samples drawn from the buffer through the chip's input and target generators.
     *
     * @param buffer samples the buffer holds at most, split evenly over the tasks seen so far
     * @param replay buffer samples trained after every new sample (while the buffer is not empty)
     * @param activeClasses the error gate keeps the output units of classes not trained yet closed
     */
    record Rehearsal(int buffer, int replay, boolean activeClasses) implements Method {
        public Rehearsal {
            if (buffer < 1) throw new UserError("--buffer must be at least 1, got " + buffer);
            if (replay < 1) throw new UserError("--replay must be at least 1, got " + replay);
        }

        @Override
        public String cliName() {
            return "rehearsal";
        }
    }

    /**
     * The labels trick (Zeno et al. 2018) on chip: while task i trains, only the output units of task i's classes
     * may receive an error; with {@code frozenHidden} the hidden layers' error is closed as well, so only the output
     * matrix learns (the hidden layers keep their initial random projection).
     */
    record LabelGate(boolean frozenHidden) implements Method {
        @Override
        public String cliName() {
            return frozenHidden ? "labels-frozen" : "labels";
        }
    }

    List<String> NAMES = List.of("finetune", "joint", "rehearsal", "labels", "labels-frozen");

    /**
     * The method of this name; {@code buffer} and {@code replay} belong to rehearsal (null: not given), {@code activeClasses}
     * to finetune and rehearsal.
     */
    static Method parse(String name, Integer buffer, Integer replay, boolean activeClasses, int defaultBuffer) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (!n.equals("rehearsal") && (buffer != null || replay != null)) {
            throw new UserError((buffer != null ? "--buffer" : "--replay") + " belongs to --method rehearsal, not " + n);
        }
        if (activeClasses && !n.equals("finetune") && !n.equals("rehearsal")) {
            throw new UserError("--active-classes belongs to --method finetune and rehearsal (" + n + " sets its gate itself)");
        }
        return switch (n) {
            case "finetune" -> new FineTune(activeClasses);
            case "joint" -> new Joint();
            case "rehearsal" -> new Rehearsal(buffer == null ? defaultBuffer : buffer, replay == null ? 1 : replay, activeClasses);
            case "labels" -> new LabelGate(false);
            case "labels-frozen" -> new LabelGate(true);
            default -> throw new UserError("unknown --method '" + name + "' (use one of " + String.join(", ", NAMES) + ")");
        };
    }

    /** Whether the network carries the gate generators (the plain network otherwise). */
    default boolean gated() {
        return switch (this) {
            case LabelGate g -> true;
            case FineTune f -> f.activeClasses();
            case Rehearsal r -> r.activeClasses();
            case Joint j -> false;
        };
    }
}
