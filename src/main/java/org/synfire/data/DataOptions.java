package org.synfire.data;

import java.nio.file.Path;

/**
 * How to find and check dataset files.
 *
 * @param dataDir a folder to search first ({@code --data DIR}), or null
 * @param verify  whether to check the SHA-256 of each file against the registry ({@code --no-verify} turns it off)
 */
public record DataOptions(Path dataDir, boolean verify) {
    /** No extra folder, verification on. */
    public static DataOptions defaults() {
        return new DataOptions(null, true);
    }
}
