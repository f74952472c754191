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
 *
 * <p>A dataset's files all come from one folder: the first that holds any of them. A file missing there is an
 * error naming the folder and the file, never quietly taken from a later place, so the four files of a run always
 * belong together.
 */
public final class Locator {
    private final List<SearchRoot> roots;

    public Locator(List<SearchRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    public List<SearchRoot> roots() {
        return roots;
    }

    /**
     * Where a dataset is: the first search root with a folder holding any of its files, that folder, and the file
     * asked for, or null if that folder lacks it (a partial copy).
     */
    public record Found(SearchRoot root, Path folder, Path file) {}

    /** The dataset's folder and the file in it; null if no folder holds any of the dataset's files. */
    public Found lookup(DatasetSpec dataset, FileSpec file) {
        for (SearchRoot root : roots) {
            for (Path dir : folders(root, dataset)) {
                if (holdsAny(dir, dataset)) return new Found(root, dir, fileIn(dir, file));
            }
        }
        return null;
    }

    /** The file, or null if no folder has it (or the dataset's folder lacks it). */
    public Path find(DatasetSpec dataset, FileSpec file) {
        Found f = lookup(dataset, file);
        return f == null ? null : f.file();
    }

    /** The file; if it is not found, a {@link UserError} naming the partial folder, or listing every place searched. */
    public Path require(DatasetSpec dataset, FileSpec file, DataEnvironment env) {
        Found f = lookup(dataset, file);
        if (f != null && f.file() != null) return f.file();
        if (f != null) throw new UserError(partial(dataset, file, f));
        throw new UserError(dataset.name() + ": cannot find " + file.name() + "(.gz).\n"
                + searched(dataset) + howToProvide(dataset, env, true));
    }

    /** "mnist: /d/mnist/ (--data) has no t10k-labels-idx1-ubyte(.gz), though it holds ...; what to do". */
    static String partial(DatasetSpec dataset, FileSpec file, Found f) {
        List<String> present = new ArrayList<>();
        for (FileSpec other : dataset.files()) {
            Path p = fileIn(f.folder(), other);
            if (p != null) present.add(p.getFileName().toString());
        }
        String advice = f.root().explicit()
                ? "add the missing file there, or give --data a folder with all four"
                : "a dataset's files are all read from the first folder that holds any of them: add the missing file there,"
                        + " or move that folder away to use the next place searched";
        return dataset.name() + ": " + f.folder() + "/ (" + f.root().origin() + ") has no " + file.name() + "(.gz), though it holds "
                + String.join(", ", present) + "; " + advice;
    }

    /** Folders that may hold the dataset's files, for messages: one line per search root. */
    public String searched(DatasetSpec dataset) {
        StringBuilder s = new StringBuilder("Searched (in this order):\n");
        for (SearchRoot root : roots) {
            Set<Path> dirs = new LinkedHashSet<>(folders(root, dataset));
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

    /** The folders of one root that may be the dataset's: ROOT/<dataset>/, then ROOT itself where allowed. */
    static List<Path> folders(SearchRoot root, DatasetSpec dataset) {
        List<Path> out = new ArrayList<>();
        out.add(root.dir().resolve(dataset.name()));
        Path name = root.dir().getFileName();
        if (root.explicit() || (name != null && dataset.isFolderName(name.toString()))) out.add(root.dir());
        return out;
    }

    private static boolean holdsAny(Path dir, DatasetSpec dataset) {
        if (!Files.isDirectory(dir)) return false;
        for (FileSpec f : dataset.files()) if (fileIn(dir, f) != null) return true;
        return false;
    }

    /** {@code dir/<file>.gz}, else the uncompressed {@code dir/<file>}; null if neither is a file. */
    static Path fileIn(Path dir, FileSpec file) {
        Path gz = dir.resolve(file.gzName());
        if (Files.isRegularFile(gz)) return gz;
        Path plain = dir.resolve(file.name());
        return Files.isRegularFile(plain) ? plain : null;
    }
}
