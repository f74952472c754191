package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.synfire.UserError;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code synfire} command line: one class per subcommand. Start-up builds only the subcommand that runs
 * (picocli reflects over every option of every registered command, and some commands load Jackson), and
 * {@code --version} needs no picocli at all.
 */
@Command(
        name = "synfire",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = {
            "Exact backpropagation inside a spiking network on an emulated Intel Loihi 1 chip.",
            "Renner et al., Nature Communications 15, 9691 (2024), reproduced and inspectable."
        })
public final class Main implements java.util.concurrent.Callable<Integer> {
    static final String VERSION = org.synfire.training.TrainingRun.VERSION; // a constant: inlined, nothing loaded

    /** The subcommands, in the order the usage lists them. */
    static final String[] COMMANDS = {"train", "continual", "sweep", "worker", "verify", "network", "raster", "energy", "lsnn-smnist", "data", "run", "bench", "help"};

    /** A new instance of a subcommand by name, or null; a switch, so no other command class is loaded. */
    static Object command(String name) {
        return switch (name) {
            case "train" -> new TrainCommand();
            case "continual" -> new ContinualCommand();
            case "sweep" -> new SweepCommand();
            case "worker" -> new WorkerCommand();
            case "verify" -> new VerifyCommand();
            case "network" -> new NetworkCommand();
            case "raster" -> new RasterCommand();
            case "energy" -> new EnergyCommand();
            case "lsnn-smnist" -> new LsnnSmnistCommand();
            case "data" -> new DataCommand();
            case "run" -> new RunCommand();
            case "bench" -> new BenchCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    /** The command line for these arguments: only the named subcommand, or all of them (help, usage, an unknown name). */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Object only = args.length > 0 && !args[0].equals("help") ? command(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            for (String name : COMMANDS) cl.addSubcommand(name, command(name));
        }
        return cl;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // no command: a short usage on stderr and exit 2, as for any other incomplete command line
        PrintWriter err = spec.commandLine().getErr();
        err.println("Usage: synfire COMMAND [OPTIONS]");
        err.println("Commands: " + String.join(", ", COMMANDS) + ".");
        err.println("Start with 'synfire train --help', or 'synfire --help' for what each command does.");
        err.flush();
        return 2;
    }

    /** The candidate with the fewest edits from {@code typed} (the first of equals), for "did you mean". */
    static String nearest(String typed, java.util.List<String> candidates) {
        String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        String best = candidates.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    public static void main(String[] args) {
        Timeline.mark("main() entered");
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        Timeline.mark("exit " + code);
        System.exit(code);
    }

    /** Exit code of a full disk or another failure to write a result (sysexits.h EX_IOERR): not bad input, not a bug. */
    public static final int EXIT_IO_ERROR = 74;

    /**
     * Runs the CLI with the given streams; returns the exit code (0 ok, 1 a check failed, 2 user error, 3 invariant
     * violated, 70 internal error, 74 an output could not be written).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(VERSION);
            out.flush();
            return 0;
        }
        if (args.length > 0 && args[0].equals("train")) TrainCommand.prefetch(args);
        if (args.length > 1 && args[0].equals("help")) {
            // picocli's help goes one level deep; "help data export" is "data export --help"
            String[] nested = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(args, 1, args.length), args.length);
            nested[args.length - 1] = "--help";
            args = nested;
        }
        return execute(commandLine(args), out, err, args);
    }

    /** {@link #run} for any command object (tests use one that throws what they need). */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, err));
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line and a pointer to the help, instead of the whole usage text
            CommandLine cmd = ex.getCommandLine();
            err.println("synfire: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty() && !u.getUnmatched().isEmpty()) {
                err.println("  did you mean " + nearest(u.getUnmatched().get(0), u.getSuggestions()) + "?");
            }
            String sub = cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^synfire ?", "");
            err.println("  (see 'synfire " + (sub.isEmpty() ? "" : sub + " ") + "--help')");
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("synfire: out of memory; raise the heap with SYNFIRE_JAVA_OPTS=-Xmx8g");
            return 70;
        }
    }

    /** One line for what went wrong, and its exit code; a stack trace only for what must be a bug. */
    static int report(Throwable t, PrintWriter err) {
        if (t instanceof UserError) {
            err.println("synfire: " + t.getMessage());
            return 2;
        }
        if (t instanceof org.synfire.nbp.sgsc.InvariantViolation) {
            err.println("synfire: the spiking network broke a runtime invariant: " + t.getMessage());
            return 3;
        }
        // permissions are the user's to fix, like bad input: name the path
        AccessDeniedException denied = cause(t, AccessDeniedException.class);
        if (denied != null) {
            err.println("synfire: permission denied: " + java.util.Objects.toString(path(t, denied), denied.getMessage()));
            return 2;
        }
        FileSystemException fs = cause(t, FileSystemException.class);
        if (fs != null && "Read-only file system".equals(fs.getReason())) {
            err.println("synfire: read-only file system: " + java.util.Objects.toString(path(t, fs), fs.getMessage()));
            return 2;
        }
        // a full disk, or any other failure while writing a result
        if (t instanceof AtomicFiles.WriteFailure w) {
            err.println("synfire: cannot write " + w.target() + ": " + AtomicFiles.reason((IOException) w.getCause()));
            return EXIT_IO_ERROR;
        }
        IOException io = cause(t, IOException.class);
        if (io != null && noSpace(io)) {
            String file = path(t, io);
            err.println("synfire: " + (file != null ? "cannot write " + file : "I/O error") + ": " + AtomicFiles.reason(io));
            return EXIT_IO_ERROR;
        }
        if (t instanceof NoSuchFileException n) {
            err.println("synfire: " + n.getFile() + ": no such file");
            return 2;
        }
        if (t instanceof IOException e) {
            String file = e instanceof FileSystemException f && f.getFile() != null ? " on " + f.getFile() : "";
            err.println("synfire: I/O error" + file + ": " + AtomicFiles.reason(e));
            return EXIT_IO_ERROR;
        }
        if (t instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() != null) {
            err.println("synfire: " + u.getMessage());
            return 2;
        }
        err.println("synfire: internal error (please report): " + t);
        t.printStackTrace(err);
        return 70;
    }

    /** The first exception of this type in the cause chain, or null. */
    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    /** The file a failure is about: the result being written, else the one the file system names; null if neither. */
    private static String path(Throwable t, IOException e) {
        AtomicFiles.WriteFailure w = cause(t, AtomicFiles.WriteFailure.class);
        if (w != null) return w.target().toString();
        if (e instanceof FileSystemException f && f.getFile() != null) return f.getFile();
        return null;
    }

    /** ENOSPC or EDQUOT, as the JDK words them (FileSystemException reason, or a plain IOException's message). */
    private static boolean noSpace(IOException e) {
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return why != null && (why.contains("No space left on device") || why.contains("Disk quota exceeded"));
    }
}
