package org.synfire.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The section a loader hands to another reader keeps every value's type, as Jackson's own YAML reading would give it. */
class TreeToJsonTest {
    private static JsonNode section(String yaml, String key) throws Tree.SyntaxError {
        Tree.Node root = Tree.parse(yaml.getBytes(StandardCharsets.UTF_8), false, new Problems(SourceMap.none("t.yaml")));
        return Tree.toJson(((Tree.MapNode) root).entries().get(key).value());
    }

    @Test
    void scalarsKeepTheirTypesAndIntegersTheSmallestJacksonType() throws Exception {
        JsonNode s = section("""
                s:
                  small: 12
                  negative: -2147483648
                  long: 2147483648
                  big: 9223372036854775808
                  float: 0.5
                  inf: .inf
                  text: abc
                  quoted: "12"
                  yes: true
                  none: null
                  list: [1, two, [3]]
                """, "s");
        assertThat(s.get("small").isInt()).isTrue();
        assertThat(s.get("small").intValue()).isEqualTo(12);
        assertThat(s.get("negative").isInt()).isTrue();
        assertThat(s.get("negative").intValue()).isEqualTo(Integer.MIN_VALUE);
        assertThat(s.get("long").isLong()).isTrue();
        assertThat(s.get("long").longValue()).isEqualTo(2_147_483_648L);
        assertThat(s.get("big").isBigInteger()).isTrue();
        assertThat(s.get("big").bigIntegerValue()).isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(s.get("float").isDouble()).isTrue();
        assertThat(s.get("float").doubleValue()).isEqualTo(0.5);
        assertThat(s.get("inf").isTextual()).isTrue();
        assertThat(s.get("text").asText()).isEqualTo("abc");
        assertThat(s.get("quoted").isTextual()).isTrue();
        assertThat(s.get("yes").isBoolean()).isTrue();
        assertThat(s.get("yes").booleanValue()).isTrue();
        assertThat(s.get("none").isNull()).isTrue();
        assertThat(s.get("list").size()).isEqualTo(3);
        assertThat(s.get("list").get(1).asText()).isEqualTo("two");
        assertThat(s.get("list").get(2).get(0).intValue()).isEqualTo(3);
    }

    @Test
    void anchorsAndMergeKeysAreResolvedInTheSection() throws Exception {
        JsonNode s = section("""
                base: &b {phase: 3, population: o}
                s:
                  readout:
                    <<: *b
                    phase: 4
                  again: *b
                """, "s");
        assertThat(s.get("readout").get("phase").intValue()).isEqualTo(4);
        assertThat(s.get("readout").get("population").asText()).isEqualTo("o");
        assertThat(s.get("again").get("phase").intValue()).isEqualTo(3);
    }

    @Test
    void theLoaderHandsBackTheSectionItWasAskedFor() {
        NetworkLoader.WithSection none = NetworkLoader.parse("net.yaml", MINIMAL.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.NONE, "protocol");
        assertThat(none.section()).isNull();
        NetworkLoader.WithSection with = NetworkLoader.parse("net.yaml", (MINIMAL + "protocol: {steps_per_sample: 4}\n").getBytes(StandardCharsets.UTF_8),
                false, Map.of(), DataFiles.NONE, "protocol");
        assertThat(with.section().get("steps_per_sample").intValue()).isEqualTo(4);
        assertThat(with.description().populations()).isEqualTo(none.description().populations());
    }

    private static final String MINIMAL = """
            name: minimal
            neuron_types:
              n: {threshold: 10}
            populations:
              a: {size: 2, type: n}
            """;
}
