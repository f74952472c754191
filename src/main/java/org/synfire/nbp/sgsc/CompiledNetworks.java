package org.synfire.nbp.sgsc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.synfire.net.DataFiles;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

/** A network file's text with its description and protocol, read once and compiled as often as needed. */
public record CompiledNetworks(String origin, NetworkDescription description, Protocol protocol) {

    /** The training network the compiler writes for these widths. */
    public static CompiledNetworks training(int[] widths) {
        return of("the compiled training network " + shape(widths), SgscCompiler.trainingNetwork(widths));
    }

    /** The inference network the compiler writes for these widths. */
    public static CompiledNetworks inference(int[] widths) {
        return of("the compiled inference network " + shape(widths), SgscCompiler.inferenceNetwork(widths));
    }

    /** Network text from anywhere: checked against the chip's limits, its protocol read. */
    public static CompiledNetworks of(String origin, String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        NetworkDescription d = NetworkLoader.parse(origin, bytes, false, Map.of(), DataFiles.relativeTo(Path.of(".")));
        NetworkCompiler.checkFits(d);
        return new CompiledNetworks(origin, d, Protocol.read(origin, bytes, d));
    }

    /** Why this network does not fit one Loihi 1 chip's compartments; empty if it does (the emulator runs it either way). */
    public java.util.List<String> oneChipProblems() {
        return NetworkCompiler.oneChipProblems(description);
    }

    private static String shape(int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int w : widths) b.append(b.isEmpty() ? "" : "-").append(w);
        return b.toString();
    }
}
