package org.synfire.data;

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
import org.synfire.report.AtomicFiles;

/** NumPy {@code .npy} files (format 1.0 for writing; 1.0 to 3.0 for reading), C order, little-endian. */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Element types Synfire exchanges. */
    public enum DType {
        UINT8("|u1", 1), INT8("|i1", 1), INT32("<i4", 4), INT64("<i8", 8), FLOAT32("<f4", 4), FLOAT64("<f8", 8);

        public final String descr;
        public final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        static DType of(String descr) {
            for (DType d : values()) {
                if (d.descr.equals(descr) || (d.size == 1 && d.descr.substring(1).equals(descr.substring(1)))) {
                    return d;
                }
            }
            return null;
        }
    }

    /** An array read from a file: raw little-endian bytes plus dtype and shape. */
    public record Array(DType dtype, int[] shape, ByteBuffer data) {
        public long length() {
            long n = 1;
            for (int s : shape) n *= s;
            return n;
        }

        public int[] toIntArray() {
            int n = Math.toIntExact(length());
            int[] out = new int[n];
            ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            switch (dtype) {
                case UINT8 -> { for (int i = 0; i < n; i++) out[i] = b.get(i) & 0xff; }
                case INT8 -> { for (int i = 0; i < n; i++) out[i] = b.get(i); }
                case INT32 -> b.asIntBuffer().get(out);
                case INT64 -> {
                    for (int i = 0; i < n; i++) {
                        long v = b.getLong(8 * i);
                        if (v != (int) v) throw new ArithmeticException("value " + v + " at index " + i + " does not fit int32");
                        out[i] = (int) v;
                    }
                }
                default -> throw new IllegalStateException("float array where integers were expected (dtype " + dtype.descr + ")");
            }
            return out;
        }

        public byte[] toByteArray() {
            if (dtype != DType.UINT8 && dtype != DType.INT8) throw new IllegalStateException("dtype " + dtype.descr + " is not a byte type");
            byte[] out = new byte[Math.toIntExact(length())];
            data.duplicate().get(out);
            return out;
        }

        public double[] toDoubleArray() {
            int n = Math.toIntExact(length());
            double[] out = new double[n];
            ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            switch (dtype) {
                case FLOAT64 -> b.asDoubleBuffer().get(out);
                case FLOAT32 -> { for (int i = 0; i < n; i++) out[i] = b.getFloat(4 * i); }
                default -> { int[] ints = toIntArray(); for (int i = 0; i < n; i++) out[i] = ints[i]; }
            }
            return out;
        }
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

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads a whole .npy file; any format problem is a {@link UserError} naming the file. */
    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), bytes);
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
        if (headerLen < 0 || offset + headerLen > bytes.length) throw new UserError(name + ": truncated .npy header");
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new UserError(name + ": malformed .npy header: " + header.strip());
        DType dtype = DType.of(d.group(1));
        if (dtype == null) throw new UserError(name + ": unsupported dtype '" + d.group(1) + "' (use uint8, int8, int32, int64, float32 or float64, little-endian)");
        if (f.group(1).equals("True")) throw new UserError(name + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        String[] parts = s.group(1).split(",");
        int[] shape = Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                return Integer.parseInt(p.replace("L", ""));
            } catch (NumberFormatException e) {
                throw new UserError(name + ": bad shape entry '" + p + "'");
            }
        }).toArray();
        long n = 1;
        for (int x : shape) n *= x;
        long need = n * dtype.size;
        int dataStart = offset + headerLen;
        if (bytes.length - dataStart != need) {
            throw new UserError(name + ": shape " + Arrays.toString(shape) + " needs " + need + " data bytes, file has " + (bytes.length - dataStart));
        }
        return new Array(dtype, shape, ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(ByteOrder.LITTLE_ENDIAN));
    }
}
