package org.synfire.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synfire.UserError;
import org.synfire.data.DataEnvironment.SearchRoot;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.DatasetRegistry.FileSpec;

/**
 * Finds dataset files in an ordered list of folders. In each folder ROOT it accepts {@code ROOT/<dataset>/<file>}
 * and, when ROOT is itself the dataset's folder (its name is the dataset's or an alias, e.g. {@code .../fmnist}) or
 * was given with {@code --data}, {@code ROOT/<file>}; each as {@code <file>.gz} or uncompressed {@code <file>}.
 * The first match wins.
 */
public final class Locator {
    private final List<SearchRoot> roots;

    public Locator(List<SearchRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    public List<SearchRoot> roots() {
        return roots;
    }

    /** The file, or null if no folder has it. */
    public Path find(DatasetSpec dataset, FileSpec file) {
        for (SearchRoot root : roots) {
            for (Path p : candidates(root, dataset, file)) {
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    /** The file; if no folder has it, a {@link UserError} listing every place searched and how to provide it. */
    public Path require(DatasetSpec dataset, FileSpec file, DataEnvironment env) {
        Path p = find(dataset, file);
        if (p != null) return p;
        throw new UserError(dataset.name() + ": cannot find " + file.name() + "(.gz).\n"
                + searched(dataset) + howToProvide(dataset, env, true));
    }

    /** Folders that may hold the dataset's files, for messages: one line per search root. */
    public String searched(DatasetSpec dataset) {
        StringBuilder s = new StringBuilder("Searched (in this order):\n");
        for (SearchRoot root : roots) {
            Set<Path> dirs = new LinkedHashSet<>();
            for (Path p : candidates(root, dataset, dataset.files().get(0))) dirs.add(p.getParent());
            s.append("  ").append(root.origin()).append(": ");
            s.append(String.join(", ", dirs.stream()
                    .map(d -> d + "/" + (Files.isDirectory(d) ? "" : " (does not exist)")).toList()));
            s.append('\n');
        }
        return s.toString();
    }

    /** Ways to make a dataset available; {@code suggestFetch} is false when a fetch has just failed. */
    public static String howToProvide(DatasetSpec dataset, DataEnvironment env, boolean suggestFetch) {
        StringBuilder s = new StringBuilder("To provide the files (the four IDX files, .gz or uncompressed):\n");
        Path download = env.downloadDir();
        if (suggestFetch) {
            s.append(String.format("  %-34s %s\n", "synfire data fetch " + dataset.name(),
                    download == null ? "downloads them (needs --dest DIR)" : "downloads them into " + download.resolve(dataset.name()) + "/"));
        } else if (download != null) {
            s.append(String.format("  %-34s %s\n", "copy them into", download.resolve(dataset.name()) + "/"));
        }
        s.append(String.format("  %-34s %s\n", "--data DIR or SYNFIRE_DATA=DIR", "where DIR holds " + dataset.name() + "/<file> or the files themselves"));
        if (dataset.packageHint() != null) s.append("  ").append(dataset.packageHint()).append('\n');
        return s.toString().stripTrailing();
    }

    static List<Path> candidates(SearchRoot root, DatasetSpec dataset, FileSpec file) {
        List<Path> out = new ArrayList<>();
        Path dir = root.dir().resolve(dataset.name());
        out.add(dir.resolve(file.gzName()));
        out.add(dir.resolve(file.name()));
        Path name = root.dir().getFileName();
        if (root.explicit() || (name != null && dataset.isFolderName(name.toString()))) {
            out.add(root.dir().resolve(file.gzName()));
            out.add(root.dir().resolve(file.name()));
        }
        return out;
    }
}
