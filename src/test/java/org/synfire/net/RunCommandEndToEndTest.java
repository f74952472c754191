package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.learning.RuleParser;
import org.synfire.cli.Main;
import org.synfire.io.Npy;

/** {@code synfire run} through {@link Main#run}, on the shipped example and on broken inputs. */
class RunCommandEndToEndTest {
    private static final Path EXAMPLE = Path.of("examples/synfire-chain.yaml");

    /**
     * Computed by hand from the semantics (see the step table in docs/network-format.md): stim fires at 1;
     * a integrates 1040 > 1024 at 2; b gets 3 × 400 = 1200 at 3; b → c has delay 3, so c at 3 + 1 + 3 = 7;
     * d and e at 8, with the reward listed for 8; d → e adds only 300 at 9 (and e is refractory).
     */
    private static final String EXPECTED_SPIKES = String.join("\n",
            "step,population,index",
            "1,stim,0",
            "2,a,0", "2,a,1", "2,a,2",
            "3,b,0", "3,b,1", "3,b,2",
            "7,c,0", "7,c,1", "7,c,2",
            "8,d,0", "8,d,1", "8,d,2",
            "8,e,0", "8,e,1", "8,e,2",
            "8,reward,0") + "\n";

    record Result(int code, String out, String err) {}

    static Result synfire(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void theExampleWritesTheSpikesComputedByHandAndShownInTheDocs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chain");
        Result r = synfire("run", EXAMPLE.toString(), "--steps", "10", "--probe", "weights:hebb", "--no-learning", "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        String spikes = Files.readString(out.resolve("spikes.csv"));
        assertThat(spikes).isEqualTo(EXPECTED_SPIKES);

        String doc = Files.readString(Path.of("docs/network-format.md"));
        assertThat(block(doc, "```csv\n")).isEqualTo(EXPECTED_SPIKES);
        // the documented console output and the example file shown in the docs are the real ones
        assertThat(doc).contains(r.out().replace(out.toString(), "runs/chain"));
        String example = Files.readString(EXAMPLE);
        assertThat(block(doc, "```yaml\nname: synfire-chain")).isEqualTo(example.substring(example.indexOf("name: synfire-chain")));

        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "spikes.csv", "weights_hebb.csv", "weights_hebb.npy", "mantissas_hebb.npy", "counters.json", "config.json");
        }
        Npy.Array w = Npy.read(out.resolve("weights_hebb.npy"));
        assertThat(w.shape()).containsExactly(1, 3, 3);
        assertThat(w.toIntArray()).containsOnly(100);
        assertThat(Npy.read(out.resolve("mantissas_hebb.npy")).toIntArray()).containsOnly(100); // exponent 0
        assertThat(Files.readAllLines(out.resolve("weights_hebb.csv"))).hasSize(10).first().isEqualTo("step,pre,post,mantissa,weight_wu");
        assertThat(Files.readAllLines(out.resolve("weights_hebb.csv")).get(9)).isEqualTo("10,2,2,100,100");
    }

    /** Runs once the chip's learning-rule parser is real (it is a placeholder that throws for now). */
    @Test
    void withLearningTheSpikesAreTheSame(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(learningRuleParserAvailable(), "the chip's learning-rule parser is still a placeholder");
        Result r = synfire("run", EXAMPLE.toString(), "--steps", "10", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("spikes.csv"))).isEqualTo(EXPECTED_SPIKES);
        JsonNode counters = new ObjectMapper().readTree(dir.resolve("counters.json").toFile());
        assertThat(counters.path("plastic_projections").has("hebb")).isTrue();
    }

    static boolean learningRuleParserAvailable() {
        try {
            RuleParser.parse("y0*x0*r1*4 - y0*x0*2");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void stateProbesCountersAndConfig(@TempDir Path dir) throws Exception {
        Result r = synfire("run", EXAMPLE.toString(), "--steps", "10", "--no-learning", "--seed", "42", "--out", dir.toString(),
                "--probe", "u:e[0..1]", "--probe", "v:c[2]", "--probe", "spikes:e,stim", "--probe", "weights:hebb@every=4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("spikes.csv")))
                .isEqualTo("step,population,index\n1,stim,0\n8,e,0\n8,e,1\n8,e,2\n");
        // u = this step's input: c → e brings 3 × 400 × 64 at step 8, d → e 3 × 100 × 64 at step 9
        List<String> u = Files.readAllLines(dir.resolve("u_e.csv"));
        assertThat(u).hasSize(11);
        assertThat(u.get(0)).isEqualTo("step,u:e[0],u:e[1]");
        assertThat(u.get(8)).isEqualTo("8,76800,76800");
        assertThat(u.get(9)).isEqualTo("9,19200,19200");
        assertThat(u.get(10)).isEqualTo("10,0,0");
        Npy.Array un = Npy.read(dir.resolve("u_e.npy"));
        assertThat(un.shape()).containsExactly(10, 2);
        assertThat(un.toIntArray()[2 * 8]).isEqualTo(19200); // row 8 = step 9
        // v is reset to 0 at a spike; below threshold it is the input: 0 everywhere for c[2] except... nothing
        assertThat(Files.readAllLines(dir.resolve("v_c.csv")).get(0)).isEqualTo("step,v:c[2]");
        assertThat(Npy.read(dir.resolve("weights_hebb.npy")).shape()).containsExactly(2, 3, 3); // after steps 4 and 8

        ObjectMapper json = new ObjectMapper();
        JsonNode counters = json.readTree(dir.resolve("counters.json").toFile());
        assertThat(counters.path("steps").asLong()).isEqualTo(10);
        assertThat(counters.path("populations").path("c").path("spikes").asLong()).isEqualTo(3);
        assertThat(counters.path("populations").path("c").path("synaptic_ops").asLong()).isEqualTo(18);  // 3 spikes × (3 + 3) targets
        assertThat(counters.path("populations").path("c").path("spike_messages").asLong()).isEqualTo(6); // 3 spikes × 2 projections
        assertThat(counters.path("populations").path("a").path("compartment_updates_active").asLong()
                + counters.path("populations").path("a").path("compartment_updates_inactive").asLong()).isEqualTo(30);
        assertThat(counters.path("spike_generators").path("stim").path("spikes").asLong()).isEqualTo(1);
        assertThat(counters.path("totals").path("spikes").asLong()).isEqualTo(17);

        JsonNode config = json.readTree(dir.resolve("config.json").toFile());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(EXAMPLE)));
        assertThat(config.path("network_sha256").asText()).isEqualTo(sha);
        assertThat(config.path("network_file").asText()).isEqualTo(EXAMPLE.toString());
        assertThat(config.path("seed").asLong()).isEqualTo(42);
        assertThat(config.path("parameters").path("width").asInt()).isEqualTo(3);
        assertThat(config.path("learning").asBoolean()).isFalse();
        JsonNode link = null;
        for (JsonNode p : config.path("network").path("projections")) if (p.path("name").asText().equals("b->c:link")) link = p;
        assertThat(link).isNotNull();
        assertThat(link.path("delay").asInt()).isEqualTo(3);
        // a shared weight is described as every other connection: its stored mantissas and their range, in both units
        assertThat(link.path("stored_mantissas").asInt()).isEqualTo(1);
        assertThat(link.path("mantissa_min").asInt()).isEqualTo(200);
        assertThat(link.path("mantissa_max").asInt()).isEqualTo(200);
        assertThat(link.path("exponent").asInt()).isEqualTo(1);
        assertThat(link.path("weight_min_wu").asInt()).isEqualTo(400);
        assertThat(link.path("weight_max_wu").asInt()).isEqualTo(400);
    }

    @Test
    void parametersChangeTheNetwork(@TempDir Path dir) throws Exception {
        Result r = synfire("run", EXAMPLE.toString(), "--steps", "10", "--no-learning", "--param", "width=5", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("spikes.csv"));
        // five neurons per group, same steps: 1 + 5 × 5 + 1
        assertThat(rows).hasSize(1 + 1 + 25 + 1);
        assertThat(rows).contains("7,c,4", "8,e,4");
    }

    @Test
    void aBadNetworkFileGivesExitTwoAndOneLinePerProblem(@TempDir Path dir) throws Exception {
        String bad = Files.readString(EXAMPLE)
                .replace("    refractory_delay: 2    # a neuron", "    refractory_dely: 2    # a neuron")
                .replace("  - {from: a, to: b, type: link}", "  - {from: a, to: bb, type: link}")
                .replace("  c: {size: width, type: relay}", "  c: {size: width +, type: relay}");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, bad);
        Result r = synfire("run", file.toString(), "--steps", "10", "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("synfire: " + file + " has 3 problems:");
        assertThat(lines.get(1)).matches("  .*bad\\.yaml:20:5: neuron_types\\.relay\\.refractory_dely: unknown key 'refractory_dely' in neuron_types\\.relay; did you mean 'refractory_delay'\\?");
        assertThat(lines.get(2)).contains("bad.yaml:44:13: ").contains("populations.c.size: bad expression 'width +'");
        assertThat(lines.get(3)).contains("bad.yaml:58:").contains("projections[1].to: no population named 'bb'; did you mean 'b'?");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badOptionsAreUserErrorsToo(@TempDir Path dir) {
        Result probe = synfire("run", EXAMPLE.toString(), "--steps", "5", "--no-learning", "--out", dir.toString(),
                "--probe", "v:nope[1]", "--probe", "v:a[7]", "--probe", "weights:x->y", "--probe", "volts:a");
        assertThat(probe.code()).isEqualTo(2);
        assertThat(probe.err()).contains("--probe volts:a: not a probe");
        Result resolved = synfire("run", EXAMPLE.toString(), "--steps", "5", "--no-learning", "--out", dir.toString(),
                "--probe", "v:nope[1]", "--probe", "v:a[7]", "--probe", "weights:x->y", "--probe", "v:stim");
        assertThat(resolved.code()).isEqualTo(2);
        assertThat(resolved.err()).contains("--probe v:nope[1]: no population named 'nope'")
                .contains("--probe v:a[7]: compartment 7 is outside 0..2")
                .contains("--probe weights:x->y: no projection named 'x->y'")
                .contains("stim is a spike generator; it has no u or v");
        Result param = synfire("run", EXAMPLE.toString(), "--steps", "5", "--param", "widht=4", "--out", dir.toString());
        assertThat(param.code()).isEqualTo(2);
        assertThat(param.err()).contains("--param widht=4: the network has no parameter 'widht'; did you mean 'width'?");
        Result missing = synfire("run", dir.resolve("none.yaml").toString(), "--steps", "5", "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.yaml: no such network file");
        Result steps = synfire("run", EXAMPLE.toString(), "--steps", "0", "--out", dir.toString());
        assertThat(steps.code()).isEqualTo(2);
        assertThat(steps.err()).contains("--steps must be at least 1");
    }

    @Test
    void namedMatricesComeFromNpyFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("net.yaml"), """
                name: named
                neuron_types:
                  relay: {threshold: 1024}
                connection_types:
                  w: {connectivity: dense, matrix: {name: W, transpose: true}}
                populations:
                  a: {size: 2, type: relay}
                  b: {size: 3, type: relay}
                spike_generators:
                  in: {ports: 2, spikes: [[1, 0], [1, 1]]}
                  go: {ports: 1}
                projections:
                  - {from: in, to: a, type: w, matrix: {values: [[1100, 0], [0, 1100]]}}
                  - {from: a, to: b, type: w}
                """);
        Npy.writeInt32(dir.resolve("w.npy"), new int[] {1100, 0, 0, 1100, 0, 0}, 3, 2); // (post b × pre a): transposed in the file
        Result ok = synfire("run", dir.resolve("net.yaml").toString(), "--steps", "4", "--matrix", "W=" + dir.resolve("w.npy"),
                "--out", dir.resolve("out").toString(), "--probe", "weights:a->b:w");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/spikes.csv"))).isEqualTo("step,population,index\n1,in,0\n1,in,1\n2,a,0\n2,a,1\n3,b,0\n3,b,1\n");
        assertThat(Npy.read(dir.resolve("out/weights_a-to-b.w.npy")).shape()).containsExactly(1, 2, 3);
        Result missing = synfire("run", dir.resolve("net.yaml").toString(), "--steps", "4", "--out", dir.resolve("out2").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("net.yaml:5:43: connection_types.w.matrix.name: no matrix named 'W' was supplied (none were; with synfire run, give --matrix W=FILE.npy)");
    }

    @Test
    void helpIsReadable() {
        Result r = synfire("run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: synfire run").contains("--steps=N").contains("Probes (--probe may be repeated):")
                .contains("weights:PROJ@every=K").contains("--strict-weights").contains("spikes.csv");
        assertThat(synfire("--help").out()).contains("run");
    }

    /** The text of the fenced block that starts with {@code opening}, without the fence. */
    private static String block(String doc, String opening) {
        int i = doc.indexOf(opening);
        assertThat(i).as("docs contain " + opening).isNotNegative();
        int start = doc.indexOf('\n', i) + 1;
        if (!opening.endsWith("\n")) start = i + opening.indexOf('\n') + 1;
        int end = doc.indexOf("```", start);
        return doc.substring(start, end);
    }

    @SuppressWarnings("unused")
    private static List<String> lines(Path p) throws Exception {
        return new ArrayList<>(Files.readAllLines(p));
    }
}
