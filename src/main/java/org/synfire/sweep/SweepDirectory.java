package org.synfire.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Json;

/**
 * A sweep's directory:
 * <pre>
 * sweep.yaml                the sweep file as last run
 * runs/RUN_ID/              one run directory per run (as synfire train writes it)
 * state/RUN_ID.json         status, attempts, error, host, wall time of each run
 * sweep.csv, sweep.json     one row per run
 * aggregate.csv, .json      mean and sd over seeds per configuration
 * aggregate.{png,svg}, curves-*.{png,svg}
 * .lock                     held by the process that runs the sweep
 * </pre>
 */
public final class SweepDirectory implements AutoCloseable {
    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    private SweepDirectory(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating) {@code dir}; with {@code exclusive}, holds its lock so no second sweep runs in it. */
    public static SweepDirectory open(Path dir, boolean exclusive) {
        try {
            Files.createDirectories(dir.resolve("runs"));
            Files.createDirectories(dir.resolve("state"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError("permission denied: cannot create sweep directory " + dir);
        } catch (IOException e) {
            throw new UserError("cannot create sweep directory " + dir + ": " + e.getMessage());
        }
        SweepDirectory d = new SweepDirectory(dir);
        if (exclusive) d.lock();
        return d;
    }

    private void lock() {
        Path f = dir.resolve(".lock");
        try {
            lockChannel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new UserError(dir + " is in use: another synfire sweep runs in it (" + f + " is locked); wait for it or choose another --out");
            }
        } catch (OverlappingFileLockException e) {
            throw new UserError(dir + " is in use by another sweep in this process");
        } catch (IOException e) {
            throw new UserError("cannot lock " + f + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process
        }
    }

    public Path path() {
        return dir;
    }

    public Path runDir(String id) {
        return dir.resolve("runs").resolve(id);
    }

    private Path stateFile(String id) {
        return dir.resolve("state").resolve(id + ".json");
    }

    /** The recorded state, or a queued one for a run never started. */
    public RunState state(String id) {
        Path f = stateFile(id);
        if (!Files.isRegularFile(f)) return RunState.queued(id);
        try {
            return RunState.fromMap(Json.PRETTY.readValue(f.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (IOException | RuntimeException e) {
            throw new UserError(f + ": damaged run state (" + e.getMessage() + "); delete it and the run is started or resumed again");
        }
    }

    public void write(RunState s) {
        writeJson(stateFile(s.runId()), s.toMap());
    }

    void writeJson(Path f, Object tree) {
        AtomicFiles.writeString(f, Json.pretty(tree));
    }

    /** Keeps a copy of the sweep file beside its results. */
    public void keepSweepFile(Path file) {
        try {
            AtomicFiles.writeBytes(dir.resolve("sweep.yaml"), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    static Map<String, Object> nanToNull(Map<String, Double> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null || Double.isNaN(v) ? null : v));
        return out;
    }
}
