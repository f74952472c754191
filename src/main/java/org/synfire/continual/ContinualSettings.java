package org.synfire.continual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;

/**
 * The effective configuration of a continual run: what config.json records under "config" and what
 * {@code --resume} reads back. Everything that changes weights or accuracies is here.
 *
 * @param sequence the task-sequence file (absolute path) or {@code resource:NAME} for a shipped one
 * @param sequenceSha256 SHA-256 of the file's bytes; a resumed run refuses a file that changed since
 * @param layers every layer width, inputs first, outputs last
 * @param buffer rehearsal buffer size (null for other methods)
 * @param replay buffer samples per new sample (null for other methods)
 * @param activeClasses finetune and rehearsal: close the error of output units whose classes have not been trained yet
 * @param evalEvery evaluate every task after every this many samples of a task (0: only at each task's end)
 * @param checkPhasesEvery chip backend: check the phase invariants every k-th sample (0 = never); not part of the result
 * @param checkCopiesEvery chip backend: check the matrix copies every k-th sample (0 = never); not part of the result
 */
public record ContinualSettings(String sequence, String sequenceSha256, String backend, List<Integer> layers, String method,
        Integer buffer, Integer replay, boolean activeClasses, long seed, int evalEvery, String name, int checkPhasesEvery, int checkCopiesEvery) {

    public ContinualSettings {
        layers = List.copyOf(layers);
        if (evalEvery < 0) throw new UserError("--eval-every must be 0 (only at the end of each task) or positive, got " + evalEvery);
        if (checkPhasesEvery < 0 || checkCopiesEvery < 0) throw new UserError("--check-phases and --check-copies must be >= 0");
        if (!name.matches("[A-Za-z0-9._-]+")) throw new UserError("--name may contain letters, digits, '.', '_' and '-' only: " + name);
    }

    public int[] sizes() {
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The method this configuration names; a rehearsal without a buffer size gets {@code defaultBuffer}. */
    public Method methodValue(int defaultBuffer) {
        return Method.parse(method, buffer, replay, activeClasses, defaultBuffer);
    }

    /** The same settings with the rehearsal buffer given. */
    public ContinualSettings withBuffer(int b) {
        return new ContinualSettings(sequence, sequenceSha256, backend, layers, method, b, replay, activeClasses, seed, evalEvery, name, checkPhasesEvery, checkCopiesEvery);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", sequence);
        m.put("sequence_sha256", sequenceSha256);
        m.put("backend", backend);
        m.put("layers", layers);
        m.put("method", method);
        m.put("buffer", buffer);
        m.put("replay", replay);
        m.put("active_classes", activeClasses);
        m.put("seed", seed);
        m.put("eval_every", evalEvery);
        m.put("name", name);
        m.put("rng", "synfire");
        m.put("convention", "chip");
        m.put("input_threshold", 0.5);
        m.put("test_threshold", 0.5);
        return m;
    }

    /** Reads {@link #toMap}'s output back; {@code file} names config.json in messages. */
    public static ContinualSettings fromMap(Map<String, Object> m, Path file, int checkPhasesEvery, int checkCopiesEvery) {
        try {
            List<Integer> layers = new ArrayList<>();
            for (Object o : (List<?>) m.get("layers")) layers.add(((Number) o).intValue());
            return new ContinualSettings((String) m.get("sequence"), (String) m.get("sequence_sha256"), (String) m.get("backend"), layers,
                    (String) m.get("method"), m.get("buffer") == null ? null : ((Number) m.get("buffer")).intValue(),
                    m.get("replay") == null ? null : ((Number) m.get("replay")).intValue(), (Boolean) m.get("active_classes"),
                    ((Number) m.get("seed")).longValue(),
                    ((Number) m.get("eval_every")).intValue(), (String) m.get("name"), checkPhasesEvery, checkCopiesEvery);
        } catch (RuntimeException e) {
            throw new UserError(file + ": \"config\" is not a continual run's configuration (" + e + ")");
        }
    }

    /** One line for logs and CSV headers. */
    public String comment() {
        return "synfire continual: sequence=" + sequence + " method=" + method + (buffer == null ? "" : " buffer=" + buffer + " replay=" + replay)
                + (activeClasses ? " active_classes=true" : "")
                + " backend=" + backend + " layers=" + String.join("-", layers.stream().map(String::valueOf).toList()) + " seed=" + seed
                + " eval_every=" + evalEvery;
    }
}
