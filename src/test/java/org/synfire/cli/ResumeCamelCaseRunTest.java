package org.synfire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run directory written before the JSON files switched to snake_case (test resources, commit 2e65b47) still resumes,
 * and ends byte for byte as a run trained in one go by this version.
 */
class ResumeCamelCaseRunTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"functional-numpy, --backend functional --rng numpy --convention reference", "chip, --backend chip"})
    void anOldRunResumesBitExactly(String name, String options) throws Exception {
        Path old = copy(resource("/org/synfire/nbp/camelcase-run/" + name), tmp.resolve("old"));
        assertThat(Files.readString(old.resolve("checkpoints/epoch-1-half-2/state.json"))).contains("\"epochIndex\"", "\"onlineExact\"");
        var resumed = ChipCommandsTest.run("train", "--resume", old.toString(), "--epochs", "2", "--data", ChipCommandsTest.DATA, "--no-verify");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming " + old + " at epoch 1 end");

        Path fresh = tmp.resolve("fresh");
        List<String> args = new ArrayList<>(List.of("train", "--data", ChipCommandsTest.DATA, "--no-verify", "--hidden", "8", "--limit", "200",
                "--epochs", "2", "--out", fresh.toString()));
        args.addAll(List.of(options.strip().split(" +")));
        var whole = ChipCommandsTest.run(args.toArray(String[]::new));
        assertThat(whole.code()).as(whole.err()).isZero();

        for (String f : List.of("weights/W1.npy", "weights/W2.npy", "checkpoints/epoch-2-half-2/W1.npy", "checkpoints/epoch-2-half-2/order.npy")) {
            assertThat(Files.readAllBytes(old.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
        // the old run's first rows carry cost estimates of the network of its day (the compiler has since added six
        // inhibitions, a few synaptic events per sample); every other figure must be the same to the byte
        assertThat(withoutEstimates(Files.readString(old.resolve("metrics.csv")))).isEqualTo(withoutEstimates(Files.readString(fresh.resolve("metrics.csv"))));
        for (String f : List.of("metrics.json", "checkpoints/epoch-2-half-2/state.json")) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(dropEstimates(mapper.readTree(old.resolve(f).toFile()))).as(f).isEqualTo(dropEstimates(mapper.readTree(fresh.resolve(f).toFile())));
        }
        if (!name.equals("chip")) {
            for (String f : List.of("metrics.csv", "metrics.json", "checkpoints/epoch-2-half-2/state.json", "checkpoints/epoch-2-half-2/SHA256SUMS")) {
                assertThat(Files.readAllBytes(old.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
            }
        }
        String state = Files.readString(old.resolve("checkpoints/epoch-2-half-2/state.json"));
        assertThat(state).contains("\"epoch_index\"", "\"samples_trained\"", "\"online_exact\"", "\"argmax_spikes\"", "\"epoch_size\"")
                .doesNotContain("\"epochIndex\"", "\"onlineExact\"", "\"argmaxSpikes\"", "\"extraName\"", "uJ\"");
        if (name.equals("chip")) assertThat(state).contains("\"dynamic_energy_uj\"", "\"copy_drift\"", "\"activity_samples\"");
        else assertThat(state).contains("\"has_gauss\"");
    }

    /** metrics.csv without its est_* columns. */
    private static String withoutEstimates(String csv) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Integer> drop = new java.util.HashSet<>();
        for (String line : csv.split("\n")) {
            if (line.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            String[] cells = line.split(",", -1);
            if (line.startsWith("epoch,")) for (int i = 0; i < cells.length; i++) if (cells[i].startsWith("est_")) drop.add(i);
            for (int i = 0; i < cells.length; i++) if (!drop.contains(i)) out.append(cells[i]).append(',');
            out.append('\n');
        }
        return out.toString();
    }

    /** The JSON tree without any "estimates" or "estimates_per_sample" object. */
    private static com.fasterxml.jackson.databind.JsonNode dropEstimates(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isObject()) {
            var o = (com.fasterxml.jackson.databind.node.ObjectNode) n;
            o.remove(List.of("estimates", "estimates_per_sample"));
            o.properties().forEach(e -> dropEstimates(e.getValue()));
        } else if (n.isArray()) {
            n.forEach(ResumeCamelCaseRunTest::dropEstimates);
        }
        return n;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ResumeCamelCaseRunTest.class.getResource(name).toURI());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }
}
