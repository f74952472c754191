package org.synfire.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.data.DataOptions;

/**
 * What one run of a sweep is: how its options are read, what of them decides its result (and so its id), how it
 * is run into a run directory (start, or resume from the last checkpoint), and what its result is. The set of kinds
 * is closed: a new kind (continual learning, when it lands) is a new record here and one line in {@link #named}.
 */
public sealed interface RunKind permits TrainKind {

    /** The name a sweep file gives in {@code kind:}. */
    String name();

    /** Options a sweep file may set, with their types. */
    Map<String, OptionType> options();

    /** Options that a sweep file may not set, with why (the sweep or the command line decides them). */
    Map<String, String> refused();

    /**
     * The effective run from one point of the sweep: options already read by their {@link OptionType}, relative
     * files resolved against {@code baseDir}. A UserError for a combination that cannot run.
     */
    Configured configure(Map<String, Object> options, Path baseDir);

    /** The part of {@link Configured#settings} that decides the result: what the run id hashes. */
    Map<String, Object> hashed(Map<String, Object> settings);

    /**
     * Runs into {@code runDir}: a new run if it holds none, else continues it from its last checkpoint (a finished
     * run has its outputs rewritten and returns at once). Throws what the run throws.
     */
    void run(Path runDir, Configured run, DataOptions data, Progress progress);

    /** Final and best metrics and learning curves of a run directory, or null if it has no metrics yet. */
    Summary summarize(Path runDir);

    /** Options left out when runs are grouped for mean ± sd (the seed). */
    List<String> replicateOptions();

    /**
     * Files the run reads besides the dataset (network files, initial weights): they travel with a run sent to a
     * cluster member.
     */
    List<Path> inputFiles(Map<String, Object> settings);

    /** The same settings with the input files at other paths (a member's copies), in {@link #inputFiles}'s order. */
    Map<String, Object> withInputFiles(Map<String, Object> settings, List<Path> files);

    /**
     * One run's configuration.
     *
     * @param settings the kind's effective configuration (JSON-able: strings, numbers, booleans, lists, maps)
     * @param runtime settings that do not change the result (how often to check invariants)
     */
    record Configured(Map<String, Object> settings, Map<String, Object> runtime) {
        public Configured {
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
            runtime = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runtime));
        }
    }

    /** What a running run tells the sweep. Called on the run's thread. */
    interface Progress {
        /** Fraction of the run's work done, 0 to 1. */
        default void fraction(double done) {}

        /** A checkpoint is on disk in the run directory. */
        default void checkpoint() {}
    }

    /** The kind a sweep file names; {@code where} locates the name in the file for the error message. */
    static RunKind named(String name, String where) {
        return switch (name) {
            case "train" -> TrainKind.INSTANCE;
            default -> throw new UserError(where + ": unknown kind '" + name + "' (known: train)");
        };
    }
}
