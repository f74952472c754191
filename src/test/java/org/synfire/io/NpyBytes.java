package org.synfire.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** .npy files byte by byte as numpy writes them, for tests of any package that need hand-made inputs. */
public final class NpyBytes {
    private NpyBytes() {}

    /**
     * Version 1.0: magic, version, little-endian header length, {@code dict} padded with spaces so that the data
     * start at a multiple of 64 bytes, a newline, then {@code data} (bytes 0..255).
     */
    public static byte[] npy(String dict, int... data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int unpadded = 10 + dict.length() + 1;
        int len = dict.length() + (64 - unpadded % 64) % 64 + 1;
        b.write(len & 0xff);
        b.write(len >> 8);
        b.writeBytes((dict + " ".repeat(len - 1 - dict.length()) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int x : data) b.write(x);
        return b.toByteArray();
    }

    /** numpy's header dict for a dtype, order and shape, e.g. {@code dict("<i4", true, "(2, 3)")}. */
    public static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    }
}
