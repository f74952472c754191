package org.synfire.nbp.sgsc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.synfire.io.Timeline;
import org.synfire.net.DataFiles;
import org.synfire.net.NetworkCompiler;
import org.synfire.net.NetworkDescription;
import org.synfire.net.NetworkLoader;

/** A network file's text with its description and protocol, read once and compiled as often as needed. */
public record CompiledNetworks(String origin, NetworkDescription description, Protocol protocol) {

    /** The training network the compiler writes for these widths. */
    public static CompiledNetworks training(int[] widths) {
        CompiledNetworks n = of("the compiled training network " + shape(widths), SgscCompiler.trainingNetwork(widths));
        Timeline.mark("training network " + shape(widths) + " compiled");
        return n;
    }

    /** The inference network the compiler writes for these widths. */
    public static CompiledNetworks inference(int[] widths) {
        CompiledNetworks n = of("the compiled inference network " + shape(widths), SgscCompiler.inferenceNetwork(widths));
        Timeline.mark("inference network " + shape(widths) + " compiled");
        return n;
    }

    /** Network text from anywhere: checked against the chip's limits, its protocol read. */
    public static CompiledNetworks of(String origin, String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        // one parse: the protocol section comes back with the description (YAML parsing is most of a compile's cost)
        NetworkLoader.WithSection parsed = NetworkLoader.parse(origin, bytes, false, Map.of(), DataFiles.relativeTo(Path.of(".")), Protocol.SECTION);
        NetworkDescription d = parsed.description();
        NetworkCompiler.checkFits(d);
        return new CompiledNetworks(origin, d, Protocol.read(origin, parsed.section(), d));
    }

    /**
     * Why the emulator cannot hold the compiler's training or inference network for these widths (a projection beyond
     * one Java array, say): the training network's problems, else the inference network's; empty if it holds both.
     * Parses the descriptions only, nothing is allocated per synapse, so it is quick for any width.
     */
    public static List<String> fitProblems(int[] widths) {
        List<String> p = NetworkCompiler.fitProblems(describe(SgscCompiler.trainingNetwork(widths)));
        return p.isEmpty() ? NetworkCompiler.fitProblems(describe(SgscCompiler.inferenceNetwork(widths))) : p;
    }

    /** As {@link #fitProblems}, for one Loihi 1 chip's compartments: the training network's problems, else the inference network's. */
    public static List<String> oneChipProblems(int[] widths) {
        List<String> p = NetworkCompiler.oneChipProblems(describe(SgscCompiler.trainingNetwork(widths)));
        return p.isEmpty() ? NetworkCompiler.oneChipProblems(describe(SgscCompiler.inferenceNetwork(widths))) : p;
    }

    /** Network text as a description only: no limits checked, no protocol read. */
    static NetworkDescription describe(String yaml) {
        return NetworkLoader.parse("compiled", yaml.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.relativeTo(Path.of(".")));
    }

    /** Why this network does not fit one Loihi 1 chip's compartments; empty if it does (the emulator runs it either way). */
    public List<String> oneChipProblems() {
        return NetworkCompiler.oneChipProblems(description);
    }

    private static String shape(int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int w : widths) b.append(b.isEmpty() ? "" : "-").append(w);
        return b.toString();
    }
}
