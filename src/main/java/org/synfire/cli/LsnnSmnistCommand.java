package org.synfire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synfire.UserError;
import org.synfire.data.DatasetRegistry;
import org.synfire.data.Datasets;
import org.synfire.io.Npy;
import org.synfire.data.Split;
import org.synfire.energy.Calibration;
import org.synfire.energy.EnergyModel;
import org.synfire.energy.Estimate;
import org.synfire.energy.LsnnSmnist;
import org.synfire.energy.Measurement;
import org.synfire.energy.ModelOptions;
import org.synfire.energy.OperationCosts;
import org.synfire.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire lsnn-smnist}: Intel's published LSNN classifies MNIST test images pixel by pixel on the emulated chip. */
@Command(name = "lsnn-smnist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run Intel's LSNN for sequential MNIST (published weights; 80 inputs, 140 LIF and 100 two-compartment"
                + " adaptive neurons, 10 outputs; 840 steps per image) on the emulated chip, with the input encoder and the"
                + " readout as host logic. Prints the accuracy on the MNIST test images, and the predicted core dynamic energy"
                + " per image and time per step beside Intel's measurement (94.5 %% on 200 images, 22.1 uJ, 16.65 us)."})
public final class LsnnSmnistCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", paramLabel = "N", description = "Test images to classify, from the first (default ${DEFAULT-VALUE}; 10000 for all).")
    int images = 200;

    @Option(names = "--intel-sample", description = "Classify the 200 test images Intel's script drew (numpy seed 0) instead of the first --images.")
    boolean intelSample;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON (snake_case keys, units in the key names).")
    Path json;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    /** The published weights, from the resources (see their README). */
    public static LsnnSmnist.Weights weights() {
        return new LsnnSmnist.Weights(matrix("w_in.npy"), matrix("w_rec.npy"), matrix("w_out.npy"));
    }

    private static int[] matrix(String name) {
        try (InputStream in = LsnnSmnist.class.getResourceAsStream("lsnn/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource lsnn/" + name);
            return Npy.parseIntMatrix(name, in.readAllBytes()).values();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource lsnn/" + name, e);
        }
    }

    @Override
    public Integer call() {
        if (images < 1 || images > 10_000) throw new UserError("--images must be in 1..10000, got " + images);
        if (json != null) AtomicFiles.checkWritable(json);
        Datasets.RawSplit test = Datasets.system().readRaw(data.toOptions(), DatasetRegistry.MNIST, Split.TEST);
        if (intelSample && test.size() < 10_000) throw new UserError("--intel-sample needs the full MNIST test split (10000 images), found " + test.size());
        if (images > test.size()) throw new UserError("--images " + images + ": the MNIST test split has only " + test.size() + " images");
        PrintWriter out = spec.commandLine().getOut();
        LsnnSmnist net = new LsnnSmnist(weights());
        long t0 = System.nanoTime();
        LsnnSmnist.Result r = intelSample ? net.run(test.images().pixels(), test.labels(), LsnnSmnist.INTEL_SAMPLE)
                : net.run(test.images().pixels(), test.labels(), 0, images);
        if (intelSample) images = LsnnSmnist.INTEL_SAMPLE.length;
        double seconds = (System.nanoTime() - t0) / 1e9;
        EnergyModel model = net.model(OperationCosts.DEFAULT, ModelOptions.DEFAULT);
        Estimate e = model.estimate(r.counts(), Calibration.none(), Measurement.INTEL_LSNN_SMNIST);
        double steps = LsnnSmnist.STEPS_PER_IMAGE;
        out.printf(Locale.ROOT, "lsnn-smnist: %d MNIST test images %s, %d correct: accuracy %.2f %% (Intel on Loihi: 94.50 %% on 200)%n",
                images, intelSample ? "(Intel's sample)" : "from the first", r.correct(), 100 * r.accuracy());
        out.printf(Locale.ROOT, "emulator: %.1f s, %.0f steps/s%n", seconds, images * steps / seconds);
        out.printf(Locale.ROOT, "core dynamic energy per image: %.4g uJ predicted, %.4g uJ measured, error %+.1f %% (costs %s, nothing fitted)%n",
                e.energy() * 1e6, e.measuredEnergy() * 1e6, 100 * e.energyError(), e.costs());
        out.printf(Locale.ROOT, "time per step, no fit: %.4g us predicted, %.4g us measured, error %+.1f %%%n",
                e.latency() / steps * 1e6, e.measuredLatency() / steps * 1e6, 100 * e.latencyError());
        out.printf(Locale.ROOT, "per image: %.0f active and %.0f inactive updates, %.0f spikes, %.0f input spikes, %.0f synaptic ops%n",
                e.ops().updatesActive(), e.ops().updatesInactive(), e.ops().spikes(), e.ops().generatorSpikes(), e.ops().synapticOps());
        if (json != null) {
            Map<String, Object> o = new java.util.LinkedHashMap<>();
            o.put("command", "lsnn-smnist");
            o.put("images", images);
            o.put("sample", intelSample ? "intel" : "first");
            o.put("correct", r.correct());
            o.put("accuracy", r.accuracy());
            o.put("measured_accuracy_200", 0.945);
            o.put("costs", e.costs());
            o.put("energy_per_image_uj", e.energy() * 1e6);
            o.put("measured_energy_per_image_uj", e.measuredEnergy() * 1e6);
            o.put("energy_error", e.energyError());
            o.put("time_per_step_us", e.latency() / steps * 1e6);
            o.put("measured_time_per_step_us", e.measuredLatency() / steps * 1e6);
            o.put("time_error", e.latencyError());
            o.put("predicted", List.of(java.util.Arrays.stream(r.predicted()).boxed().toArray()));
            AtomicFiles.writeString(json, NetworkOptions.json(o));
        }
        out.flush();
        return 0;
    }
}
