package org.synfire.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.synfire.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synfire} command line: one class per subcommand. */
@Command(
        name = "synfire",
        mixinStandardHelpOptions = true,
        version = "synfire 0.1.0",
        description = {
            "Exact backpropagation inside a spiking network on an emulated Intel Loihi 1 chip.",
            "Renner et al., Nature Communications 15, 9691 (2024), reproduced and inspectable."
        },
        subcommands = {TrainCommand.class, VerifyCommand.class, RasterCommand.class, EnergyCommand.class, DataCommand.class, RunCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; returns the exit code (0 ok, 1 a check failed, 2 user error, 3 invariant violated, 70 internal error). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            if (t instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() != null) {
                err.println("synfire: " + u.getMessage());
                return 2;
            }
            if (t instanceof UserError) {
                err.println("synfire: " + t.getMessage());
                return 2;
            }
            if (t instanceof org.synfire.nbp.onchip.InvariantViolation) {
                err.println("synfire: the spiking network broke a runtime invariant: " + t.getMessage());
                return 3;
            }
            err.println("synfire: internal error (please report): " + t);
            t.printStackTrace(err);
            return 70;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line and a pointer to the help, instead of the whole usage text
            CommandLine cmd = ex.getCommandLine();
            err.println("synfire: " + ex.getMessage());
            err.println("  (see 'synfire " + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^synfire ?", "") + " --help')");
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("synfire: out of memory; raise the heap with SYNFIRE_JAVA_OPTS=-Xmx8g");
            return 70;
        }
    }
}
