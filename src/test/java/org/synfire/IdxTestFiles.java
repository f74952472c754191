package org.synfire;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes small, learnable MNIST-format IDX files (uncompressed) into DIR/&lt;dataset&gt;/ for CLI tests:
 * class c draws a bright 6x6 square at a class-specific place plus some noise, so mnist20 (crop 4)
 * and fmnist28 both see it.
 */
public final class IdxTestFiles {
    private IdxTestFiles() {}

    public static Path write(Path root, String dataset, int nTrain, int nTest, long seed) throws IOException {
        Path dir = root.resolve(dataset);
        Files.createDirectories(dir);
        Random r = new Random(seed);
        split(dir, "train", nTrain, r);
        split(dir, "t10k", nTest, r);
        return root;
    }

    private static void split(Path dir, String prefix, int n, Random r) throws IOException {
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int s = 0; s < n; s++) {
            int c = r.nextInt(10);
            labels[s] = (byte) c;
            int top = 4 + (c / 5) * 8 + r.nextInt(2);
            int left = 4 + (c % 5) * 3 + r.nextInt(2);
            for (int y = top; y < top + 6; y++) for (int x = left; x < left + 6; x++) pixels[s * 784 + y * 28 + x] = (byte) 250;
            for (int k = 0; k < 30; k++) pixels[s * 784 + r.nextInt(784)] = (byte) 200;
        }
        try (OutputStream f = Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte"));
                DataOutputStream out = new DataOutputStream(f)) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            out.write(pixels);
        }
        try (OutputStream f = Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte"));
                DataOutputStream out = new DataOutputStream(f)) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            out.write(labels);
        }
    }
}
