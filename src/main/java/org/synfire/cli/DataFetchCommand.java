package org.synfire.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;
import org.synfire.data.DataEnvironment;
import org.synfire.data.DataOptions;
import org.synfire.data.DatasetRegistry;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.DatasetRegistry.FileSpec;
import org.synfire.data.Datasets;
import org.synfire.data.Fetcher;
import org.synfire.data.Locator;
import org.synfire.data.VerifiedCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synfire data fetch NAME}: downloads a dataset's four files from public mirrors. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = {
            "Download a dataset (mnist or fashion-mnist) from public mirrors.",
            "",
            "Puts the four IDX files (.gz) into ~/.cache/synfire/datasets/NAME/",
            "(or --dest DIR), checking each file's SHA-256 before moving it into place.",
            "Files already there and correct are kept. Without --dest, nothing is",
            "downloaded if the dataset is already available in a searched folder.",
            "Mirrors: mnist from the ossci-datasets (S3) and cvdf-datasets (GCS)",
            "buckets; fashion-mnist from Zalando's S3 bucket and GitHub repository.",
            "Offline? Copy the files by hand, use --data DIR, or (fashion-mnist)",
            "apt-get install dataset-fashion-mnist."
        })
public final class DataFetchCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME", description = "mnist or fashion-mnist")
    String name;

    @Option(names = "--dest", paramLabel = "DIR", description = "Put the files in DIR instead of the download folder.")
    Path dest;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Base URL to download from instead of the built-in mirrors (repeatable; tried in order). "
                    + "Each file is fetched from URL/<file>.gz.")
    List<String> mirrors = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Injected by tests; the real machine otherwise. */
    Datasets datasets;
    Fetcher fetcher;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Datasets ds = datasets != null ? datasets : Datasets.system();
        DataEnvironment env = ds.environment();
        DatasetSpec dataset = DatasetRegistry.get(name);
        Locator locator = ds.locator(new DataOptions(null, true));

        if (dest == null && alreadyAvailable(ds, locator, dataset, out)) return;
        Path dir = dest != null ? dest : env.downloadDir() == null ? null : env.downloadDir().resolve(dataset.name());
        if (dir == null) throw new UserError("no home folder or XDG_CACHE_HOME to download into; pass --dest DIR");

        List<URI> urls = mirrors.isEmpty() ? dataset.mirrors() : mirrors.stream().map(DataFetchCommand::uri).toList();
        Fetcher f = fetcher != null ? fetcher : Fetcher.create(new VerifiedCache(env.verifiedFile()));
        out.println("fetching " + dataset.name() + " into " + dir);
        f.withProgress(System.console() != null, 5).fetch(dataset, urls, dir, out, locator.searched(dataset), Locator.howToProvide(dataset, env, false));
        out.println(dataset.name() + ": all four files are in " + dir);
        out.flush();
    }

    /** True (after saying so) when every file is already found in a searched folder and verified. */
    private static boolean alreadyAvailable(Datasets ds, Locator locator, DatasetSpec dataset, PrintWriter out) {
        List<Path> found = new ArrayList<>();
        for (FileSpec f : dataset.files()) {
            Path p = locator.find(dataset, f);
            if (p == null) return false;
            try {
                ds.verify(p, f);
            } catch (UserError e) {
                return false;
            }
            found.add(p);
        }
        out.println(dataset.name() + ": already available and verified, nothing to download:");
        for (Path p : found) out.println("  " + p);
        out.flush();
        return true;
    }

    private static URI uri(String s) {
        try {
            URI u = new URI(s);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new UserError("--mirror " + s + ": not an http(s) URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new UserError("--mirror " + s + ": not a valid URL (" + e.getMessage() + ")");
        }
    }
}
