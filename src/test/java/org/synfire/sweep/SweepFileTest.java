package org.synfire.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.synfire.Gens;
import org.synfire.UserError;

/** Sweep files: expansion into runs, run ids, and one clear message for each kind of bad input. */
class SweepFileTest {
    private static final Path FILE = Path.of("sweeps", "t.yaml");

    private static List<RunSpec> runs(String yaml) {
        return SweepFile.parse(FILE, yaml).expand();
    }

    private static List<String> ids(String yaml) {
        return runs(yaml).stream().map(RunSpec::id).toList();
    }

    @Test
    void axesAreCrossedFirstSlowestAndZippedOptionsVaryTogether() {
        List<RunSpec> r = runs("""
                base: {backend: functional, epochs: 2}
                axes:
                  - seed: [1, 2]
                  - zip: {hidden: [10, 20, 30], limit: [100, 200, 300]}
                """);
        assertThat(r).extracting(RunSpec::label).containsExactly(
                "seed=1 hidden=10 limit=100", "seed=1 hidden=20 limit=200", "seed=1 hidden=30 limit=300",
                "seed=2 hidden=10 limit=100", "seed=2 hidden=20 limit=200", "seed=2 hidden=30 limit=300");
        assertThat(r.get(4).run().settings()).containsEntry("seed", 2L).containsEntry("hidden", 20).containsEntry("limit", 200)
                .containsEntry("epochs", 2).containsEntry("backend", "functional");
        assertThat(r).extracting(RunSpec::group).containsSubsequence("hidden=10 limit=100", "hidden=20 limit=200");
        assertThat(r.stream().map(RunSpec::id).distinct()).hasSize(6);
    }

    @Test
    void rangesAreInclusiveAndDecimalStepsStayExact() {
        List<RunSpec> r = runs("axes: [{input-threshold: {from: 0.3, to: 0.6, step: 0.1}}, {epochs: {from: 1, to: 5, step: 2}}]");
        assertThat(r.stream().map(x -> x.run().settings().get("input_threshold")).distinct().toList()).containsExactly(0.3, 0.4, 0.5, 0.6);
        assertThat(r.stream().map(x -> x.run().settings().get("epochs")).distinct().toList()).containsExactly(1, 3, 5);
    }

    @Test
    void theSameFileGivesTheSameIdsAndWritingItDifferentlyChangesNothing() {
        String a = "base: {backend: functional, epochs: 3}\naxes: [{seed: [1, 2, 3]}]\n";
        String b = """
                # the same sweep, written another way
                axes:
                  - seed: [1, 2, 3]
                base:
                  epochs: 3.0
                  backend: functional
                  input_threshold: 0.5      # the default, spelled out
                  shuffle: true
                """;
        assertThat(ids(a)).isEqualTo(ids(a)).isEqualTo(ids(b));
    }

    @Test
    void aChangedOptionGivesANewIdAndTheNameAndChecksDoNot() {
        Map<String, String> base = Map.of("backend", "functional", "epochs", "3", "seed", "1");
        String id = ids(yaml(base, Map.of())).get(0);
        for (String changed : List.of("epochs=4", "seed=2", "hidden=401", "limit=100", "test-threshold=0.4", "no-shuffle=true",
                "convention=reference", "backend=chip", "eval-train=false", "layers='400,400,400,10'", "holdout=50", "rng=numpy")) {
            String[] kv = changed.split("=", 2);
            assertThat(ids(yaml(base, Map.of(kv[0], kv[1]))).get(0)).as(changed).isNotEqualTo(id);
        }
        assertThat(ids(yaml(base, Map.of("name", "other", "check-phases", "0", "check-copies", "7"))).get(0)).isEqualTo(id);
    }

    /** A sweep file with these base options, {@code changed} overriding. */
    private static String yaml(Map<String, String> base, Map<String, String> changed) {
        Map<String, String> m = new java.util.TreeMap<>(base);
        m.putAll(changed);
        return "base: {" + m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + "}";
    }

    @Test
    void anIdIsTheSha256OfTheDocumentedCanonicalText() throws Exception {
        RunSpec r = runs("base: {backend: functional, seed: 7, epochs: 2, hidden: 20}").get(0);
        String text = "{\"config\":{\"backend\":\"functional\",\"convention\":\"chip\",\"epochs\":2,\"eval_train\":true,\"hidden\":20,"
                + "\"holdout\":null,\"init_weights\":null,\"input_threshold\":0.5,\"limit\":null,\"network\":null,\"rng\":\"synfire\",\"seed\":7,"
                + "\"shuffle\":true,\"test_threshold\":0.5,\"variant\":\"mnist20\"},\"id_scheme\":1,\"kind\":\"train\"}";
        assertThat(RunIds.canonical("train", r.kind().hashed(r.run().settings()))).isEqualTo(text);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.id()).isEqualTo(sha.substring(0, 16));
    }

    @Test
    void idsAreDistinctAndStableForAnySetOfSeeds() {
        qt().withExamples(30).forAll(Gens.ints(1, 12), Gens.anyLong()).checkAssert((n, start) -> {
            String seeds = java.util.stream.LongStream.range(0, n).mapToObj(i -> Long.toString(start + i * 7919)).collect(Collectors.joining(", "));
            String yaml = "base: {backend: functional}\naxes: [{seed: [" + seeds + "]}]";
            List<String> first = ids(yaml);
            assertThat(first).hasSize(n).doesNotHaveDuplicates();
            assertThat(ids(yaml)).isEqualTo(first);
        });
    }

    @Test
    void badInputIsOneMessageNamingTheFileAndTheField() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("base: {epoch: 3}", "sweeps/t.yaml: base.epoch: unknown option of 'train' (known: backend, ");
        cases.put("axes: [{seed: []}]", "sweeps/t.yaml: axes[0].seed: empty axis (no values)");
        cases.put("axes: [{epochs: {from: 5, to: 1}}]", "sweeps/t.yaml: axes[0].epochs: empty axis (no values)");
        cases.put("axes: [{zip: {seed: [1, 2], hidden: [5]}}]", "sweeps/t.yaml: axes[0].zip: seed has 2 values but hidden has 1");
        cases.put("axes: [{seed: [1]}, {zip: {seed: [2]}}]", "sweeps/t.yaml: axes[1]: seed is varied by an earlier axis too");
        cases.put("axes: [{seed: [1], hidden: [2]}]", "sweeps/t.yaml: axes[0]: expected one option and its values");
        cases.put("base: {epochs: ten}", "sweeps/t.yaml: base.epochs: expected a whole number, got 'ten'");
        cases.put("base: {out: x}", "sweeps/t.yaml: base.out: not a sweep option (the sweep puts each run in RUN_ID/");
        cases.put("base: {data: /d}", "sweeps/t.yaml: base.data: not a sweep option (give --data on the command line");
        cases.put("bases: {}", "sweeps/t.yaml: bases: unknown field");
        cases.put("kind: continual", "sweeps/t.yaml: kind: unknown kind 'continual' (known: train)");
        cases.put("axes: [{seed: [1, 1]}]", "sweeps/t.yaml: runs seed=1 and seed=1 have the same effective configuration");
        cases.put("base: {hidden: 5, layers: '400,5,10'}", "sweeps/t.yaml: run (base): give either hidden (one hidden layer) or layers, not both");
        cases.put("axes: [{variant: [mnist20, mnist99]}]", "sweeps/t.yaml: run variant=mnist99: ");
        cases.put("axes: [{shuffle: {from: 0, to: 1}}]", "sweeps/t.yaml: axes[0].shuffle: a range needs a numeric option");
        cases.put("base: [1, 2]", "sweeps/t.yaml: base: expected a mapping");
        cases.put("[1, 2]", "sweeps/t.yaml: expected a mapping");
        cases.put("base: {seed: 1\n", "sweeps/t.yaml: not valid YAML");
        cases.forEach((yaml, message) -> assertThatThrownBy(() -> runs(yaml)).as(yaml).isInstanceOf(UserError.class)
                .hasMessageStartingWith(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
    }
}
