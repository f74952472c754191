package org.synfire.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synfire.UserError;
import org.synfire.io.Npy;

/**
 * Reads the data files a network refers to (matrices, synapse lists, spike lists), relative to the
 * network file's folder or, for a network shipped as a resource, to the resource's package.
 */
public interface DataFiles {
    /** The bytes of {@code relative}; an {@link IOException} message is shown to the user. */
    byte[] read(String relative) throws IOException;

    /** Where {@code relative} resolves to, for messages. */
    String describe(String relative);

    static DataFiles relativeTo(Path dir) {
        return new DataFiles() {
            @Override
            public byte[] read(String relative) throws IOException {
                try {
                    return Files.readAllBytes(dir.resolve(relative));
                } catch (NoSuchFileException e) {
                    throw new IOException("no such file " + dir.resolve(relative));
                }
            }

            @Override
            public String describe(String relative) {
                return dir.resolve(relative).toString();
            }
        };
    }

    static DataFiles resources(ClassLoader loader, String folder) {
        return new DataFiles() {
            @Override
            public byte[] read(String relative) throws IOException {
                String name = folder.isEmpty() ? relative : folder + "/" + relative;
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) throw new IOException("no resource " + name);
                    return in.readAllBytes();
                }
            }

            @Override
            public String describe(String relative) {
                return "resource " + (folder.isEmpty() ? relative : folder + "/" + relative);
            }
        };
    }

    /** For descriptions given as text, which may not refer to files. */
    DataFiles NONE = new DataFiles() {
        @Override
        public byte[] read(String relative) throws IOException {
            throw new IOException("this network was not loaded from a file, so it cannot refer to the file " + relative);
        }

        @Override
        public String describe(String relative) {
            return relative;
        }
    };

    /**
     * Reads an integer table from a .npy file (any integer dtype) or a CSV file (comma-separated
     * integers, an optional header line, '#' comments). Returns rows of {@code width} columns
     * ({@code width} 0 = any, taken from the data).
     */
    static IntMatrix readTable(String name, byte[] bytes, int width) {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            // any integer dtype, whole-number floats, C or Fortran order: Npy hands out checked ints in C order
            Npy.Ints a = Npy.parseInts(name, bytes);
            int[] shape = a.shape();
            if (shape.length != 2 && !(shape.length == 1 && width == 0)) {
                throw new UserError(name + ": expected a 2-D array, got shape " + java.util.Arrays.toString(shape));
            }
            int rows = shape[0], cols = shape.length == 2 ? shape[1] : 1;
            if (width != 0 && cols != width) throw new UserError(name + ": expected " + width + " columns, got shape " + java.util.Arrays.toString(shape));
            return new IntMatrix(rows, cols, a.values());
        }
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<int[]> rows = new ArrayList<>();
            int cols = width;
            String[] lines = text.split("\r?\n");
            for (int ln = 0; ln < lines.length; ln++) {
                String line = lines[ln].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] cells = line.split(",");
                int[] row = new int[cells.length];
                boolean header = false;
                for (int c = 0; c < cells.length; c++) {
                    String cell = cells[c].strip();
                    try {
                        row[c] = Integer.parseInt(cell);
                    } catch (NumberFormatException e) {
                        if (rows.isEmpty() && !cell.isEmpty() && Character.isLetter(cell.charAt(0))) {
                            header = true;
                            break;
                        }
                        throw new UserError(name + ":" + (ln + 1) + ": '" + cell + "' is not an integer");
                    }
                }
                if (header) continue;
                if (cols == 0) cols = row.length;
                if (row.length != cols) throw new UserError(name + ":" + (ln + 1) + ": expected " + cols + " values, got " + row.length);
                rows.add(row);
            }
            if (cols == 0) cols = Math.max(width, 1);
            int[] data = new int[rows.size() * cols];
            for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, data, r * cols, cols);
            return new IntMatrix(rows.size(), cols, data);
        }
        throw new UserError(name + ": unknown file type; use .npy or .csv");
    }
}
