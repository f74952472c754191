package org.synfire.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Values produced once by Debian's python3-numpy (see src/test/resources/numpy/make_fixtures.py). */
public final class NumpyFixtures {
    private static JsonNode root;

    private NumpyFixtures() {}

    public static synchronized JsonNode get(String name) {
        if (root == null) {
            try (InputStream in = NumpyFixtures.class.getResourceAsStream("/numpy/numpy-fixtures.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode n = root.get(name);
        if (n == null) throw new IllegalArgumentException("no fixture " + name);
        return n;
    }

    public static long[] longs(JsonNode n) {
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asLong();
        return out;
    }

    public static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asInt();
        return out;
    }

    public static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asDouble();
        return out;
    }
}
