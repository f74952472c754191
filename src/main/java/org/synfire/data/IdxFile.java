package org.synfire.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.synfire.UserError;
import org.synfire.io.Checksums;

/**
 * Reader for the IDX files of MNIST and Fashion-MNIST (unsigned-byte data only), plain or gzip-compressed.
 *
 * <p>Compression is recognised by the gzip magic bytes {@code 1f 8b}, not by the file name. Every defect (bad
 * magic, wrong number of dimensions, truncated or oversized data, corrupt gzip stream, label outside 0..9) is
 * reported as one {@link UserError} that names the file and says what is wrong.
 */
public final class IdxFile {
    /** IDX type code of unsigned bytes, the only one MNIST-style files use. */
    static final int UNSIGNED_BYTE = 0x08;
    /** Largest data block we load into one Java array. */
    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 64;
    /** First allocation for the data; grown as bytes actually arrive, so a lying header cannot force a huge one. */
    private static final int INITIAL_CHUNK = 1 << 22;

    private IdxFile() {}

    /** Images in file order: pixel {@code (r, c)} of image {@code i} is {@code pixels[(i * rows + r) * cols + c]}. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public Images {
            if (pixels.length != (long) count * rows * cols) {
                throw new IllegalArgumentException("pixels length " + pixels.length + " != " + count + " x " + rows + " x " + cols);
            }
        }

        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    /** What a read produced: the dimensions from the header, the data, the decompressed size and (if asked) its SHA-256. */
    record Content(int[] dims, byte[] data, long decompressedBytes, boolean gzip, String sha256) {}

    private enum Kind {
        IMAGES(3, "image", "00 00 08 03"),
        LABELS(1, "label", "00 00 08 01");

        final int ndims;
        final String noun;
        final String magic;

        Kind(int ndims, String noun, String magic) {
            this.ndims = ndims;
            this.noun = noun;
            this.magic = magic;
        }
    }

    /** Reads an IDX image file (3 dimensions: count, rows, columns). */
    public static Images readImages(Path file) {
        return images(read(file, Kind.IMAGES, false));
    }

    /** Reads an IDX label file (1 dimension) and checks that every label is in 0..9. */
    public static byte[] readLabels(Path file) {
        return labels(file.toString(), read(file, Kind.LABELS, false));
    }

    /** Parses the bytes of an image file (plain or gzip); {@code name} is used in error messages. */
    public static Images parseImages(String name, byte[] bytes) {
        return images(decode(name, new ByteArrayInputStream(bytes), Kind.IMAGES, false));
    }

    /** Parses the bytes of a label file (plain or gzip); {@code name} is used in error messages. */
    public static byte[] parseLabels(String name, byte[] bytes) {
        return labels(name, decode(name, new ByteArrayInputStream(bytes), Kind.LABELS, false));
    }

    /** Image file plus the SHA-256 of its decompressed bytes (computed in the same pass). */
    static Content readImagesContent(Path file, boolean hash) {
        Content c = read(file, Kind.IMAGES, hash);
        images(c);
        return c;
    }

    /** Label file plus the SHA-256 of its decompressed bytes; labels are range-checked. */
    static Content readLabelsContent(Path file, boolean hash) {
        Content c = read(file, Kind.LABELS, hash);
        labels(file.toString(), c);
        return c;
    }

    static Images images(Content c) {
        return new Images(c.dims[0], c.dims[1], c.dims[2], c.data);
    }

    private static byte[] labels(String name, Content c) {
        byte[] labels = c.data;
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i] & 0xff;
            if (v > 9) throw new UserError(name + ": label " + v + " at index " + i + " is out of range 0..9");
        }
        return labels;
    }

    private static Content read(Path file, Kind kind, boolean hash) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new UserError(name + ": is a directory, expected an IDX " + kind.noun + " file");
        try (InputStream in = Files.newInputStream(file)) {
            return decode(name, in, kind, hash);
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": no such file");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Content decode(String name, InputStream source, Kind kind, boolean hash) {
        BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
        boolean gzip;
        InputStream in;
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            if (b0 < 0) throw new UserError(name + ": empty file, expected an IDX " + kind.noun + " file");
            gzip = b0 == 0x1f && b1 == 0x8b;
            in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        } catch (ZipException | EOFException e) {
            throw new UserError(name + ": corrupt gzip header (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        MessageDigest digest = hash ? Checksums.digest() : null;
        if (digest != null) in = new DigestInputStream(in, digest);
        Counter counter = new Counter();
        try {
            Content c = decodeIdx(name, in, kind, gzip, counter);
            String sha = digest == null ? null : HexFormat.of().formatHex(digest.digest());
            return new Content(c.dims, c.data, c.decompressedBytes, gzip, sha);
        } catch (ZipException e) {
            throw new UserError(name + ": corrupt gzip data (" + e.getMessage() + ") after " + counter.bytes + " decompressed bytes");
        } catch (EOFException e) {
            throw new UserError(name + ": truncated gzip stream: it ends after " + counter.bytes
                    + " decompressed bytes" + counter.expectation() + " (download or copy cut short?)");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Bytes seen so far, for messages about streams that break in the middle. */
    private static final class Counter {
        long bytes;
        String header = "";

        String expectation() {
            return header.isEmpty() ? "" : "; header says " + header;
        }
    }

    private static Content decodeIdx(String name, InputStream in, Kind kind, boolean gzip, Counter counter) throws IOException {
        String has = gzip ? "decompressed data has " : "file has ";
        byte[] magic = in.readNBytes(4);
        counter.bytes = magic.length;
        if (magic.length < 4) {
            throw new UserError(name + ": truncated: " + has + magic.length + " bytes, too short for an IDX header");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new UserError(name + ": not an IDX file: starts with " + hex(magic) + ", expected " + kind.magic
                    + (gzip ? "" : " (or a gzip file)"));
        }
        int type = magic[2] & 0xff;
        int ndims = magic[3] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new UserError(name + ": IDX data type 0x" + String.format("%02x", type) + " (" + typeName(type)
                    + ") is not supported; MNIST-style files hold unsigned bytes (0x08)");
        }
        if (ndims != kind.ndims) {
            String hint = ndims == 1 ? " (is this a label file?)" : ndims == 3 ? " (is this an image file?)" : "";
            throw new UserError(name + ": expected an IDX " + kind.noun + " file with " + kind.ndims + " dimension"
                    + (kind.ndims == 1 ? "" : "s") + " but the header has " + ndims + hint);
        }
        byte[] dimBytes = in.readNBytes(4 * ndims);
        counter.bytes += dimBytes.length;
        long headerBytes = 4 + 4L * ndims;
        if (dimBytes.length < 4 * ndims) {
            throw new UserError(name + ": truncated: " + has + (4 + dimBytes.length) + " bytes, ends inside the "
                    + headerBytes + "-byte IDX header");
        }
        int[] dims = new int[ndims];
        long dataBytes = 1;
        for (int d = 0; d < ndims; d++) {
            long v = ((dimBytes[4 * d] & 0xffL) << 24) | ((dimBytes[4 * d + 1] & 0xff) << 16)
                    | ((dimBytes[4 * d + 2] & 0xff) << 8) | (dimBytes[4 * d + 3] & 0xff);
            if (v > Integer.MAX_VALUE) throw new UserError(name + ": dimension " + d + " of the IDX header is " + v + ", too large");
            dims[d] = (int) v;
            dataBytes = Math.multiplyHigh(dataBytes, v) != 0 || dataBytes * v < 0 ? Long.MAX_VALUE : dataBytes * v;
        }
        String described = describe(kind, dims, dataBytes);
        counter.header = described;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new UserError(name + ": header says " + described + ", more than one array can hold");
        }
        byte[] data = readExactly(in, (int) dataBytes, counter);
        if (counter.bytes - headerBytes < dataBytes) {
            throw new UserError(name + ": truncated: header says " + described + ", " + has
                    + counter.bytes + " bytes");
        }
        long extra = in.transferTo(java.io.OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new UserError(name + ": " + extra + " unexpected bytes after the data: header says " + described
                    + ", " + has + (counter.bytes + extra) + " bytes");
        }
        return new Content(dims, data, counter.bytes, gzip, null);
    }

    /** Reads up to {@code n} bytes, growing the array only as data arrives; stops early at end of stream. */
    private static byte[] readExactly(InputStream in, int n, Counter counter) throws IOException {
        byte[] buf = new byte[Math.min(n, INITIAL_CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) break;
            filled += r;
            counter.bytes += r;
        }
        return filled == buf.length ? buf : Arrays.copyOf(buf, filled);
    }

    private static String describe(Kind kind, int[] dims, long dataBytes) {
        String bytes = dataBytes == Long.MAX_VALUE ? " (more than 2^63 bytes)" : " (" + (4 + 4L * dims.length + dataBytes) + " bytes)";
        return kind == Kind.IMAGES
                ? dims[0] + " images of " + dims[1] + "x" + dims[2] + bytes
                : dims[0] + " labels" + bytes;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
        return s.toString();
    }

}
