package org.synfire.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry.DatasetSpec;
import org.synfire.data.DatasetRegistry.FileSpec;
import org.synfire.data.DatasetRegistry.Kind;
import org.synfire.io.AtomicFiles;

/**
 * Downloads a dataset's four {@code .gz} files from its mirrors into a folder. Each download goes to a temporary
 * file beside the target, is checked (IDX structure and SHA-256 of the decompressed bytes), and only then renamed
 * into place, so an interrupted or wrong download never looks like a dataset. Files already present and correct
 * are kept. If a file cannot be fetched from any mirror, one {@link UserError} lists every URL tried and why.
 */
public final class Fetcher {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Time allowed until the response headers arrive (the body may take longer). */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration responseTimeout;
    private final VerifiedCache cache;
    private final boolean terminal;
    private final double everySeconds;

    public Fetcher(HttpClient client, Duration responseTimeout, VerifiedCache cache) {
        this(client, responseTimeout, cache, false, Double.POSITIVE_INFINITY);
    }

    private Fetcher(HttpClient client, Duration responseTimeout, VerifiedCache cache, boolean terminal, double everySeconds) {
        this.client = client;
        this.responseTimeout = responseTimeout;
        this.cache = cache;
        this.terminal = terminal;
        this.everySeconds = everySeconds;
    }

    /**
     * The same fetcher, reporting each file's progress: on a terminal a bar redrawn in place, when piped a line
     * every {@code everySeconds}.
     */
    public Fetcher withProgress(boolean terminal, double everySeconds) {
        return new Fetcher(client, responseTimeout, cache, terminal, everySeconds);
    }

    /** A fetcher with the default timeouts that follows redirects (some mirrors redirect). */
    public static Fetcher create(VerifiedCache cache) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new Fetcher(client, RESPONSE_TIMEOUT, cache);
    }

    /**
     * Makes sure {@code destDir} holds the dataset's four files, downloading the missing or wrong ones.
     *
     * @param mirrors     base URLs to try in order (each file is {@code base + name.gz})
     * @param log         progress lines
     * @param whereToLook text listing where datasets are looked for, used in the failure message
     * @param howToProvide text explaining how to provide the files by hand, used in the failure message
     * @return the files now in {@code destDir}, in registry order
     */
    public List<Path> fetch(DatasetSpec dataset, List<URI> mirrors, Path destDir, PrintWriter log,
                            String whereToLook, String howToProvide) {
        if (mirrors.isEmpty()) throw new UserError(dataset.name() + ": no mirror to download from");
        boolean created = !Files.isDirectory(destDir);
        try {
            Files.createDirectories(destDir);
        } catch (IOException e) {
            throw new UserError(destDir + ": cannot create the download folder (" + e.getMessage() + ")");
        }
        List<Path> done = new ArrayList<>();
        for (FileSpec f : dataset.files()) {
            Path present = present(destDir, f);
            if (present != null) {
                log.println("  " + f.name() + ": already present and verified (" + present + ")");
                done.add(present);
                continue;
            }
            try {
                done.add(download(dataset, f, mirrors, destDir, log, whereToLook, howToProvide));
            } catch (UserError e) {
                if (created && done.isEmpty()) deleteIfEmpty(destDir);
                throw e;
            }
        }
        return done;
    }

    /** The file in {@code dir} (gz or raw) if it exists and matches the registry, else null. */
    private Path present(Path dir, FileSpec f) {
        for (Path p : List.of(dir.resolve(f.gzName()), dir.resolve(f.name()))) {
            if (!Files.isRegularFile(p)) continue;
            if (cache.contains(p, f.sha256())) return p;
            try {
                IdxFile.Content c = content(p, f, true);
                if (Datasets.mismatch(p, f, c) == null) {
                    cache.add(p, f.sha256());
                    return p;
                }
            } catch (UserError e) {
                // damaged: download a fresh copy
            }
        }
        return null;
    }

    private Path download(DatasetSpec dataset, FileSpec f, List<URI> mirrors, Path destDir, PrintWriter log,
                          String whereToLook, String howToProvide) {
        Path target = destDir.resolve(f.gzName());
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = resolve(mirror, f.gzName());
            log.println("  " + f.gzName() + ": downloading " + url);
            log.flush();
            DownloadProgress bar = new DownloadProgress(log, terminal, everySeconds, f.gzName());
            long t0 = System.nanoTime();
            String failure = tryOne(url, f, target, bar);
            bar.clear();
            if (failure == null) {
                log.println(String.format(java.util.Locale.ROOT, "  %s: ok, verified (%s in %.1f s)", f.gzName(),
                        DownloadProgress.size(sizeOf(target)), (System.nanoTime() - t0) / 1e9));
                cache.add(target, f.sha256());
                return target;
            }
            log.println("  " + f.gzName() + ": failed: " + failure);
            failures.add("  " + url + ": " + failure);
        }
        throw new UserError("cannot download " + dataset.name() + ": " + f.gzName() + " could not be fetched from any mirror:\n"
                + String.join("\n", failures) + "\n"
                + "(No network access? Mirrors tried in this order; `synfire data fetch " + dataset.name() + " --mirror URL` tries another.)\n"
                + whereToLook + howToProvide);
    }

    /** Downloads one URL into a temporary file, checks it and renames it to {@code target}; returns why it failed, or null. */
    private String tryOne(URI url, FileSpec f, Path target, DownloadProgress bar) {
        Path tmp;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UserError(target.getParent() + ": cannot write a temporary file (" + e.getMessage() + ")");
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(responseTimeout).GET().build();
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() != 200) return "HTTP status " + response.statusCode();
                long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                    byte[] buf = new byte[1 << 16];
                    long done = 0;
                    for (int n; (n = body.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        done += n;
                        bar.update(done, total);
                    }
                }
            }
            IdxFile.Content c;
            try {
                c = content(tmp, f, true);
            } catch (UserError e) {
                return "the download is damaged: " + e.getMessage().replace(tmp.toString(), "downloaded file");
            }
            String mismatch = Datasets.mismatch(tmp, f, c);
            if (mismatch != null) {
                return "wrong content: SHA-256 of the decompressed data is " + c.sha256() + ", expected " + f.sha256();
            }
            AtomicFiles.move(tmp, target);
            return null;
        } catch (HttpConnectTimeoutException e) {
            return "connection timed out after " + CONNECT_TIMEOUT.toSeconds() + " s";
        } catch (HttpTimeoutException e) {
            return "no response within " + responseTimeout.toSeconds() + " s";
        } catch (ConnectException e) {
            return connectFailure(url, e);
        } catch (IOException | UncheckedIOException e) {
            String d = detail(e);
            return d.isEmpty() ? e.getClass().getSimpleName() : d.substring(2, d.length() - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("download of " + url + " interrupted");
        } catch (IllegalArgumentException e) {
            return "not a usable URL (" + e.getMessage() + ")";
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a stray .part file is harmless
            }
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir); // fails, harmlessly, if anything is inside
        } catch (IOException e) {
            // keep it
        }
    }

    private static IdxFile.Content content(Path p, FileSpec f, boolean hash) {
        return f.kind() == Kind.IMAGES ? IdxFile.readImagesContent(p, hash) : IdxFile.readLabelsContent(p, hash);
    }

    /** {@code base + name}, adding the '/' a base URL given without one needs. */
    static URI resolve(URI base, String name) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + name : s + "/" + name);
    }

    /** Why a connection failed, in words: the JDK often gives only exception types without messages. */
    private static String connectFailure(URI url, ConnectException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "cannot connect: host " + url.getHost() + " not found (no network or DNS?)";
            }
        }
        String d = detail(e);
        return "cannot connect" + (d.isEmpty() ? " (connection refused or network unreachable)" : d);
    }

    private static String detail(Throwable e) {
        String msg = e.getMessage();
        Throwable cause = e.getCause();
        while ((msg == null || msg.isBlank()) && cause != null) {
            msg = cause.getMessage();
            cause = cause.getCause();
        }
        if (msg == null || msg.isBlank()) return "";
        return " (" + msg.strip().replaceAll("\\s+", " ") + ")";
    }
}
