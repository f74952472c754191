package org.synfire.cli;

import java.io.PrintWriter;
import java.util.List;
import org.synfire.data.DataEnvironment.SearchRoot;
import org.synfire.data.DataOptions;
import org.synfire.data.DatasetRegistry;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.Datasets;
import org.synfire.data.Datasets.FileStatus;
import org.synfire.data.Locator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code synfire data list}: where each dataset file was found and whether it is the official one. */
@Command(
        name = "list",
        aliases = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Show where each dataset file was found and whether it is the official one.",
            "",
            "Lists the folders searched, then each dataset's four files: where each",
            "was found and whether it matches the official SHA-256 (hashing takes a",
            "moment the first time; the result is remembered). Always exits 0; missing",
            "files come with a hint on how to get them."
        })
public final class DataListCommand implements Runnable {
    @Mixin
    DataSourceOptions source = new DataSourceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Injected by tests; the real machine otherwise. */
    Datasets datasets;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Datasets ds = datasets != null ? datasets : Datasets.system();
        DataOptions opts = source.toOptions();
        Locator loc = ds.locator(opts);
        out.println("Search order:");
        for (SearchRoot r : loc.roots()) {
            out.printf("  %-16s %s%s%n", r.origin(), r.dir(), java.nio.file.Files.isDirectory(r.dir()) ? "" : "  (does not exist)");
        }
        for (DatasetSpec d : DatasetRegistry.ALL) {
            out.println();
            out.println(d.name() + ": " + d.title() + ", licence " + d.licence());
            List<FileStatus> status = ds.status(opts, d);
            boolean missing = false;
            for (FileStatus s : status) {
                String state = switch (s.state()) {
                    case MISSING -> "missing";
                    case VERIFIED -> "ok, verified";
                    case VERIFIED_CACHED -> "ok, verified earlier";
                    case NOT_CHECKED -> "not checked";
                    case MISMATCH -> "NOT OFFICIAL";
                    case DAMAGED -> "DAMAGED";
                };
                missing |= s.path() == null;
                out.printf("  %-24s %-21s %s%n", s.spec().name(), state, s.path() == null ? "" : s.path());
                if (s.state() == Datasets.State.MISMATCH || s.state() == Datasets.State.DAMAGED
                        || (s.state() == Datasets.State.MISSING && !s.detail().equals("not found"))) {
                    out.println("      " + s.detail());
                }
            }
            if (missing) out.println("  " + Locator.howToProvide(d, ds.environment(), true).replace("\n", "\n  "));
        }
        out.flush();
    }
}
