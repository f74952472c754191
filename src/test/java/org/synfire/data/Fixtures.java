package org.synfire.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The committed dataset fixtures (src/test/resources/fixtures, see its README): the first 600/200 MNIST and
 * 300/100 Fashion-MNIST train/test records in the official IDX format. For tests of any package.
 */
public final class Fixtures {
    private Fixtures() {}

    /** Folder holding a dataset's fixture files ({@code mnist} or {@code fashion-mnist}). */
    public static Path dir(String dataset) {
        return resource("/fixtures/" + dataset);
    }

    /** The fixture image file of a split. */
    public static Path images(String dataset, Split split) {
        return dir(dataset).resolve(split.filePrefix + "-images-idx3-ubyte.gz");
    }

    /** The fixture label file of a split. */
    public static Path labels(String dataset, Split split) {
        return dir(dataset).resolve(split.filePrefix + "-labels-idx1-ubyte.gz");
    }

    /** Binarised fixture split of the variant's dataset, exactly as {@link Datasets#load} would preprocess it. */
    public static BinaryDataset load(Variant variant, Split split, double threshold) {
        return Datasets.fromFiles(images(variant.dataset, split), labels(variant.dataset, split), variant, threshold);
    }

    /** As {@link #load(Variant, Split, double)} with the default threshold 0.5. */
    public static BinaryDataset load(Variant variant, Split split) {
        return load(variant, split, 0.5);
    }

    /** Raw images and labels of a fixture split. */
    public static Datasets.RawSplit raw(String dataset, Split split) {
        return Datasets.readRaw(images(dataset, split), labels(dataset, split));
    }

    /** Copies a dataset's four fixture files into {@code root/<dataset>/} (for lookup tests); returns that folder. */
    public static Path copyInto(Path root, String dataset) {
        Path target = root.resolve(dataset);
        try (Stream<Path> files = Files.list(dir(dataset))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** SHA-256 of each fixture file's decompressed bytes, as listed in the fixtures README. */
    public static final java.util.Map<String, String> SHA256 = java.util.Map.of(
            "mnist/train-images-idx3-ubyte", "ed3cf154352e4d7fa29892a8ded924b3a481be7e129660c09aafc47b637e2803",
            "mnist/train-labels-idx1-ubyte", "c2ad746c48f5219000739348f423b5d097de30034785e2ebc431a9728567c7eb",
            "mnist/t10k-images-idx3-ubyte", "cefe86a05637f831a20aef251bd9db19004a2c986ec848d345c40ffd09264afc",
            "mnist/t10k-labels-idx1-ubyte", "181dda88fbf8032cf747bf0766ad9d035b6bb747997214d834eb8d2f33a72210",
            "fashion-mnist/train-images-idx3-ubyte", "38954feb827f694402f2c8950abe178957348c343d2ccc7d374491a982d1ea73",
            "fashion-mnist/train-labels-idx1-ubyte", "b82aac59ab58652dc4bae214ce80b6e7d55bd6d1b0b6141e921d91e1f4d3b510",
            "fashion-mnist/t10k-images-idx3-ubyte", "10011aad7e104ca4844b2f2ec20ea5e697cc6fe044fcdfe102805b0cffb2c8b5",
            "fashion-mnist/t10k-labels-idx1-ubyte", "825f333513fdd542aa1aa55ded6b697992e3bbc01f304e46fd0126ead73ad4d6");

    /**
     * A registry entry describing the fixtures of {@code dataset} (their sizes and hashes instead of the official
     * ones), named {@code <dataset>-fixture}, with the given mirrors: for tests of verification and downloads.
     */
    public static DatasetRegistry.DatasetSpec spec(String dataset, java.util.List<java.net.URI> mirrors) {
        DatasetRegistry.DatasetSpec official = DatasetRegistry.get(dataset);
        java.util.List<DatasetRegistry.FileSpec> files = official.files().stream().map(f -> {
            int n = f.split() == Split.TRAIN ? (dataset.equals("mnist") ? 600 : 300) : (dataset.equals("mnist") ? 200 : 100);
            long size = f.kind() == DatasetRegistry.Kind.IMAGES ? 16 + 784L * n : 8 + n;
            return new DatasetRegistry.FileSpec(f.name(), f.split(), f.kind(), size, SHA256.get(dataset + "/" + f.name()));
        }).toList();
        return new DatasetRegistry.DatasetSpec(dataset + "-fixture", official.title() + " (fixture)", official.licence(),
                java.util.List.of(dataset + "-fixture"), files, mirrors, official.packageHint());
    }

    /** A test resource as a file path. */
    public static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
