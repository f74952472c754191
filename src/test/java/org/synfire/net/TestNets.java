package org.synfire.net;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synfire.UserError;
import org.synfire.chip.Chip;
import org.synfire.chip.probe.SpikeProbe;

/** Helpers shared by the network tests. */
final class TestNets {
    private TestNets() {}

    static NetworkDescription yaml(String text) {
        return NetworkLoader.parse("net.yaml", text.getBytes(StandardCharsets.UTF_8), false, Map.of(), DataFiles.NONE);
    }

    static NetworkDescription yaml(String text, Map<String, Integer> params) {
        return NetworkLoader.parse("net.yaml", text.getBytes(StandardCharsets.UTF_8), false, params, DataFiles.NONE);
    }

    /** The UserError message a file produces (fails the test if it loads). */
    static String problems(String text) {
        try {
            yaml(text);
        } catch (UserError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the file to be rejected:\n" + text);
    }

    record Spike(long step, String population, int index) {
        @Override
        public String toString() {
            return step + "," + population + "," + index;
        }
    }

    /** Runs a compiled network for {@code steps} and returns every spike of every population and generator, sorted. */
    static List<Spike> run(CompiledNetwork net, long steps) {
        Chip chip = net.chip();
        List<SpikeProbe> probes = new ArrayList<>();
        for (String p : net.populations().keySet()) probes.add(chip.probeSpikes(net.population(p), 1, steps));
        for (String g : net.generators().keySet()) probes.add(chip.probeSpikes(net.generator(g), 1, steps));
        chip.run(steps);
        List<Spike> out = new ArrayList<>();
        for (SpikeProbe p : probes) for (int k = 0; k < p.count(); k++) out.add(new Spike(p.step(k), p.population(), p.index(k)));
        out.sort((a, b) -> a.step != b.step ? Long.compare(a.step, b.step)
                : !a.population.equals(b.population) ? a.population.compareTo(b.population) : Integer.compare(a.index, b.index));
        return out;
    }

    static List<Spike> spikesOf(List<Spike> all, String population) {
        return all.stream().filter(s -> s.population().equals(population)).toList();
    }
}
