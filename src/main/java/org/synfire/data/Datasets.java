package org.synfire.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.DatasetRegistry.FileSpec;
import org.synfire.data.DatasetRegistry.Kind;

/**
 * Entry point for datasets: finds the IDX files (see {@link Locator}), verifies them against the registry,
 * and preprocesses them exactly as the authors did (see {@link Preprocessing}).
 *
 * <p>The static methods use the real machine ({@link DataEnvironment#system()}); tests create an instance with
 * their own environment.
 */
public final class Datasets {
    private final DataEnvironment env;
    private final VerifiedCache cache;

    /** The image and label files of one split, as resolved on disk (for provenance in config.json). */
    public record SplitFiles(String dataset, Split split, Path images, Path labels) {}

    /** Raw images and labels of one split, in file order. */
    public record RawSplit(String description, IdxFile.Images images, byte[] labels) {
        public int size() {
            return labels.length;
        }
    }

    /** Where one registry file was found and whether it matches (for {@code synfire data list}). */
    public record FileStatus(FileSpec spec, Path path, State state, String detail) {}

    public enum State { MISSING, VERIFIED, VERIFIED_CACHED, MISMATCH, DAMAGED, NOT_CHECKED }

    /** Null: the real mirrors, through {@link Fetcher#create}. */
    private final Fetcher fetcher;

    public Datasets(DataEnvironment env, VerifiedCache cache) {
        this(env, cache, null);
    }

    private Datasets(DataEnvironment env, VerifiedCache cache, Fetcher fetcher) {
        this.env = env;
        this.cache = cache;
        this.fetcher = fetcher;
    }

    /** Uses the real environment and the verified-files cache under the user's cache folder. */
    public static Datasets system() {
        DataEnvironment env = DataEnvironment.system();
        return new Datasets(env, new VerifiedCache(env.verifiedFile()));
    }

    public DataEnvironment environment() {
        return env;
    }

    // ----- static API used by the rest of Synfire -------------------------------------------------------------

    /** Loads and binarises one split of the variant's dataset, in file order. */
    public static BinaryDataset load(DataOptions opts, Variant variant, Split split, double threshold) {
        return system().read(opts, variant, split, threshold);
    }

    /** Resolves (without reading) the files of one split of the variant's dataset. */
    public static SplitFiles locate(DataOptions opts, Variant variant, Split split) {
        return system().find(opts, DatasetRegistry.of(variant), split);
    }

    /** A file's SHA-256 as stored and decompressed, remembered in the user's cache folder (see {@link VerifiedCache#digests}). */
    public static VerifiedCache.Digests digests(Path file) {
        return system().cache.digests(file);
    }

    /** Reads and binarises an explicit pair of IDX files, bypassing the registry (no checksum). */
    public static BinaryDataset fromFiles(Path images, Path labels, Variant variant, double threshold) {
        RawSplit raw = readPair(images, labels, null, null, VerifiedCache.disabled());
        return binarize(raw, variant, threshold, images + " + " + labels.getFileName());
    }

    /** Reads an explicit pair of IDX files (images, labels) without binarising; counts must agree. */
    public static RawSplit readRaw(Path images, Path labels) {
        return readPair(images, labels, null, null, VerifiedCache.disabled());
    }

    /** Binarises raw images for a variant; {@code source} names them in the description. */
    public static BinaryDataset binarize(RawSplit raw, Variant variant, double threshold, String source) {
        checkThreshold(threshold);
        IdxFile.Images im = raw.images;
        if (im.rows() != Preprocessing.RAW_SIDE || im.cols() != Preprocessing.RAW_SIDE) {
            throw new UserError(source + ": images are " + im.rows() + "x" + im.cols()
                    + "; variant " + variant.cliName() + " needs 28x28 MNIST-format images");
        }
        byte[] inputs = Preprocessing.binarize(im.pixels(), im.count(), variant, threshold);
        String description = source + ", variant " + variant.cliName() + ", threshold " + threshold;
        return new BinaryDataset(description, variant.inputs(), im.count(), inputs, raw.labels);
    }

    // ----- instance API ----------------------------------------------------------------------------------------

    /** The folders to search; a {@link UserError} if {@code --data DIR} does not exist or is not a directory. */
    public Locator locator(DataOptions opts) {
        if (opts.dataDir() != null) requireDirectory("--data " + opts.dataDir(), env.cwd().resolve(opts.dataDir()).normalize(),
                "give the folder that holds mnist/ and fashion-mnist/, or the dataset's files");
        return new Locator(env.searchRoots(opts.dataDir()));
    }

    /**
     * The files of one split. A set SYNFIRE_DATA that is not a directory is an error here (a typo or an unmounted
     * disk would otherwise quietly read other files from ./data or the cache); {@code synfire data list} only
     * marks it "(does not exist)". With --data, SYNFIRE_DATA is not consulted at all.
     */
    public SplitFiles find(DataOptions opts, DatasetSpec dataset, Split split) {
        String fromEnv = env.env().get("SYNFIRE_DATA");
        if (opts.dataDir() == null && fromEnv != null && !fromEnv.isBlank()) {
            requireDirectory("$SYNFIRE_DATA=" + fromEnv, env.cwd().resolve(fromEnv).normalize(),
                    "point it at the folder that holds mnist/ and fashion-mnist/, unset it, or pass --data DIR");
        }
        Locator loc = locator(opts);
        if (opts.dataDir() == null && loc.lookup(dataset, dataset.file(split, Kind.IMAGES)) == null) fetchMissing(opts, dataset, loc);
        Path images = loc.require(dataset, dataset.file(split, Kind.IMAGES), env);
        Path labels = loc.require(dataset, dataset.file(split, Kind.LABELS), env);
        return new SplitFiles(dataset.name(), split, images, labels);
    }

    private static final Object FETCH_LOCK = new Object();

    /**
     * A dataset that no searched folder holds is downloaded into the download folder, which is searched too, as
     * torchvision does; with {@code --offline} (no {@link DataOptions.AutoFetch}) nothing is, and the caller gets
     * the usual message listing the places searched. One download at a time in a process (sweeps run several runs).
     */
    private void fetchMissing(DataOptions opts, DatasetSpec dataset, Locator loc) {
        Path download = env.downloadDir();
        if (opts.autoFetch() == null || download == null || dataset.mirrors().isEmpty()) return;
        synchronized (FETCH_LOCK) {
            if (loc.lookup(dataset, dataset.files().getFirst()) != null) return; // another run fetched it meanwhile
            DataOptions.AutoFetch a = opts.autoFetch();
            Path dir = download.resolve(dataset.name());
            a.log().println(dataset.name() + ": not found in any searched folder; downloading it into " + dir
                    + "/ (" + Math.round(dataset.files().stream().mapToLong(FileSpec::size).sum() / 1e6) + " MB uncompressed;"
                    + " --offline to stop this, or --data DIR to read it from DIR)");
            a.log().flush();
            fetcher().withProgress(a.terminal(), a.everySeconds())
                    .fetch(dataset, dataset.mirrors(), dir, a.log(), loc.searched(dataset), Locator.howToProvide(dataset, env, false));
            a.log().println(dataset.name() + ": downloaded and verified");
            a.log().flush();
        }
    }

    private Fetcher fetcher() {
        return fetcher != null ? fetcher : Fetcher.create(cache);
    }

    /** The same, downloading with {@code f} (tests point it at a local server). */
    public Datasets withFetcher(Fetcher f) {
        return new Datasets(env, cache, f);
    }

    /** Finds, verifies (if {@code opts.verify()}) and reads one split's raw images and labels. */
    public RawSplit readRaw(DataOptions opts, DatasetSpec dataset, Split split) {
        SplitFiles files = find(opts, dataset, split);
        FileSpec im = dataset.file(split, Kind.IMAGES);
        FileSpec lb = dataset.file(split, Kind.LABELS);
        RawSplit raw = opts.verify()
                ? readPair(files.images, files.labels, im, lb, cache)
                : readPair(files.images, files.labels, null, null, cache);
        return new RawSplit(dataset.name() + " " + splitName(split) + " split", raw.images, raw.labels);
    }

    /**
     * One split, binarised. Taken from the cache of binarised splits when its files are as they were when it was
     * stored (and, with verification, still vouched for by the verified-files cache); otherwise read, verified,
     * preprocessed, and stored there.
     */
    public BinaryDataset read(DataOptions opts, Variant variant, Split split, double threshold) {
        checkThreshold(threshold);
        DatasetSpec dataset = DatasetRegistry.of(variant);
        SplitFiles files = find(opts, dataset, split);
        String description = dataset.name() + " " + splitName(split) + " split, variant " + variant.cliName() + ", threshold " + threshold;
        boolean vouched = !opts.verify() || (cache.contains(files.images, dataset.file(split, Kind.IMAGES).sha256())
                && cache.contains(files.labels, dataset.file(split, Kind.LABELS).sha256()));
        // the key is taken before reading: if a file changes meanwhile, the entry is stale at once
        String key = VerifiedCache.binarisedKey(files.images, files.labels, opts.verify(), variant, threshold);
        if (vouched) {
            BinaryDataset hit = cache.binarised(key, description);
            if (hit != null) return hit;
        }
        RawSplit raw = readRaw(opts, dataset, split);
        BinaryDataset ds = binarize(raw, variant, threshold, raw.description);
        cache.storeBinarised(key, ds);
        return ds;
    }

    /** Where each file of the dataset is and whether it matches the registry (hashes files not yet cached). */
    public List<FileStatus> status(DataOptions opts, DatasetSpec dataset) {
        Locator loc = locator(opts);
        List<FileStatus> out = new ArrayList<>();
        for (FileSpec f : dataset.files()) {
            Locator.Found found = loc.lookup(dataset, f);
            Path p = found == null ? null : found.file();
            if (p == null) {
                out.add(new FileStatus(f, null, State.MISSING, found == null ? "not found"
                        : "missing from " + found.folder() + "/, the folder that holds this dataset's other files"));
            } else if (!opts.verify()) {
                out.add(new FileStatus(f, p, State.NOT_CHECKED, "not checked (--no-verify)"));
            } else if (cache.contains(p, f.sha256())) {
                out.add(new FileStatus(f, p, State.VERIFIED_CACHED, "verified (remembered)"));
            } else {
                IdxFile.Content c;
                try {
                    c = read(p, f.kind(), true);
                } catch (UserError e) {
                    out.add(new FileStatus(f, p, State.DAMAGED, e.getMessage()));
                    continue;
                }
                String mismatch = mismatch(p, f, c);
                if (mismatch == null) {
                    cache.add(p, f.sha256());
                    out.add(new FileStatus(f, p, State.VERIFIED, "verified"));
                } else {
                    out.add(new FileStatus(f, p, State.MISMATCH, mismatch));
                }
            }
        }
        return out;
    }

    private static void requireDirectory(String what, Path dir, String hint) {
        String shown = what.endsWith(dir.toString()) ? "" : " (" + dir + ")";
        if (!Files.exists(dir)) throw new UserError(what + ": no such directory" + shown + "; " + hint);
        if (!Files.isDirectory(dir)) throw new UserError(what + ": not a directory" + shown + "; " + hint);
    }

    /** Checks one file against its registry entry (structure, then SHA-256); remembers success in the cache. */
    public void verify(Path path, FileSpec spec) {
        if (cache.contains(path, spec.sha256())) return;
        check(path, spec, read(path, spec.kind(), true), cache);
    }

    private static IdxFile.Content read(Path path, Kind kind, boolean hash) {
        return kind == Kind.IMAGES ? IdxFile.readImagesContent(path, hash) : IdxFile.readLabelsContent(path, hash);
    }

    /** The complaint about a well-formed file that is not the registry's, or null if it is. */
    static String mismatch(Path path, FileSpec spec, IdxFile.Content c) {
        if (spec.sha256().equals(c.sha256())) return null;
        return path + ": not the official " + spec.name() + ": SHA-256 of the decompressed data is "
                + c.sha256() + " (" + c.decompressedBytes() + " bytes), expected " + spec.sha256() + " ("
                + spec.size() + " bytes). If this is a deliberately custom file (e.g. a subset), pass --no-verify.";
    }

    private static void check(Path path, FileSpec spec, IdxFile.Content c, VerifiedCache cache) {
        String mismatch = mismatch(path, spec, c);
        if (mismatch != null) throw new UserError(mismatch);
        cache.add(path, spec.sha256());
    }

    /** Reads images and labels; a non-null spec means: verify against it (unless the cache vouches for the file). */
    private static RawSplit readPair(Path images, Path labels, FileSpec imSpec, FileSpec lbSpec, VerifiedCache cache) {
        IdxFile.Images im = IdxFile.images(readChecked(images, imSpec, Kind.IMAGES, cache));
        byte[] lb = readChecked(labels, lbSpec, Kind.LABELS, cache).data();
        if (im.count() != lb.length) {
            throw new UserError(images + " has " + im.count() + " images but " + labels + " has " + lb.length
                    + " labels; they must come in pairs from the same split");
        }
        return new RawSplit(images + " + " + labels.getFileName(), im, lb);
    }

    private static IdxFile.Content readChecked(Path path, FileSpec spec, Kind kind, VerifiedCache cache) {
        boolean hash = spec != null && !cache.contains(path, spec.sha256());
        IdxFile.Content c = read(path, kind, hash);
        if (hash) check(path, spec, c, cache);
        return c;
    }

    static String splitName(Split split) {
        return split.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkThreshold(double threshold) {
        if (!Double.isFinite(threshold)) throw new UserError("threshold must be a finite number, got " + threshold);
    }
}
