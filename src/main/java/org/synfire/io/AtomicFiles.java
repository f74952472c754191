package org.synfire.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import org.synfire.UserError;

/** Writes go to a temporary file beside the target and are renamed into place, so a crash never leaves half a result. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes a whole file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writing {@code target} failed (a full disk, a permission, an I/O error): not bad input, so the command line
     * reports it with its own exit code, naming {@link #target()}.
     */
    public static final class WriteFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;
        private final transient Path target;

        public WriteFailure(Path target, IOException cause) {
            super("cannot write " + target + ": " + reason(cause), cause);
            this.target = target;
        }

        public Path target() {
            return target;
        }
    }

    /** The operating system's reason ("No space left on device") rather than the exception's path-laden message. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    writer.write(out);
                }
                readableByAll(tmp);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WriteFailure(target, e);
        }
    }

    /**
     * Checks, before any work is done, that {@code target} can be written: its folder exists or can be created,
     * and a file can be created in it. Leaves nothing behind: the probe file is deleted, and so are the folders the
     * check had to create (the real write creates them again). A {@link UserError} if the user can fix it
     * ("permission denied: TARGET", a parent that is a file, a target that is a folder); a {@link WriteFailure}
     * for a full disk or another I/O error.
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new UserError("cannot write " + target + ": it is a directory");
        Path dir = abs.getParent();
        Deque<Path> created = new ArrayDeque<>();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            created.add(existing); // deepest first
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserError("cannot write " + target + ": " + existing + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".check");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new UserError("permission denied: " + target, e);
        } catch (FileSystemException e) {
            if ("Read-only file system".equals(e.getReason())) throw new UserError("read-only file system: " + target, e);
            throw new WriteFailure(target, e);
        } catch (IOException e) {
            throw new WriteFailure(target, e);
        } finally {
            // a folder someone else has meanwhile put files into is not empty, and stays
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    break;
                }
            }
        }
    }

    public static void writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Temporary files are created owner-only; results should read like any other file (rw-r--r--). */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: leave the default
        }
    }

    /** Renames {@code tmp} onto {@code target}, atomically where the file system allows it. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
