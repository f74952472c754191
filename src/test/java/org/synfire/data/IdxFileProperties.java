package org.synfire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.synfire.UserError;

class IdxFileProperties {
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

    @Property(tries = 500)
    void randomBytesOnlyEverGiveUserErrors(@ForAll @Size(max = 64) byte[] bytes, @ForAll boolean gzip) {
        parseBothWays(gzip ? IdxBytes.gzip(bytes) : bytes);
    }

    @Property(tries = 500)
    void randomBytesAfterAPlausibleHeader(@ForAll @IntRange(min = 0, max = 4) int ndims,
                                          @ForAll @Size(max = 16) int[] dims, @ForAll @Size(max = 64) byte[] data) {
        int[] d = Arrays.copyOf(dims, Math.min(ndims, dims.length));
        parseBothWays(IdxBytes.idx(0x08, d, data));
    }

    record Mutation(int position, int value, int cut, boolean gzip) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 2000), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(-1, 2000), Arbitraries.of(true, false)).as(Mutation::new);
    }

    @Property(tries = 1000)
    void mutatedValidFilesOnlyEverGiveUserErrors(@ForAll("mutations") Mutation m,
                                                 @ForAll @IntRange(min = 0, max = 3) int count) {
        byte[] raw = count % 2 == 0
                ? IdxBytes.images(count, 28, 28, IdxBytes.seq(count * 784))
                : IdxBytes.labels(Arrays.copyOf(new byte[] {1, 2, 3}, count));
        byte[] bytes = m.gzip ? IdxBytes.gzip(raw) : raw;
        bytes = bytes.clone();
        bytes[m.position % bytes.length] = (byte) m.value;
        if (m.cut >= 0 && m.cut < bytes.length) bytes = Arrays.copyOf(bytes, m.cut);
        parseBothWays(bytes);
    }

    @Property(tries = 200)
    void validFilesRoundTrip(@ForAll @IntRange(min = 0, max = 5) int count, @ForAll @IntRange(min = 1, max = 30) int rows,
                             @ForAll @IntRange(min = 1, max = 30) int cols, @ForAll boolean gzip) {
        byte[] pixels = IdxBytes.seq(count * rows * cols);
        byte[] raw = IdxBytes.images(count, rows, cols, pixels);
        IdxFile.Images im = IdxFile.parseImages(NAME, gzip ? IdxBytes.gzip(raw) : raw);
        assertThat(im.count()).isEqualTo(count);
        assertThat(im.rows()).isEqualTo(rows);
        assertThat(im.cols()).isEqualTo(cols);
        assertThat(im.pixels()).containsExactly(pixels);
    }
}
