package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.chip.probe.StateProbe;
import org.synfire.chip.probe.WeightProbe;
import org.synfire.io.Checksums;
import org.synfire.io.Json;
import org.synfire.io.Npy;
import org.synfire.net.CompiledNetwork;
import org.synfire.net.ConnectivityKind;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;
import org.synfire.io.AtomicFiles;
import org.synfire.report.ProbeExport;
import org.synfire.report.RunOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synfire run}: a network file on the emulated chip for a number of steps, with its recordings written to a folder. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Run a network file on the emulated Loihi 1 chip for N steps; write spikes, probes and counters.",
            "",
            "The network is a YAML or JSON file in the format of docs/network-format.md. Spikes",
            "listed in its spike generators are scheduled before the run. Steps start at 1; a",
            "spike at step t over a synapse with delay d arrives at step t+1+d.",
            "",
            "Writes into DIR:",
            "  spikes.csv        step,population,index for every spike of every population and",
            "                    spike generator, sorted by step, population name and index",
            "  v_POP.csv/.npy    one pair per state probe (u_POP for u); rows are steps 1..N",
            "  weights_PROJ.csv/.npy, mantissas_PROJ.npy",
            "                    per weight probe: the CSV has both the stored mantissa and",
            "                    the weight in weight units; the .npy files hold one each",
            "  counters.json     operations per population, learning per plastic projection",
            "  config.json       parameters, seed, options, the network file's SHA-256, the",
            "                    network as compiled, the files written (outputs) and, for",
            "                    each, what it holds (probe_files: exact names, units)",
            "If DIR holds an earlier run, its files are replaced or removed (no stale probe",
            "files remain); other files are left alone. A DIR holding another command's",
            "config.json is refused.",
            ""
        },
        footer = {
            "",
            "Probes (--probe may be repeated):",
            "  spikes:POP[,POP...]   write only these populations/generators to spikes.csv",
            "  v:POP                 membrane voltage of every compartment of POP, every step",
            "  v:POP[3]  v:POP[0..4]  v:POP[0,2,5..7]",
            "                        ... of the chosen compartments (ranges are inclusive)",
            "  u:POP[...]            synaptic current u, same selection",
            "  weights:PROJ          weights of a projection after the last step",
            "  weights:PROJ@every=K  its weights after steps K, 2K, 3K, ...",
            "Projection names such as a->b:link contain '>': quote them in a shell,",
            "  --probe 'weights:a->b:link'",
            "",
            "Examples:",
            "  synfire run examples/synfire-chain.yaml --steps 10 --out runs/chain",
            "  synfire run net.yaml --steps 500 --param n_in=784 --matrix W1=w1.npy \\",
            "      --probe 'v:x[0..9]' --out runs/x",
            "",
            "Exit status: 0 on success; 2 for a problem with the network file or the options",
            "(a network too large for the chip, a folder that cannot be written); 74 if a result",
            "cannot be written while writing it (a full disk).",
            "All problems are listed together, one per line, with file, line, column and key path."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "Network file (.yaml, .yml or .json), or resource:PATH for a network shipped inside Synfire.")
    String network;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of steps to run (at least 1).")
    long steps;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the results (created if missing). An earlier run's files there are replaced or removed; other files are left alone.")
    Path out;

    @Option(names = "--probe", paramLabel = "PROBE", description = "What to record besides spikes; see Probes below.")
    List<String> probes = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a parameter of the network, e.g. --param n_in=784.")
    Map<String, Integer> params = new LinkedHashMap<>();

    @Option(names = "--matrix", paramLabel = "NAME=FILE",
            description = "Supply a named matrix the network refers to (matrix: {name: NAME}) from an integer .npy of shape (pre, post).")
    Map<String, Path> matrices = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the chip's stochastic rounding (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strict-weights",
            description = "Treat a weight the chip cannot store exactly as an error (by default it is stored truncated, with a warning naming the connection and the value stored).")
    boolean strictWeights;

    @Option(names = "--no-learning",
            description = "Compile plastic projections as static ones: weights stay at their initial values.")
    boolean noLearning;

    private static final Pattern STATE = Pattern.compile("(v|u):([^\\[\\]]+)(?:\\[([^\\]]*)\\])?");
    private static final Pattern WEIGHTS = Pattern.compile("weights:(.+?)(?:@every=(\\d+))?");

    sealed interface ProbeRequest permits SpikesRequest, StateRequest, WeightsRequest {
        String text();
    }

    record SpikesRequest(String text, List<String> names) implements ProbeRequest {}

    record StateRequest(String text, StateProbe.Variable variable, String population, String selection) implements ProbeRequest {}

    record WeightsRequest(String text, String projection, long every) implements ProbeRequest {}

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (steps < 1) throw new UserError("--steps must be at least 1, got " + steps);
        List<ProbeRequest> requests = parseProbes(probes);
        // the output folder is checked before any work: writable, and not someone else's results
        AtomicFiles.checkWritable(out.resolve(RunOutputs.CONFIG));
        List<String> earlier = RunOutputs.earlierRun(out);

        byte[] networkBytes;
        NetworkDescription d;
        String networkPath;
        if (network.startsWith("resource:")) {
            String res = network.substring("resource:".length());
            d = NetworkLoader.loadResource(res, params);
            networkBytes = resourceBytes(res);
            networkPath = network;
        } else {
            Path file = Path.of(network);
            d = NetworkLoader.load(file, params);
            networkBytes = readBytes(file);
            networkPath = file.toString();
        }
        Map<String, IntMatrix> named = new LinkedHashMap<>();
        Map<String, Object> matrixInfo = new LinkedHashMap<>();
        for (Map.Entry<String, Path> m : matrices.entrySet()) {
            IntMatrix data = readMatrix(m.getKey(), m.getValue());
            named.put(m.getKey(), data);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("file", m.getValue().toString());
            info.put("sha256", Checksums.sha256(readBytes(m.getValue())));
            info.put("shape", List.of(data.rows(), data.cols()));
            matrixInfo.put(m.getKey(), info);
        }
        NetworkCompiler.Options options = new NetworkCompiler.Options(strictWeights, !noLearning);
        // compile() refuses a network too large for the chip (NetworkCompiler.checkFits) before allocating it
        CompiledNetwork net = NetworkCompiler.compile(d, named, seed, options);
        for (String w : net.warnings()) stderr.println("synfire: warning: " + w);

        Chip chip = net.chip();
        Probes installed = install(net, requests);
        chip.run(steps);

        // every file name first: config.json lists them and is written first, so a later run into this folder
        // can always remove exactly this run's files (RunOutputs)
        List<String> written = new ArrayList<>(List.of("spikes.csv"));
        // what each file holds, under its name: the exact population or projection names and the units
        Map<String, Object> probeFiles = new LinkedHashMap<>();
        probeFiles.put("spikes.csv", ordered("columns", List.of("step", "population", "index"), "populations",
                installed.spikes.stream().map(SpikeProbe::population).sorted().toList()));
        Set<String> stems = new LinkedHashSet<>();
        List<String> stateStems = new ArrayList<>();
        for (int i = 0; i < installed.states.size(); i++) {
            StateProbe p = installed.states.get(i);
            String var = p.variable().name().toLowerCase(java.util.Locale.ROOT);
            String stem = unique(stems, var + "_" + ProbeExport.fileStem(p.population()));
            stateStems.add(stem);
            written.add(stem + ".csv");
            written.add(stem + ".npy");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("probe", installed.stateTexts.get(i));
            info.put("population", p.population());
            info.put("compartments", java.util.Arrays.stream(p.compartments()).boxed().toList());
            info.put("unit", "membrane units (weight units x 64), as the chip holds " + var);
            probeFiles.put(stem + ".csv", info);
            probeFiles.put(stem + ".npy", ordered("same_as", stem + ".csv", "shape", List.of("steps", "compartments"), "dtype", "int32"));
        }
        List<String> weightStems = new ArrayList<>();
        Set<String> projectionStems = new LinkedHashSet<>();
        for (int i = 0; i < installed.weights.size(); i++) {
            WeightProbe p = installed.weights.get(i);
            String stem = unique(projectionStems, ProbeExport.fileStem(p.connection()));
            weightStems.add(stem);
            written.add("weights_" + stem + ".csv");
            written.add("weights_" + stem + ".npy");
            written.add("mantissas_" + stem + ".npy");
            CompiledNetwork.WeightLayout l = net.weightLayout(p.connection());
            List<String> shape = l.kind() == ConnectivityKind.DENSE || l.kind() == ConnectivityKind.ALL_TO_ALL
                    ? List.of("snapshots", "pre", "post") : List.of("snapshots", "synapses");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("probe", installed.weightTexts.get(i));
            info.put("projection", p.connection());
            info.put("exponent", l.exponent());
            info.put("columns", ordered("mantissa", "the stored mantissa", "weight_wu", "weight units: floor(mantissa * 2^exponent), what a spike delivers"));
            probeFiles.put("weights_" + stem + ".csv", info);
            probeFiles.put("weights_" + stem + ".npy", ordered("projection", p.connection(), "values", "weight_wu", "shape", shape, "dtype", "int32"));
            probeFiles.put("mantissas_" + stem + ".npy", ordered("projection", p.connection(), "values", "mantissa", "exponent", l.exponent(),
                    "shape", shape, "dtype", "int32"));
        }
        written.add("counters.json");
        written.add(RunOutputs.CONFIG);

        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new AtomicFiles.WriteFailure(out, e);
        }
        RunOutputs.removeStale(out, earlier, written);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", "run");
        config.put("network_file", networkPath);
        if (!network.startsWith("resource:")) config.put("network_file_absolute", Path.of(network).toAbsolutePath().normalize().toString());
        config.put("network_sha256", Checksums.sha256(networkBytes));
        config.put("parameters", d.parameters());
        config.put("parameter_overrides", params);
        config.put("seed", seed);
        config.put("steps", steps);
        config.put("strict_weights", strictWeights);
        config.put("learning", !noLearning);
        config.put("matrices", matrixInfo);
        config.put("probes", requests.stream().map(ProbeRequest::text).toList());
        config.put("outputs", written);
        config.put("probe_files", probeFiles);
        config.put("network", net.effective());
        AtomicFiles.writeString(out.resolve(RunOutputs.CONFIG), Json.pretty(config));
        long spikeCount = ProbeExport.writeSpikes(out.resolve("spikes.csv"), installed.spikes);
        for (int i = 0; i < installed.states.size(); i++) {
            String stem = stateStems.get(i);
            ProbeExport.writeState(out.resolve(stem + ".csv"), out.resolve(stem + ".npy"), installed.states.get(i));
        }
        for (int i = 0; i < installed.weights.size(); i++) {
            WeightProbe p = installed.weights.get(i);
            String stem = weightStems.get(i);
            CompiledNetwork.WeightLayout l = net.weightLayout(p.connection());
            int[] shape = l.kind() == ConnectivityKind.DENSE || l.kind() == ConnectivityKind.ALL_TO_ALL
                    ? new int[] {l.preSize(), l.postSize()} : new int[] {l.synapses()};
            ProbeExport.writeWeights(out.resolve("weights_" + stem + ".csv"), out.resolve("weights_" + stem + ".npy"),
                    out.resolve("mantissas_" + stem + ".npy"), p, new ProbeExport.WeightGeometry(l.pre(), l.post(), shape, l.exponent()));
        }
        AtomicFiles.writeString(out.resolve("counters.json"), Json.pretty(counters(net, chip.counters().snapshot())));
        stdout.println(d.name() + ": ran " + steps + " steps, " + spikeCount + " spikes recorded");
        stdout.println("wrote " + out + "/: " + String.join(", ", written));
        stdout.flush();
        return 0;
    }

    // ---- probes ----

    static List<ProbeRequest> parseProbes(List<String> texts) {
        List<ProbeRequest> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String t : texts) {
            if (t.startsWith("spikes:")) {
                List<String> names = new ArrayList<>();
                for (String n : t.substring("spikes:".length()).split(",")) if (!n.isBlank()) names.add(n.strip());
                if (names.isEmpty()) bad.add("--probe " + t + ": name at least one population after 'spikes:'");
                else out.add(new SpikesRequest(t, names));
                continue;
            }
            Matcher m = STATE.matcher(t);
            if (m.matches()) {
                out.add(new StateRequest(t, m.group(1).equals("v") ? StateProbe.Variable.V : StateProbe.Variable.U, m.group(2), m.group(3)));
                continue;
            }
            m = WEIGHTS.matcher(t);
            if (m.matches()) {
                long every = 0;
                if (m.group(2) != null) {
                    try {
                        every = Long.parseLong(m.group(2));
                    } catch (NumberFormatException e) {
                        every = -1;
                    }
                    if (every < 1) {
                        bad.add("--probe " + t + ": every must be a positive number of steps");
                        continue;
                    }
                }
                out.add(new WeightsRequest(t, m.group(1), every));
                continue;
            }
            bad.add("--probe " + t + ": not a probe; use spikes:POP[,POP], v:POP[i..j], u:POP[i], weights:PROJECTION[@every=K]");
        }
        if (!bad.isEmpty()) throw new UserError(String.join("\n", bad));
        return out;
    }

    private record Probes(List<SpikeProbe> spikes, List<StateProbe> states, List<String> stateTexts, List<WeightProbe> weights,
                          List<String> weightTexts) {}

    private Probes install(CompiledNetwork net, List<ProbeRequest> requests) {
        Chip chip = net.chip();
        List<String> bad = new ArrayList<>();
        Set<String> allSources = new LinkedHashSet<>(net.populations().keySet());
        allSources.addAll(net.generators().keySet());
        Set<String> spikeNames = new LinkedHashSet<>();
        boolean restricted = false;
        List<StateProbe> states = new ArrayList<>();
        List<WeightProbe> weights = new ArrayList<>();
        List<String> stateTexts = new ArrayList<>(), weightTexts = new ArrayList<>();
        for (ProbeRequest r : requests) {
            switch (r) {
                case SpikesRequest s -> {
                    restricted = true;
                    for (String n : s.names()) {
                        if (allSources.contains(n)) spikeNames.add(n);
                        else bad.add("--probe " + s.text() + ": no population or spike generator named '" + n + "'" + known(allSources));
                    }
                }
                case StateRequest s -> {
                    if (!net.populations().containsKey(s.population())) {
                        bad.add("--probe " + s.text() + ": no population named '" + s.population() + "'"
                                + (net.generators().containsKey(s.population()) ? " (" + s.population() + " is a spike generator; it has no u or v)" : known(net.populations().keySet())));
                        continue;
                    }
                    int h = net.population(s.population());
                    int size = chip.sourceSize(h);
                    int[] sel = selection(s.selection(), size, s.text(), bad);
                    if (sel != null) {
                        states.add(chip.probeState(h, s.variable(), sel, 1, steps));
                        stateTexts.add(s.text());
                    }
                }
                case WeightsRequest w -> {
                    if (!net.projections().containsKey(w.projection())) {
                        bad.add("--probe " + w.text() + ": no projection named '" + w.projection() + "'" + known(net.projections().keySet()));
                        continue;
                    }
                    int h = net.projection(w.projection());
                    // every=K records after steps K, 2K, ...; without it, once after the last step
                    WeightProbe p = w.every() == 0 ? chip.probeWeights(h, 1, steps, steps) : chip.probeWeights(h, w.every(), w.every(), steps);
                    weights.add(p);
                    weightTexts.add(w.text());
                }
            }
        }
        if (!bad.isEmpty()) throw new UserError(String.join("\n", bad));
        List<SpikeProbe> spikes = new ArrayList<>();
        for (String n : restricted ? spikeNames : allSources) spikes.add(chip.probeSpikes(net.source(n), 1, steps));
        return new Probes(spikes, states, stateTexts, weights, weightTexts);
    }

    /** "3", "0..4", "0,2,5..7" (inclusive) or null/empty for all compartments. */
    static int[] selection(String sel, int size, String text, List<String> bad) {
        if (sel == null) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) all[i] = i;
            return all;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : sel.split(",")) {
            String p = part.strip();
            try {
                int lo, hi;
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    lo = Integer.parseInt(p.substring(0, dots).strip());
                    hi = Integer.parseInt(p.substring(dots + 2).strip());
                } else {
                    lo = hi = Integer.parseInt(p);
                }
                if (lo > hi) {
                    bad.add("--probe " + text + ": range " + p + " is empty (ranges are first..last, inclusive)");
                    return null;
                }
                if (lo < 0 || hi >= size) {
                    bad.add("--probe " + text + ": compartment " + (lo < 0 ? lo : hi) + " is outside 0.." + (size - 1));
                    return null;
                }
                for (int i = lo; i <= hi; i++) out.add(i);
            } catch (NumberFormatException e) {
                bad.add("--probe " + text + ": '" + p + "' is not an index or a range like 0..4");
                return null;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String known(Set<String> names) {
        if (names.isEmpty()) return "";
        List<String> l = new ArrayList<>(names);
        return " (known: " + String.join(", ", l.size() > 12 ? l.subList(0, 12) : l) + (l.size() > 12 ? ", ..." : "") + ")";
    }

    /** A map of key, value, key, value ... in that order (Map.of iterates in an order that differs between JVMs). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static String unique(Set<String> used, String stem) {
        String s = stem;
        for (int k = 2; !used.add(s); k++) s = stem + "_" + k;
        return s;
    }

    // ---- reports ----

    private static Map<String, Object> counters(CompiledNetwork net, OpCounters.Snapshot c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", c.steps());
        m.put("learning_epochs", c.learningEpochs());
        Map<String, Object> pops = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : net.populations().entrySet()) pops.put(e.getKey(), sourceCounts(c, e.getValue(), true));
        m.put("populations", pops);
        Map<String, Object> gens = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : net.generators().entrySet()) gens.put(e.getKey(), sourceCounts(c, e.getValue(), false));
        m.put("spike_generators", gens);
        Map<String, Object> plastic = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : net.projections().entrySet()) {
            if (!net.chip().isPlastic(e.getValue())) continue;
            Map<String, Object> l = new LinkedHashMap<>();
            for (OpCounters.LearningBasis b : OpCounters.LearningBasis.values()) {
                l.put(b.name().toLowerCase(java.util.Locale.ROOT), c.learning()[b.ordinal()][e.getValue()]);
            }
            plastic.put(e.getKey(), Map.of("learning_evaluations", l));
        }
        m.put("plastic_projections", plastic);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("compartment_updates_active", c.totalUpdatesActive());
        totals.put("compartment_updates_inactive", c.totalUpdatesInactive());
        totals.put("spikes", c.totalSpikes());
        totals.put("synaptic_ops", c.totalSynapticOps());
        totals.put("spike_messages", c.totalSpikeMessages());
        m.put("totals", totals);
        return m;
    }

    private static Map<String, Object> sourceCounts(OpCounters.Snapshot c, int h, boolean compartments) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (compartments) {
            m.put("compartment_updates_active", c.updatesActive()[h]);
            m.put("compartment_updates_inactive", c.updatesInactive()[h]);
        }
        m.put("spikes", c.spikes()[h]);
        m.put("synaptic_ops", c.synapticOps()[h]);
        m.put("spike_messages", c.spikeMessages()[h]);
        return m;
    }

    // ---- files ----

    /** Any integer dtype, whole-number floats, C or Fortran order (see {@link Npy#readIntMatrix}). */
    private static IntMatrix readMatrix(String name, Path file) {
        Npy.Matrix m;
        try {
            m = Npy.readIntMatrix(file);
        } catch (UserError e) {
            throw new UserError("--matrix " + name + "=" + e.getMessage(), e);
        }
        return new IntMatrix(m.rows(), m.cols(), m.values());
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static byte[] resourceBytes(String res) {
        String name = res.startsWith("/") ? res.substring(1) : res;
        try (var in = RunCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new UserError("resource " + name + ": no such network resource");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UserError("resource " + name + ": cannot read (" + e.getMessage() + ")");
        }
    }

}
