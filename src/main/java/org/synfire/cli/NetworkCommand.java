package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synfire.nbp.sgsc.SgscCompiler;
import org.synfire.nbp.sgsc.SgscSchedule;
import org.synfire.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synfire network}: write network files. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Write network files that you can read, edit and run.",
        subcommands = {NetworkCommand.Sgsc.class, CommandLine.HelpCommand.class})
public final class NetworkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code synfire network sgsc}: the synfire-gated training (or inference) network for any depth and widths. */
    @Command(name = "sgsc", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write the synfire-gated synfire chain that trains a binarized network with backpropagation on chip,"
                    + " for any number of hidden layers and any widths, as a commented network file.",
                    "With one hidden layer it is the paper's 12-phase network; each further hidden layer adds 6 steps per sample"
                    + " (6L + 6 in all). The file ends with a protocol section: when each generator fires, where the output is"
                    + " read, which population may spike in which phase, and which projections hold which logical matrix."})
    public static final class Sgsc implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--layers", required = true, paramLabel = "N_IN,H1,...,N_OUT",
                description = "Layer widths, inputs first, outputs last, e.g. 400,400,400,10 (two hidden layers).")
        String layers;

        @Option(names = "--infer", description = "Write the matching inference network (forward pass only, L + 3 steps per sample).")
        boolean infer;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the network file (YAML).")
        Path out;

        @Override
        public Integer call() {
            int[] widths = Layers.parse(layers);
            AtomicFiles.checkWritable(out);
            String yaml = infer ? SgscCompiler.inferenceNetwork(widths) : SgscCompiler.trainingNetwork(widths);
            AtomicFiles.writeString(out, yaml);
            int hidden = widths.length - 2;
            PrintWriter w = spec.commandLine().getOut();
            w.printf("wrote %s: %s network %s, %d hidden layer%s, %d steps per sample%n", out, infer ? "inference" : "training", layers,
                    hidden, hidden == 1 ? "" : "s", infer ? hidden + 3 : new SgscSchedule(hidden).steps());
            w.flush();
            return 0;
        }
    }
}
