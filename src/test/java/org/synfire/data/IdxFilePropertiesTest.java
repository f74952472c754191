package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.synfire.Gens.ints;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.Gens;
import org.synfire.UserError;

class IdxFilePropertiesTest {
    private static final String NAME = "/data/x-idx3-ubyte.gz";

    /** Parses as images and as labels; anything thrown must be a UserError naming the file. */
    private static void parseBothWays(byte[] bytes) {
        for (Runnable r : new Runnable[] {() -> IdxFile.parseImages(NAME, bytes), () -> IdxFile.parseLabels(NAME, bytes)}) {
            try {
                r.run();
            } catch (UserError e) {
                assertThat(e.getMessage()).startsWith(NAME + ": ");
            }
        }
    }

    @Test
    void randomBytesOnlyEverGiveUserErrors() {
        qt().withExamples(500).forAll(Gens.byteArrays(64), booleans().all())
                .checkAssert((bytes, gzip) -> parseBothWays(gzip ? IdxBytes.gzip(bytes) : bytes));
    }

    @Test
    void randomBytesAfterAPlausibleHeader() {
        qt().withExamples(500).forAll(ints(0, 4), Gens.intArrays(16), Gens.byteArrays(64)).checkAssert((ndims, dims, data) -> {
            int[] d = Arrays.copyOf(dims, Math.min(ndims, dims.length));
            parseBothWays(IdxBytes.idx(0x08, d, data));
        });
    }

    record Mutation(int position, int value, int cut, boolean gzip) {}

    private static final Gen<Mutation> MUTATIONS = ints(0, 2000).zip(ints(0, 255), ints(-1, 2000), booleans().all(), Mutation::new);

    @Test
    void mutatedValidFilesOnlyEverGiveUserErrors() {
        qt().withExamples(1000).forAll(MUTATIONS, ints(0, 3)).checkAssert(IdxFilePropertiesTest::mutatedValidFilesOnlyEverGiveUserErrors);
    }

    private static void mutatedValidFilesOnlyEverGiveUserErrors(Mutation m, int count) {
        byte[] raw = count % 2 == 0
                ? IdxBytes.images(count, 28, 28, IdxBytes.seq(count * 784))
                : IdxBytes.labels(Arrays.copyOf(new byte[] {1, 2, 3}, count));
        byte[] bytes = m.gzip ? IdxBytes.gzip(raw) : raw;
        bytes = bytes.clone();
        bytes[m.position % bytes.length] = (byte) m.value;
        if (m.cut >= 0 && m.cut < bytes.length) bytes = Arrays.copyOf(bytes, m.cut);
        parseBothWays(bytes);
    }

    @Test
    void validFilesRoundTrip() {
        qt().withExamples(200).forAll(ints(0, 5), ints(1, 30), ints(1, 30), booleans().all())
                .checkAssert(IdxFilePropertiesTest::validFilesRoundTrip);
    }

    private static void validFilesRoundTrip(int count, int rows, int cols, boolean gzip) {
        byte[] pixels = IdxBytes.seq(count * rows * cols);
        byte[] raw = IdxBytes.images(count, rows, cols, pixels);
        IdxFile.Images im = IdxFile.parseImages(NAME, gzip ? IdxBytes.gzip(raw) : raw);
        assertThat(im.count()).isEqualTo(count);
        assertThat(im.rows()).isEqualTo(rows);
        assertThat(im.cols()).isEqualTo(cols);
        assertThat(im.pixels()).containsExactly(pixels);
    }
}
