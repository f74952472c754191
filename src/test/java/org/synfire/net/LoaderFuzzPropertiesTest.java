package org.synfire.net;

import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.Gens;
import org.synfire.UserError;

/** Random mutations of a valid file: loading (and, when small enough, compiling) fails only with UserError. */
class LoaderFuzzPropertiesTest {
    static final String VALID = """
            name: fuzz
            description: a network to mutate
            parameters:
              n: 3
              m: n * 2 - 1
            neuron_types:
              n_sfc: {threshold: 1024, bias: -8192, refractory_delay: 2}
              n_gat: {v_th_mant: 1024, bias_mant: 0, bias_exp: 0, decay_u: 4096, decay_v: 4096}
              n_sfl: {threshold: 1024, bias: -8192, enable_learning: true, num_dendritic_accumulators: 8}
            connection_types:
              1e: {connectivity: one_to_one, weight: 520}
              1e_d3: {connectivity: one_to_one, weight: 520, delay: 3}
              g: {connectivity: all_to_all, weight: 8704}
              gi: {connectivity: all_to_all, weight: -8128, sign_mode: inhibitory}
              p: {connectivity: dense, matrix: {values: [[2, -4, 6], [8, 10, -12], [0, 2, 4]]}, sign_mode: mixed, exponent: 0, learning_rule: sbp}
              sp: {connectivity: sparse, synapses: [[0, 1, 100], [2, 0, -50]]}
              m1: {connectivity: all_to_all, mantissa: 3, exponent: 2}
            learning_rules:
              sbp:
                dw: y0*x0*r1*4 - y0*x0*2
                r1: {impulse: 1, time_constant: 0}
                x1: {impulse: 0.5, time_constant: 2}
                t_epoch: 1
                reinforcement: {source: reward, index: 0}
            populations:
              x: {size: n, type: n_sfc}
              h: {size: n, type: n_sfl}
              g01: {size: 1, type: n_gat}
            spike_generators:
              input: {ports: n, spikes: [[1, 0], [2, 2]]}
              reward: {ports: 1, spikes: [[6, 0]]}
            projections:
              - {from: input, to: x, type: 1e}
              - {from: x, to: h, type: [p, sp]}
              - {from: g01, to: [x, h], type: [g, gi]}
              - {from: h, to: x, type: 1e_d3, delay: 2}
              - {from: input, to: g01, type: m1, name: kick}
              - {from: x, to: h, type: 1e, weight: 260, exponent: 1}
            """;

    private static final String[] TOKENS = {"", "0", "-1", "1", "2", "7", "63", "64", "255", "256", "-256", "4096", "131072", "99999999999",
            "n", "m", "k", "n //", "(n", "n * n", "1.5", "true", "null", "~", "[]", "{}", "[1, 2]", "{a: 1}", "x", "h", "g01", "input", "reward",
            "1e", "p", "sp", "dense", "sparse", "one_to_one", "all_to_all", "mixed", "excitatory", "size", "type", "weight", "delay", "dely",
            "from", "to", "name", "matrix", "file", "values", "synapses", "spikes", "ports", "threshold", "bias", "-", ":", ",", "'", "\"", "&a",
            "*a", "!!int", "|", ">", "#", "?", "%", "@", "`", "\t", "\\", "->", "é", "\u0000"};

    /**
     * The valid file after one to four random mutations. The mutations draw from QuickTheories, so a failing
     * file shrinks toward fewer and simpler edits (drawn from a seeded Random, as they were, they could not).
     */
    private static final Gen<String> MUTATED = Gens.fromRandom(r -> {
        int mutations = 1 + r.nextInt(4);
        String text = VALID;
        for (int i = 0; i < mutations; i++) text = mutate(text, r);
        return text;
    });

    @Test
    void onlyUserErrorsEscape() {
        qt().withExamples(1000).withShrinkCycles(2000).forAll(MUTATED).checkAssert(LoaderFuzzPropertiesTest::onlyUserErrorsEscape);
    }

    private static void onlyUserErrorsEscape(String text) {
        NetworkDescription d;
        try {
            d = NetworkLoader.parse("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.NONE);
        } catch (UserError expected) {
            return;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("loader threw " + e + " for:\n" + text, e);
        }
        if (!small(d)) return;
        try {
            NetworkCompiler.compile(d, Map.of(), 1, NetworkCompiler.Options.DEFAULT.withLearning(false)).chip().run(20);
        } catch (UserError expected) {
            // fine: a compile-time problem, reported as such
        } catch (RuntimeException e) {
            throw new AssertionError("compiler threw " + e + " for:\n" + text, e);
        }
    }

    /** Keeps the compile step cheap: mutations can ask for huge populations. */
    private static boolean small(NetworkDescription d) {
        long total = 0;
        for (Population p : d.populations().values()) total += p.size();
        for (SpikeGeneratorDef g : d.spikeGenerators().values()) total += g.ports();
        return total <= 2000;
    }

    static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        switch (r.nextInt(6)) {
            case 0 -> { // delete a span
                int a = r.nextInt(text.length()), b = Math.min(text.length(), a + 1 + r.nextInt(12));
                return text.substring(0, a) + text.substring(b);
            }
            case 1 -> { // insert a token
                int a = r.nextInt(text.length() + 1);
                return text.substring(0, a) + TOKENS[r.nextInt(TOKENS.length)] + text.substring(a);
            }
            case 2 -> { // duplicate a line
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return String.join("\n", lines);
            }
            case 3 -> { // swap two lines
                int i = r.nextInt(lines.size()), j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                return String.join("\n", lines);
            }
            case 4 -> { // replace a word or number with a token
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
                int[] s = spans.get(r.nextInt(spans.size()));
                return text.substring(0, s[0]) + TOKENS[r.nextInt(TOKENS.length)] + text.substring(s[1]);
            }
            default -> { // change the indentation of a line
                int i = r.nextInt(lines.size());
                lines.set(i, r.nextBoolean() ? " " + lines.get(i) : lines.get(i).stripLeading());
                return String.join("\n", lines);
            }
        }
    }

    @Test
    void theUnmutatedFileIsValid() {
        NetworkDescription d = NetworkLoader.parse("fuzz.yaml", VALID.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.NONE);
        NetworkCompiler.compile(d, Map.of(), 1, NetworkCompiler.Options.DEFAULT.withLearning(false));
        org.assertj.core.api.Assertions.assertThat(d.projections()).hasSize(10);
    }
}
