package org.synfire.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synfire.report.AtomicFiles;

/**
 * Remembers dataset files whose SHA-256 was already checked, so later runs skip hashing 47 MB. One line per file:
 * absolute path, size, modification time (ms), SHA-256 of the decompressed bytes, tab-separated. An entry counts
 * only while the file's size and modification time are unchanged. The file is rewritten atomically; if it cannot
 * be read or written (e.g. a read-only home), the cache is silently skipped and files are verified every time.
 */
public final class VerifiedCache {
    private static final String HEADER = "# synfire: dataset files already verified (path, size, mtime ms, sha256 of decompressed bytes)";

    private final Path file;

    private record Entry(long size, long mtime, String sha256) {}

    /** A cache stored in {@code file}; null disables it. */
    public VerifiedCache(Path file) {
        this.file = file;
    }

    public static VerifiedCache disabled() {
        return new VerifiedCache(null);
    }

    public Path file() {
        return file;
    }

    /** Whether {@code path} was verified to have this SHA-256 and has not changed since. */
    public boolean contains(Path path, String sha256) {
        if (file == null) return false;
        Entry stamp = stamp(path, sha256);
        return stamp != null && stamp.equals(load().get(key(path)));
    }

    /** Records that {@code path} (as it is now) has this SHA-256. Failures to write are ignored. */
    public void add(Path path, String sha256) {
        if (file == null) return;
        Entry stamp = stamp(path, sha256);
        String key = key(path);
        if (stamp == null || key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) return;
        Map<String, Entry> entries = load();
        if (stamp.equals(entries.get(key))) return;
        entries.put(key, stamp);
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        entries.forEach((k, e) -> s.append(k).append('\t').append(e.size).append('\t').append(e.mtime)
                .append('\t').append(e.sha256).append('\n'));
        try {
            AtomicFiles.writeString(file, s.toString());
        } catch (UncheckedIOException e) {
            // Not writable (read-only home, full disk): verification simply happens again next time.
        }
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static Entry stamp(Path path, String sha256) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Entry(a.size(), a.lastModifiedTime().toMillis(), sha256);
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, Entry> load() {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 4) continue;
                try {
                    out.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                } catch (NumberFormatException e) {
                    // a damaged line only costs one re-verification
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }
}
