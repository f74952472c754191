package org.synfire.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synfire.UserError;

/**
 * The datasets Synfire knows: their four IDX files, the size and SHA-256 of each file's decompressed bytes
 * (mirrors recompress the {@code .gz} files, so only the decompressed content is stable), and public mirrors.
 */
public final class DatasetRegistry {
    private DatasetRegistry() {}

    /** Images or labels. */
    public enum Kind { IMAGES, LABELS }

    /**
     * One file of a dataset.
     *
     * @param name   file name without {@code .gz}, e.g. {@code train-images-idx3-ubyte}
     * @param size   decompressed size in bytes
     * @param sha256 SHA-256 of the decompressed bytes, lower-case hex
     */
    public record FileSpec(String name, Split split, Kind kind, long size, String sha256) {
        public String gzName() {
            return name + ".gz";
        }
    }

    /**
     * A dataset: its canonical name (also its folder name), the names its folder may have on disk, its files,
     * mirrors (base URLs; the file URL is base + {@code name.gz}), licence and an install hint, if any.
     */
    public record DatasetSpec(String name, String title, String licence, List<String> folderAliases,
                              List<FileSpec> files, List<URI> mirrors, String packageHint) {
        public DatasetSpec {
            folderAliases = List.copyOf(folderAliases);
            files = List.copyOf(files);
            mirrors = List.copyOf(mirrors);
        }

        public FileSpec file(Split split, Kind kind) {
            for (FileSpec f : files) if (f.split == split && f.kind == kind) return f;
            throw new IllegalStateException(name + " has no " + split + " " + kind + " file");
        }

        /** Whether a folder with this name is this dataset's folder (case, '-' and '_' ignored). */
        public boolean isFolderName(String folder) {
            String n = squash(folder);
            return folderAliases.stream().anyMatch(a -> squash(a).equals(n));
        }

        private static String squash(String s) {
            return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        }
    }

    public static final DatasetSpec MNIST = new DatasetSpec(
            "mnist",
            "MNIST handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges)",
            "CC BY-SA 3.0",
            List.of("mnist"),
            List.of(
                    new FileSpec("train-images-idx3-ubyte", Split.TRAIN, Kind.IMAGES, 47_040_016L,
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    new FileSpec("train-labels-idx1-ubyte", Split.TRAIN, Kind.LABELS, 60_008L,
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                    new FileSpec("t10k-images-idx3-ubyte", Split.TEST, Kind.IMAGES, 7_840_016L,
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                    new FileSpec("t10k-labels-idx1-ubyte", Split.TEST, Kind.LABELS, 10_008L,
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
            List.of(
                    URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            null);

    public static final DatasetSpec FASHION_MNIST = new DatasetSpec(
            "fashion-mnist",
            "Fashion-MNIST (Zalando SE)",
            "MIT",
            List.of("fashion-mnist", "fashion_mnist", "fashionmnist", "fmnist", "fashion"),
            List.of(
                    new FileSpec("train-images-idx3-ubyte", Split.TRAIN, Kind.IMAGES, 47_040_016L,
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                    new FileSpec("train-labels-idx1-ubyte", Split.TRAIN, Kind.LABELS, 60_008L,
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                    new FileSpec("t10k-images-idx3-ubyte", Split.TEST, Kind.IMAGES, 7_840_016L,
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                    new FileSpec("t10k-labels-idx1-ubyte", Split.TEST, Kind.LABELS, 10_008L,
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
            List.of(
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
            "apt-get install dataset-fashion-mnist (Debian/Ubuntu; installs /usr/share/datasets/fashion-mnist/)");

    public static final List<DatasetSpec> ALL = List.of(MNIST, FASHION_MNIST);

    /** The dataset called {@code name} (canonical name or folder alias, case-insensitive). */
    public static DatasetSpec get(String name) {
        for (DatasetSpec d : ALL) if (d.name.equalsIgnoreCase(name) || d.isFolderName(name)) return d;
        throw new UserError("unknown dataset '" + name + "'; known datasets: "
                + ALL.stream().map(DatasetSpec::name).collect(Collectors.joining(", ")));
    }

    /** The dataset a variant is defined on. */
    public static DatasetSpec of(Variant variant) {
        return get(variant.dataset);
    }
}
