package org.synfire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.io.NpyBytes.dict;
import static org.synfire.io.NpyBytes.npy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.UserError;

/**
 * .npy files built byte by byte as numpy writes them ({@link NpyBytes}: magic, version 1.0, little-endian header
 * length, the dict padded with spaces to a multiple of 64 bytes and ended by a newline, then the data), with the
 * expected ints worked out by hand from the bytes.
 */
class NpyTest {
    @TempDir
    Path tmp;

    @Test
    void theHelperWritesNumpysBytes() {
        // np.save of np.array([[1, 2, 3], [4, 5, 6]], dtype='<i4', order='F'): the dict is 58 characters, so
        // 10 + 58 + 1 = 69 bytes are padded to 128: 59 spaces, header length 58 + 59 + 1 = 118 = 0x76
        byte[] f = npy(dict("<i4", true, "(2, 3)"));
        assertThat(f).hasSize(128);
        assertThat(new byte[] {f[8], f[9]}).containsExactly(0x76, 0);
        assertThat(new String(f, 10, 58, StandardCharsets.ISO_8859_1)).isEqualTo("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }");
        assertThat(f[127]).isEqualTo((byte) '\n');
    }

    @Test
    void fortranOrder2x3ComesOutRowMajor() {
        // [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 | 2 5 | 3 6
        byte[] f = npy(dict("<i4", true, "(2, 3)"), 1, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0);
        Npy.Matrix m = Npy.parseIntMatrix("w.npy", f);
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.get(1, 0)).isEqualTo(4);
        // the same array in C order reads the same
        byte[] c = npy(dict("<i4", false, "(2, 3)"), 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0);
        assertThat(Npy.parseIntMatrix("w.npy", c).values()).containsExactly(1, 2, 3, 4, 5, 6);
        // and so does the raw Array API
        assertThat(Npy.parse("w.npy", f).toIntArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void fortranOrderInThreeDimensions() {
        // element (i, j, k) = 100i + 10j + k, shape (2, 2, 2); Fortran stores i fastest, then j, then k:
        // (000) (100) (010) (110) (001) (101) (011) (111) = 0 100 10 110 1 101 11 111
        byte[] f = npy(dict("|u1", true, "(2, 2, 2)"), 0, 100, 10, 110, 1, 101, 11, 111);
        Npy.Ints a = Npy.parseInts("t.npy", f);
        assertThat(a.shape()).containsExactly(2, 2, 2);
        assertThat(a.values()).containsExactly(0, 1, 10, 11, 100, 101, 110, 111);
    }

    @Test
    void everyIntegerDtypeInBothByteOrders() {
        assertThat(ints("|i1", "(2,)", 0xff, 0x7f)).containsExactly(-1, 127);
        assertThat(ints("|u1", "(2,)", 0xff, 0x00)).containsExactly(255, 0);
        assertThat(ints("<i2", "(2,)", 0x00, 0x80, 0x01, 0x01)).containsExactly(-32768, 257);
        assertThat(ints(">i2", "(2,)", 0x80, 0x00, 0xff, 0xfe)).containsExactly(-32768, -2);
        assertThat(ints("<u2", "(1,)", 0xff, 0xff)).containsExactly(65535);
        assertThat(ints(">u2", "(1,)", 0x01, 0x02)).containsExactly(258);
        assertThat(ints("<i4", "(1,)", 0xfe, 0xff, 0xff, 0xff)).containsExactly(-2);
        assertThat(ints(">i4", "(1,)", 0x01, 0x02, 0x03, 0x04)).containsExactly(16909060); // 0x01020304
        assertThat(ints("<u4", "(1,)", 0xff, 0xff, 0xff, 0x7f)).containsExactly(2147483647);
        assertThat(ints(">u4", "(1,)", 0x00, 0x00, 0x01, 0x00)).containsExactly(256);
        assertThat(ints("<i8", "(1,)", 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).containsExactly(-5);
        assertThat(ints(">i8", "(1,)", 0, 0, 0, 0, 0, 0, 0x02, 0x00)).containsExactly(512);
        assertThat(ints("<u8", "(1,)", 7, 0, 0, 0, 0, 0, 0, 0)).containsExactly(7);
        assertThat(ints(">u8", "(1,)", 0, 0, 0, 0, 0, 0, 0, 9)).containsExactly(9);
        assertThat(ints("|b1", "(3,)", 1, 0, 1)).containsExactly(1, 0, 1);
    }

    @Test
    void floatsHoldingWholeNumbers() {
        // 2.0f = 0x40000000, -3.0 = 0xC008000000000000, half 1.0 = 0x3C00, big-endian 4.0 = 0x4010000000000000
        assertThat(ints("<f4", "(1,)", 0, 0, 0, 0x40)).containsExactly(2);
        assertThat(ints("<f8", "(1,)", 0, 0, 0, 0, 0, 0, 0x08, 0xc0)).containsExactly(-3);
        assertThat(ints("<f2", "(1,)", 0x00, 0x3c)).containsExactly(1);
        assertThat(ints(">f8", "(1,)", 0x40, 0x10, 0, 0, 0, 0, 0, 0)).containsExactly(4);
        // -0.0 (0x80000000) is a whole number too
        assertThat(ints("<f4", "(1,)", 0, 0, 0, 0x80)).containsExactly(0);
    }

    @Test
    void aFractionIsNamedWithItsIndex() {
        // shape (2, 2): 0, 0, 1.5 (0x3FC00000), 0; the 1.5 is element [1, 0]
        byte[] f = npy(dict("<f4", false, "(2, 2)"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0x3f, 0, 0, 0, 0);
        assertThatThrownBy(() -> Npy.parseIntMatrix("w.npy", f)).isInstanceOf(UserError.class)
                .hasMessage("w.npy: value 1.5 at [1, 0] is not a whole number");
        // half 0.5 = 0x3800 at [1]; NaN (0x7FC00000) at [0]
        assertThatThrownBy(() -> ints("<f2", "(2,)", 0x00, 0x3c, 0x00, 0x38)).hasMessage("x.npy: value 0.5 at [1] is not a whole number");
        assertThatThrownBy(() -> ints("<f4", "(1,)", 0, 0, 0xc0, 0x7f)).hasMessage("x.npy: value nan at [0] is not a whole number");
        // Fortran order: the index is the array's, not the file's position. A (2, 2) file holds (0,0) (1,0) (0,1)
        // (1,1) in this order, so 2.5 (0x40200000) third in the file is element [0, 1]
        byte[] fo = npy(dict("<f4", true, "(2, 2)"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0x40, 0, 0, 0, 0);
        assertThatThrownBy(() -> Npy.parseIntMatrix("w.npy", fo)).hasMessage("w.npy: value 2.5 at [0, 1] is not a whole number");
    }

    @Test
    void valuesBeyondInt32AreNamed() {
        String range = " is outside the int32 range -2147483648..2147483647";
        assertThatThrownBy(() -> ints("<u4", "(1, 2)", 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x80))
                .isInstanceOf(UserError.class).hasMessage("x.npy: value 2147483648 at [0, 1]" + range);
        assertThatThrownBy(() -> ints("<i8", "(1,)", 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff))
                .hasMessage("x.npy: value -2147483649 at [0]" + range); // 0xFFFFFFFF7FFFFFFF
        assertThatThrownBy(() -> ints("<u8", "(1,)", 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
                .hasMessage("x.npy: value 18446744073709551615 at [0]" + range);
        // 2^31 as a double: exponent 1023 + 31 = 0x41E, mantissa 0
        assertThatThrownBy(() -> ints("<f8", "(1,)", 0, 0, 0, 0, 0, 0, 0xe0, 0x41))
                .hasMessage("x.npy: value 2147483648 at [0]" + range);
    }

    @Test
    void dtypesThatCannotHoldIntegersGetOneMessage() {
        String rest = " cannot hold integers; use an integer or bool dtype, or floats holding whole numbers";
        assertThatThrownBy(() -> ints("<c16", "(1,)", new int[16])).isInstanceOf(UserError.class).hasMessage("x.npy: dtype <c16" + rest);
        assertThatThrownBy(() -> ints("<U3", "(1,)", new int[12])).hasMessage("x.npy: dtype <U3" + rest);
        assertThatThrownBy(() -> ints("|O", "(1,)", new int[8])).hasMessage("x.npy: dtype |O" + rest);
        byte[] structured = npy("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }", 1, 0, 0, 0);
        assertThatThrownBy(() -> Npy.parseInts("s.npy", structured)).hasMessage("s.npy: dtype [('a', '<i4')]" + rest);
    }

    @Test
    void shapeAndLengthProblems() {
        byte[] oneD = npy(dict("<i4", false, "(3,)"), new int[12]);
        assertThatThrownBy(() -> Npy.parseIntMatrix("v.npy", oneD)).hasMessage("v.npy: expected a 2-D array, got shape [3]");
        byte[] cut = npy(dict("<i4", false, "(2, 3)"), new int[20]);
        assertThatThrownBy(() -> Npy.parseIntMatrix("w.npy", cut)).hasMessage("w.npy: shape [2, 3] needs 24 data bytes, file has 20");
        assertThatThrownBy(() -> Npy.parseIntMatrix("w.npy", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}))
                .hasMessage("w.npy: not a .npy file (bad magic)");
    }

    @Test
    void readIntMatrixNamesTheFile() throws Exception {
        Path w = tmp.resolve("w.npy");
        Files.write(w, npy(dict(">i2", true, "(2, 2)"), 0, 1, 0, 3, 0, 2, 0, 4)); // [[1, 2], [3, 4]], column-major, big-endian
        Npy.Matrix m = Npy.readIntMatrix(w);
        assertThat(m.values()).containsExactly(1, 2, 3, 4);
        Path missing = tmp.resolve("nope.npy");
        assertThatThrownBy(() -> Npy.readIntMatrix(missing)).isInstanceOf(UserError.class).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> Npy.readIntMatrix(tmp)).isInstanceOf(UserError.class).hasMessage(tmp + ": is a directory, expected a .npy file");
    }

    @Test
    void whatSynfireWritesReadsBack() {
        Path f = tmp.resolve("a.npy");
        Npy.writeInt32(f, new int[] {5, -6, 7, -8, 9, -10}, 3, 2);
        Npy.Matrix m = Npy.readIntMatrix(f);
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.cols()).isEqualTo(2);
        assertThat(m.values()).containsExactly(5, -6, 7, -8, 9, -10);
    }

    private static int[] ints(String descr, String shape, int... data) {
        return Npy.parseInts("x.npy", npy(dict(descr, false, shape), data)).values();
    }
}
