package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Split;
import org.synfire.energy.Report;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.OperationCosts;
import org.synfire.io.Json;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.SgscEnergy;
import org.synfire.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire energy}: what the spiking networks would cost on Loihi 1, estimated from the emulator's counts. */
@Command(name = "energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the training network (12 steps per sample) and the inference network (4 steps) on the emulated chip,"
                + " count every operation per step, map both networks onto Loihi 1 cores, and predict the paper's two measured"
                + " points (training 0.59 mJ, 1.5 ms; inference 0.0025 mJ, 0.17 ms per sample) as dynamic energy from the counts"
                + " and published per-operation costs, with nothing fitted.",
                "Latency is the busiest core's work plus the barrier plus one per-step I/O overhead, shown with no fit and with"
                + " the overhead fitted to the other point. Prints prediction, measurement and error side by side, whatever they are,"
                + " with the per-phase and per-operation breakdowns."})
public final class EnergyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--network", paramLabel = "train|infer|both", description = "Which points to print (default ${DEFAULT-VALUE}); both networks are always run, since each calibrates the other's latency.")
    String network = "both";

    @Option(names = "--samples", paramLabel = "N", description = "Samples of each network to count (default ${DEFAULT-VALUE}).")
    int samples = 200;

    @Option(names = "--placement", paramLabel = "authors|pack", description = "Core placement: the authors' per-type core ranges (81 cores) or packing into the fewest cores (default ${DEFAULT-VALUE}).")
    String placement = "authors";

    @Option(names = "--costs", paramLabel = "davies2018|sana-fe", description = "Per-operation energy and time: SANA-FE's measurement-calibrated set (default) or Davies et al. 2018 Table 2 (pre-silicon).")
    String costs = "sana-fe";

    @Option(names = "--learning-basis", paramLabel = "BASIS", description = "Which synapses the learning phase pays for at each learning epoch: all plastic synapses (default), pre-or-post, dependencies.")
    String basis = "all";

    @Option(names = "--lsnn-images", paramLabel = "N", description = "MNIST test images for the third validation point, Intel's LSNN on"
            + " sequential MNIST (default ${DEFAULT-VALUE}; 0 leaves it out).")
    int lsnnImages = 200;

    @Option(names = "--cores", description = "Also print each network's placement: per core, compartments, input and output axons and synapse memory, with their use of the core's limits.")
    boolean showCores;

    @Option(names = "--layers", paramLabel = "N_IN,H1,...,10",
            description = "Also estimate the synfire-gated network the compiler writes for these widths (any depth): energy and"
                    + " latency per training and inference sample, its cores, and how many Loihi 1 chips it needs if one is not enough.")
    String layers;

    @Option(names = "--network-file", paramLabel = "FILE",
            description = "Also estimate this training network file (e.g. one written by `synfire network sgsc` and edited), as --layers does.")
    Path networkFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the same data as JSON (snake_case keys, units in the key names).")
    Path json;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "Progress on stderr: on a terminal a bar redrawn in place, otherwise a line every SECONDS (default ${DEFAULT-VALUE}).")
    double progressEvery = 10;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (samples < 1) throw new UserError("--samples must be >= 1");
        if (lsnnImages < 0 || lsnnImages > 10_000) throw new UserError("--lsnn-images must be in 0..10000, got " + lsnnImages);
        if (!network.equals("train") && !network.equals("infer") && !network.equals("both")) throw new UserError("--network must be train, infer or both");
        OperationCosts c = switch (costs.toLowerCase(Locale.ROOT)) {
            case "davies2018", "davies" -> OperationCosts.DAVIES_2018;
            case "sana-fe", "sanafe", "sana_fe" -> OperationCosts.SANA_FE;
            default -> throw new UserError("unknown --costs '" + costs + "' (use davies2018 or sana-fe)");
        };
        OpCounters.LearningBasis b = switch (basis.toLowerCase(Locale.ROOT)) {
            case "all" -> OpCounters.LearningBasis.ALL_SYNAPSES;
            case "pre-or-post" -> OpCounters.LearningBasis.PRE_OR_POST;
            case "dependencies" -> OpCounters.LearningBasis.PRODUCT_DEPENDENCIES;
            default -> throw new UserError("unknown --learning-basis '" + basis + "' (use all, pre-or-post or dependencies)");
        };
        // before minutes of work: the JSON file can be written, and the network fits the chip
        if (json != null) AtomicFiles.checkWritable(json);
        if (layers != null && networkFile != null) throw new UserError("give either --layers or --network-file, not both");
        CompiledNetworks compiled = null;
        if (layers != null) {
            int[] w = Layers.parse(layers);
            if (w[0] != shape.variant.inputs()) {
                throw new UserError("--layers " + layers + " starts with " + w[0] + " inputs, but --variant " + shape.variant.cliName() + " has " + shape.variant.inputs());
            }
            if (w[w.length - 1] != 10) throw new UserError("--layers " + layers + " must end with the 10 outputs of the dataset's classes");
            compiled = CompiledNetworks.training(w);
        } else if (networkFile != null) {
            compiled = org.synfire.training.TrainingRun.readNetwork(networkFile, shape.variant);
        }
        PrintWriter out = spec.commandLine().getOut();
        BinaryDataset train = shape.load(Split.TRAIN, 0.5);
        BinaryDataset test = shape.load(Split.TEST, 0.5);
        NbpWeights w = shape.initialWeights();
        // the paper's network is the compiler's for n_in-n_hid-10 (for 400-400-10 the shipped network files)
        int[] paperWidths = {w.nIn(), w.nHid(), w.nOut()};
        SgscEnergy.Settings settings = new SgscEnergy.Settings(placement, c, ModelOptions.DEFAULT.withLearningBasis(b));
        ProgressLine bar = progressLine();
        SgscEnergy.Counts r;
        java.util.List<org.synfire.energy.Validation.Point> paper;
        try {
            r = SgscEnergy.count(CompiledNetworks.training(paperWidths), LayeredWeights.of(w), train, test, samples, shape.seed, placement, bar::update);
            bar.clear();
            paper = SgscEnergy.paperPoints(r, settings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        out.printf(Locale.ROOT, "energy: %s %d-%d-10, %d samples of each network, seed %d, costs %s, learning basis %s, placement %s%n",
                shape.variant.cliName(), shape.variant.inputs(), shape.hidden, samples, shape.seed, c.name(), b, placement);
        out.printf(Locale.ROOT, "cores: training %d (%s), inference %d; fits one chip: %s%n", r.trainMapping().coresUsed(), placement,
                r.inferMapping().coresUsed(), r.trainMapping().fitsOneChip() && r.inferMapping().fitsOneChip() ? "yes" : "NO");
        for (String p : r.trainMapping().problems()) out.println("  problem: " + p);
        for (String p : r.inferMapping().problems()) out.println("  problem (inference): " + p);
        if (showCores) {
            out.println("training network placement:");
            out.println(r.trainMapping().summary());
            out.println("inference network placement:");
            out.println(r.inferMapping().summary());
        }
        Report all = Report.of(paper);
        if (lsnnImages > 0) {
            org.synfire.data.Datasets.RawSplit raw = org.synfire.data.Datasets.system().readRaw(shape.data.toOptions(),
                    org.synfire.data.DatasetRegistry.MNIST, Split.TEST);
            if (lsnnImages > raw.size()) throw new UserError("--lsnn-images " + lsnnImages + ": the MNIST test split has only " + raw.size() + " images");
            org.synfire.energy.LsnnSmnist lsnn = new org.synfire.energy.LsnnSmnist(LsnnSmnistCommand.weights());
            org.synfire.energy.LsnnSmnist.Result lr = lsnn.run(raw.images().pixels(), raw.labels(), 0, lsnnImages);
            java.util.List<org.synfire.energy.Validation.Point> pts = new java.util.ArrayList<>(paper);
            pts.add(new org.synfire.energy.Validation.Point(lsnn.model(c, ModelOptions.DEFAULT.withLearningBasis(b)), lr.counts(),
                    org.synfire.energy.Measurement.INTEL_LSNN_SMNIST));
            all = Report.of(pts);
            out.printf(Locale.ROOT, "lsnn: %d MNIST test images, accuracy %.2f %%, 1 core%n", lsnnImages, 100 * lr.accuracy());
        }
        // every point is always computed (each calibrates the others' latency); print what was asked for
        Report shown = network.equals("both") ? all : all.only(network.equals("train") ? "renner_training" : "renner_inference");
        out.println(shown.toTable());
        SgscEnergy.Result compiledResult = null;
        if (compiled != null) {
            org.synfire.energy.Calibration trainCal = org.synfire.energy.Calibration.fit(paper.get(0).counts(), paper.get(0).model(), paper.get(0).measured());
            org.synfire.energy.Calibration inferCal = org.synfire.energy.Calibration.fit(paper.get(1).counts(), paper.get(1).model(), paper.get(1).measured());
            org.synfire.nbp.LayeredWeights init = org.synfire.nbp.TrainingRandom.create("synfire", shape.seed).initialWeights(
                    org.synfire.training.TrainingRun.sizesOf(compiled));
            // the authors' core ranges were sized for 400-400-10; another network is packed unless --placement says otherwise
            compiledPlacement = spec.commandLine().getParseResult().hasMatchedOption("--placement") ? placement : "pack";
            ProgressLine compiledBar = progressLine(); // its own rate and ETA
            compiledResult = SgscEnergy.run(compiled, init, train, test, samples, shape.seed,
                    new SgscEnergy.Settings(compiledPlacement, c, ModelOptions.DEFAULT.withLearningBasis(b)), trainCal, inferCal, compiledBar::update);
            compiledBar.clear();
            printCompiled(out, compiledResult, compiled.oneChipProblems());
        }
        StringBuilder sp = new StringBuilder("training spikes per sample:");
        for (Map.Entry<String, Double> e : r.trainSpikesPerSample().entrySet()) {
            if (!e.getKey().matches("g\\d\\d")) sp.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue()));
        }
        out.println(sp);
        if (json != null) {
            // the report, preceded by the settings that produced it
            java.util.Map<String, Object> cfg = shape.config();
            cfg.put("command", "energy");
            cfg.put("samples", samples);
            cfg.put("placement", placement);
            cfg.put("costs", c.name());
            cfg.put("learning_basis", b.name());
            cfg.put("lsnn_images", lsnnImages);
            java.util.Map<String, Object> out2 = new java.util.LinkedHashMap<>();
            out2.put("config", cfg);
            try {
                out2.put("validation", Json.PRETTY.readTree(shown.toJson()));
                out2.put("paper_network_cores", java.util.Map.of("training", coresJson(r.trainMapping()), "inference", coresJson(r.inferMapping())));
                if (compiledResult != null) out2.put("compiled_network", compiledJson(compiledResult));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            AtomicFiles.writeString(json, NetworkOptions.json(out2));
        }
        out.flush();
        return 0;
    }

    private String compiledPlacement;

    private void printCompiled(PrintWriter out, SgscEnergy.Result cr, java.util.List<String> oneChip) {
        out.printf(Locale.ROOT, "compiled network %s (%s placement; latency with the per-step overhead fitted to the paper's point of the same kind):%n",
                cr.shape(), compiledPlacement);
        for (String[] kind : new String[][] {{"training", "t"}, {"inference", "i"}}) {
            org.synfire.energy.Estimate e = kind[1].equals("t") ? cr.train() : cr.infer();
            org.synfire.energy.Mapping m = kind[1].equals("t") ? cr.trainMapping() : cr.inferMapping();
            out.printf(Locale.ROOT, "  %-9s %4.0f steps/sample  %9.3f uJ dynamic/sample  %8.3f ms/sample  cores %d  %s%n", kind[0],
                    e.stepsPerSample(), e.dynamicEnergy() * 1e6, e.latency() * 1e3, m.coresUsed(), chips(m));
            for (int i = 0; i < Math.min(3, m.problems().size()); i++) out.println("    exceeds: " + m.problems().get(i));
            if (m.problems().size() > 3) out.println("    and " + (m.problems().size() - 3) + " more (all of them with --json)");
            if (showCores) out.println(m.summary());
        }
        for (String p : oneChip) out.println("  compartments: " + p);
    }

    /** "fits one chip", "needs 3 chips", or why no number of chips holds this placement. */
    static String chips(org.synfire.energy.Mapping m) {
        if (m.fitsOneChip()) return "fits one chip";
        int n = m.chipsNeeded();
        if (n > 0) return "needs " + n + " Loihi 1 chips";
        return m.placement().equals("authors") ? "a core exceeds a per-core limit: no number of chips holds this placement (try --placement pack)"
                : "the packer found no core for a neuron (see exceeds): no chip count is given for a placement that does not exist";
    }

    private static java.util.Map<String, Object> compiledJson(SgscEnergy.Result cr) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("shape", cr.shape());
        for (String kind : new String[] {"training", "inference"}) {
            org.synfire.energy.Estimate e = kind.equals("training") ? cr.train() : cr.infer();
            java.util.Map<String, Object> k = new java.util.LinkedHashMap<>();
            k.put("steps_per_sample", e.stepsPerSample());
            k.put("dynamic_energy_uj_per_sample", e.dynamicEnergy() * 1e6);
            k.put("time_us_per_sample", e.latency() * 1e6);
            k.put("synaptic_ops_per_sample", e.ops().synapticOps());
            k.put("cores", coresJson(kind.equals("training") ? cr.trainMapping() : cr.inferMapping()));
            m.put(kind, k);
        }
        return m;
    }

    /** The placement as data: per core its compartments, axons, synapse memory and populations; the chips it spans. */
    static java.util.Map<String, Object> coresJson(org.synfire.energy.Mapping m) {
        java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
        j.put("placement", m.placement());
        j.put("cores_used", m.coresUsed());
        j.put("fits_one_chip", m.fitsOneChip());
        j.put("chips_needed", m.chipsNeeded());
        j.put("problems", m.problems());
        java.util.Map<String, Object> limits = new java.util.LinkedHashMap<>();
        limits.put("compartments_per_core", m.limits().compartments());
        limits.put("input_axons_per_core", m.limits().inputAxons());
        limits.put("output_axons_per_core", m.limits().outputAxons());
        limits.put("synapse_memory_bits_per_core", m.limits().synapseBits());
        limits.put("cores_per_chip", m.limits().coresPerChip());
        j.put("limits", limits);
        java.util.List<Object> cores = new java.util.ArrayList<>();
        for (org.synfire.energy.CoreUsage u : m.cores()) {
            java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
            c.put("core", u.core());
            c.put("compartments", u.compartments());
            c.put("input_axons", u.inputAxons());
            c.put("output_axons", u.outputAxons());
            c.put("synapse_memory_bits", u.synapseBits());
            c.put("populations", u.populations());
            cores.add(c);
        }
        j.put("cores", cores);
        return j;
    }

    private ProgressLine progressLine() {
        return new ProgressLine(spec.commandLine().getErr(), TrainCommand.onTerminal(), progressEvery, "samples");
    }
}
