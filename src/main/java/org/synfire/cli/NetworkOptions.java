package org.synfire.cli;

import java.util.List;
import org.synfire.UserError;
import org.synfire.chip.ChipLimits;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Datasets;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.io.Json;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;
import org.synfire.nbp.sgsc.CompiledNetworks;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that build the paper's network from a seeded init: variant, hidden size, seed, data. */
public final class NetworkOptions {
    @Option(names = "--variant", paramLabel = "NAME", converter = VariantConverter.class,
            description = "Input variant: mnist10, mnist20 (default), mnist28, fmnist28.")
    Variant variant = Variant.MNIST20;

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units (default ${DEFAULT-VALUE}).")
    int hidden = 400;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights (default ${DEFAULT-VALUE}).")
    long seed = 43;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    /** The seeded initial weights (synfire rng), n_in-n_hid-10. */
    NbpWeights initialWeights() {
        if (hidden < 1) throw new UserError("--hidden must be >= 1");
        return TrainingRandom.create("synfire", seed).initialWeights(variant.inputs(), hidden, 10);
    }

    /** The command this mixin belongs to, for its error stream. */
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * One split of the variant's dataset. Every command that reads its data here runs the paper's networks on the
     * chip (verify, raster, energy), so the size check comes first: a network the emulator cannot hold is refused
     * before the data are read or anything is written, and one beyond a single chip gets a note.
     */
    BinaryDataset load(Split split, double threshold) {
        checkChipFits();
        return read(split, threshold);
    }

    private BinaryDataset read(Split split, double threshold) {
        return Datasets.load(data.toOptions(), variant, split, threshold);
    }

    /** Set once the sizes passed {@link #checkChipFits()}: energy loads two splits, the check need not run twice. */
    private boolean fits;

    /** A {@link UserError} if --hidden is below 1 or the emulator cannot hold the networks; a note if one chip cannot. */
    void checkChipFits() {
        if (fits) return;
        checkChipFits(variant.inputs(), hidden, 10);
        String note = beyondOneChip(variant.inputs(), hidden, 10);
        if (note != null && mixee != null) {
            java.io.PrintWriter err = mixee.commandLine().getErr();
            err.println("synfire: note: " + note);
            err.flush();
        }
        fits = true;
    }

    /**
     * Refuses an n_in-n_hid-n_out paper network that the emulator cannot hold (a projection beyond one Java array):
     * asks {@link CompiledNetworks#fitProblems} about the compiler's training and inference networks for these
     * widths (no weights, nothing allocated per synapse). Takes well under a second; call it before
     * creating any output.
     */
    public static void checkChipFits(int nIn, int nHid, int nOut) {
        if (nHid < 1) throw new UserError("--hidden must be >= 1");
        List<String> problems = CompiledNetworks.fitProblems(new int[] {nIn, nHid, nOut});
        if (problems.isEmpty()) return;
        throw new UserError("--hidden " + nHid + " is too large for the emulator: the " + nIn + "-" + nHid + "-" + nOut
                + " network cannot be built: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    }

    /**
     * Null if the n_in-n_hid-n_out paper networks fit one Loihi 1 chip's compartments; otherwise which limit they
     * exceed and the largest --hidden that fits. The emulator runs them either way.
     */
    public static String beyondOneChip(int nIn, int nHid, int nOut) {
        List<String> problems = CompiledNetworks.oneChipProblems(new int[] {nIn, nHid, nOut});
        if (problems.isEmpty()) return null;
        int fits = largestFittingHidden(nIn, nHid, nOut);
        return "the " + nIn + "-" + nHid + "-" + nOut + " network does not fit one Loihi 1 chip: " + problems.get(0)
                + (fits >= 1 ? "; with " + nIn + " inputs, --hidden " + fits + " is the largest that fits one chip" : "")
                + ". The emulator runs it as one system; `synfire energy --cores` says how many chips it needs";
    }

    /** Bisection over --hidden below a size that does not fit one chip (each probe writes and parses the two networks: ~20 probes); 0 if none fits. */
    private static int largestFittingHidden(int nIn, int tooLarge, int nOut) {
        // h1 alone has n_hid compartments, so nothing above the chip's total fits
        int lo = 0, hi = (int) Math.min(tooLarge, ChipLimits.COMPARTMENTS + 1L);
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (CompiledNetworks.oneChipProblems(new int[] {nIn, mid, nOut}).isEmpty()) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** Training and test sets: the dataset files, or synthetic sets of the variant's size (~25 % active pixels). */
    BinaryDataset[] trainAndTest(boolean synthetic) {
        if (synthetic) {
            return new BinaryDataset[] {
                org.synfire.nbp.SyntheticData.make(60000, variant.inputs(), 1, "train"),
                org.synfire.nbp.SyntheticData.make(10000, variant.inputs(), 2, "test")};
        }
        // not load(): the functional benchmark uses these too, and the matrix model has no chip to fit
        return new BinaryDataset[] {read(Split.TRAIN, 0.5), read(Split.TEST, 0.5)};
    }

    /** The effective settings, for the config.json every output carries. */
    java.util.Map<String, Object> config() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("variant", variant.cliName());
        m.put("inputs", variant.inputs());
        m.put("hidden", hidden);
        m.put("outputs", 10);
        m.put("seed", seed);
        m.put("init", "rand_He (Glorot-normal std, x1024, clip +-240, even), synfire rng");
        m.put("data_dir", data.dataDir == null ? null : data.dataDir.toString());
        m.put("verify_checksums", !data.noVerify);
        m.put("synfire", org.synfire.training.TrainingRun.VERSION);
        m.put("java", Runtime.version().toString());
        return m;
    }

    static String json(Object value) {
        return Json.pretty(value);
    }
}
