package org.synfire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synfire data}: the MNIST and Fashion-MNIST files (where they are, download, export as .npy). */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = {
            "Datasets: find, download, check and export MNIST and Fashion-MNIST.",
            "",
            "Synfire reads the official IDX files (.gz or uncompressed). It looks for them in:",
            "  --data DIR, $SYNFIRE_DATA, ./data, ~/.cache/synfire/datasets, /usr/share/datasets",
            "as DIR/<dataset>/<file> or, when DIR is the dataset's own folder, DIR/<file>.",
            "Each file's SHA-256 is checked the first time it is used and remembered afterwards."
        },
        subcommands = {DataListCommand.class, DataFetchCommand.class, DataExportCommand.class,
                CommandLine.HelpCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
