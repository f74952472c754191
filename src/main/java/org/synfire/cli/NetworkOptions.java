package org.synfire.cli;

import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.data.Datasets;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import org.synfire.nbp.NbpWeights;
import org.synfire.nbp.TrainingRandom;
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

    BinaryDataset load(Split split, double threshold) {
        return Datasets.load(data.toOptions(), variant, split, threshold);
    }

    /** Training and test sets: the dataset files, or synthetic sets of the variant's size (~25 % active pixels). */
    BinaryDataset[] trainAndTest(boolean synthetic) {
        if (synthetic) {
            return new BinaryDataset[] {
                org.synfire.nbp.SyntheticData.make(60000, variant.inputs(), 1, "train"),
                org.synfire.nbp.SyntheticData.make(10000, variant.inputs(), 2, "test")};
        }
        return new BinaryDataset[] {load(Split.TRAIN, 0.5), load(Split.TEST, 0.5)};
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
        m.put("synfire", "0.1.0");
        m.put("java", Runtime.version().toString());
        return m;
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
