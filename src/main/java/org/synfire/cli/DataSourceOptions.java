package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.synfire.data.DataOptions;
import picocli.CommandLine.Option;

/** The options every command that reads datasets shares: {@code --data DIR}, {@code --no-verify} and {@code --offline}. */
public final class DataSourceOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the dataset files from DIR (DIR/<dataset>/<file> or DIR/<file>) and nowhere else; DIR must exist.")
    Path dataDir;

    @Option(names = "--no-verify",
            description = "Do not check the files' SHA-256 against the official ones "
                    + "(for deliberately custom files, e.g. subsets).")
    boolean noVerify;

    @Option(names = "--offline",
            description = "Never download: a dataset found in no searched folder is an error listing the places searched "
                    + "(SYNFIRE_OFFLINE=1 does the same). Without it such a dataset is downloaded into "
                    + "~/.cache/synfire/datasets/ first, as `synfire data fetch` would.")
    boolean offline;

    public DataOptions toOptions() {
        return toOptions(System.getenv("SYNFIRE_OFFLINE"));
    }

    /** {@code env} is the value of SYNFIRE_OFFLINE, or null. */
    DataOptions toOptions(String env) {
        boolean never = offline || (env != null && !env.isBlank() && !env.equals("0"));
        // downloads report on stderr, so that a command's own output stays clean when piped
        DataOptions.AutoFetch fetch = never ? null : new DataOptions.AutoFetch(new PrintWriter(System.err, true), System.console() != null, 5);
        return new DataOptions(dataDir, !noVerify, fetch);
    }
}
