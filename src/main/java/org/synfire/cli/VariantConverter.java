package org.synfire.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synfire.data.Split;
import org.synfire.data.Variant;
import picocli.CommandLine;

/** Command-line spellings of {@link Variant} and {@link Split}, case-insensitive. */
final class VariantConverter implements CommandLine.ITypeConverter<Variant> {
    static final String NAMES = Arrays.stream(Variant.values()).map(Variant::cliName).collect(Collectors.joining(", "));

    @Override
    public Variant convert(String value) {
        for (Variant v : Variant.values()) if (v.cliName().equalsIgnoreCase(value.strip())) return v;
        throw new CommandLine.TypeConversionException("unknown variant '" + value + "' (use one of " + NAMES + ")");
    }

    /** train / test (t10k accepted too, the file prefix). */
    static final class SplitConverter implements CommandLine.ITypeConverter<Split> {
        @Override
        public Split convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (Split s : Split.values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(v) || s.filePrefix.equals(v)) return s;
            }
            throw new CommandLine.TypeConversionException("unknown split '" + value + "' (use train or test)");
        }
    }
}
