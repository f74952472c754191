package org.synfire.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The project's JSON and YAML mappers, configured once. Mappers are thread-safe once built, so every class shares
 * these instead of building its own; loading this class loads Jackson, which the fast commands never do.
 */
public final class Json {
    private Json() {}

    /** Indented output; reading fails on properties a record does not have. */
    public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Indented output; reading ignores unknown properties (files written by newer versions still load). */
    public static final ObjectMapper LENIENT = PRETTY.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** As {@link #LENIENT}, with record components written in snake_case (map keys stay as they are). */
    public static final ObjectMapper SNAKE = LENIENT.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** One line, for hashing and for messages sent between cluster members. */
    public static final ObjectMapper COMPACT = new ObjectMapper();

    /** YAML (and so JSON) input; a key given twice in one mapping is an error, not a silent overwrite. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** {@code value} as indented JSON ending in a newline. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
