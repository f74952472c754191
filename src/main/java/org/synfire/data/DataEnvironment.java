package org.synfire.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the machine that decide where datasets are looked for and where caches live. Tests build their own
 * so that nothing depends on the real home directory or environment.
 *
 * @param env           environment variables (SYNFIRE_DATA, XDG_CACHE_HOME)
 * @param cwd           working directory (for {@code ./data})
 * @param home          home directory, or null if unknown
 * @param systemDatasets where distribution packages install datasets ({@code /usr/share/datasets})
 */
public record DataEnvironment(Map<String, String> env, Path cwd, Path home, Path systemDatasets) {
    public DataEnvironment {
        env = Map.copyOf(env);
    }

    /** One folder to search, with where it came from (shown in messages). */
    public record SearchRoot(Path dir, String origin, boolean explicit) {}

    public static DataEnvironment system() {
        String home = System.getProperty("user.home");
        return new DataEnvironment(System.getenv(), Path.of("").toAbsolutePath(),
                home == null || home.isBlank() ? null : Path.of(home), Path.of("/usr/share/datasets"));
    }

    /** {@code $XDG_CACHE_HOME/synfire} if that variable holds an absolute path, else {@code ~/.cache/synfire}; null if neither is known. */
    public Path cacheDir() {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg).resolve("synfire");
        return home == null ? null : home.resolve(".cache").resolve("synfire");
    }

    /** Where {@code synfire data fetch} puts datasets by default: the cache's {@code datasets} folder. */
    public Path downloadDir() {
        Path c = cacheDir();
        return c == null ? null : c.resolve("datasets");
    }

    /** The file that remembers which dataset files were already verified; null if there is no cache folder. */
    public Path verifiedFile() {
        Path c = cacheDir();
        return c == null ? null : c.resolve("verified.tsv");
    }

    /**
     * The folders searched, in order: $SYNFIRE_DATA, ./data, the download folder, the system folder. With
     * {@code --data DIR} only DIR: the user said where the files are, and taking them from anywhere else would
     * make a run read data nobody asked for.
     */
    public List<SearchRoot> searchRoots(Path dataDir) {
        if (dataDir != null) return List.of(new SearchRoot(cwd.resolve(dataDir).normalize(), "--data", true));
        List<SearchRoot> roots = new ArrayList<>();
        String env = this.env.get("SYNFIRE_DATA");
        if (env != null && !env.isBlank()) roots.add(new SearchRoot(cwd.resolve(env).normalize(), "$SYNFIRE_DATA", false));
        roots.add(new SearchRoot(cwd.resolve("data"), "./data", false));
        Path download = downloadDir();
        if (download != null) roots.add(new SearchRoot(download, "download folder", false));
        if (systemDatasets != null) roots.add(new SearchRoot(systemDatasets, "system datasets", false));
        return roots;
    }
}
