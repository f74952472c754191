package org.synfire.sweep;

import java.util.List;

/** Where a sweep's runs execute: a local pool ({@link LocalEngine}) or a cluster (org.synfire.sweep.cluster). */
public interface Engine extends AutoCloseable {

    /** "2 local workers", "cluster lab (3 members, 6 slots)". */
    String describe();

    /**
     * Runs every one of {@code runs} into its run directory under {@code dir}, an attempt and up to {@code retries}
     * more for a run that fails, and returns when each has succeeded or used its attempts. One run's failure does
     * not stop the others. Events may come from several threads.
     */
    void execute(List<RunSpec> runs, SweepDirectory dir, int retries, Events events) throws InterruptedException;

    @Override
    default void close() {}

    /** What an engine reports. */
    interface Events {
        /** An attempt of {@code run} starts on {@code host}. */
        void started(RunSpec run, String host);

        /** Fraction of the run's work done, 0 to 1. */
        void fraction(RunSpec run, double done);

        /**
         * An attempt ended; its results (when {@code ok}) are in the run's directory under the sweep directory.
         *
         * @param seconds the attempt's own running time on the host
         * @param roundtripS from handing the run out to having its result, or NaN where the same
         * @param willRetry the engine tries it again
         */
        void ended(RunSpec run, boolean ok, String error, String host, double seconds, double roundtripS, boolean willRetry);

        /** The run was given back to the queue through no fault of its own (its member left, say). */
        default void requeued(RunSpec run, String why) {}
    }

    /** One line for what made a run fail. */
    static String describe(Throwable t) {
        String msg;
        if (t instanceof org.synfire.UserError) msg = t.getMessage();
        else if (t instanceof org.synfire.nbp.sgsc.InvariantViolation) msg = "the spiking network broke a runtime invariant: " + t.getMessage();
        else if (t instanceof org.synfire.io.AtomicFiles.WriteFailure) msg = t.getMessage();
        else if (t instanceof OutOfMemoryError) msg = "out of memory; raise the heap with SYNFIRE_JAVA_OPTS=-Xmx8g";
        else msg = "internal error: " + t;
        return msg == null ? t.getClass().getName() : msg.replace('\n', ' ').replace('\r', ' ');
    }

    /** This machine's name, for the host column. */
    static String localHost() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
