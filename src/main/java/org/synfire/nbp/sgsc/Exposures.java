package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.List;
import org.synfire.net.ConnectionType;
import org.synfire.net.ConnectivityKind;
import org.synfire.net.NetworkDescription;
import org.synfire.net.Projection;
import org.synfire.net.WeightSpec;

/**
 * Steps in which a population that must stay silent receives a sum that grows with the width (a dense
 * or all-to-all projection) from a presynaptic population that may spike, or spike tolerated, one step
 * (plus the synaptic delay) earlier. Such a population is safe for any width only if a
 * gate inhibits it in that step; {@link #uncovered} lists the exposures without one. The derivation
 * is in docs/design.md, "Width: the gating bound".
 */
public final class Exposures {
    private Exposures() {}

    /**
     * A step {@code phase} in which {@code population} must be silent (nor tolerated) yet hears {@code from}
     * through {@code projection}.
     */
    public record Exposure(String population, int phase, String from, String projection) {
        @Override
        public String toString() {
            return "phase " + phase + ": " + population + " hears " + from + " (" + projection + ") and nothing inhibits it";
        }
    }

    /** The exposures of the network that no inhibitory gate covers; empty for every network the compiler writes. */
    public static List<Exposure> uncovered(CompiledNetworks n) {
        NetworkDescription d = n.description();
        Protocol p = n.protocol();
        int steps = p.steps();
        List<Exposure> out = new ArrayList<>();
        for (Projection pr : d.projections()) {
            if (weight(d, pr) < 0) continue; // an inhibition is never the danger
            // a one-to-one relay adds one bounded weight per neuron whatever the width; a dense or all-to-all
            // sum grows with the presynaptic width, which is what the gates must hold at any size
            if (type(d, pr).connectivity() != ConnectivityKind.DENSE && type(d, pr).connectivity() != ConnectivityKind.ALL_TO_ALL) continue;
            if (pr.from().equals(pr.to())) continue;
            long from = spikes(p, pr.from());
            int delay = delay(d, pr);
            for (int phase = 0; phase < steps; phase++) {
                if ((from & (1L << phase)) == 0) continue;
                int arrival = (phase + 1 + delay) % steps;
                long allowed = p.allowed().getOrDefault(pr.to(), 0L) | p.tolerated().getOrDefault(pr.to(), 0L);
                if ((allowed & (1L << arrival)) != 0) continue;
                if (!inhibited(d, p, pr.to(), arrival)) out.add(new Exposure(pr.to(), arrival, pr.from(), pr.name()));
            }
        }
        return out;
    }

    /** True when some negative fixed-weight projection onto {@code population} delivers in step {@code phase}. */
    private static boolean inhibited(NetworkDescription d, Protocol p, String population, int phase) {
        int steps = p.steps();
        for (Projection pr : d.projections()) {
            if (!pr.to().equals(population) || weight(d, pr) >= 0) continue;
            int sent = Math.floorMod(phase - 1 - delay(d, pr), steps);
            if ((spikes(p, pr.from()) & (1L << sent)) != 0) return true;
        }
        return false;
    }

    /** Phases in which a population or generator may send spikes. */
    private static long spikes(Protocol p, String source) {
        Long mask = p.allowed().get(source);
        long m = mask == null ? 0 : mask;
        Long tol = p.tolerated().get(source);
        if (tol != null) m |= tol;
        Protocol.Generator g = p.generators().get(source);
        if (g != null) for (int ph : g.phases()) m |= 1L << ph;
        return m;
    }

    /** The fixed weight of a projection, or 0 for a matrix (plastic, of either sign) or a file of synapses. */
    private static int weight(NetworkDescription d, Projection pr) {
        WeightSpec w = pr.weight() != null ? pr.weight() : type(d, pr).weight();
        return w instanceof WeightSpec.Scalar s ? s.weight() : 0;
    }

    private static int delay(NetworkDescription d, Projection pr) {
        return pr.delay() != null ? pr.delay() : type(d, pr).delay();
    }

    private static ConnectionType type(NetworkDescription d, Projection pr) {
        return d.connectionTypes().get(pr.type());
    }
}
