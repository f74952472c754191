package org.synfire.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.chip.probe.StateProbe;
import org.synfire.chip.probe.WeightProbe;
import org.synfire.io.AtomicFiles;
import org.synfire.io.Npy;

/** Writes probe recordings as CSV (for reading) and .npy (for numpy), each file atomically. */
public final class ProbeExport {
    private ProbeExport() {}

    /**
     * Writes {@code step,population,index} rows of all probes, sorted by step, then population name,
     * then index. Returns the number of spikes written.
     */
    public static long writeSpikes(Path csv, List<SpikeProbe> probes) {
        List<SpikeProbe> byName = new ArrayList<>(probes);
        byName.sort(Comparator.comparing(SpikeProbe::population));
        long[] written = {0};
        AtomicFiles.write(csv, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("step,population,index\n");
            // each probe is in step order already: merge them step by step, populations in name order
            int[] cursor = new int[byName.size()];
            int[] run = new int[16];
            while (true) {
                long step = Long.MAX_VALUE;
                for (int r = 0; r < cursor.length; r++) {
                    if (cursor[r] < byName.get(r).count()) step = Math.min(step, byName.get(r).step(cursor[r]));
                }
                if (step == Long.MAX_VALUE) break;
                String s = Long.toString(step);
                for (int r = 0; r < cursor.length; r++) {
                    SpikeProbe p = byName.get(r);
                    int n = 0;
                    while (cursor[r] < p.count() && p.step(cursor[r]) == step) {
                        if (n == run.length) run = Arrays.copyOf(run, 2 * n);
                        run[n++] = p.index(cursor[r]++);
                    }
                    Arrays.sort(run, 0, n);
                    for (int i = 0; i < n; i++) {
                        w.write(s);
                        w.write(',');
                        w.write(p.population());
                        w.write(',');
                        w.write(Integer.toString(run[i]));
                        w.write('\n');
                    }
                    written[0] += n;
                }
            }
            w.flush();
        });
        return written[0];
    }

    /** One row per recorded step: {@code step,POP[i],POP[j],...}; the .npy holds the values, shape (steps, compartments). */
    public static void writeState(Path csv, Path npy, StateProbe p) {
        int[] comps = p.compartments();
        String var = p.variable().name().toLowerCase(java.util.Locale.ROOT);
        AtomicFiles.write(csv, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("step");
            for (int c : comps) w.write("," + var + ":" + p.population() + "[" + c + "]");
            w.write('\n');
            for (int r = 0; r < p.rows(); r++) {
                w.write(Long.toString(p.step(r)));
                for (int k = 0; k < comps.length; k++) {
                    w.write(',');
                    w.write(Integer.toString(p.value(r, k)));
                }
                w.write('\n');
            }
            w.flush();
        });
        Npy.writeInt32(npy, p.values(), p.rows(), comps.length);
    }

    /**
     * Where each stored weight of a connection sits. {@code shape} is the .npy shape of one snapshot:
     * (pre, post) for dense and all_to_all, (synapses) for one_to_one and sparse. {@code exponent}
     * turns stored mantissas into weight units.
     */
    public record WeightGeometry(int[] pre, int[] post, int[] shape, int exponent) {}

    /**
     * Writes {@code step,pre,post,mantissa,weight_wu} rows (the stored mantissa and the weight in weight units,
     * ⌊mantissa·2^exponent⌋, as the chip applies it), and the same values as two .npy files of shape
     * (snapshots, *geometry.shape): {@code npy} in weight units, {@code mantissaNpy} as stored. A snapshot of one
     * value (a static all_to_all's shared weight) is repeated for every synapse.
     */
    public static void writeWeights(Path csv, Path npy, Path mantissaNpy, WeightProbe p, WeightGeometry g) {
        int n = g.pre().length, snaps = p.count();
        int[] mant = new int[Math.multiplyExact(snaps, n)], wu = new int[mant.length];
        for (int s = 0; s < snaps; s++) {
            int[] w = p.weights(s);
            for (int k = 0; k < n; k++) {
                mant[s * n + k] = w.length == 1 ? w[0] : w[k];
                wu[s * n + k] = effective(mant[s * n + k], g.exponent());
            }
        }
        AtomicFiles.write(csv, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("step,pre,post,mantissa,weight_wu\n");
            for (int s = 0; s < snaps; s++) {
                String step = Long.toString(p.step(s));
                for (int k = 0; k < n; k++) {
                    w.write(step);
                    w.write(',');
                    w.write(Integer.toString(g.pre()[k]));
                    w.write(',');
                    w.write(Integer.toString(g.post()[k]));
                    w.write(',');
                    w.write(Integer.toString(mant[s * n + k]));
                    w.write(',');
                    w.write(Integer.toString(wu[s * n + k]));
                    w.write('\n');
                }
            }
            w.flush();
        });
        int[] shape = new int[g.shape().length + 1];
        shape[0] = snaps;
        System.arraycopy(g.shape(), 0, shape, 1, g.shape().length);
        Npy.writeInt32(npy, wu, shape);
        Npy.writeInt32(mantissaNpy, mant, shape);
    }

    private static int effective(int mantissa, int exponent) {
        return exponent >= 0 ? mantissa << exponent : mantissa >> -exponent;
    }

    /**
     * A file-name-safe form of a population or projection name that still reads as the name: "x->h1:p" becomes
     * "x-to-h1.p" ('.' never occurs in a name, so the type stays apart from names with '_' such as h1_copy); other
     * characters a name cannot hold become '_'.
     */
    public static String fileStem(String name) {
        return name.replace("->", "-to-").replace(':', '.').replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
