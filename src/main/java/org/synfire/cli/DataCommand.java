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
            "Synfire reads the official IDX files (.gz or uncompressed). It looks in",
            "  $SYNFIRE_DATA, ./data, ~/.cache/synfire/datasets and /usr/share/datasets",
            "  (in this order), or only in --data DIR when that is given,",
            "for DIR/<dataset>/<file>, or DIR/<file> when DIR is the dataset's folder.",
            "A dataset's four files come from one folder, the first holding any of",
            "them; a file missing there is an error, not taken from elsewhere.",
            "Each file's SHA-256 is checked when first used and remembered afterwards",
            "(~/.cache/synfire/verified.tsv); --no-verify skips it for custom files."
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
