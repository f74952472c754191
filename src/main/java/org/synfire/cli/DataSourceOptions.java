package org.synfire.cli;

import java.nio.file.Path;
import org.synfire.data.DataOptions;
import picocli.CommandLine.Option;

/** The options every command that reads datasets shares: {@code --data DIR} and {@code --no-verify}. */
public final class DataSourceOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the dataset files from DIR (DIR/<dataset>/<file> or DIR/<file>) and nowhere else; DIR must exist.")
    Path dataDir;

    @Option(names = "--no-verify",
            description = "Do not check the files' SHA-256 against the official ones "
                    + "(for deliberately custom files, e.g. subsets).")
    boolean noVerify;

    public DataOptions toOptions() {
        return new DataOptions(dataDir, !noVerify);
    }
}
