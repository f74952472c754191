package org.synfire.data;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * How to find and check dataset files.
 *
 * @param dataDir   a folder to search first ({@code --data DIR}), or null
 * @param verify    whether to check the SHA-256 of each file against the registry ({@code --no-verify} turns it off)
 * @param autoFetch where to report a download of a dataset found nowhere; null never downloads ({@code --offline})
 */
public record DataOptions(Path dataDir, boolean verify, AutoFetch autoFetch) {
    /** Never downloads: what library callers and tests get unless they ask. */
    public DataOptions(Path dataDir, boolean verify) {
        this(dataDir, verify, null);
    }

    /** No extra folder, verification on, no download. */
    public static DataOptions defaults() {
        return new DataOptions(null, true);
    }

    /**
     * A dataset found in none of the searched folders, with no {@code --data} given, is downloaded into the download
     * folder, as {@code synfire data fetch} would, and the command goes on.
     *
     * @param log          where the download is reported
     * @param terminal     whether {@code log} is a terminal (a bar redrawn in place) or a pipe (a line every
     *                     {@code everySeconds})
     * @param everySeconds seconds between progress lines when piped
     */
    public record AutoFetch(PrintWriter log, boolean terminal, double everySeconds) {}
}
