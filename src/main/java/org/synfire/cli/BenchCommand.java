package org.synfire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synfire bench}: speed measurements; one subcommand per engine (functional, later chip). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed on one thread after warm-up (see the subcommands).",
        subcommands = {FunctionalBenchCommand.class, ChipBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
