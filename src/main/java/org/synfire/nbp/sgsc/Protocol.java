package org.synfire.nbp.sgsc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.io.Json;
import org.synfire.net.NetworkDescription;
import org.synfire.net.Projection;
import org.synfire.net.WeightSpec;

/**
 * What a driver needs to stream samples through a training network, read from the network file's
 * {@code protocol:} section: steps per sample, when each generator fires, where the output is read, the
 * forward layers and logical matrices, the phase invariants, and (from the projections) every on-chip
 * instance of every logical matrix.
 *
 * @param steps steps per sample
 * @param generators name → role and phases (input, target, reward, gate_start)
 * @param readout population and phase of the forward output
 * @param layers forward populations, input to output
 * @param matrices logical matrix names, W_1 … W_M (matrix l connects layers l−1 and l)
 * @param allowed population → bit p set when it may spike in phase p
 * @param tolerated population → phases in which a spike is a warning
 * @param instances per logical matrix, its projections in declaration order (the first plain copy is the matrix)
 */
public record Protocol(int steps, Map<String, Generator> generators, Readout readout, List<String> layers, List<String> matrices,
                       Map<String, Long> allowed, Map<String, Long> tolerated, Map<String, List<Instance>> instances) {

    public enum Role { INPUT, TARGET, REWARD, GATE_START }

    public record Generator(String name, Role role, List<Integer> phases) {}

    public record Readout(String population, int phase) {}

    /** A projection holding a logical matrix, as it is, transposed, or negated (and saturated) and transposed. */
    public record Instance(String projection, boolean transpose, boolean negate) {}

    public int layerCount() {
        return matrices.size();
    }

    public Generator generator(Role role) {
        for (Generator g : generators.values()) if (g.role() == role) return g;
        throw new UserError("protocol: no generator has role " + role.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The top-level key of a network file that holds its protocol. */
    public static final String SECTION = "protocol";

    /** Reads the protocol section of the network file's text, and the instances from its projections. */
    public static Protocol read(String origin, byte[] yaml, NetworkDescription d) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UserError(origin + ": " + e.getMessage());
        }
        return read(origin, root == null ? null : root.get(SECTION), d);
    }

    /** Reads a protocol section already parsed (null: the file has none), and the instances from the description's projections. */
    public static Protocol read(String origin, JsonNode p, NetworkDescription d) {
        if (p == null || !p.isObject()) throw new UserError(origin + ": no protocol section (a training network must say how it is driven)");
        Fields f = new Fields(origin);
        int steps = f.positiveInt(p, "protocol.steps_per_sample");
        if (steps > 64) throw new UserError(origin + ": protocol.steps_per_sample " + steps + " is more than 64");
        Map<String, Generator> generators = new LinkedHashMap<>();
        JsonNode gens = f.object(p, "protocol.generators");
        for (var it = gens.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = "protocol.generators." + e.getKey();
            if (!d.spikeGenerators().containsKey(e.getKey())) throw new UserError(origin + ": " + path + ": no spike generator of that name");
            String role = f.text(e.getValue(), path + ".role");
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new UserError(origin + ": " + path + ".role: '" + role + "' is not input, target, reward or gate_start");
            }
            generators.put(e.getKey(), new Generator(e.getKey(), r, f.phases(e.getValue(), path + ".phases", steps)));
        }
        JsonNode ro = f.object(p, "protocol.readout");
        String readoutPop = f.population(ro, "protocol.readout.population", d);
        Readout readout = new Readout(readoutPop, f.phase(ro, "protocol.readout.phase", steps));
        List<String> layers = new ArrayList<>();
        for (JsonNode n : f.array(p, "protocol.layers")) layers.add(f.populationName(n, "protocol.layers", d));
        List<String> matrices = new ArrayList<>();
        for (JsonNode n : f.array(p, "protocol.matrices")) matrices.add(n.asText());
        if (matrices.size() != layers.size() - 1) {
            throw new UserError(origin + ": protocol: " + layers.size() + " layers need " + (layers.size() - 1) + " matrices, not " + matrices.size());
        }
        Map<String, Long> allowed = f.phaseMasks(p.get("phases"), "protocol.phases", steps, d);
        Map<String, Long> tolerated = f.phaseMasks(p.get("tolerated"), "protocol.tolerated", steps, d);
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        for (String m : matrices) instances.put(m, new ArrayList<>());
        for (Projection pr : d.projections()) {
            WeightSpec w = pr.weight();
            if (w instanceof WeightSpec.Matrix mx && mx.source() instanceof WeightSpec.MatrixSource.Named n && instances.containsKey(n.name())) {
                instances.get(n.name()).add(new Instance(pr.name(), mx.transpose(), mx.negate()));
            }
        }
        for (var e : instances.entrySet()) {
            if (e.getValue().stream().noneMatch(i -> !i.transpose() && !i.negate())) {
                throw new UserError(origin + ": protocol.matrices: no projection holds " + e.getKey() + " itself (untransposed, not negated)");
            }
            e.setValue(List.copyOf(e.getValue()));
        }
        return new Protocol(steps, generators, readout, List.copyOf(layers), List.copyOf(matrices), allowed, tolerated, instances);
    }

    /** Field readers whose messages name the file and the field. */
    private record Fields(String origin) {
        private UserError error(String path, String what) {
            return new UserError(origin + ": " + path + ": " + what);
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.isObject()) throw error(path, "missing, or not a mapping");
            return n;
        }

        List<JsonNode> array(JsonNode parent, String path) {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.isArray() || n.isEmpty()) throw error(path, "missing, or not a non-empty list");
            List<JsonNode> out = new ArrayList<>();
            n.forEach(out::add);
            return out;
        }

        String text(JsonNode parent, String path) {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.isTextual()) throw error(path, "missing, or not text");
            return n.asText();
        }

        int positiveInt(JsonNode parent, String path) {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) throw error(path, "missing, or not a positive integer");
            return n.asInt();
        }

        int phase(JsonNode parent, String path, int steps) {
            JsonNode n = parent.get(last(path));
            return phaseValue(n, path, steps);
        }

        private int phaseValue(JsonNode n, String path, int steps) {
            if (n == null || !n.isIntegralNumber() || n.asInt() < 0 || n.asInt() >= steps) throw error(path, "not a phase 0.." + (steps - 1));
            return n.asInt();
        }

        List<Integer> phases(JsonNode parent, String path, int steps) {
            List<Integer> out = new ArrayList<>();
            for (JsonNode n : array(parent, path)) out.add(phaseValue(n, path, steps));
            return List.copyOf(out);
        }

        String population(JsonNode parent, String path, NetworkDescription d) {
            return populationName(parent.get(last(path)), path, d);
        }

        String populationName(JsonNode n, String path, NetworkDescription d) {
            if (n == null || !n.isTextual()) throw error(path, "missing, or not a population name");
            if (!d.populations().containsKey(n.asText())) throw error(path, "no population '" + n.asText() + "'");
            return n.asText();
        }

        Map<String, Long> phaseMasks(JsonNode n, String path, int steps, NetworkDescription d) {
            Map<String, Long> out = new LinkedHashMap<>();
            if (n == null) return out;
            if (!n.isObject()) throw error(path, "not a mapping of population -> phases");
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                String pp = path + "." + e.getKey();
                if (!d.populations().containsKey(e.getKey())) throw error(pp, "no population of that name");
                long mask = 0;
                if (!e.getValue().isArray()) throw error(pp, "not a list of phases");
                for (JsonNode x : e.getValue()) mask |= 1L << phaseValue(x, pp, steps);
                out.put(e.getKey(), mask);
            }
            return out;
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
