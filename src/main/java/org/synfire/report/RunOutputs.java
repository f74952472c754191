package org.synfire.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.synfire.UserError;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Json;

/**
 * The files {@code synfire run} owns in its {@code --out} folder, so that a second run into the same folder never
 * leaves an earlier run's probe files beside its own results. Each run lists the files it writes in config.json
 * ({@code "outputs"}), and writes config.json first; the next run removes exactly the listed files it does not
 * write again. Files that a run cannot have written (other names, paths) are never touched.
 */
public final class RunOutputs {
    private RunOutputs() {}

    public static final String CONFIG = "config.json";
    /** Every name a run can write: spikes.csv, counters.json, config.json, and a CSV and .npy per probe (two .npy per weight probe). */
    private static final Pattern OWNED = Pattern.compile("spikes\\.csv|counters\\.json|config\\.json|(?:v|u|weights|mantissas)_[A-Za-z0-9._+-]+\\.(?:csv|npy)");

    /** Whether {@code name} is a file name a run writes (no folder part). */
    public static boolean isOwnedName(String name) {
        return OWNED.matcher(name).matches();
    }

    /**
     * The files of an earlier run in {@code dir} (names, in the order listed), or none. Reads only. A
     * {@link UserError} if {@code dir} holds a config.json that is not a {@code synfire run}'s: the folder belongs
     * to something else and is refused before any work is done. For a run written before config.json listed its
     * outputs, every file with a name a run writes counts as the earlier run's.
     */
    public static List<String> earlierRun(Path dir) {
        Path config = dir.resolve(CONFIG);
        if (!Files.isRegularFile(config)) return List.of();
        JsonNode tree;
        try {
            tree = Json.COMPACT.readTree(config.toFile());
        } catch (IOException e) {
            throw refuse(dir, config + " is not valid JSON");
        }
        JsonNode command = tree == null ? null : tree.get("command");
        if (command == null || !command.asText().equals("run")) {
            throw refuse(dir, config + (command == null ? " has no \"command\"" : " is from synfire " + command.asText()));
        }
        Set<String> names = new LinkedHashSet<>();
        JsonNode outputs = tree.get("outputs");
        if (outputs != null && outputs.isArray()) {
            for (JsonNode n : outputs) if (n.isTextual() && isOwnedName(n.asText())) names.add(n.asText());
        } else {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(RunOutputs::isOwnedName).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UserError("cannot list " + dir + ": " + AtomicFiles.reason(e), e);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Deletes the earlier run's files that the new run will not write again ({@code next}); the others are replaced
     * one by one as the new run writes them. config.json is never deleted here: the new one replaces it.
     */
    public static void removeStale(Path dir, List<String> earlier, List<String> next) {
        for (String name : earlier) {
            if (name.equals(CONFIG) || next.contains(name) || !isOwnedName(name)) continue;
            Path p = dir.resolve(name);
            try {
                if (Files.isRegularFile(p)) Files.delete(p);
            } catch (IOException e) {
                throw new AtomicFiles.WriteFailure(p, e);
            }
        }
    }

    private static UserError refuse(Path dir, String why) {
        return new UserError("--out " + dir + " holds something other than a synfire run (" + why + "); choose another folder");
    }
}
