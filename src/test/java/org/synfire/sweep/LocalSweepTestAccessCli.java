package org.synfire.sweep;

/** The CLI in this JVM for tests of other packages: exit code, stdout, stderr. */
public final class LocalSweepTestAccessCli {
    private LocalSweepTestAccessCli() {}

    public static String[] run(String... args) {
        return LocalSweepTest.synfire(args);
    }
}
