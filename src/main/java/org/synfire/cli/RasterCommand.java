package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscChip;
import org.synfire.report.AtomicFiles;
import org.synfire.report.RasterPlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire raster}: every population's spikes over one training sample's phases, for a network of any depth. */
@Command(name = "raster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the spiking network on the emulated chip over training samples 0..K-1 (file order, from the"
                + " seeded initial weights), then record every population during sample K's steps (12 for the paper's"
                + " network, 6L + 6 with --layers and L hidden layers).",
                "Writes raster.png and raster.svg (one band per population, x = phase) and spike-counts.csv"
                + " (spikes per population and phase), and prints that table."})
public final class RasterCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", paramLabel = "K", required = true, description = "Training sample to record (0-based, file order).")
    int sample;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/raster-sample-K).")
    Path out;




    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10", description = "Record the compiled network of these widths (any depth).")
    String layers;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (sample < 0) throw new UserError("--sample must be >= 0");
        PrintWriter pw = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("runs", "raster-sample-" + sample);
        // the four outputs share one folder: one check covers them, before the data are read
        AtomicFiles.checkWritable(dir.resolve("raster.png"));
        int[] widths = layers != null ? Layers.parse(layers) : new int[] {shape.variant.inputs(), shape.hidden, 10};
        if (widths[0] != shape.variant.inputs()) {
            throw new UserError("--layers " + layers + " starts with " + widths[0] + " inputs, but --variant " + shape.variant.cliName() + " has " + shape.variant.inputs());
        }
        if (layers == null) shape.checkChipFits(); // names --hidden and the largest that fits
        CompiledNetworks network = CompiledNetworks.training(widths); // refuses a network too large for the chip
        BinaryDataset train = org.synfire.data.Datasets.load(shape.data.toOptions(), shape.variant, Split.TRAIN, 0.5);
        if (sample >= train.size()) throw new UserError("--sample " + sample + " is outside the training set (" + train.size() + " samples)");
        LayeredWeights init = TrainingRandom.create("synfire", shape.seed).initialWeights(widths);
        SgscChip net = new SgscChip(network.description(), network.protocol(), init, shape.seed);
        int steps = network.protocol().steps();
        // top to bottom as the protocol lists them: gates, then the forward and backward layers
        String[] order = network.protocol().allowed().keySet().toArray(String[]::new);
        byte[] o = new byte[widths[widths.length - 1]];
        for (int i = 0; i < sample; i++) net.runSample(train.inputs(), i * train.inputCount(), train.labels()[i], o, true);
        Chip chip = net.chip();
        long first = chip.time() + 1, last = chip.time() + steps;
        List<SpikeProbe> probes = new ArrayList<>();
        for (String name : order) probes.add(chip.probeSpikes(chip.source(name), first, last));
        net.runSample(train.inputs(), sample * train.inputCount(), train.labels()[sample], o, true);

        String[] phases = new String[steps];
        for (int p = 0; p < phases.length; p++) phases[p] = Integer.toString(p);
        List<RasterPlot.Band> bands = new ArrayList<>();
        int[][] counts = new int[order.length][steps];
        for (int i = 0; i < order.length; i++) {
            SpikeProbe p = probes.get(i);
            double[] x = new double[p.count()];
            int[] idx = new int[p.count()];
            for (int k = 0; k < p.count(); k++) {
                int phase = (int) (p.step(k) - first);
                x[k] = phase;
                idx[k] = p.index(k);
                counts[i][phase]++;
            }
            bands.add(new RasterPlot.Band(order[i], p.populationSize(), x, idx));
        }
        RasterPlot.write(dir, "raster", String.format(Locale.ROOT, "sample %d (label %d), %s %s, seed %d", sample, train.labels()[sample],
                shape.variant.cliName(), init.shape(), shape.seed), bands, phases);

        StringBuilder csv = new StringBuilder("population");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-9s", "phase"));
        for (int p = 0; p < steps; p++) {
            csv.append(",phase_").append(p);
            table.append(String.format(Locale.ROOT, "%6d", p));
        }
        csv.append(",total\n");
        table.append("  total\n");
        for (int i = 0; i < order.length; i++) {
            csv.append(order[i]);
            table.append(String.format(Locale.ROOT, "%-9s", order[i]));
            int total = 0;
            for (int p = 0; p < steps; p++) {
                csv.append(',').append(counts[i][p]);
                table.append(counts[i][p] == 0 ? "     ." : String.format(Locale.ROOT, "%6d", counts[i][p]));
                total += counts[i][p];
            }
            csv.append(',').append(total).append('\n');
            table.append(String.format(Locale.ROOT, "%7d%n", total));
        }
        AtomicFiles.writeString(dir.resolve("spike-counts.csv"), csv.toString());
        java.util.Map<String, Object> cfg = shape.config();
        cfg.put("command", "raster");
        cfg.put("layers", java.util.Arrays.stream(widths).boxed().toList());
        cfg.put("sample", sample);
        cfg.put("label", train.labels()[sample]);
        cfg.put("trained_on_samples", "0.." + (sample - 1) + " in file order, then recorded sample " + sample);
        AtomicFiles.writeString(dir.resolve("config.json"), NetworkOptions.json(cfg));
        pw.printf(Locale.ROOT, "raster of training sample %d (label %d, %s): %s%n", sample, train.labels()[sample],
                (o[train.labels()[sample]] == 1 ? "output fires on the label" : "output misses the label"), dir.resolve("raster.png"));
        pw.print(table);
        pw.flush();
        return 0;
    }
}
