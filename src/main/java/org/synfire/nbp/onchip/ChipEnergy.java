package org.synfire.nbp.onchip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.energy.CoreMapper;
import org.synfire.energy.EnergyModel;
import org.synfire.energy.Mapping;
import org.synfire.energy.Measurement;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.NetworkShape;
import org.synfire.energy.OperationCosts;
import org.synfire.energy.Report;
import org.synfire.energy.SampleCounts;
import org.synfire.energy.Validation;
import org.synfire.nbp.NbpWeights;
import org.synfire.net.NetworkDescription;

/**
 * Energy and latency of the two spiking networks: run samples on the chip with one counter window
 * per step, map the networks onto cores, and predict both of the paper's measured points (energy from
 * counts and published costs; latency with no fit and with the per-step overhead fitted to the other point).
 */
public final class ChipEnergy {
    private ChipEnergy() {}

    /** What to model: placement ("authors" or "pack"), per-operation costs, learning-cost basis. */
    public record Settings(String placement, OperationCosts costs, ModelOptions options) {}

    /** {@code points}: the two validation points the report was made of, for callers that add more. */
    public record Result(Report report, Mapping trainMapping, Mapping inferMapping, Map<String, Double> trainSpikesPerSample,
                         List<Validation.Point> points) {}

    public static Result run(NbpWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed, Settings s) {
        TrainingChip net = new TrainingChip(w, seed);
        Chip tc = net.chip();
        List<OpCounters.Snapshot> trainSnaps = new ArrayList<>();
        trainSnaps.add(tc.counters().snapshot());
        byte[] o = new byte[w.nOut()];
        for (int i = 0; i < samples; i++) {
            int k = i % train.size();
            runSampleWithWindows(net, train, k, o, trainSnaps);
        }
        SampleCounts trainCounts = SampleCounts.fromCumulative("train", samples, trainSnaps);

        ChipInference.Network inf = new ChipInference.Network(net.weights(), seed);
        Chip ic = inf.chip();
        List<OpCounters.Snapshot> inferSnaps = new ArrayList<>();
        inferSnaps.add(ic.counters().snapshot());
        byte[] out = new byte[w.nOut()];
        for (int i = 0; i < samples; i++) {
            int k = i % test.size();
            inf.inferStepwise(test.inputs(), k * test.inputCount(), out, 0, () -> inferSnaps.add(ic.counters().snapshot()));
        }
        SampleCounts inferCounts = SampleCounts.fromCumulative("infer", samples, inferSnaps);

        Mapping trainMap = map(tc, Networks.describe(TrainingChip.RESOURCE, w), s.placement());
        Mapping inferMap = map(ic, Networks.describe(ChipInference.RESOURCE, w), s.placement());
        EnergyModel trainModel = new EnergyModel(trainMap, s.costs(), s.options());
        EnergyModel inferModel = new EnergyModel(inferMap, s.costs(), s.options());
        List<Validation.Point> points = List.of(new Validation.Point(trainModel, trainCounts, Measurement.PAPER_TRAINING),
                new Validation.Point(inferModel, inferCounts, Measurement.PAPER_INFERENCE));
        Report report = Report.of(points);

        Map<String, Double> spikes = new LinkedHashMap<>();
        OpCounters.Snapshot total = trainSnaps.getLast().minus(trainSnaps.getFirst());
        for (int h = 0; h < tc.sourceCount(); h++) if (!tc.isGenerator(h)) spikes.put(tc.sourceName(h), total.spikes()[h] / (double) samples);
        return new Result(report, trainMap, inferMap, spikes, points);
    }

    private static void runSampleWithWindows(TrainingChip net, BinaryDataset d, int k, byte[] o, List<OpCounters.Snapshot> snaps) {
        net.runSample(d.inputs(), k * d.inputCount(), d.labels()[k], o, false, () -> snaps.add(net.chip().counters().snapshot()));
    }

    /**
     * The energy model of any network compiled onto a chip, for the training logs' cost columns: authors'
     * placement, Davies et al. 2018 costs, learning basis pre-or-post (kept as it was, so that the logs keep
     * their meaning; {@code synfire energy}'s defaults are SANA-FE costs and every plastic synapse per epoch).
     */
    public static EnergyModel model(Chip chip, NetworkDescription d) {
        return new EnergyModel(map(chip, d, "authors"), OperationCosts.DAVIES_2018,
                ModelOptions.DEFAULT.withLearningBasis(OpCounters.LearningBasis.PRE_OR_POST));
    }

    /** The placement of a network compiled onto a chip: the authors' per-type core ranges, or packing into the fewest cores. */
    public static Mapping map(Chip chip, NetworkDescription d, String placement) {
        Map<String, String> types = new LinkedHashMap<>();
        d.populations().values().forEach(p -> types.put(p.name(), p.type()));
        NetworkShape shape = NetworkShape.of(chip, types);
        return switch (placement) {
            case "authors" -> CoreMapper.authors(shape);
            case "pack" -> CoreMapper.pack(shape);
            default -> throw new org.synfire.UserError("unknown --placement '" + placement + "' (use authors or pack)");
        };
    }
}
