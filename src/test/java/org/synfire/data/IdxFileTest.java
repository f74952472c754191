package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;

class IdxFileTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertUserError(Runnable r, Path file, String... fragments) {
        assertThatThrownBy(r::run).isInstanceOf(UserError.class)
                .hasMessageStartingWith(file.toString() + ": ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void readsPlainImagesInRowMajorOrder() throws IOException {
        byte[] pixels = IdxBytes.seq(3 * 2 * 4);
        Path f = write("imgs", IdxBytes.images(3, 2, 4, pixels));
        IdxFile.Images im = IdxFile.readImages(f);
        assertThat(im.count()).isEqualTo(3);
        assertThat(im.rows()).isEqualTo(2);
        assertThat(im.cols()).isEqualTo(4);
        assertThat(im.pixels()).containsExactly(pixels);
    }

    @Test
    void recognisesGzipByMagicNotByName() throws IOException {
        byte[] pixels = IdxBytes.seq(2 * 3 * 3);
        byte[] raw = IdxBytes.images(2, 3, 3, pixels);
        Path gzNoSuffix = write("images-compressed", IdxBytes.gzip(raw));
        Path plainWithGzSuffix = write("images-plain.gz", raw);
        assertThat(IdxFile.readImages(gzNoSuffix).pixels()).containsExactly(pixels);
        assertThat(IdxFile.readImages(plainWithGzSuffix).pixels()).containsExactly(pixels);
    }

    @Test
    void readsLabels() throws IOException {
        Path f = write("labels.gz", IdxBytes.gzip(IdxBytes.labels((byte) 0, (byte) 9, (byte) 3)));
        assertThat(IdxFile.readLabels(f)).containsExactly(0, 9, 3);
    }

    @Test
    void readsTheMnistFixtures() {
        IdxFile.Images test = IdxFile.readImages(Fixtures.images("mnist", Split.TEST));
        assertThat(test.count()).isEqualTo(200);
        assertThat(test.rows()).isEqualTo(28);
        assertThat(test.cols()).isEqualTo(28);
        // The first labels of the official files are well known: test 7 2 1 0 4 ..., train 5 0 4 1 9 ...
        byte[] testLabels = IdxFile.readLabels(Fixtures.labels("mnist", Split.TEST));
        byte[] trainLabels = IdxFile.readLabels(Fixtures.labels("mnist", Split.TRAIN));
        assertThat(Arrays.copyOf(testLabels, 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
        assertThat(Arrays.copyOf(trainLabels, 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(trainLabels).hasSize(600);
        // MNIST digits are centred in the 28x28 field: the corners are background.
        assertThat(test.pixels()[0]).isZero();
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = write("train-images-idx3-ubyte", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertUserError(() -> IdxFile.readImages(f), f, "not an IDX file", "50 4b 03 04", "expected 00 00 08 03");
    }

    @Test
    void labelFileGivenAsImages() throws IOException {
        Path f = write("t10k-labels-idx1-ubyte", IdxBytes.labels((byte) 1, (byte) 2));
        assertUserError(() -> IdxFile.readImages(f), f, "expected an IDX image file with 3 dimensions",
                "header has 1", "is this a label file?");
    }

    @Test
    void imageFileGivenAsLabels() throws IOException {
        Path f = write("t10k-images-idx3-ubyte", IdxBytes.images(1, 1, 1, new byte[] {1}));
        assertUserError(() -> IdxFile.readLabels(f), f, "expected an IDX label file with 1 dimension",
                "header has 3", "is this an image file?");
    }

    @Test
    void unsupportedDataType() throws IOException {
        Path f = write("floats", IdxBytes.idx(0x0D, new int[] {1, 1, 1}, new byte[4]));
        assertUserError(() -> IdxFile.readImages(f), f, "data type 0x0d (float) is not supported");
    }

    @Test
    void truncatedData() throws IOException {
        byte[] full = IdxBytes.images(3, 2, 2, IdxBytes.seq(12));
        Path f = write("train-images-idx3-ubyte", Arrays.copyOf(full, 20));
        assertUserError(() -> IdxFile.readImages(f), f,
                "truncated: header says 3 images of 2x2 (28 bytes), file has 20 bytes");
    }

    @Test
    void truncatedDataInsideGzip() throws IOException {
        byte[] full = IdxBytes.images(3, 2, 2, IdxBytes.seq(12));
        Path f = write("train-images-idx3-ubyte.gz", IdxBytes.gzip(Arrays.copyOf(full, 21)));
        assertUserError(() -> IdxFile.readImages(f), f,
                "truncated: header says 3 images of 2x2 (28 bytes), decompressed data has 21 bytes");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = write("short", Arrays.copyOf(IdxBytes.images(3, 2, 2, IdxBytes.seq(12)), 9));
        assertUserError(() -> IdxFile.readImages(f), f, "truncated", "9 bytes", "16-byte IDX header");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.gz", new byte[0]);
        assertUserError(() -> IdxFile.readLabels(f), f, "empty file");
    }

    @Test
    void oversizedFile() throws IOException {
        byte[] full = IdxBytes.images(2, 2, 2, IdxBytes.seq(8));
        byte[] longer = Arrays.copyOf(full, full.length + 5);
        Path f = write("t10k-images-idx3-ubyte", longer);
        assertUserError(() -> IdxFile.readImages(f), f, "5 unexpected bytes after the data",
                "header says 2 images of 2x2 (24 bytes)", "file has 29 bytes");
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path f = write("train-labels-idx1-ubyte.gz", IdxBytes.gzip(IdxBytes.labels((byte) 3, (byte) 9, (byte) 10)));
        assertUserError(() -> IdxFile.readLabels(f), f, "label 10 at index 2 is out of range 0..9");
        Path g = write("neg-labels", IdxBytes.labels((byte) 0, (byte) -1));
        assertUserError(() -> IdxFile.readLabels(g), g, "label 255 at index 1");
    }

    @Test
    void corruptGzipBody() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(4, 28, 28, IdxBytes.seq(4 * 784)));
        // Bytes 10.. are the deflate stream; 0xff.. makes the first block header invalid (block type 3).
        Arrays.fill(gz, 10, 20, (byte) 0xff);
        Path f = write("train-images-idx3-ubyte.gz", gz);
        assertUserError(() -> IdxFile.readImages(f), f, "corrupt gzip data");
    }

    @Test
    void corruptGzipChecksum() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.labels((byte) 1, (byte) 2, (byte) 3));
        gz[gz.length - 8] ^= 0x5a; // CRC-32 of the trailer
        Path f = write("t10k-labels-idx1-ubyte.gz", gz);
        assertUserError(() -> IdxFile.readLabels(f), f, "corrupt gzip data", "Corrupt GZIP trailer");
    }

    @Test
    void gzipStreamCutShort() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(50, 28, 28, IdxBytes.seq(50 * 784)));
        Path f = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        assertUserError(() -> IdxFile.readImages(f), f, "truncated gzip stream",
                "header says 50 images of 28x28 (39216 bytes)");
    }

    @Test
    void gzipHeaderOnly() throws IOException {
        Path f = write("x.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertUserError(() -> IdxFile.readImages(f), f, "gzip");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = tmp.resolve("nope-idx3-ubyte.gz");
        assertUserError(() -> IdxFile.readImages(missing), missing, "no such file");
        assertUserError(() -> IdxFile.readLabels(tmp), tmp, "is a directory");
    }

    @Test
    void headerClaimingHugeDataDoesNotAllocateIt() throws IOException {
        // 2^31-1 images of 255x255 cannot fit in an array: refused before reading.
        Path f = write("huge", IdxBytes.idx(0x08, new int[] {Integer.MAX_VALUE, 255, 255}, new byte[10]));
        assertUserError(() -> IdxFile.readImages(f), f, "more than one array can hold");
        // 1e9 labels but 10 bytes: reported as truncated without allocating a gigabyte.
        Path g = write("liar", IdxBytes.idx(0x08, new int[] {1_000_000_000}, new byte[10]));
        assertUserError(() -> IdxFile.readLabels(g), g, "truncated: header says 1000000000 labels", "file has 18 bytes");
    }

    @Test
    void imagesAndLabelsMustPairUp() throws IOException {
        Path im = write("t10k-images-idx3-ubyte", IdxBytes.images(3, 28, 28, new byte[3 * 784]));
        Path lb = write("t10k-labels-idx1-ubyte", IdxBytes.labels((byte) 1, (byte) 2));
        assertThatThrownBy(() -> Datasets.readRaw(im, lb)).isInstanceOf(UserError.class)
                .hasMessageContainingAll(im.toString(), lb.toString(), "has 3 images", "has 2 labels");
    }
}
