package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.energy.Calibration;
import org.synfire.energy.EnergyModel;
import org.synfire.energy.Estimate;
import org.synfire.energy.Mapping;
import org.synfire.energy.SampleCounts;
import org.synfire.nbp.LayeredWeights;
import org.synfire.nbp.onchip.ChipEnergy;
import org.synfire.net.IntMatrix;
import org.synfire.net.NetworkCompiler;

/**
 * Energy, latency and core mapping of any compiled training network and its inference network: run
 * samples on the emulated chip with one counter window per step, map both networks onto Loihi 1 cores,
 * and price the counts. There is no measurement for such a network, so its latency takes the per-step
 * overhead fitted to the paper's measured point of the same kind (training or inference).
 */
public final class SgscEnergy {
    private SgscEnergy() {}

    /** Estimates per sample and the two placements; {@code trainSpikesPerSample} per population. */
    public record Result(String shape, Estimate train, Estimate infer, Mapping trainMapping, Mapping inferMapping,
            Map<String, Double> trainSpikesPerSample) {}

    public static Result run(CompiledNetworks training, LayeredWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed,
            ChipEnergy.Settings s, Calibration trainCalibration, Calibration inferCalibration) {
        SgscChip net = new SgscChip(training.description(), training.protocol(), w, seed);
        Chip tc = net.chip();
        List<OpCounters.Snapshot> trainSnaps = new ArrayList<>();
        trainSnaps.add(tc.counters().snapshot());
        byte[] o = new byte[w.outputs()];
        Runnable window = () -> trainSnaps.add(tc.counters().snapshot());
        for (int i = 0; i < samples; i++) {
            int k = i % train.size();
            net.runSample(train.inputs(), k * train.inputCount(), train.labels()[k], o, false, window);
        }
        SampleCounts trainCounts = SampleCounts.fromCumulative("train", samples, trainSnaps);

        int[] sizes = w.sizes();
        CompiledNetworks inference = CompiledNetworks.inference(sizes);
        Protocol p = inference.protocol();
        LayeredWeights trained = net.weights();
        Map<String, IntMatrix> matrices = new LinkedHashMap<>();
        for (int l = 0; l < p.matrices().size(); l++) matrices.put(p.matrices().get(l), new IntMatrix(sizes[l], sizes[l + 1], trained.matrix(l)));
        Chip ic = NetworkCompiler.compile(inference.description(), matrices, seed, new NetworkCompiler.Options(true, true)).chip();
        int input = ic.source(p.generator(Protocol.Role.INPUT).name());
        Protocol.Generator start = p.generator(Protocol.Role.GATE_START);
        ic.schedule(ic.source(start.name()), 0, start.phases().get(0));
        ic.run(p.steps()); // the gate ring starts; not counted
        int inputPhase = p.generator(Protocol.Role.INPUT).phases().get(0);
        List<OpCounters.Snapshot> inferSnaps = new ArrayList<>();
        inferSnaps.add(ic.counters().snapshot());
        int nIn = sizes[0];
        for (int i = 0; i < samples; i++) {
            int k = i % test.size();
            long base = ic.time();
            for (int j = 0; j < nIn; j++) if (test.inputs()[k * nIn + j] != 0) ic.schedule(input, j, base + 1 + inputPhase);
            for (int ph = 0; ph < p.steps(); ph++) {
                ic.step();
                inferSnaps.add(ic.counters().snapshot());
            }
        }
        SampleCounts inferCounts = SampleCounts.fromCumulative("infer", samples, inferSnaps);

        Mapping trainMap = ChipEnergy.map(tc, training.description(), s.placement());
        Mapping inferMap = ChipEnergy.map(ic, inference.description(), s.placement());
        Estimate te = new EnergyModel(trainMap, s.costs(), s.options()).estimate(trainCounts, trainCalibration);
        Estimate ie = new EnergyModel(inferMap, s.costs(), s.options()).estimate(inferCounts, inferCalibration);
        Map<String, Double> spikes = new LinkedHashMap<>();
        OpCounters.Snapshot total = trainSnaps.getLast().minus(trainSnaps.getFirst());
        for (int h = 0; h < tc.sourceCount(); h++) if (!tc.isGenerator(h)) spikes.put(tc.sourceName(h), total.spikes()[h] / (double) samples);
        return new Result(shape(sizes), te, ie, trainMap, inferMap, spikes);
    }

    public static String shape(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int v : sizes) b.append(b.isEmpty() ? "" : "-").append(v);
        return b.toString();
    }
}
