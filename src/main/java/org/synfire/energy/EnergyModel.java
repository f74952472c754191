package org.synfire.energy;

import java.util.List;
import org.synfire.chip.OpCounters;
import org.synfire.energy.NetworkShape.Connection;
import org.synfire.energy.NetworkShape.Population;

/**
 * Dynamic energy and busiest-core work time of a mapped network from its operation counts
 * (docs/energy.md#energy-and-latency-model):
 *
 * <pre>
 * E_dyn = Σ updates·e_upd + Σ spikes·e_spike + Σ SOPs·e_sop + Σ messages·e_msg + Σ hops·e_hop + Σ learning·e_lrn
 * T     = Σ_windows [ max_core spiking work + max_core learning work ] + steps·T_sync(tiles)   (+ steps·T_ovh, {@link Calibration})
 * E     = E_dyn (+ static power · T, only for a measurement that includes static energy)
 * </pre>
 *
 * With the default learning basis (ALL_SYNAPSES) every plastic synapse of a core is evaluated at every
 * learning epoch, so the learning work of core k per epoch is its plastic synapses · t_lrn and the
 * learning time is that of the core with the most plastic synapses.
 *
 * Per-core work comes from spreading each population's counts over its cores in proportion to how many
 * of its neurons each core holds, each connection's synaptic ops and learning evaluations in proportion
 * to how many of its synapses each core stores, and each source's messages over the cores its neurons
 * reach. The chip counts synaptic ops per source; they are split over the source's connections by
 * synapse count, which is exact when every neuron of a connection has the same fan-out (dense,
 * all-to-all, one-to-one). Messages are one per (spike, destination core): a spike of neuron i reaches
 * each core that hosts one of its targets; with counts per population, each spike is charged the
 * population's mean number of destination cores and hops (exact when all its neurons reach equally
 * many cores).
 */
public final class EnergyModel {
    private final Mapping mapping;
    private final OperationCosts costs;
    private final ModelOptions options;
    private final int cores;
    /** popShare[p][k]: fraction of population p's neurons on core k (null for generators). */
    private final double[][] popShare;
    /** connShare[c][k]: fraction of connection c's synapses stored on core k. */
    private final double[][] connShare;
    /** sopShare[c]: fraction of its source's synaptic ops that connection c carries. */
    private final double[] sopShare;
    /** Per source population: mean destination cores, east-west and north-south hops per spike. */
    private final double[] meanDest, meanEastWest, meanNorthSouth;
    /** msgIn[s][k]: messages arriving at core k per spike of population s. */
    private final double[][] msgIn;
    private final double syncPerStep;

    public EnergyModel(Mapping mapping, OperationCosts costs, ModelOptions options) {
        this.mapping = mapping;
        this.costs = costs;
        this.options = options;
        NetworkShape shape = mapping.shape();
        List<Population> pops = shape.populations();
        List<Connection> conns = shape.connections();
        int[][] coreOf = mapping.coreOf();
        MeshLayout mesh = options.mesh();
        cores = Math.max(CoreLoad.coreCount(coreOf), mesh.hostCore() + 1);
        CoreLoad load = CoreLoad.compute(shape, coreOf, cores);
        int[][] hist = CoreLoad.histograms(shape, coreOf, cores);
        popShare = new double[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            if (hist[p] == null) continue;
            popShare[p] = new double[cores];
            for (int k = 0; k < cores; k++) popShare[p][k] = (double) hist[p][k] / pops.get(p).size();
        }
        connShare = new double[conns.size()][cores];
        sopShare = new double[conns.size()];
        long[] outSynapses = new long[pops.size()];
        for (Connection c : conns) outSynapses[c.source()] += c.synapses();
        for (int ci = 0; ci < conns.size(); ci++) {
            Connection c = conns.get(ci);
            if (c.synapses() == 0) continue;
            for (int k = 0; k < cores; k++) connShare[ci][k] = (double) load.synapsesOn[ci][k] / c.synapses();
            sopShare[ci] = (double) c.synapses() / outSynapses[c.source()];
        }
        meanDest = new double[pops.size()];
        meanEastWest = new double[pops.size()];
        meanNorthSouth = new double[pops.size()];
        msgIn = new double[pops.size()][cores];
        for (int s = 0; s < pops.size(); s++) {
            final int src = s, n = pops.get(s).size();
            final int[] home = coreOf[s];
            final double[] acc = new double[3];
            CoreLoad.forEachDestinationSet(shape, coreOf, hist, s, cores, (i, set, size) -> {
                int from = home == null ? mesh.hostCore() : home[i];
                acc[0] += size;
                for (int w = 0; w < set.length; w++) {
                    for (long bits = set[w]; bits != 0; bits &= bits - 1) {
                        int k = (w << 6) + Long.numberOfTrailingZeros(bits);
                        acc[1] += mesh.hopsEastWest(from, k);
                        acc[2] += mesh.hopsNorthSouth(from, k);
                        msgIn[src][k] += 1.0 / n;
                    }
                }
            });
            meanDest[s] = acc[0] / n;
            meanEastWest[s] = acc[1] / n;
            meanNorthSouth[s] = acc[2] / n;
        }
        syncPerStep = costs.syncTime(mapping.tilesUsed(mesh));
    }

    public Mapping mapping() { return mapping; }
    public OperationCosts costs() { return costs; }
    public ModelOptions options() { return options; }

    /** Mean number of destination cores per spike of population {@code name}. */
    public double destinationsPerSpike(String name) {
        return meanDest[mapping.shape().index(name)];
    }

    /** Counts, dynamic energy and work time per sample, before calibration. */
    public Work work(SampleCounts counts) {
        NetworkShape shape = mapping.shape();
        List<Population> pops = shape.populations();
        List<Connection> conns = shape.connections();
        int basis = options.learningBasis().ordinal();
        double ua = 0, ui = 0, spk = 0, gen = 0, sop = 0, msg = 0, ew = 0, ns = 0, lrn = 0;
        double eUpd = 0, eSpk = 0, eSop = 0, eMsg = 0, eHop = 0, eLearning = 0, tSpiking = 0, tLearning = 0, tSync = 0;
        for (OpCounters.Snapshot w : counts.windows()) {
            if (w.spikes().length != pops.size() || w.learning()[basis].length != conns.size()) {
                throw new IllegalArgumentException(counts.label() + ": counts have " + w.spikes().length + " sources and " + w.learning()[basis].length
                        + " connections, the mapped network " + pops.size() + " and " + conns.size());
            }
            double[] spikingWork = new double[cores], learningWork = new double[cores];
            for (int p = 0; p < pops.size(); p++) {
                double s = w.spikes()[p], dest = s * meanDest[p];
                msg += dest;
                ew += s * meanEastWest[p];
                ns += s * meanNorthSouth[p];
                eMsg += dest * costs.message().energy();
                eHop += s * (meanEastWest[p] * costs.hopEastWest() + meanNorthSouth[p] * costs.hopNorthSouth());
                for (int k = 0; k < cores; k++) if (msgIn[p][k] > 0) spikingWork[k] += s * msgIn[p][k] * costs.messageInTime();
                if (popShare[p] == null) {
                    gen += s;
                    continue;
                }
                double a = w.updatesActive()[p], in = w.updatesInactive()[p];
                ua += a;
                ui += in;
                spk += s;
                eUpd += a * costs.updateActive().energy() + in * costs.updateInactive().energy();
                eSpk += s * costs.spike().energy();
                double t = a * costs.updateActive().time() + in * costs.updateInactive().time() + s * costs.spike().time() + dest * costs.message().time();
                for (int k = 0; k < cores; k++) spikingWork[k] += t * popShare[p][k];
            }
            for (int c = 0; c < conns.size(); c++) {
                double ops = w.synapticOps()[conns.get(c).source()] * sopShare[c];
                double learn = w.learning()[basis][c];
                sop += ops;
                lrn += learn;
                eSop += ops * costs.synapticOp().energy();
                eLearning += learn * costs.learning().energy();
                for (int k = 0; k < cores; k++) {
                    spikingWork[k] += ops * connShare[c][k] * costs.synapticOp().time();
                    learningWork[k] += learn * connShare[c][k] * costs.learning().time();
                }
            }
            if (options.timing() == ModelOptions.PhaseTiming.SEPARATE_PHASES) {
                tSpiking += max(spikingWork);
                tLearning += max(learningWork);
            } else {
                int busiest = 0;
                for (int k = 1; k < cores; k++) if (spikingWork[k] + learningWork[k] > spikingWork[busiest] + learningWork[busiest]) busiest = k;
                tSpiking += spikingWork[busiest];
                tLearning += learningWork[busiest];
            }
            tSync += w.steps() * syncPerStep;
        }
        double n = counts.samples();
        Work.Ops ops = new Work.Ops(ua / n, ui / n, spk / n, gen / n, sop / n, msg / n, ew / n, ns / n, lrn / n);
        Work.EnergyByOperation e = new Work.EnergyByOperation(eUpd / n, eSpk / n, eSop / n, eMsg / n, eHop / n, eLearning / n);
        return new Work(ops, e, tSpiking / n, tLearning / n, tSync / n, counts.stepsPerSample());
    }

    private static double max(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, x);
        return m;
    }

    /** Energy and latency per sample with the calibration's per-step overhead. */
    public Estimate estimate(SampleCounts counts, Calibration calibration) {
        return Estimate.of(this, counts, work(counts), calibration, null);
    }

    /**
     * As {@link #estimate(SampleCounts, Calibration)}, compared with a measured point; static power is
     * charged only when the point includes static energy.
     */
    public Estimate estimate(SampleCounts counts, Calibration calibration, Measurement measured) {
        return Estimate.of(this, counts, work(counts), calibration, measured);
    }
}
