package org.synfire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.synfire.UserError;
import org.synfire.data.BinaryDataset;
import org.synfire.nbp.LayeredWeights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synfire bench scaling}: cost per sample against synaptic events per sample, over network sizes; table, JSON and a log-log plot. */
@Command(name = "scaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time training and inference on the emulated chip for several network sizes (full emulator semantics,"
                + " phase checks off) and write ms per sample against synaptic events per sample as a table (scaling.csv),"
                + " JSON (scaling.json) and a log-log plot (scaling.png, scaling.svg)."})
public final class ScalingBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--networks", paramLabel = "SHAPE;SHAPE...", split = ";",
            description = "Network widths, each N_IN,H1,...,10, separated by ';' (default: ${DEFAULT-VALUE}).")
    List<String> networks = List.of("400,100,10", "400,200,10", "400,400,10", "400,800,10", "400,400,400,10", "400,1600,10");

    @Option(names = "--events-per-size", paramLabel = "N", description = "Timed synaptic events per size and phase, which sets the samples (default ${DEFAULT-VALUE}).")
    double events = 2e9;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the chip (default ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--synthetic", description = "Synthetic inputs (~25 %% active pixels) instead of the dataset files.")
    boolean synthetic;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write scaling.csv, scaling.json, scaling.png and scaling.svg.")
    Path out;

    @Mixin
    NetworkOptions shape = new NetworkOptions();

    @Override
    public Integer call() {
        if (threads < 1 || !(events > 0)) throw new UserError("--threads must be >= 1 and --events-per-size > 0");
        List<int[]> shapes = new ArrayList<>();
        for (String n : networks) shapes.add(ChipBenchCommand.widths(java.util.Arrays.stream(n.split(",")).map(String::strip).map(Integer::valueOf).toList(), shape));
        org.synfire.io.AtomicFiles.checkWritable(out.resolve("scaling.json"));
        PrintWriter pw = spec.commandLine().getOut();
        BinaryDataset[] data = shape.trainAndTest(synthetic);
        pw.printf(Locale.ROOT, "bench scaling: %s, %d network%s, %d thread%s, %s%n", shape.variant.cliName(), shapes.size(), shapes.size() == 1 ? "" : "s",
                threads, threads == 1 ? "" : "s", Runtime.version());
        pw.printf(Locale.ROOT, "%-18s %14s %12s %14s %12s %16s%n", "network", "events/train", "train ms", "events/infer", "infer ms", "events/s (train)");
        pw.flush();
        List<ChipBenchCommand.Speed> speeds = new ArrayList<>();
        StringBuilder csv = new StringBuilder("network,threads,synaptic_events_per_train_sample,train_ms_per_sample,synaptic_events_per_infer_sample,infer_ms_per_sample,synaptic_events_per_s_training\n");
        for (int[] w : shapes) {
            // a short probe gives the events per sample, which set how many samples make the timed window
            ChipBenchCommand.Speed probe = ChipBenchCommand.measure(w, data[0], data[1], shape.seed, threads, 0, 50, 50);
            int train = (int) Math.max(200, Math.min(50_000, events / Math.max(1, probe.synapticOpsPerTrainSample())));
            int infer = (int) Math.max(500, Math.min(50_000, events / Math.max(1, probe.synapticOpsPerInferSample())));
            ChipBenchCommand.Speed s = ChipBenchCommand.measure(w, data[0], data[1], shape.seed, threads, Math.max(200, train / 3), train, infer);
            speeds.add(s);
            String name = LayeredWeights.shape(w);
            pw.printf(Locale.ROOT, "%-18s %,14.0f %12.4f %,14.0f %12.4f %16.3g%n", name, s.synapticOpsPerTrainSample(), s.trainMs(), s.synapticOpsPerInferSample(),
                    s.inferMs(), s.synapticEventsPerSecond());
            pw.flush();
            csv.append(String.format(Locale.ROOT, "%s,%d,%.1f,%.6f,%.1f,%.6f,%.4g%n", name, threads, s.synapticOpsPerTrainSample(), s.trainMs(),
                    s.synapticOpsPerInferSample(), s.inferMs(), s.synapticEventsPerSecond()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", ChipBenchCommand.config(shape, synthetic, -1));
        root.put("networks", speeds.stream().map(ChipBenchCommand.Speed::json).toList());
        org.synfire.io.AtomicFiles.writeString(out.resolve("scaling.json"), NetworkOptions.json(root));
        org.synfire.io.AtomicFiles.writeString(out.resolve("scaling.csv"), csv.toString());
        org.synfire.report.XChartFiles.write(plot(speeds), out, "scaling");
        pw.println("wrote " + out + "/: scaling.csv, scaling.json, scaling.png, scaling.svg");
        pw.flush();
        return 0;
    }

    /** ms per sample against synaptic events per sample, both axes logarithmic, training and inference. */
    static XYChart plot(List<ChipBenchCommand.Speed> speeds) {
        XYChart c = new XYChartBuilder().width(720).height(480).title("Cost per sample on the emulated chip")
                .xAxisTitle("synaptic events per sample").yAxisTitle("ms per sample").build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        // points, not lines: networks of different depth do not lie on one curve
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(9);
        double[] xt = speeds.stream().mapToDouble(ChipBenchCommand.Speed::synapticOpsPerTrainSample).toArray();
        double[] yt = speeds.stream().mapToDouble(ChipBenchCommand.Speed::trainMs).toArray();
        double[] xi = speeds.stream().mapToDouble(ChipBenchCommand.Speed::synapticOpsPerInferSample).toArray();
        double[] yi = speeds.stream().mapToDouble(ChipBenchCommand.Speed::inferMs).toArray();
        c.addSeries("training", xt, yt).setMarker(SeriesMarkers.CIRCLE);
        c.addSeries("inference", xi, yi).setMarker(SeriesMarkers.DIAMOND);
        return c;
    }
}
