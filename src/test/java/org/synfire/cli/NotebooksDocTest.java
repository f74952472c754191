package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.data.Fixtures;

/**
 * docs/notebooks.md names only what Synfire writes: its commands run (on the fixtures, smaller), and every file, JSON
 * key and CSV column its Python code and tables name exists in what they wrote.
 */
class NotebooksDocTest {
    private static final Path DOC = Path.of("docs/notebooks.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private final Map<String, Path> paths = new HashMap<>();
    private final Map<String, JsonNode> json = new HashMap<>();
    private final Map<String, List<String>> columns = new HashMap<>();
    private final Map<String, Path> csvFiles = new HashMap<>();
    private final List<String> checked = new ArrayList<>();

    @Test
    void everyFileKeyAndColumnTheNotebookPageNamesIsWrittenByTheCommandsItShows() throws IOException {
        String doc = Files.readString(DOC);
        List<String> commands = new ArrayList<>();
        for (String line : doc.lines().toList()) if (line.startsWith("    ./synfire ")) commands.add(line.strip());
        assertThat(commands).extracting(c -> c.split(" ")[1]).containsExactly("train", "data", "run", "raster", "energy");
        for (String c : commands) {
            var r = ChipCommandsTest.run(small(c).toArray(String[]::new));
            assertThat(r.code()).as(c + "\n" + r.err()).isZero();
        }
        for (String section : doc.split("\n## ")) check(section);
        assertThat(checked).hasSizeGreaterThan(60);
    }

    /** The doc's command on the fixtures: fewer epochs, samples and hidden units, outputs under the test's folder. */
    private List<String> small(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        words.removeFirst(); // ./synfire
        for (int i = 0; i < words.size(); i++) if (words.get(i).startsWith("runs/")) words.set(i, root.resolve(words.get(i)).toString());
        String name = words.getFirst();
        if (!name.equals("run")) words.addAll(List.of("--data", Fixtures.dir("mnist").toString(), "--no-verify"));
        if (name.equals("train")) {
            int e = words.indexOf("--epochs");
            words.set(e + 1, "1");
            words.addAll(List.of("--hidden", "8", "--limit", "100"));
        }
        if (name.equals("energy")) words.addAll(List.of("--samples", "2", "--lsnn-images", "0"));
        return words;
    }

    private void check(String section) throws IOException {
        StringBuilder code = new StringBuilder();
        Matcher blocks = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (blocks.find()) code.append(blocks.group(1));
        String py = code.toString().replaceAll("#[^\n]*", ""); // comments name files too, but loosely
        Path base = null;
        for (Matcher m = Pattern.compile("(\\w+) = Path\\(\"([^\"]+)\"\\)").matcher(py); m.find(); ) {
            paths.put(m.group(1), root.resolve(m.group(2)));
            if (base == null) base = root.resolve(m.group(2));
        }
        // files: VAR / "name" and "runs/..." literals
        for (Matcher m = Pattern.compile("\\b(\\w+) / \"([^\"]+)\"").matcher(py); m.find(); ) {
            if (paths.containsKey(m.group(1))) exists(paths.get(m.group(1)).resolve(m.group(2)));
        }
        for (Matcher m = Pattern.compile("\"(runs/[^\"]+)\"").matcher(py); m.find(); ) exists(root.resolve(m.group(1)));
        // files in the prose and tables, relative to the section's folder
        if (base != null) {
            String prose = section.replaceAll("(?s)```.*?```", "");
            for (Matcher m = Pattern.compile("`([\\w/-]+\\.(?:json|csv|npy|png|svg))`").matcher(prose); m.find(); ) exists(base.resolve(m.group(1)));
        }
        // JSON files and the keys read from them
        for (Matcher m = Pattern.compile("(\\w+) = json\\.load\\(open\\((.+?)\\)\\)\n").matcher(py); m.find(); ) {
            json.put(m.group(1), JSON.readTree(file(m.group(2)).toFile()));
        }
        for (Matcher m = Pattern.compile("json\\.load\\(open\\((.+?)\\)\\)((?:\\[\"[^\"]+\"\\])+)").matcher(py); m.find(); ) {
            walk(JSON.readTree(file(m.group(1)).toFile()), keys(m.group(2)), m.group());
        }
        for (Matcher m = Pattern.compile("(\\w+) = pd\\.(?:json_normalize|DataFrame)\\((\\w+)((?:\\[\"[^\"]+\"\\])+)\\)").matcher(py); m.find(); ) {
            JsonNode list = walk(json.get(m.group(2)), keys(m.group(3)), m.group());
            assertThat(list.isArray()).as(m.group()).isTrue();
            json.put(m.group(1) + "[]", list.get(0));
        }
        for (Matcher m = Pattern.compile("\\b(\\w+)((?:\\[\"[^\"]+\"\\])+)").matcher(py); m.find(); ) {
            if (json.containsKey(m.group(1))) walk(json.get(m.group(1)), keys(m.group(2)), m.group());
        }
        // CSV files and the columns (and row labels) read from them
        for (Matcher m = Pattern.compile("(\\w+) = pd\\.read_csv\\((\\w+ / \"[^\"]+\")").matcher(py); m.find(); ) {
            Path f = file(m.group(2));
            String header = Files.readAllLines(f).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
            columns.put(m.group(1), List.of(header.split(",")));
            csvFiles.put(m.group(1), f);
        }
        for (Matcher m = Pattern.compile("\\b(\\w+)\\[\\[([^\\]]+)\\]\\]").matcher(py); m.find(); ) {
            for (String col : m.group(2).replace("\"", "").split(", *")) column(m.group(1), col, m.group());
        }
        for (Matcher m = Pattern.compile("\\b(\\w+)\\[\"([^\"]+)\"\\]").matcher(py); m.find(); ) {
            if (columns.containsKey(m.group(1))) column(m.group(1), m.group(2), m.group());
        }
        for (Matcher m = Pattern.compile("\\b(\\w+)\\.loc\\[\"([^\"]+)\"\\]").matcher(py); m.find(); ) {
            List<String> labels = Files.readAllLines(csvFiles.get(m.group(1))).stream().map(l -> l.split(",")[0]).toList();
            assertThat(labels).as(m.group()).contains(m.group(2));
            checked.add(m.group());
        }
    }

    private Path file(String expression) {
        Matcher m = Pattern.compile("(\\w+) / \"([^\"]+)\"").matcher(expression);
        if (m.matches()) return paths.get(m.group(1)).resolve(m.group(2));
        return root.resolve(expression.replace("\"", ""));
    }

    private void exists(Path p) {
        assertThat(Files.exists(p)).as(root.relativize(p) + " is named in " + DOC).isTrue();
        checked.add(p.toString());
    }

    private static List<String> keys(String chain) {
        List<String> out = new ArrayList<>();
        for (Matcher m = Pattern.compile("\\[\"([^\"]+)\"\\]").matcher(chain); m.find(); ) out.add(m.group(1));
        return out;
    }

    private JsonNode walk(JsonNode node, List<String> keys, String what) {
        for (String k : keys) {
            assertThat(node.has(k)).as(what + ": no key '" + k + "' in " + node.toString().substring(0, Math.min(200, node.toString().length()))).isTrue();
            node = node.get(k);
        }
        checked.add(what);
        return node;
    }

    private void column(String frame, String col, String what) {
        if (columns.containsKey(frame)) {
            assertThat(columns.get(frame)).as(what).contains(col);
        } else if (json.containsKey(frame + "[]")) {
            walk(json.get(frame + "[]"), List.of(col.split("\\.")), what); // json_normalize: nested keys joined by '.'
        } else {
            return;
        }
        checked.add(what);
    }
}
