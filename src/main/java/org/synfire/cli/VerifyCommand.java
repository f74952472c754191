package org.synfire.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Split;
import org.synfire.nbp.TrainingRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire verify}: the spiking network against the functional model, matrix by matrix, sample by sample. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the synfire-gated training network (the paper's 12-phase network, or with --layers the compiled"
                + " one for any depth) on the emulated chip and the functional nBP model (chip convention) side by side, from"
                + " the same initial weights over the same samples. After every sample, compare the output spikes and every"
                + " on-chip instance of every logical matrix: each copy and transpose with the model's matrix, and each"
                + " negated transpose with the model's own saturated copy (the chip stores -256..254, so -(-256) is 254);"
                + " every population's phases are checked too.",
                "Prints the first divergence (sample, matrix, index, both values) and exits with 1, or prints"
                + " \"identical after N samples\" and exits with 0."})
public final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--samples", paramLabel = "N", description = "Samples to compare (default ${DEFAULT-VALUE}; 60000 is one MNIST epoch).")
    long samples = 1000;

    @Option(names = "--shuffle", description = "Use the first epoch's shuffled order of a training run with --seed instead of file order.")
    boolean shuffle;

    @Option(names = "--input-threshold", paramLabel = "T", description = "Binarisation threshold (default ${DEFAULT-VALUE}).")
    double threshold = 0.5;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "When the output is not a terminal, print a progress line (done/total, samples per second, ETA) every"
                    + " SECONDS seconds (default ${DEFAULT-VALUE}); on a terminal a bar is redrawn in place.")
    double progressEvery = 10;

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10",
            description = "Verify the compiled network of these widths (any number of hidden layers) against the layered model,"
                    + " every instance of every matrix after every sample; phases are checked too. Default: the paper's network.")
    String layers;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (samples < 1) throw new UserError("--samples must be >= 1");
        if (layers == null) {
            // the paper's network is the compiler's for one hidden layer: one path for every depth
            shape.checkChipFits();
            return verify(new int[] {shape.variant.inputs(), shape.hidden, 10});
        }
        int[] widths = Layers.parse(layers);
        if (widths[0] != shape.variant.inputs()) {
            throw new UserError("--layers " + layers + " starts with " + widths[0] + " inputs, but --variant " + shape.variant.cliName()
                    + " has " + shape.variant.inputs());
        }
        if (widths[widths.length - 1] != 10) throw new UserError("--layers " + layers + " must end with the 10 outputs of the dataset's classes");
        return verify(widths);
    }

    /** The compiled network of these widths against {@link org.synfire.nbp.LayeredNbp}, every instance after every sample. */
    private int verify(int[] widths) {
        org.synfire.nbp.sgsc.CompiledNetworks network = org.synfire.nbp.sgsc.CompiledNetworks.training(widths);
        org.synfire.net.NetworkDescription d = network.description();
        org.synfire.nbp.sgsc.Protocol protocol = network.protocol();
        PrintWriter out = spec.commandLine().getOut();
        BinaryDataset train = org.synfire.data.Datasets.load(shape.data.toOptions(), shape.variant, Split.TRAIN, threshold);
        TrainingRandom rng = TrainingRandom.create("synfire", shape.seed);
        int[] order = rng.initialOrder(train.size());
        org.synfire.nbp.LayeredWeights init = rng.initialWeights(widths);
        if (shuffle) rng.shuffleForEpoch(0, order);
        out.printf(Locale.ROOT, "verify: %s, %s (%d hidden layers, %d steps per sample), seed %d, %s order, %,d samples (%s)%n",
                shape.variant.cliName(), org.synfire.nbp.sgsc.SgscEnergy.shape(widths).replace('-', ','), widths.length - 2, protocol.steps(), shape.seed, shuffle ? "shuffled" : "file", samples,
                train.description());
        out.flush();
        long t0 = System.nanoTime();
        ProgressLine progress = new ProgressLine(out, TrainCommand.onTerminal(), progressEvery, "samples");
        org.synfire.nbp.sgsc.SgscEquivalence.Result r = org.synfire.nbp.sgsc.SgscEquivalence.run(d, protocol, init, train, order, samples,
                shape.seed, true, done -> progress.update("identical so far", done, samples));
        progress.clear();
        double secs = (System.nanoTime() - t0) / 1e9;
        StringBuilder drift = new StringBuilder();
        for (int l = 1; l < r.negatedDrift().length; l++) {
            if (r.negatedDrift()[l] > 0) drift.append(drift.isEmpty() ? "" : ", ").append("-W").append(l + 1).append("^T ").append(r.negatedDrift()[l]);
        }
        out.println(r.identical() ? "identical after " + r.samples() + " samples, phases checked"
                + (drift.isEmpty() ? "" : " (negated copies differ from a rebuild by their own saturation: " + drift + " entries)")
                : "diverged: " + r.divergence());
        out.printf(Locale.ROOT, "time: %.1f s in all, %.3f ms per sample%n", secs, secs * 1e3 / Math.max(1, r.samples()));
        out.flush();
        return r.identical() ? 0 : 1;
    }
}
