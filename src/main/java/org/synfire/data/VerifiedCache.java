package org.synfire.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Checksums;

/**
 * Remembers dataset files whose SHA-256 was already checked, so later runs skip hashing 47 MB. One line per file:
 * absolute path, size, modification time (ms), SHA-256 of the decompressed bytes, tab-separated. An entry counts
 * only while the file's size and modification time are unchanged. The file is rewritten atomically; if it cannot
 * be read or written (e.g. a read-only home), the cache is silently skipped and files are verified every time.
 *
 * <p>Beside it, in {@code binarised/}, it keeps binarised splits (one byte per input, so loading is one read, and a
 * CRC-32C of the file) under
 * a key that names the source files as they are now (path, size, modification time, file key), whether they were
 * verified, the variant, the threshold and the preprocessing code itself, so a run loads a split in milliseconds
 * instead of unzipping and preprocessing it. A damaged or stale file is ignored and rewritten.
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

    // ----- digests of files as stored -------------------------------------------------------------------------

    /** SHA-256 of a file as stored and of its decompressed bytes (the same for a file that is not .gz), as hex. */
    public record Digests(String file, String decompressed) {}

    /**
     * The digests of a file, remembered in {@code digests.tsv} beside the verified-files list under the file's path,
     * size and modification time (run records name their data files by both; hashing them costs a gunzip of 47 MB).
     */
    public Digests digests(Path path) {
        Path list = file == null ? null : file.resolveSibling("digests.tsv");
        Entry stamp = stamp(path, "");
        String key = key(path);
        Map<String, String> known = new LinkedHashMap<>();
        if (list != null && Files.isRegularFile(list)) {
            try {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && !line.startsWith("#")) known.put(line.substring(0, tab), line.substring(tab + 1));
                }
            } catch (IOException | UncheckedIOException e) {
                known.clear();
            }
        }
        String stampText = stamp == null ? null : stamp.size + "\t" + stamp.mtime + "\t";
        String hit = known.get(key);
        if (stampText != null && hit != null && hit.startsWith(stampText)) {
            String[] f = hit.substring(stampText.length()).split("\t");
            if (f.length == 2) return new Digests(f[0], f[1]);
        }
        Digests d = new Digests(sha256(path, false), path.getFileName().toString().endsWith(".gz") ? sha256(path, true) : null);
        if (d.decompressed == null) d = new Digests(d.file, d.file);
        if (list != null && stampText != null && key.indexOf('\t') < 0 && key.indexOf('\n') < 0 && key.indexOf('\r') < 0) {
            known.put(key, stampText + d.file + "\t" + d.decompressed);
            StringBuilder out = new StringBuilder("# synfire: SHA-256 of files as stored and decompressed (path, size, mtime ms, file, decompressed)\n");
            known.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
            try {
                AtomicFiles.writeString(list, out.toString());
            } catch (UncheckedIOException e) {
                // not writable: hashed again next time
            }
        }
        return d;
    }

    private static String sha256(Path p, boolean gunzip) {
        try (java.io.InputStream raw = Files.newInputStream(p);
                java.io.InputStream in = gunzip ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw) {
            java.security.MessageDigest md = Checksums.digest();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new org.synfire.UserError("cannot read " + p + ": " + e.getMessage());
        }
    }

    // ----- binarised splits -------------------------------------------------------------------------------------

    private static final byte[] MAGIC = "synfire binarised 2\n".getBytes(StandardCharsets.US_ASCII);

    /** The folder of binarised splits, or null when the cache is disabled. */
    Path binarisedDir() {
        return file == null ? null : file.resolveSibling("binarised");
    }

    /**
     * The key of a binarised split: everything its bits depend on. Null if a file cannot be read (then nothing is
     * cached). The preprocessing code enters by the CRC of its class files, so changing it invalidates every entry.
     */
    static String binarisedKey(Path images, Path labels, boolean verified, Variant variant, double threshold) {
        StringBuilder k = new StringBuilder("variant ").append(variant.cliName()).append(" threshold ")
                .append(Long.toHexString(Double.doubleToLongBits(threshold))).append(verified ? " verified" : " unverified")
                .append(" code ").append(CODE_VERSION);
        for (Path p : new Path[] {images, labels}) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                k.append('\n').append(key(p)).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)).append(' ').append(a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
        return k.toString();
    }

    private static final String CODE_VERSION = codeVersion(Preprocessing.class, Variant.class, VerifiedCache.class);

    private static String codeVersion(Class<?>... classes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (Class<?> c : classes) {
            try (var in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in == null) return "unknown-" + System.nanoTime(); // never matches: no caching
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                return "unknown-" + System.nanoTime();
            }
        }
        return Long.toHexString(crc.getValue());
    }

    private Path binarisedFile(String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a; the file holds the whole key, so a collision only misses
        for (int i = 0; i < key.length(); i++) h = (h ^ key.charAt(i)) * 0x100000001b3L;
        return binarisedDir().resolve(Long.toHexString(h) + ".bin");
    }

    /** The binarised split stored under this key, or null (none, stale, damaged, or the cache is disabled). */
    BinaryDataset binarised(String key, String description) {
        if (file == null || key == null) return null;
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        // read straight into the dataset's arrays: one copy of the 24 MB, not two
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(binarisedFile(key))) {
            long length = ch.size();
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(MAGIC.length + 4 + keyBytes.length + 8);
            if (!readFully(ch, head) || !java.util.Arrays.equals(head.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || head.getInt(MAGIC.length) != keyBytes.length
                    || !java.util.Arrays.equals(head.array(), MAGIC.length + 4, MAGIC.length + 4 + keyBytes.length, keyBytes, 0, keyBytes.length)) {
                return null;
            }
            int inputs = head.getInt(MAGIC.length + 4 + keyBytes.length), size = head.getInt(MAGIC.length + 8 + keyBytes.length);
            long n = (long) inputs * size;
            if (inputs < 1 || size < 0 || n > Integer.MAX_VALUE - 64 || length != head.capacity() + size + n + 8) return null;
            byte[] labels = new byte[size], x = new byte[(int) n];
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8);
            if (!readFully(ch, java.nio.ByteBuffer.wrap(labels)) || !readFully(ch, java.nio.ByteBuffer.wrap(x)) || !readFully(ch, tail)) return null;
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(head.array());
            crc.update(labels);
            crc.update(x);
            if (tail.getLong(0) != crc.getValue()) return null;
            return new BinaryDataset(description, inputs, size, x, labels);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static boolean readFully(java.nio.channels.FileChannel ch, java.nio.ByteBuffer b) throws IOException {
        while (b.hasRemaining()) if (ch.read(b) < 0) return false;
        return true;
    }

    /** Stores a binarised split under this key; failures to write are ignored (the split is just preprocessed again). */
    void storeBinarised(String key, BinaryDataset ds) {
        if (file == null || key == null) return;
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if ((long) MAGIC.length + 4 + keyBytes.length + 8 + ds.size() + ds.inputs().length + 8 > Integer.MAX_VALUE - 64) return;
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(MAGIC.length + 4 + keyBytes.length + 8 + ds.size() + ds.inputs().length + 8);
        out.put(MAGIC).putInt(keyBytes.length).put(keyBytes).putInt(ds.inputCount()).putInt(ds.size()).put(ds.labels()).put(ds.inputs());
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        try {
            AtomicFiles.writeBytes(binarisedFile(key), out.array());
            evict(KEEP_BINARISED);
        } catch (UncheckedIOException e) {
            // not writable: the split is preprocessed again next time
        }
    }

    /** Splits kept in {@code binarised/}; older ones (other thresholds, changed files) are deleted. */
    static final int KEEP_BINARISED = 8;

    private void evict(int keep) {
        try (var files = Files.list(binarisedDir())) {
            var all = files.filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
            if (all.size() <= keep) return;
            Map<Path, Long> time = new LinkedHashMap<>();
            for (Path f : all) time.put(f, Files.getLastModifiedTime(f).toMillis());
            all.stream().sorted(java.util.Comparator.comparing(time::get)).limit(all.size() - keep).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // another process may be using the folder; try again next time
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
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
