package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.continual.ContinualRun;
import org.synfire.continual.ContinualSettings;
import org.synfire.continual.EvalPoint;
import org.synfire.continual.Results;
import org.synfire.continual.TaskSequenceFile;
import org.synfire.data.Variant;
import org.synfire.io.Checksums;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synfire continual}: train a task sequence task after task and measure forgetting (docs/continual.md). */
@Command(name = "continual", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Continual learning: train the tasks of a task-sequence file one after another on the emulated chip (or the"
                + " functional model), evaluate every task after each one and every K samples, and write the accuracy matrix, its"
                + " metrics (average accuracy, backward and forward transfer, forgetting), a heatmap and accuracy curves.",
            "Shipped sequences: split-mnist, permuted-mnist, split-fashion-mnist (give the name or a file)."})
public final class ContinualCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASKS.yaml", description = "Task-sequence file, or the name of a shipped one.")
    String tasks;

    @Option(names = "--backend", paramLabel = "chip|functional", description = "chip (default): the spiking network on the emulated chip; "
            + "functional: the matrix model, bit-identical and faster.")
    String backend = "chip";

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10", description = "Layer widths (default: the sequence's inputs, 400, 10).")
    String layers;

    @Option(names = "--method", paramLabel = "NAME", description = "finetune (default), joint, rehearsal, labels (on-chip error gate per task), "
            + "labels-frozen (the same, and no error reaches the hidden layers).")
    String method = "finetune";

    @Option(names = "--buffer", paramLabel = "N", description = "Rehearsal: samples the buffer holds (default: 1 %% of the sequence's training samples).")
    Integer buffer;

    @Option(names = "--replay", paramLabel = "R", description = "Rehearsal: buffer samples trained after every new sample (default 1).")
    Integer replay;

    @Option(names = "--active-classes", description = "finetune, rehearsal: the error gate keeps the output units of classes not trained yet"
            + " closed (the class-incremental convention of active output units).")
    boolean activeClasses;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights, task order, sample orders and replays (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--eval-every", paramLabel = "K", description = "Evaluate every task after every K samples of a task, and at its end (0: only at its end; "
            + "default ${DEFAULT-VALUE}).")
    int evalEvery = 1000;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<yyyyMMdd-HHmmss>-<name>/).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Run name (default <sequence>-<method>[-active]-<backend>-s<seed>).")
    String name;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue RUN_DIR from its newest checkpoint, bit-exactly; only --data, "
            + "--no-verify and the checks may be given with it.")
    Path resume;

    @Option(names = "--check-phases", paramLabel = "K", description = "Chip backend: check the phase invariants every K-th sample (0 = never; default ${DEFAULT-VALUE}).")
    int checkPhases = 1;

    @Option(names = "--check-copies", paramLabel = "K", description = "Chip backend: check that the copies of each matrix agree every K-th sample "
            + "(0 = never; default ${DEFAULT-VALUE}).")
    int checkCopies = 1000;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When the output is not a terminal, print a progress line every SECONDS (default ${DEFAULT-VALUE}); "
                    + "on a terminal a bar is redrawn in place.")
    double progressEvery;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        Path[] runDir = {null};
        Thread note = new Thread(() -> {
            if (runDir[0] == null) return;
            e.println();
            e.println("synfire: interrupted; the newest checkpoint is kept. Continue with: synfire continual --resume " + runDir[0]);
            e.flush();
        }, "synfire-interrupt-note");
        ProgressLine bar = new ProgressLine(o, TrainCommand.onTerminal(), progressEvery, "samples");
        ContinualRun.Listener printer = new ContinualRun.Listener() {
            @Override
            public void started(Path dir) {
                runDir[0] = dir;
            }

            @Override
            public void progress(String label, long done, long total) {
                bar.update(label, done, total);
            }

            @Override
            public void info(String line) {
                bar.clear();
                o.println(line);
                o.flush();
            }

            @Override
            public void point(EvalPoint p, String line) {
                info(line);
            }

            @Override
            public void warning(String message) {
                bar.clear();
                e.println("synfire: warning: " + message);
                e.flush();
            }
        };
        ContinualRun.Outcome r;
        Runtime.getRuntime().addShutdownHook(note);
        try {
            r = run(printer);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(note);
            } catch (IllegalStateException exiting) {
                // the JVM is already shutting down: the note prints
            }
        }
        print(o, r);
        return 0;
    }

    private ContinualRun.Outcome run(ContinualRun.Listener printer) {
        ContinualRun.Outcome r;
        if (resume != null) {
            for (String opt : List.of("--backend", "--layers", "--method", "--buffer", "--replay", "--active-classes", "--seed", "--eval-every", "--out", "--name")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                    throw new UserError(opt + " cannot be changed on --resume (the run's config.json fixes it)");
                }
            }
            if (tasks != null) throw new UserError("--resume takes the task sequence from the run's config.json; leave out " + tasks);
            r = ContinualRun.resume(resume, data.toOptions(), checkPhases, checkCopies, printer);
        } else {
            if (tasks == null) throw new UserError("give a task-sequence file (or one of " + String.join(", ", TaskSequenceFile.SHIPPED) + "), or --resume RUN_DIR");
            r = ContinualRun.start(settings(), out, data.toOptions(), printer);
        }
        return r;
    }

    private ContinualSettings settings() {
        TaskSequenceFile.Loaded loaded = TaskSequenceFile.read(tasks);
        Variant v = Variant.parse(loaded.sequence().variant());
        int[] sizes = layers == null ? new int[] {v.inputs(), 400, 10} : Layers.parse(layers);
        if (!List.of("chip", "functional").contains(backend)) throw new UserError("unknown --backend '" + backend + "' (use chip or functional)");
        String m = method.strip().toLowerCase(Locale.ROOT);
        Integer buf = buffer;
        Integer rep = replay;
        if (m.equals("rehearsal") && rep == null) rep = 1; // the default buffer (1 %) is set once the data are read
        String n = name != null ? name : loaded.sequence().name() + "-" + m + (activeClasses ? "-active" : "") + "-" + backend + "-s" + seed;
        List<Integer> l = java.util.Arrays.stream(sizes).boxed().toList();
        ContinualSettings s = new ContinualSettings(loaded.origin(), Checksums.sha256(loaded.bytes()), backend, l, m, buf, rep, activeClasses, seed, evalEvery, n,
                checkPhases, checkCopies);
        s.methodValue(1);
        return s;
    }

    private static void print(PrintWriter o, ContinualRun.Outcome out) {
        Results r = out.results();
        if (out.alreadyFinished()) o.println(out.runDirectory() + " had finished; its outputs were rewritten from its last checkpoint.");
        for (Results.Readout ro : List.of(r.spikes(), r.potential())) {
            if (ro.metrics() == null) continue;
            var m = ro.metrics();
            o.printf(Locale.ROOT, "%-9s average accuracy %.4f, backward transfer %s, forward transfer %s, average forgetting %s%n", ro.name(), m.averageAccuracy(),
                    f(m.backwardTransfer()), f(m.forwardTransfer()), f(m.averageForgetting()));
        }
        if (Double.isFinite(r.energyPerTrainingSample())) {
            o.printf(Locale.ROOT, "predicted dynamic energy: %.1f uJ per training sample (%.1f uJ per sample through the chip, %.3f of them per training sample)%n",
                    r.energyPerTrainingSample(), r.energyPerChipSample(), (double) r.chipSamples() / r.samples());
        }
        o.println("done: accuracy matrix, curves and summary in " + out.runDirectory());
        o.flush();
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v) : "n/a";
    }
}
