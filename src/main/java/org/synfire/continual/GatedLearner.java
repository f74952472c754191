package org.synfire.continual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.synfire.chip.OpCounters;
import org.synfire.energy.CoreMapper;
import org.synfire.energy.EnergyModel;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.NetworkShape;
import org.synfire.energy.OperationCosts;
import org.synfire.energy.SampleCounts;
import org.synfire.energy.Work;
import org.synfire.nbp.Convention;
import org.synfire.nbp.LayeredNbp;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.sgsc.CompiledNetworks;
import org.synfire.nbp.sgsc.Protocol;
import org.synfire.nbp.sgsc.SgscChip;

/**
 * A learner with continual learning's gates: the spiking network on the emulated chip, or the layered matrix model
 * that equals it bit for bit. Between restores both keep their state; {@link #restore} rebuilds the chip (and the
 * model's negated copies) from the matrices, at the same points in either backend.
 */
public sealed interface GatedLearner permits GatedLearner.OnChip, GatedLearner.Functional {

    /** One online step on x (0/1, the network's inputs) with its label; writes the output spikes. */
    void train(byte[] x, int label, byte[] outSpikes);

    /** For the samples that follow: only the marked output units' errors (null: all), and the hidden layers' if open. */
    void gate(boolean[] openOutputs, boolean hiddenOpen);

    LayeredWeights matrices();

    void restore(LayeredWeights w, long samplesTrained);

    /** Predicted dynamic energy of the samples trained since the last restore, in µJ; 0 where nothing is counted. */
    double energySinceRestoreMicrojoules();

    /** Where warnings go (one line each). */
    void onWarning(Consumer<String> sink);

    /** A learner starting from {@code init}, the run having trained {@code samplesTrained} samples (it numbers its messages from there). */
    static GatedLearner create(String backend, int[] sizes, boolean gated, LayeredWeights init, long samplesTrained, long seed, int phasesEvery,
            int copiesEvery) {
        return switch (backend) {
            case "chip" -> new OnChip(gated ? GatedNetwork.training(sizes) : CompiledNetworks.training(sizes), gated, init, samplesTrained, seed, phasesEvery,
                    copiesEvery);
            case "functional" -> new Functional(init);
            default -> throw new org.synfire.UserError("unknown --backend '" + backend + "' (use chip or functional)");
        };
    }

    /** The layered model, chip convention. */
    final class Functional implements GatedLearner {
        private final LayeredNbp model;

        Functional(LayeredWeights init) {
            model = new LayeredNbp(init, Convention.CHIP);
        }

        @Override
        public void train(byte[] x, int label, byte[] outSpikes) {
            model.train(x, 0, label, outSpikes);
        }

        @Override
        public void gate(boolean[] openOutputs, boolean hiddenOpen) {
            model.gate(openOutputs, hiddenOpen);
        }

        @Override
        public LayeredWeights matrices() {
            return model.matrices();
        }

        @Override
        public void restore(LayeredWeights w, long samplesTrained) {
            model.restore(w, samplesTrained);
        }

        @Override
        public double energySinceRestoreMicrojoules() {
            return 0;
        }

        @Override
        public void onWarning(Consumer<String> sink) {}
    }

    /**
     * The synfire-gated network on the emulated chip, driven by its protocol ({@link SgscChip}); the host schedules
     * the gate generators' spikes of each sample before streaming it. Energy: {@code synfire energy}'s defaults
     * (SANA-FE costs, every plastic synapse charged at every learning epoch, the authors' placement).
     */
    final class OnChip implements GatedLearner {
        private final CompiledNetworks network;
        private final boolean gated;
        private final long seed;
        private final int phasesEvery, copiesEvery;
        private final int errorPhase;
        private final int[] hiddenPhases;
        private SgscChip net;
        private int errorGate;
        private int[] hiddenGates;
        private boolean[] openOutputs;
        private boolean hiddenOpen = true;
        private long firstSample;
        private OpCounters.Snapshot atRestore;
        private EnergyModel energy;
        private Consumer<String> warnings = w -> {};

        OnChip(CompiledNetworks network, boolean gated, LayeredWeights init, long samplesTrained, long seed, int phasesEvery, int copiesEvery) {
            this.network = network;
            this.gated = gated;
            this.seed = seed;
            this.phasesEvery = phasesEvery;
            this.copiesEvery = copiesEvery;
            Protocol p = network.protocol();
            int hidden = p.layers().size() - 2;
            errorPhase = gated ? GatedNetwork.errorGatePhase(p) : -1;
            hiddenPhases = new int[hidden];
            for (int k = 1; k <= hidden; k++) hiddenPhases[k - 1] = gated ? GatedNetwork.hiddenGatePhase(p, k) : -1;
            restore(init, samplesTrained);
        }

        @Override
        public void train(byte[] x, int label, byte[] outSpikes) {
            long k = firstSample + net.samples();
            long base = net.chip().time();
            if (openOutputs != null) {
                for (int j = 0; j < openOutputs.length; j++) if (!openOutputs[j]) net.chip().schedule(errorGate, j, base + 1 + errorPhase);
            }
            if (!hiddenOpen) for (int h = 0; h < hiddenGates.length; h++) net.chip().schedule(hiddenGates[h], 0, base + 1 + hiddenPhases[h]);
            boolean phases = phasesEvery > 0 && k % phasesEvery == 0;
            net.runSample(x, 0, label, outSpikes, phases);
            if (phases) for (String w : net.drainWarnings()) warnings.accept(w);
            if (copiesEvery > 0 && (k + 1) % copiesEvery == 0) net.checkCopies();
        }

        @Override
        public void gate(boolean[] open, boolean hidden) {
            if (!gated && (open != null || !hidden)) throw new IllegalStateException("this network has no gates");
            openOutputs = open == null ? null : open.clone();
            hiddenOpen = hidden;
        }

        @Override
        public LayeredWeights matrices() {
            return net.weights();
        }

        @Override
        public void restore(LayeredWeights w, long samplesTrained) {
            net = new SgscChip(network.description(), network.protocol(), w, seed);
            net.firstSampleIndex(samplesTrained);
            firstSample = samplesTrained;
            if (gated) {
                errorGate = net.chip().source(GatedNetwork.ERROR_GATE);
                hiddenGates = new int[hiddenPhases.length];
                for (int k = 1; k <= hiddenGates.length; k++) hiddenGates[k - 1] = net.chip().source(GatedNetwork.hiddenGate(k));
            }
            atRestore = net.chip().counters().snapshot();
        }

        @Override
        public double energySinceRestoreMicrojoules() {
            long n = net.samples();
            if (n == 0) return 0;
            if (energy == null) {
                Map<String, String> types = new LinkedHashMap<>();
                network.description().populations().values().forEach(p -> types.put(p.name(), p.type()));
                energy = new EnergyModel(CoreMapper.authors(NetworkShape.of(net.chip(), types)), OperationCosts.SANA_FE, ModelOptions.DEFAULT);
            }
            Work w = energy.work(new SampleCounts("train", n, List.of(net.chip().counters().snapshot().minus(atRestore))));
            return w.dynamicEnergy() * 1e6 * n;
        }

        @Override
        public void onWarning(Consumer<String> sink) {
            warnings = sink;
        }
    }
}
