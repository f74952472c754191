package org.synfire.sweep.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.synfire.UserError;
import org.synfire.io.AtomicFiles;

/**
 * A run directory as bytes, to travel between a member and the submitting machine: every file but the lock and
 * temporary files, and of the checkpoints only the newest complete one (it is all a resume needs).
 */
final class RunArchive {
    private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d+)-half-([12])");
    private static final String SUMS = "SHA256SUMS";

    private RunArchive() {}

    /**
     * Files of {@code dir} by relative path ('/'-separated), plus {@code extra} entries. The run may still be writing
     * (plots on its second thread): a temporary file that is renamed away while the tree is read is skipped, and a
     * file replaced by a rename is read whole, old or new.
     */
    static byte[] pack(Path dir, Map<String, byte[]> extra) {
        return pack(dir, dir != null && Files.isDirectory(dir) ? files(dir) : List.of(), extra);
    }

    /** {@link #pack} of the listed files of {@code dir}; a listed file that no longer exists is left out. */
    static byte[] pack(Path dir, List<Path> files, Map<String, byte[]> extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(1); // weights compress little; time matters more
            for (Map.Entry<String, byte[]> e : extra.entrySet()) put(zip, e.getKey(), e.getValue());
            String keep = files.isEmpty() ? null : newestCheckpoint(dir);
            for (Path f : files) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                String name = f.getFileName().toString();
                if (name.equals(".lock") || name.endsWith(".tmp")) continue;
                if (rel.startsWith("checkpoints/")) {
                    String[] parts = rel.split("/");
                    if (parts.length < 3 || !parts[1].equals(keep)) continue;
                }
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                put(zip, "run/" + rel, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** The regular files under {@code dir}, sorted; entries that vanish while the tree is read are skipped. */
    private static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isRegularFile()) out.add(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The newest checkpoint folder with its SHA256SUMS (written last, so it is complete), or null. */
    static String newestCheckpoint(Path runDir) {
        Path root = runDir.resolve("checkpoints");
        if (!Files.isDirectory(root)) return null;
        String best = null;
        long bestKey = -1;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p.resolve(SUMS))) {
                    long key = Long.parseLong(m.group(1)) * 2 + Long.parseLong(m.group(2));
                    if (key > bestKey) {
                        bestKey = key;
                        best = p.getFileName().toString();
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }

    /** Progress of a checkpoint folder name: epoch * 2 + half, or -1 for none. */
    static long key(String checkpoint) {
        if (checkpoint == null) return -1;
        Matcher m = CHECKPOINT.matcher(checkpoint);
        return m.matches() ? Long.parseLong(m.group(1)) * 2 + Long.parseLong(m.group(2)) : -1;
    }

    /** The newest checkpoint an archive holds, or null. */
    static String newestCheckpoint(byte[] archive) {
        String best = null;
        for (String name : read(archive).keySet()) {
            String[] p = name.split("/");
            if (p.length == 4 && p[0].equals("run") && p[1].equals("checkpoints") && p[3].equals(SUMS) && key(p[2]) > key(best)) best = p[2];
        }
        return best;
    }

    /** Every entry, by name. */
    static Map<String, byte[]> read(byte[] archive) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (!e.isDirectory()) out.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UserError("a run archive from the cluster is damaged: " + e.getMessage());
        }
        return out;
    }

    /**
     * Writes the archive's run files into {@code dir}, each atomically: config.json first and every SHA256SUMS last,
     * so an interrupted unpack leaves the previous checkpoint whole and the new one ignored.
     */
    static void unpack(Map<String, byte[]> entries, Path dir) {
        List<String> names = new ArrayList<>();
        for (String n : entries.keySet()) if (n.startsWith("run/")) names.add(n);
        names.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        Path root = dir.toAbsolutePath().normalize();
        for (String n : names) {
            Path target = root.resolve(n.substring(4)).normalize();
            if (!target.startsWith(root) || target.equals(root)) throw new UserError("a run archive from the cluster names a file outside its run: " + n);
            AtomicFiles.writeBytes(target, entries.get(n));
        }
    }

    private static int rank(String name) {
        if (name.equals("run/config.json")) return 0;
        if (name.endsWith("/" + SUMS)) return 2;
        return 1;
    }
}
