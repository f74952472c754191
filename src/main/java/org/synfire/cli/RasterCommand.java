package org.synfire.cli;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Split;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscChip;
import org.synfire.nbp.sgsc.SgscSchedule;
import org.synfire.net.Names;
import org.synfire.io.AtomicFiles;
import org.synfire.report.RasterPlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire raster}: every population's spikes over one training sample's phases, for a network of any depth. */
@Command(name = "raster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the spiking network on the emulated chip over training samples 0..K-1 (file order, from the"
                + " seeded initial weights), then record every population during sample K's steps (12 for the paper's"
                + " network, 6L + 6 with --layers and L hidden layers).",
                "Writes raster.png and raster.svg (one band per population, y = neuron index, x = phase; the gates share"
                + " one band) and spike-counts.csv (spikes per population and phase), and prints that table."})
public final class RasterCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", paramLabel = "K", required = true, description = "Training sample to record (0-based, file order).")
    int sample;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/raster-sample-K).")
    Path out;

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10", description = "Record the compiled network of these widths (any depth).")
    String layers;

    @Option(names = "--populations", paramLabel = "NAME,...", split = ",",
            description = "Bands to draw, in the network's order: population names, * as a wildcard (h1*), and 'gates' for the"
                    + " gate ring's band (default: all). The table and spike-counts.csv keep every population.")
    List<String> populations;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    /** The band that holds all gate neurons g00, g01, ... (gate number as the index). */
    static final String GATES = "gates";

    @Override
    public Integer call() {
        if (sample < 0) throw new UserError("--sample must be >= 0");
        PrintWriter pw = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("runs", "raster-sample-" + sample);
        // the four outputs share one folder: one check covers them, before the data are read
        AtomicFiles.checkWritable(dir.resolve("raster.png"));
        int[] widths = layers != null ? Layers.parse(layers) : new int[] {shape.variant.inputs(), shape.hidden, 10};
        if (widths[0] != shape.variant.inputs()) {
            throw new UserError("--layers " + layers + " starts with " + widths[0] + " inputs, but --variant " + shape.variant.cliName() + " has " + shape.variant.inputs());
        }
        if (layers == null) shape.checkChipFits(); // names --hidden and the largest that fits
        CompiledNetworks network = CompiledNetworks.training(widths); // refuses a network too large for the chip
        // top to bottom as the protocol lists them: gates, then the forward and backward layers
        String[] order = network.protocol().allowed().keySet().toArray(String[]::new);
        Set<String> selected = select(populations, List.of(order));
        BinaryDataset train = org.synfire.data.Datasets.load(shape.data.toOptions(), shape.variant, Split.TRAIN, 0.5);
        if (sample >= train.size()) throw new UserError("--sample " + sample + " is outside the training set (" + train.size() + " samples)");
        LayeredWeights init = TrainingRandom.create("synfire", shape.seed).initialWeights(widths);
        SgscChip net = new SgscChip(network.description(), network.protocol(), init, shape.seed);
        int steps = network.protocol().steps();
        byte[] o = new byte[widths[widths.length - 1]];
        for (int i = 0; i < sample; i++) net.runSample(train.inputs(), i * train.inputCount(), train.labels()[i], o, true);
        Chip chip = net.chip();
        long first = chip.time() + 1, last = chip.time() + steps;
        List<SpikeProbe> probes = new ArrayList<>();
        for (String name : order) probes.add(chip.probeSpikes(chip.source(name), first, last));
        net.runSample(train.inputs(), sample * train.inputCount(), train.labels()[sample], o, true);

        int[][] counts = new int[order.length][steps];
        for (int i = 0; i < order.length; i++) {
            SpikeProbe p = probes.get(i);
            for (int k = 0; k < p.count(); k++) counts[i][(int) (p.step(k) - first)]++;
        }
        List<RasterPlot.Band> bands = bands(order, probes, first, selected);
        int hidden = widths.length - 2;
        String title = String.format(Locale.ROOT, "training sample %d (label %d), %s %s, seed %d", sample, train.labels()[sample],
                shape.variant.cliName(), init.shape(), shape.seed);
        String xTitle = String.format(Locale.ROOT, "phase of sample %d: one time step each, steps %d-%d", sample, first, last);
        RasterPlot.write(dir, "raster", title, xTitle, bands, phases(hidden));

        StringBuilder csv = new StringBuilder("population");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-9s", "phase"));
        for (int p = 0; p < steps; p++) {
            csv.append(",phase_").append(p);
            table.append(String.format(Locale.ROOT, "%6d", p));
        }
        csv.append(",total\n");
        table.append("  total\n");
        for (int i = 0; i < order.length; i++) {
            csv.append(order[i]);
            table.append(String.format(Locale.ROOT, "%-9s", order[i]));
            int total = 0;
            for (int p = 0; p < steps; p++) {
                csv.append(',').append(counts[i][p]);
                table.append(counts[i][p] == 0 ? "     ." : String.format(Locale.ROOT, "%6d", counts[i][p]));
                total += counts[i][p];
            }
            csv.append(',').append(total).append('\n');
            table.append(String.format(Locale.ROOT, "%7d%n", total));
        }
        AtomicFiles.writeString(dir.resolve("spike-counts.csv"), csv.toString());
        java.util.Map<String, Object> cfg = shape.config();
        cfg.put("command", "raster");
        cfg.put("layers", java.util.Arrays.stream(widths).boxed().toList());
        cfg.put("sample", sample);
        cfg.put("label", train.labels()[sample]);
        cfg.put("trained_on_samples", "0.." + (sample - 1) + " in file order, then recorded sample " + sample);
        cfg.put("steps", List.of(first, last));
        cfg.put("bands", bands.stream().map(RasterPlot.Band::name).toList());
        AtomicFiles.writeString(dir.resolve("config.json"), NetworkOptions.json(cfg));
        pw.printf(Locale.ROOT, "raster of training sample %d (label %d, %s): %s%n", sample, train.labels()[sample],
                (o[train.labels()[sample]] == 1 ? "output fires on the label" : "output misses the label"), dir.resolve("raster.png"));
        pw.print(table);
        pw.flush();
        return 0;
    }

    /**
     * The populations (and {@value #GATES}) that {@code --populations} names, in the network's order; all when not given.
     * A name that matches nothing is an error with the nearest band name.
     */
    static Set<String> select(List<String> wanted, List<String> order) {
        Set<String> bandNames = new LinkedHashSet<>();
        for (String p : order) bandNames.add(isGate(p) ? GATES : p);
        if (wanted == null || wanted.isEmpty()) return new LinkedHashSet<>(order);
        Set<String> chosen = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String w : wanted) {
            String pattern = w.strip();
            if (pattern.isEmpty()) continue;
            Pattern glob = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
            boolean any = false;
            for (String p : order) {
                boolean hit = glob.matcher(p).matches() || (isGate(p) && glob.matcher(GATES).matches());
                if (hit) {
                    chosen.add(p);
                    any = true;
                }
            }
            if (!any) bad.add("--populations: no population or band named '" + pattern + "'" + Names.suggest(pattern, bandNames)
                    + " (bands: " + String.join(", ", bandNames) + ")");
        }
        if (!bad.isEmpty()) throw new UserError(String.join("\n", bad));
        if (chosen.isEmpty()) throw new UserError("--populations selects no band");
        Set<String> inOrder = new LinkedHashSet<>();
        for (String p : order) if (chosen.contains(p)) inOrder.add(p);
        return inOrder;
    }

    static boolean isGate(String population) {
        return population.matches("g\\d\\d");
    }

    // ---- what the plot shows: roles (colours) of the populations, names and kinds of the phases

    static final RasterPlot.Role GATE = new RasterPlot.Role("gates", new Color(0x555555));
    static final RasterPlot.Role INPUT = new RasterPlot.Role("input x", new Color(0x1f77b4));
    static final RasterPlot.Role OUTPUT = new RasterPlot.Role("output o", new Color(0xd62728));
    static final RasterPlot.Role TARGET = new RasterPlot.Role("target t", new Color(0xff7f0e));
    static final RasterPlot.Role OUTPUT_ERROR = new RasterPlot.Role("output error d", new Color(0xe377c2));
    static final RasterPlot.Role OTHER = new RasterPlot.Role("other", new Color(0x7f7f7f));
    private static final Color[] LAYER = {new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf), new Color(0xbcbd22)};
    private static final Pattern HIDDEN = Pattern.compile("(?:m_|c_|d_pos_|d_neg_)?h(\\d+)(?:T|_copy2?|_neg)?");

    /** The role of a population of the synfire-gated network, from its name (docs/design.md#populations). */
    static RasterPlot.Role role(String population) {
        if (isGate(population)) return GATE;
        if (population.equals("x") || population.matches("m_x\\d+")) return INPUT;
        Matcher m = HIDDEN.matcher(population);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            return new RasterPlot.Role("hidden h" + k, LAYER[(k - 1) % LAYER.length]);
        }
        return switch (population) {
            case "o", "o_copy", "o_copy2" -> OUTPUT;
            case "t" -> TARGET;
            case "d_pos", "d_neg", "oT_neg" -> OUTPUT_ERROR;
            default -> OTHER;
        };
    }

    private static List<RasterPlot.Band> bands(String[] order, List<SpikeProbe> probes, long first, Set<String> selected) {
        List<RasterPlot.Band> bands = new ArrayList<>();
        List<Integer> gates = new ArrayList<>();
        for (int i = 0; i < order.length; i++) if (isGate(order[i]) && selected.contains(order[i])) gates.add(i);
        boolean gatesDone = false;
        for (int i = 0; i < order.length; i++) {
            if (!selected.contains(order[i])) continue;
            if (isGate(order[i]) && gates.size() > 1) {
                if (gatesDone) continue;
                gatesDone = true;
                // one band for the ring: row k is the k-th selected gate
                List<int[]> spikes = new ArrayList<>();
                for (int r = 0; r < gates.size(); r++) {
                    SpikeProbe p = probes.get(gates.get(r));
                    for (int k = 0; k < p.count(); k++) spikes.add(new int[] {(int) (p.step(k) - first), r});
                }
                String name = GATES + " " + order[gates.getFirst()] + "-" + order[gates.getLast()];
                bands.add(new RasterPlot.Band(name, gates.size(), GATE, spikes.stream().mapToInt(s -> s[0]).toArray(),
                        spikes.stream().mapToInt(s -> s[1]).toArray()));
                continue;
            }
            SpikeProbe p = probes.get(i);
            int[] x = new int[p.count()], idx = new int[p.count()];
            for (int k = 0; k < p.count(); k++) {
                x[k] = (int) (p.step(k) - first);
                idx[k] = p.index(k);
            }
            bands.add(new RasterPlot.Band(order[i], p.populationSize(), role(order[i]), x, idx));
        }
        return bands;
    }

    static final RasterPlot.PhaseKind BLANK = new RasterPlot.PhaseKind("blank", new Color(0xededed));
    static final RasterPlot.PhaseKind FORWARD = new RasterPlot.PhaseKind("forward pass", new Color(0xdceaf7));
    static final RasterPlot.PhaseKind ERROR = new RasterPlot.PhaseKind("error", new Color(0xfcf0c8));
    static final RasterPlot.PhaseKind POTENTIATION = new RasterPlot.PhaseKind("potentiation (+2, reward)", new Color(0xdaf0d5));
    static final RasterPlot.PhaseKind BACKPROP = new RasterPlot.PhaseKind("backpropagated sign", new Color(0xe9def2));
    static final RasterPlot.PhaseKind DEPRESSION = new RasterPlot.PhaseKind("depression (-2)", new Color(0xf8dcdc));

    /**
     * The phases of the synfire-gated network with {@code hidden} layers, named as docs/design.md#phase-table names
     * them for one hidden layer; deeper networks add the layer to the backward phases (SgscSchedule).
     */
    static List<RasterPlot.Phase> phases(int hidden) {
        SgscSchedule s = new SgscSchedule(hidden);
        Map<Integer, RasterPlot.Phase> m = new LinkedHashMap<>();
        m.put(0, new RasterPlot.Phase("blank", BLANK));
        m.put(s.inputPhase(), new RasterPlot.Phase("input", FORWARD));
        for (int k = 1; k <= hidden; k++) m.put(s.forwardPhase(k), new RasterPlot.Phase(hidden == 1 ? "hidden" : "hidden h" + k, FORWARD));
        m.put(s.outputPhase(), new RasterPlot.Phase("output", FORWARD));
        m.put(s.errorPhase(), new RasterPlot.Phase("error", ERROR));
        String deep = hidden == 1 ? "" : " h";
        for (int k = hidden; k >= 1; k--) {
            String layer = hidden == 1 ? "" : deep + k;
            m.put(s.potentiation(k), new RasterPlot.Phase("W" + (k + 1) + " pot", POTENTIATION));
            m.put(s.signPlus(k), new RasterPlot.Phase("backprop pot" + layer, BACKPROP));
            m.put(s.depression(k), new RasterPlot.Phase("W" + (k + 1) + " dep", DEPRESSION));
            m.put(s.signMinus(k), new RasterPlot.Phase("backprop dep" + layer, BACKPROP));
            if (k >= 2) m.put(s.errorOf(k), new RasterPlot.Phase("error h" + k, ERROR));
        }
        m.put(s.w1Potentiation(), new RasterPlot.Phase("W1 pot", POTENTIATION));
        m.put(s.w1Depression(), new RasterPlot.Phase("W1 dep", DEPRESSION));
        List<RasterPlot.Phase> out = new ArrayList<>();
        for (int p = 0; p < s.steps(); p++) out.add(m.getOrDefault(p, new RasterPlot.Phase("blank", BLANK)));
        return out;
    }
}
