package org.synfire.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of the JDK's ahead-of-time cache (JDK 24+, {@code -XX:AOTMode=record}): the launcher runs this
 * in the background, once per build and JDK, and the cache it yields lets later runs start with the classes of
 * the common commands already loaded and linked, and their methods profiled. It runs those commands in-process,
 * their output discarded, on a small synthetic MNIST-format dataset in a scratch folder (the caller points
 * XDG_CACHE_HOME there too), so it needs no data files and touches nothing else. A command that fails is skipped:
 * the cache is an optimisation, and it only ever holds what the run loaded.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AotTraining SCRATCH_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path data = dir.resolve("data");
        writeDataset(data.resolve("mnist"), 240, 120);
        String d = data.toString(), out = dir.resolve("out").toString();
        List<String[]> commands = List.of(
                new String[] {"--help"},
                new String[] {"train", "--help"},
                new String[] {"data", "list", "--data", d, "--no-verify"},
                new String[] {"train", "--data", d, "--no-verify", "--limit", "240", "--epochs", "1", "--out", out + "/train"},
                new String[] {"train", "--data", d, "--no-verify", "--limit", "120", "--epochs", "1", "--backend", "functional", "--out", out + "/functional"},
                new String[] {"verify", "--data", d, "--no-verify", "--samples", "60"},
                new String[] {"network", "sgsc", "--layers", "400,40,10", "--out", out + "/net.yaml"},
                new String[] {"energy", "--data", d, "--no-verify", "--samples", "4", "--lsnn-images", "2", "--json", out + "/energy.json"},
                new String[] {"raster", "--data", d, "--no-verify", "--sample", "2", "--out", out + "/raster"},
                new String[] {"bench", "chip", "--synthetic", "--samples", "300", "--infer-samples", "300", "--warmup", "100"});
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream(), true);
        for (String[] c : commands) {
            try {
                Main.run(none, none, c);
            } catch (Throwable t) {
                // the cache only records what ran; a failing command just leaves its classes out
            }
        }
    }

    /** MNIST-format IDX files (uncompressed) with pseudo-random images, about a quarter of the pixels on. */
    static void writeDataset(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        long state = 1;
        for (String prefix : new String[] {"train", "t10k"}) {
            int n = prefix.equals("train") ? train : test;
            ByteBuffer im = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
            ByteBuffer lb = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 784; k++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    im.put((byte) ((state >>> 60) < 4 ? 200 : 0));
                }
                lb.put((byte) (i % 10));
            }
            Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), im.array());
            Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), lb.array());
        }
    }
}
