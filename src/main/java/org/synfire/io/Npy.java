package org.synfire.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synfire.UserError;

/**
 * NumPy {@code .npy} files: format 1.0 for writing (C order, little-endian); 1.0 to 3.0 for reading, in C or
 * Fortran order, either byte order, any bool, integer or float dtype. What is read is always handed out in
 * C order (row-major) and little-endian, so callers never see the file's layout.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Element types Synfire reads; the first six are also written. {@code descr} is the little-endian form. */
    public enum DType {
        UINT8("|u1", 1), INT8("|i1", 1), INT32("<i4", 4), INT64("<i8", 8), FLOAT32("<f4", 4), FLOAT64("<f8", 8),
        BOOL("|b1", 1), INT16("<i2", 2), UINT16("<u2", 2), UINT32("<u4", 4), UINT64("<u8", 8), FLOAT16("<f2", 2);

        public final String descr;
        public final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        /** Whether the values are floats (which hold integers only if they are whole numbers). */
        public boolean isFloat() {
            return this == FLOAT16 || this == FLOAT32 || this == FLOAT64;
        }

        /** The dtype of a descr such as {@code <i4}, {@code >u2} or {@code |b1}, ignoring the byte order; null if unknown. */
        static DType of(String descr) {
            if (descr.length() < 2) return null;
            char order = descr.charAt(0);
            String kind = descr.substring(1);
            for (DType d : values()) {
                if (!d.descr.substring(1).equals(kind)) continue;
                // one-byte types have no byte order: numpy writes '|', but '<', '>' and '=' mean the same
                if (d.size == 1 ? "|<>=".indexOf(order) >= 0 : order == '<' || order == '>') return d;
            }
            return null;
        }
    }

    /** An array read from a file: little-endian bytes in C order, whatever the file held, plus dtype and shape. */
    public record Array(DType dtype, int[] shape, ByteBuffer data) {
        public long length() {
            long n = 1;
            for (int s : shape) n *= s;
            return n;
        }

        /** The values as ints; integers only (a float dtype is an {@link IllegalStateException}, a value beyond int32 an {@link ArithmeticException}). */
        public int[] toIntArray() {
            if (dtype.isFloat()) throw new IllegalStateException("float array where integers were expected (dtype " + dtype.descr + ")");
            int n = Math.toIntExact(length());
            int[] out = new int[n];
            ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            if (dtype == DType.INT32) {
                b.asIntBuffer().get(out);
                return out;
            }
            for (int i = 0; i < n; i++) {
                long v = integer(b, dtype, i);
                if (v != (int) v) throw new ArithmeticException("value " + unsigned(dtype, v) + " at index " + i + " does not fit int32");
                out[i] = (int) v;
            }
            return out;
        }

        public byte[] toByteArray() {
            if (dtype != DType.UINT8 && dtype != DType.INT8 && dtype != DType.BOOL) throw new IllegalStateException("dtype " + dtype.descr + " is not a byte type");
            byte[] out = new byte[Math.toIntExact(length())];
            data.duplicate().get(out);
            return out;
        }

        public double[] toDoubleArray() {
            int n = Math.toIntExact(length());
            double[] out = new double[n];
            ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            if (dtype.isFloat()) {
                for (int i = 0; i < n; i++) out[i] = floating(b, dtype, i);
            } else {
                int[] ints = toIntArray();
                for (int i = 0; i < n; i++) out[i] = ints[i];
            }
            return out;
        }
    }

    /** Integers from a .npy file: {@code values} in C order (the last index varies fastest), {@code shape} as in the file. */
    public record Ints(int[] shape, int[] values) {}

    /**
     * A 2-D integer array from a .npy file, row-major: element (r, c) is {@code values[r * cols + c]}, whatever
     * the file's order (C or Fortran), byte order and dtype.
     */
    public record Matrix(int rows, int cols, int[] values) {
        public int get(int row, int col) {
            return values[row * cols + col];
        }
    }

    /** Little-endian integer element {@code i} of an integer or bool buffer (uint64 comes back as its bit pattern). */
    private static long integer(ByteBuffer b, DType t, int i) {
        return switch (t) {
            case BOOL -> b.get(i) != 0 ? 1 : 0;
            case INT8 -> b.get(i);
            case UINT8 -> b.get(i) & 0xff;
            case INT16 -> b.getShort(2 * i);
            case UINT16 -> b.getShort(2 * i) & 0xffff;
            case INT32 -> b.getInt(4 * i);
            case UINT32 -> b.getInt(4 * i) & 0xffffffffL;
            case INT64, UINT64 -> b.getLong(8 * i);
            case FLOAT16, FLOAT32, FLOAT64 -> throw new IllegalStateException("not an integer dtype: " + t.descr);
        };
    }

    private static double floating(ByteBuffer b, DType t, int i) {
        return switch (t) {
            case FLOAT16 -> Float.float16ToFloat(b.getShort(2 * i));
            case FLOAT32 -> b.getFloat(4 * i);
            case FLOAT64 -> b.getDouble(8 * i);
            default -> throw new IllegalStateException("not a float dtype: " + t.descr);
        };
    }

    /** How an integer element prints: uint64 values above 2^63 are negative longs here. */
    private static String unsigned(DType t, long v) {
        return t == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    private Npy() {}

    public static void writeInt32(Path file, int[] data, int... shape) {
        checkShape(data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(data);
        write(file, DType.INT32, shape, b.array());
    }

    public static void writeUint8(Path file, byte[] data, int... shape) {
        checkShape(data.length, shape);
        write(file, DType.UINT8, shape, data);
    }

    public static void writeInt64(Path file, long[] data, int... shape) {
        checkShape(data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(data);
        write(file, DType.INT64, shape, b.array());
    }

    public static void writeFloat64(Path file, double[] data, int... shape) {
        checkShape(data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(data);
        write(file, DType.FLOAT64, shape, b.array());
    }

    public static void write(Path file, DType dtype, int[] shape, byte[] littleEndianData) {
        AtomicFiles.write(file, out -> write(out, dtype, shape, littleEndianData));
    }

    public static void write(OutputStream out, DType dtype, int[] shape, byte[] littleEndianData) throws IOException {
        out.write(header(dtype, shape));
        out.write(littleEndianData);
    }

    static byte[] header(DType dtype, int[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '").append(dtype.descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) s.append(", ");
        }
        if (shape.length == 1) s.setLength(s.length() - 1);
        s.append("), }");
        int unpadded = MAGIC.length + 2 + 2 + s.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        s.append(" ".repeat(pad)).append('\n');
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(MAGIC);
        h.write(1);
        h.write(0);
        int len = s.length();
        h.write(len & 0xff);
        h.write(len >>> 8);
        h.writeBytes(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        return h.toByteArray();
    }

    private static void checkShape(int n, int[] shape) {
        long p = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            p *= s;
        }
        if (p != n) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + p + " elements, data has " + n);
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*(?:'([^']*)'|(\\[[^\\]]*\\]?))");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads a whole .npy file; any format problem is a {@link UserError} naming the file. */
    public static Array read(Path file) {
        return parse(file.toString(), bytes(file));
    }

    /**
     * Reads integers from a .npy file of any shape: every integer and bool dtype in either byte order, and floats
     * that hold whole numbers; C or Fortran order. Every problem (format, dtype, a fraction, a value beyond int32)
     * is a {@link UserError} naming the file and, for a value, its index.
     */
    public static Ints readInts(Path file) {
        return parseInts(file.toString(), bytes(file));
    }

    /** As {@link #readInts}, for a file's bytes; {@code name} names it in messages. */
    public static Ints parseInts(String name, byte[] bytes) {
        Array a = parse(name, bytes);
        return new Ints(a.shape(), ints(name, a));
    }

    /** As {@link #readInts}, for a 2-D array: rows, columns and the values in row-major order. */
    public static Matrix readIntMatrix(Path file) {
        return parseIntMatrix(file.toString(), bytes(file));
    }

    /** As {@link #readIntMatrix}, for a file's bytes; {@code name} names it in messages. */
    public static Matrix parseIntMatrix(String name, byte[] bytes) {
        Array a = parse(name, bytes);
        if (a.shape().length != 2) throw new UserError(name + ": expected a 2-D array, got shape " + Arrays.toString(a.shape()));
        return new Matrix(a.shape()[0], a.shape()[1], ints(name, a));
    }

    private static byte[] bytes(Path file) {
        if (Files.isDirectory(file)) throw new UserError(file + ": is a directory, expected a .npy file");
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError(file + ": permission denied");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The values of {@code a} as ints, checking each: whole numbers only, within int32. */
    private static int[] ints(String name, Array a) {
        int n = Math.toIntExact(a.length());
        int[] out = new int[n];
        ByteBuffer b = a.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        DType t = a.dtype();
        if (t == DType.INT32) {
            b.asIntBuffer().get(out);
            return out;
        }
        for (int i = 0; i < n; i++) {
            if (t.isFloat()) {
                double v = floating(b, t, i);
                if (!Double.isFinite(v) || v != Math.rint(v)) {
                    throw new UserError(name + ": value " + show(v, t) + " at " + index(a.shape(), i) + " is not a whole number");
                }
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new UserError(name + ": value " + new java.math.BigDecimal(v).toPlainString() + " at " + index(a.shape(), i) + OUT_OF_RANGE);
                }
                out[i] = (int) v;
            } else {
                long v = integer(b, t, i);
                // a uint64 above 2^63 is a negative long here, so it fails this test too
                if (v != (int) v || (t == DType.UINT64 && v < 0)) {
                    throw new UserError(name + ": value " + unsigned(t, v) + " at " + index(a.shape(), i) + OUT_OF_RANGE);
                }
                out[i] = (int) v;
            }
        }
        return out;
    }

    private static final String OUT_OF_RANGE = " is outside the int32 range " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE;

    /** A float as numpy prints it: the shortest repr of its own width; nan and inf as numpy spells them. */
    private static String show(double v, DType t) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return t == DType.FLOAT64 ? Double.toString(v) : Float.toString((float) v);
    }

    /** The C-order index {@code i} as numpy's multi-index, e.g. {@code [3, 7]}. */
    static String index(int[] shape, int i) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = i % shape[k];
            i /= shape[k];
        }
        return Arrays.toString(idx);
    }

    public static Array parse(String name, byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new UserError(name + ": not a .npy file (bad magic)");
        }
        int major = bytes[6] & 0xff;
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            offset = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new UserError(name + ": truncated .npy header");
            headerLen = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            offset = 12;
        } else {
            throw new UserError(name + ": unsupported .npy version " + major);
        }
        if (headerLen < 0 || offset + (long) headerLen > bytes.length) throw new UserError(name + ": truncated .npy header");
        String header = new String(bytes, offset, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new UserError(name + ": malformed .npy header: " + header.strip());
        String descr = d.group(1) != null ? d.group(1) : d.group(2); // a list: a structured dtype
        DType dtype = d.group(1) == null ? null : DType.of(descr);
        if (dtype == null) {
            throw new UserError(name + ": dtype " + descr + " cannot hold integers; use an integer or bool dtype, or floats holding whole numbers");
        }
        boolean bigEndian = descr.charAt(0) == '>' && dtype.size > 1;
        boolean fortran = f.group(1).equals("True");
        String[] parts = s.group(1).split(",");
        int[] shape = Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                int v = Integer.parseInt(p.replace("L", ""));
                if (v < 0) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new UserError(name + ": bad shape entry '" + p + "'");
            }
        }).toArray();
        long n = 1;
        for (int x : shape) {
            n *= x;
            if (n > Integer.MAX_VALUE) throw new UserError(name + ": shape " + Arrays.toString(shape) + " has more elements than one array can hold");
        }
        long need = n * dtype.size;
        int dataStart = offset + headerLen;
        if (bytes.length - dataStart != need) {
            throw new UserError(name + ": shape " + Arrays.toString(shape) + " needs " + need + " data bytes, file has " + (bytes.length - dataStart));
        }
        if (need > Integer.MAX_VALUE - 16) throw new UserError(name + ": " + need + " data bytes are more than one array can hold");
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) need).slice();
        // numpy writes a transposed array as Fortran order (column-major); hand it out in C order, little-endian
        if (fortran && shape.length > 1) data = ByteBuffer.wrap(toCOrder(data, shape, dtype.size));
        if (bigEndian) data = ByteBuffer.wrap(swapBytes(data, dtype.size));
        return new Array(dtype, shape, data.order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The elements of a column-major (Fortran-order) buffer rearranged into row-major (C) order. */
    private static byte[] toCOrder(ByteBuffer src, int[] shape, int size) {
        int nd = shape.length;
        int n = src.remaining() / size;
        byte[] out = new byte[src.remaining()];
        if (n == 0) return out;
        // Fortran strides in elements: the first index varies fastest
        long[] stride = new long[nd];
        stride[0] = 1;
        for (int k = 1; k < nd; k++) stride[k] = stride[k - 1] * shape[k - 1];
        int[] idx = new int[nd];
        long from = 0;
        for (int c = 0; c < n; c++) {
            src.get((int) (from * size), out, c * size, size);
            // next C-order index: the last index varies fastest
            for (int k = nd - 1; k >= 0; k--) {
                from += stride[k];
                if (++idx[k] < shape[k]) break;
                from -= stride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return out;
    }

    /** Each element's bytes reversed: big-endian to little-endian. */
    private static byte[] swapBytes(ByteBuffer src, int size) {
        byte[] out = new byte[src.remaining()];
        for (int e = 0; e < out.length; e += size) {
            for (int k = 0; k < size; k++) out[e + k] = src.get(e + size - 1 - k);
        }
        return out;
    }
}
