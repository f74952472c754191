package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.chip.OpCounters;
import org.synfire.data.BinaryDataset;
import org.synfire.energy.Calibration;
import org.synfire.energy.CoreMapper;
import org.synfire.energy.EnergyModel;
import org.synfire.energy.Estimate;
import org.synfire.energy.Mapping;
import org.synfire.energy.Measurement;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.NetworkShape;
import org.synfire.energy.OperationCosts;
import org.synfire.energy.SampleCounts;
import org.synfire.energy.Validation;
import org.synfire.nbp.LayeredWeights;
import org.synfire.net.NetworkDescription;

/**
 * Energy, latency and core mapping of any compiled training network and its inference network: run
 * samples on the emulated chip with one counter window per step, map both networks onto Loihi 1 cores,
 * and price the counts. For the paper's network (one hidden layer) the two prices are predictions of the
 * paper's measured points ({@link #paperPoints}); a network with no measurement takes the per-step overhead
 * fitted to the paper's point of the same kind ({@link #run}).
 */
public final class SgscEnergy {
    private SgscEnergy() {}

    /** What to model: placement ("authors" or "pack"), per-operation costs, learning-cost basis. */
    public record Settings(String placement, OperationCosts costs, ModelOptions options) {}

    /**
     * The counts of both networks, one window per step, and their placements; {@code trainSpikesPerSample} per
     * population (generators left out).
     */
    public record Counts(String shape, SampleCounts train, SampleCounts infer, Mapping trainMapping, Mapping inferMapping,
            Map<String, Double> trainSpikesPerSample) {}

    /** Estimates per sample and the two placements; {@code trainSpikesPerSample} per population. */
    public record Result(String shape, Estimate train, Estimate infer, Mapping trainMapping, Mapping inferMapping,
            Map<String, Double> trainSpikesPerSample) {}

    /**
     * Trains {@code samples} samples of {@code train} (wrapping around) from {@code w}, then runs as many samples of
     * {@code test} through the inference network of the trained weights.
     */
    /** Where a count reports how far it is: {@code done} of {@code total} samples, both networks together. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (label, done, total) -> {};

        void at(String label, long done, long total);
    }

    public static Counts count(CompiledNetworks training, LayeredWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed,
            String placement) {
        return count(training, w, train, test, samples, seed, placement, Progress.NONE);
    }

    /** {@link #count}, reporting after every sample. */
    public static Counts count(CompiledNetworks training, LayeredWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed,
            String placement, Progress progress) {
        String shape = shape(w.sizes());
        String trainLabel = shape + " training", inferLabel = shape + " inference";
        SgscChip net = new SgscChip(training.description(), training.protocol(), w, seed);
        Chip tc = net.chip();
        List<OpCounters.Snapshot> trainSnaps = new ArrayList<>();
        trainSnaps.add(tc.counters().snapshot());
        byte[] o = new byte[w.outputs()];
        Runnable window = () -> trainSnaps.add(tc.counters().snapshot());
        for (int i = 0; i < samples; i++) {
            int k = i % train.size();
            net.runSample(train.inputs(), k * train.inputCount(), train.labels()[k], o, false, window);
            progress.at(trainLabel, i + 1, 2L * samples);
        }
        SampleCounts trainCounts = SampleCounts.fromCumulative("train", samples, trainSnaps);

        int[] sizes = w.sizes();
        CompiledNetworks inference = CompiledNetworks.inference(sizes);
        SgscInference.Network inf = new SgscInference.Network(inference, net.weights(), seed);
        Chip ic = inf.chip();
        List<OpCounters.Snapshot> inferSnaps = new ArrayList<>();
        inferSnaps.add(ic.counters().snapshot());
        byte[] out = new byte[w.outputs()];
        Runnable inferWindow = () -> inferSnaps.add(ic.counters().snapshot());
        for (int i = 0; i < samples; i++) {
            int k = i % test.size();
            inf.infer(test.inputs(), k * test.inputCount(), out, 0, inferWindow);
            progress.at(inferLabel, samples + i + 1, 2L * samples);
        }
        SampleCounts inferCounts = SampleCounts.fromCumulative("infer", samples, inferSnaps);

        Mapping trainMap = map(tc, training.description(), placement);
        Mapping inferMap = map(ic, inference.description(), placement);
        Map<String, Double> spikes = new LinkedHashMap<>();
        OpCounters.Snapshot total = trainSnaps.getLast().minus(trainSnaps.getFirst());
        for (int h = 0; h < tc.sourceCount(); h++) if (!tc.isGenerator(h)) spikes.put(tc.sourceName(h), total.spikes()[h] / (double) samples);
        return new Counts(shape(sizes), trainCounts, inferCounts, trainMap, inferMap, spikes);
    }

    /** {@link #count}, priced; latency with the per-step overheads given (e.g. fitted to the paper's points). */
    public static Result run(CompiledNetworks training, LayeredWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed,
            Settings s, Calibration trainCalibration, Calibration inferCalibration) {
        return run(training, w, train, test, samples, seed, s, trainCalibration, inferCalibration, Progress.NONE);
    }

    /** {@link #run}, reporting after every sample. */
    public static Result run(CompiledNetworks training, LayeredWeights w, BinaryDataset train, BinaryDataset test, int samples, long seed,
            Settings s, Calibration trainCalibration, Calibration inferCalibration, Progress progress) {
        Counts c = count(training, w, train, test, samples, seed, s.placement(), progress);
        Estimate te = new EnergyModel(c.trainMapping(), s.costs(), s.options()).estimate(c.train(), trainCalibration);
        Estimate ie = new EnergyModel(c.inferMapping(), s.costs(), s.options()).estimate(c.infer(), inferCalibration);
        return new Result(c.shape(), te, ie, c.trainMapping(), c.inferMapping(), c.trainSpikesPerSample());
    }

    /** The paper's two measured points (training, inference), each with the counts and model that predict it. */
    public static List<Validation.Point> paperPoints(Counts c, Settings s) {
        return List.of(new Validation.Point(new EnergyModel(c.trainMapping(), s.costs(), s.options()), c.train(), Measurement.PAPER_TRAINING),
                new Validation.Point(new EnergyModel(c.inferMapping(), s.costs(), s.options()), c.infer(), Measurement.PAPER_INFERENCE));
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

    public static String shape(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int v : sizes) b.append(b.isEmpty() ? "" : "-").append(v);
        return b.toString();
    }
}
