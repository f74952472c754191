package org.synfire.sweep.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.synfire.UserError;
import org.synfire.data.DataOptions;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Checksums;
import org.synfire.io.Json;
import org.synfire.sweep.Engine;
import org.synfire.sweep.RunKind;

/**
 * A worker's side of a run: its own run directory WORK/runs/RUN_ID (continued from the checkpoint the task brings
 * when that is newer), the newest checkpoint shared through the cluster as it is written, and the result sent back.
 * The same id twice on one member runs once: the second waits for the first and returns its result.
 */
final class WorkerContext {
    static final String KEY = "synfire.worker";

    private final Path work;
    private final DataOptions data;
    private final String host;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Listener listener;

    /** What a worker prints while it works. */
    interface Listener {
        void line(String text);
    }

    WorkerContext(Path work, DataOptions data, String host, Listener listener) {
        this.work = work;
        this.data = data;
        this.host = host;
        this.listener = listener;
    }

    byte[] run(RunTask task, HazelcastInstance hz) {
        if (!task.runId.matches("[0-9a-f]{16}")) throw new IllegalArgumentException("not a run id: " + task.runId);
        synchronized (locks.computeIfAbsent(task.runId, k -> new Object())) {
            return runLocked(task, hz);
        }
    }

    private byte[] runLocked(RunTask task, HazelcastInstance hz) {
        long t0 = System.nanoTime();
        Path dir = work.resolve("runs").resolve(task.runId);
        Path doneMarker = work.resolve("done").resolve(task.runId);
        String error = null;
        String member = hz.getCluster().getLocalMember().getUuid().toString();
        IMap<String, byte[]> checkpoints = hz.getMap(Setup.CHECKPOINTS);
        IMap<String, String> progress = hz.getMap(Setup.PROGRESS);
        try {
            if (!task.version.equals(Setup.version())) {
                throw new UserError("the submitter runs " + task.version + ", this member " + Setup.version() + "; run one version everywhere");
            }
            if (!Files.exists(doneMarker)) {
                RunKind kind = RunKind.named(task.kind, "task");
                Map<String, Object> cfg = Json.COMPACT.readValue(task.configJson, new TypeReference<LinkedHashMap<String, Object>>() {});
                @SuppressWarnings("unchecked")
                Map<String, Object> settings = (Map<String, Object>) cfg.get("settings");
                @SuppressWarnings("unchecked")
                Map<String, Object> runtime = (Map<String, Object>) cfg.get("runtime");
                if (task.inputs != null) settings = kind.withInputFiles(settings, writeInputs(task.inputs));
                if (task.state != null && RunArchive.key(RunArchive.newestCheckpoint(task.state)) > RunArchive.key(RunArchive.newestCheckpoint(dir))) {
                    RunArchive.unpack(RunArchive.read(task.state), dir); // the submitter has a newer checkpoint than this member
                }
                listener.line("run " + task.runId + " started" + (Files.exists(dir.resolve("config.json")) ? " (continuing)" : ""));
                long[] lastShared = {0};
                kind.run(dir, new RunKind.Configured(settings, runtime), data, new RunKind.Progress() {
                    @Override
                    public void fraction(double done) {
                        long now = System.nanoTime();
                        if (now - lastShared[0] > 2_000_000_000L) {
                            lastShared[0] = now;
                            progress.set(task.runId, member + " " + done);
                        }
                    }

                    @Override
                    public void checkpoint() {
                        checkpoints.set(task.runId, RunArchive.pack(dir, Map.of()));
                    }
                });
                AtomicFiles.writeString(doneMarker, task.runId + "\n");
            }
        } catch (Throwable t) { // NOPMD: the error goes back to the submitter as the run's result
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) throw (VirtualMachineError) t;
            error = Engine.describe(t);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        listener.line(String.format(java.util.Locale.ROOT, "run %s %s in %.1f s%s", task.runId, error == null ? "done" : "FAILED", seconds,
                error == null ? "" : ": " + error));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", error == null);
        result.put("error", error);
        result.put("host", host);
        result.put("seconds", seconds);
        byte[] archive;
        try {
            archive = RunArchive.pack(dir, Map.of("result.json", Json.COMPACT.writeValueAsBytes(result)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        progress.delete(task.runId);
        return archive;
    }

    /** Writes the task's input files to WORK/inputs/SHA256/NAME and returns their paths in order. */
    private List<Path> writeInputs(byte[] inputs) {
        List<Path> files = new ArrayList<>();
        Map<String, byte[]> entries = RunArchive.read(inputs);
        for (int i = 0; entries.containsKey(i + ""); i++) {
            String name = new String(entries.get(i + ""), StandardCharsets.UTF_8);
            byte[] content = entries.get(i + "/" + name);
            if (content == null || name.contains("/") || name.contains("\\") || name.startsWith(".")) throw new UserError("bad input file in task: " + name);
            Path f = work.resolve("inputs").resolve(Checksums.sha256(content)).resolve(name);
            if (!Files.isRegularFile(f)) AtomicFiles.writeBytes(f, content);
            files.add(f);
        }
        return files;
    }

    /** The input files of a run as an archive: entry "I" names file I, entry "I/NAME" holds it. */
    static byte[] inputsArchive(List<Path> files) {
        if (files.isEmpty()) return null;
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                String name = f.getFileName().toString();
                extra.put(i + "", name.getBytes(StandardCharsets.UTF_8));
                extra.put(i + "/" + name, Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UserError("cannot read " + f + ": " + e.getMessage());
            }
        }
        return RunArchive.pack(null, extra);
    }
}
