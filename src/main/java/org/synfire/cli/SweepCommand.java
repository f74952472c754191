package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.sweep.Engine;
import org.synfire.sweep.LocalEngine;
import org.synfire.sweep.RunSpec;
import org.synfire.sweep.RunState;
import org.synfire.sweep.SlurmScript;
import org.synfire.sweep.Sweep;
import org.synfire.sweep.SweepDirectory;
import org.synfire.sweep.SweepFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synfire sweep SWEEP.yaml}: many runs over seeds and settings, here or on a cluster. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run every combination of a sweep file's axes over its base options; skip runs that are done and resume",
            "interrupted ones from their last checkpoint. Writes sweep.csv/json, aggregate.csv/json and plots (see docs/sweeps.md)."})
public final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file: base options and axes.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default runs/sweeps/<name>/); the same DIR continues a sweep.")
    Path out;

    @Option(names = "--dry-run", description = "Print the runs (id, status, options) and run nothing.")
    boolean dryRun;

    @Option(names = "--workers", paramLabel = "N", description = "Runs at a time on this machine (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--retry", paramLabel = "K", description = "Try a failed run up to K more times, from its last checkpoint (default 0).")
    int retry;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Run on the synfire workers of this Hazelcast cluster (with --members).")
    String cluster;

    @Option(names = "--members", paramLabel = "HOST:PORT,...", description = "Addresses of cluster members to connect to (only these; no multicast).")
    String members;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "How long to try the members (default ${DEFAULT-VALUE} s).")
    int connectTimeout = 30;

    @Option(names = "--emit", paramLabel = "slurm", description = "Write a Slurm job-array script for the runs instead of running them.")
    String emit;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Run only this run of the sweep (what each Slurm array task does).")
    String only;

    @Option(names = "--report", description = "Rewrite the tables and plots from the sweep directory; run nothing.")
    boolean report;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "When the output is not a terminal, print the progress line every SECONDS (default ${DEFAULT-VALUE}).")
    int progressEvery = 5;

    @Option(names = "--log", description = "Show Hazelcast's own log on stderr (cluster only).")
    boolean log;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        SweepFile sweep = SweepFile.read(file);
        List<RunSpec> runs = sweep.expand();
        if (only != null) {
            runs = runs.stream().filter(r -> r.id().equals(only)).toList();
            if (runs.isEmpty()) throw new UserError("--run " + only + ": no run of " + file + " has this id (see --dry-run)");
        }
        Path dirPath = out != null ? out : Path.of("runs", "sweeps", sweep.name());
        if (cluster == null && members != null) throw new UserError("--members needs --cluster NAME");
        if (cluster != null && members == null) throw new UserError("--cluster needs --members HOST:PORT,...");
        if (retry < 0) throw new UserError("--retry must be >= 0");
        if (progressEvery < 1) throw new UserError("--progress-every must be >= 1");
        if (dryRun) {
            printRuns(o, runs, dirPath);
            return 0;
        }
        if (emit != null) {
            if (!emit.equals("slurm")) throw new UserError("--emit " + emit + ": only slurm is known");
            try (SweepDirectory dir = SweepDirectory.open(dirPath, false)) {
                dir.keepSweepFile(file);
                Path script = SlurmScript.write(dir, sweep, runs, launcher(), extraArgs());
                o.println("wrote " + script + " (" + runs.size() + " array tasks); submit it with: sbatch " + script);
            }
            return 0;
        }
        // an array task shares the sweep directory with the others: only the run directory's own lock applies
        try (SweepDirectory dir = SweepDirectory.open(dirPath, only == null)) {
            if (report) {
                Sweep.report(sweep, runs, dir);
                o.println("tables and plots rewritten in " + dir.path());
                return 0;
            }
            Printer printer = new Printer(o, TrainCommand.onTerminal(), progressEvery);
            try (Engine engine = cluster != null ? clusterEngine() : new LocalEngine(workers, data.toOptions())) {
                Sweep.Outcome result = Sweep.run(sweep, runs, dir, engine, retry, printer);
                printer.clear();
                if (result.failed() > 0) {
                    spec.commandLine().getErr().println("synfire: " + result.failed() + " of " + result.total()
                            + " runs failed; their errors are in the error column of " + dir.path().resolve("sweep.csv"));
                    return 1;
                }
            }
            return 0;
        }
    }

    /** Kept apart so that a sweep without --cluster never loads the cluster classes (and so Hazelcast). */
    private Engine clusterEngine() {
        if (data.dataDir != null || data.noVerify || data.offline) {
            throw new UserError("--data, --no-verify and --offline are the workers' options on a cluster (synfire worker --data DIR)");
        }
        return org.synfire.sweep.cluster.ClusterEngine.connect(new org.synfire.sweep.cluster.ClusterEngine.Settings(cluster,
                org.synfire.sweep.cluster.HostPort.parseList(members, "--members"), connectTimeout, log));
    }

    private static void printRuns(PrintWriter o, List<RunSpec> runs, Path dirPath) {
        boolean exists = Files.isDirectory(dirPath.resolve("state"));
        SweepDirectory dir = exists ? SweepDirectory.open(dirPath, false) : null;
        o.printf(Locale.ROOT, "%5s  %-16s  %-8s  %s%n", "#", "run id", "status", "options");
        for (RunSpec r : runs) {
            String status = dir == null ? RunState.QUEUED : dir.state(r.id()).status();
            o.printf(Locale.ROOT, "%5d  %-16s  %-8s  %s%n", r.index(), r.id(), status, r.label());
        }
        o.println(runs.size() + " runs; sweep directory " + dirPath + (exists ? "" : " (not created yet)"));
        o.flush();
    }

    private String extraArgs() {
        StringBuilder b = new StringBuilder();
        if (data.dataDir != null) b.append(" --data ").append(SlurmScript.quote(data.dataDir.toAbsolutePath().toString()));
        if (data.noVerify) b.append(" --no-verify");
        if (data.offline) b.append(" --offline");
        return b.toString();
    }

    /** How the emitted script runs synfire: the jar this process runs from, or this process's class path. */
    private static String launcher() {
        String java = SlurmScript.quote(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return java + " -Djava.awt.headless=true -jar " + SlurmScript.quote(code.toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall back to the class path
        }
        return java + " -Djava.awt.headless=true -cp " + SlurmScript.quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
    }

    /** Event lines, and the status line: redrawn in place on a terminal, a plain line every few seconds otherwise. */
    private static final class Printer implements Sweep.Listener {
        private final PrintWriter out;
        private final boolean terminal;
        private final long everyNanos;
        private long last = System.nanoTime();
        private boolean drawn;

        Printer(PrintWriter out, boolean terminal, int everySeconds) {
            this.out = out;
            this.terminal = terminal;
            this.everyNanos = everySeconds * 1_000_000_000L;
        }

        @Override
        public synchronized void line(String text) {
            clear();
            out.println(text);
            out.flush();
        }

        @Override
        public synchronized void status(Sweep.Status s) {
            if (terminal) {
                out.print("\r" + s.line() + "   ");
                drawn = true;
                out.flush();
            } else if (System.nanoTime() - last >= everyNanos) {
                last = System.nanoTime();
                out.println("progress: " + s.line());
                out.flush();
            }
        }

        synchronized void clear() {
            if (drawn) {
                out.print("\r" + " ".repeat(90) + "\r");
                drawn = false;
            }
        }
    }
}
