package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * How {@link Main} reports file-system failures. Tests run as root, where permissions cannot be taken away and the
 * disk does not fill up, so a tiny command throws what the JDK would throw.
 */
class ExitCodesTest {
    @TempDir
    Path tmp;

    /** A test-only command whose work is the given action. */
    @Command(name = "thrower")
    static final class Thrower implements Callable<Integer> {
        interface Action {
            void run() throws Exception;
        }

        private final Action action;

        Thrower(Action action) {
            this.action = action;
        }

        @Override
        public Integer call() throws Exception {
            action.run();
            return 0;
        }
    }

    record Result(int code, String err) {}

    private static Result execute(Thrower.Action action) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new CommandLine(new Thrower(action)), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString()).isEmpty();
        return new Result(code, err.toString());
    }

    @Test
    void permissionDeniedNamesThePathAndIsBadInput() {
        Result r = execute(() -> {
            throw new AccessDeniedException("/root-owned/x.json");
        });
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: permission denied: /root-owned/x.json\n");
    }

    @Test
    void permissionDeniedWhileWritingNamesTheResultNotTheTemporaryFile() {
        Result r = execute(() -> {
            throw new AtomicFiles.WriteFailure(Path.of("/root-owned/x.json"), new AccessDeniedException("/root-owned/.x.json.123.tmp"));
        });
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: permission denied: /root-owned/x.json\n");
    }

    @Test
    void aFullDiskWhileWritingIsExit74NamingTheResult() {
        Path target = tmp.resolve("out/x.json");
        // the way the JDK reports ENOSPC from a write: a plain IOException with the OS's words
        Result r = execute(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("No space left on device");
        }));
        assertThat(r.code()).isEqualTo(Main.EXIT_IO_ERROR).isEqualTo(74);
        assertThat(r.err()).isEqualTo("synfire: cannot write " + target + ": No space left on device\n");
        // nothing is left: neither the target nor the temporary file beside it
        assertThat(tmp.resolve("out").toFile().list()).isEmpty();
    }

    @Test
    void aFullDiskFromTheFileSystemIsExit74() {
        // ENOSPC from creating a file: a FileSystemException whose reason is the OS's words
        Result r = execute(() -> {
            throw new AtomicFiles.WriteFailure(Path.of("/data/run/W1.npy"),
                    new FileSystemException("/data/run/.W1.npy.7.tmp", null, "No space left on device"));
        });
        assertThat(r.code()).isEqualTo(74);
        assertThat(r.err()).isEqualTo("synfire: cannot write /data/run/W1.npy: No space left on device\n");
        Result bare = execute(() -> {
            throw new UncheckedIOException(new FileSystemException("/data/run/log", null, "Disk quota exceeded"));
        });
        assertThat(bare.code()).isEqualTo(74);
        assertThat(bare.err()).isEqualTo("synfire: cannot write /data/run/log: Disk quota exceeded\n");
    }

    @Test
    void otherInputOutputErrorsAreExit74Too() {
        Result r = execute(() -> {
            throw new IOException("Input/output error");
        });
        assertThat(r.code()).isEqualTo(74);
        assertThat(r.err()).isEqualTo("synfire: I/O error: Input/output error\n");
    }

    @Test
    void aReadOnlyFileSystemIsBadInput() {
        Result r = execute(() -> {
            throw new FileSystemException("/mnt/ro/x.json", null, "Read-only file system");
        });
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("synfire: read-only file system: /mnt/ro/x.json\n");
    }

    @Test
    void aBugStillGetsAStackTraceAndExit70() {
        Result r = execute(() -> {
            throw new IllegalStateException("unreachable");
        });
        assertThat(r.code()).isEqualTo(70);
        assertThat(r.err()).startsWith("synfire: internal error (please report): java.lang.IllegalStateException: unreachable\n")
                .contains("\tat ");
    }

    @Test
    void checkWritableLeavesNothingAndRefusesWhatTheUserCanFix() throws IOException {
        Path deep = tmp.resolve("a/b/x.json");
        AtomicFiles.checkWritable(deep);
        assertThat(tmp.resolve("a")).doesNotExist();
        Path existing = Files.createDirectories(tmp.resolve("d"));
        AtomicFiles.checkWritable(existing.resolve("x.json"));
        assertThat(existing.toFile().list()).isEmpty();

        Result folder = execute(() -> AtomicFiles.checkWritable(existing));
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("synfire: cannot write " + existing + ": it is a directory\n");
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Result under = execute(() -> AtomicFiles.checkWritable(file.resolve("sub/x.json")));
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.err()).isEqualTo("synfire: cannot write " + file.resolve("sub/x.json") + ": " + file + " is a file, not a directory\n");
    }
}
