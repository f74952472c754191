package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.data.DatasetRegistry;
import org.synfire.data.Datasets;
import org.synfire.io.Npy;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire data export}: the binarised inputs and labels of one split as .npy files. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write one split's binarised inputs and labels as NumPy .npy files.",
            "",
            "  DIR/inputs.npy  uint8 0/1, shape (N, inputs), samples in file order",
            "  DIR/labels.npy  uint8 0..9, shape (N,)",
            "The inputs are exactly what the network sees. Variants:",
            "  mnist10   crop 4, bilinear 20->10, 100 inputs",
            "  mnist20   crop 4, 400 inputs (the paper's network)",
            "  mnist28   784 inputs",
            "  fmnist28  Fashion-MNIST, 784 inputs",
            "As in the authors' code, an input is 1 iff threshold < round(v/255*256, 2),",
            "v the resized pixel in [0,1]. At threshold 0.5: pixel >= 129 (mnist10:",
            "2x2 block sum >= 514)."
        })
public final class DataExportCommand implements Runnable {
    @Option(names = "--variant", paramLabel = "VARIANT", defaultValue = "mnist20", converter = VariantConverter.class,
            description = "mnist10, mnist20, mnist28 or fmnist28 (default: ${DEFAULT-VALUE}).")
    Variant variant;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "mnist or fashion-mnist; defaults to the variant's dataset and must match it.")
    String dataset;

    @Option(names = "--split", paramLabel = "SPLIT", required = true, converter = VariantConverter.SplitConverter.class,
            description = "train (60000 samples) or test (10000).")
    Split split;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for inputs.npy and labels.npy (created if needed).")
    Path out;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Binarisation threshold on the authors' rounded value (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Mixin
    DataSourceOptions source = new DataSourceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Injected by tests; the real machine otherwise. */
    Datasets datasets;

    @Override
    public void run() {
        if (dataset != null && !DatasetRegistry.get(dataset).name().equals(variant.dataset)) {
            throw new UserError("--dataset " + dataset + " does not go with --variant " + variant.cliName()
                    + ": variant " + variant.cliName() + " is defined on " + variant.dataset
                    + (variant.dataset.equals("mnist") ? " (for fashion-mnist use --variant fmnist28)" : " (for mnist use mnist10, mnist20 or mnist28)"));
        }
        if (!Double.isFinite(threshold)) throw new UserError("--threshold must be a finite number, got " + threshold);
        Path inputs = out.resolve("inputs.npy");
        Path labels = out.resolve("labels.npy");
        // both files go into one folder: check it before reading and binarising 60000 images
        AtomicFiles.checkWritable(inputs);
        Datasets ds = datasets != null ? datasets : Datasets.system();
        long t0 = System.nanoTime();
        BinaryDataset data = ds.read(source.toOptions(), variant, split, threshold);
        Npy.writeUint8(inputs, data.inputs(), data.size(), data.inputCount());
        Npy.writeUint8(labels, data.labels(), data.size());
        long active = 0;
        for (byte b : data.inputs()) active += b;
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d samples x %d inputs, %.1f active inputs per sample on average (%.1f s)%n",
                data.description(), data.size(), data.inputCount(), data.size() == 0 ? 0.0 : (double) active / data.size(),
                (System.nanoTime() - t0) / 1e9);
        w.println("wrote " + inputs + " and " + labels);
        w.flush();
    }
}
