package org.synfire.energy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The validation of the model against measured points, as a table (prediction, measurement and error
 * side by side) and as JSON with the same data (snake_case keys, units in the key names; errors are
 * fractions, (model − measured) / measured).
 */
public record Report(List<Measurement> measured, Validation.Result result) {

    public Report {
        measured = List.copyOf(measured);
    }

    /** The same validation, showing only the points whose keys start with {@code prefix}. */
    public Report only(String prefix) {
        return new Report(measured.stream().filter(m -> m.key().startsWith(prefix)).toList(), result);
    }

    public static Report of(List<Validation.Point> points) {
        return new Report(points.stream().map(Validation.Point::measured).toList(), Validation.run(points));
    }

    public String toTable() {
        StringBuilder b = new StringBuilder();
        Estimate first = result.noFit().getFirst().estimate();
        b.append(String.format(Locale.ROOT, "model: costs %s, learning basis %s, %s; energy: nothing fitted; latency: one per-step overhead T_ovh%n",
                first.costs(), first.learningBasis(), first.timing()));
        b.append(String.format(Locale.ROOT, "%nprediction vs measurement per sample (energy: D = dynamic only, S = with static):%n"));
        b.append(String.format(Locale.ROOT, "%-17s %5s %-2s| %10s %10s %8s | %10s %10s %8s | %-17s %9s%n",
                "point", "steps", "", "energy uJ", "measured", "error", "time us", "measured", "error", "T_ovh fitted to", "us/step"));
        for (Measurement m : measured) {
            row(b, m, result.noFit(m.key()), "none");
            for (Validation.Prediction p : result.cross()) if (p.predicted().equals(m.key())) row(b, m, p, String.join("+", p.calibration().fittedTo()));
        }
        if (measured.size() > 2) {
            b.append(String.format(Locale.ROOT, "%nleave-one-out (T_ovh fitted to all other points):%n"));
            for (Validation.Prediction p : result.leaveOneOut()) row(b, find(p.predicted()), p, "others");
        }
        b.append(String.format(Locale.ROOT, "%nper-phase breakdown as the probe reports it (time shares of one average power), no fit and fitted to the other point(s):%n"));
        b.append(String.format(Locale.ROOT, "%-17s %-7s | %9s | %9s %9s %9s | %9s %9s %9s%n",
                "point", "T_ovh", "power mW", "spike us", "learn us", "mgmt us", "spike uJ", "learn uJ", "mgmt uJ"));
        for (Measurement m : measured) {
            phases(b, result.noFit(m.key()), "none");
            for (Validation.Prediction p : result.leaveOneOut()) if (p.predicted().equals(m.key())) phases(b, p, "fitted");
        }
        b.append(String.format(Locale.ROOT, "%nenergy per operation per sample (uJ):%n"));
        b.append(String.format(Locale.ROOT, "%-17s | %9s %9s %9s %9s %9s %9s | %9s %9s | %9s%n",
                "point", "updates", "spikes", "SOPs", "messages", "hops", "learning", "dynamic", "static", "total"));
        for (Measurement m : measured) {
            Estimate e = result.noFit(m.key()).estimate();
            Work.EnergyByOperation o = e.byOperation();
            b.append(String.format(Locale.ROOT, "%-17s | %9.4g %9.4g %9.4g %9.4g %9.4g %9.4g | %9.4g %9.4g | %9.4g%n", m.key(),
                    o.updates() * 1e6, o.spikes() * 1e6, o.synapticOps() * 1e6, o.messages() * 1e6, o.hops() * 1e6, o.learning() * 1e6,
                    e.dynamicEnergy() * 1e6, e.staticEnergy() * 1e6, e.energy() * 1e6));
        }
        b.append(String.format(Locale.ROOT, "%noperations per sample:%n"));
        b.append(String.format(Locale.ROOT, "%-17s | %5s %10s %10s %9s %9s %10s %10s %10s %12s%n",
                "point", "cores", "upd.act", "upd.inact", "spikes", "gen.spk", "SOPs", "messages", "hops", "learning"));
        for (Measurement m : measured) {
            Estimate e = result.noFit(m.key()).estimate();
            Work.Ops o = e.ops();
            b.append(String.format(Locale.ROOT, "%-17s | %5d %10.5g %10.5g %9.5g %9.5g %10.5g %10.5g %10.5g %12.6g%n", m.key(), e.cores(),
                    o.updatesActive(), o.updatesInactive(), o.spikes(), o.generatorSpikes(), o.synapticOps(), o.messages(),
                    o.hopsEastWest() + o.hopsNorthSouth(), o.learningOps()));
        }
        return b.toString();
    }

    private Measurement find(String key) {
        for (Measurement m : measured) if (m.key().equals(key)) return m;
        throw new IllegalArgumentException("no measured point " + key);
    }

    private static void row(StringBuilder b, Measurement m, Validation.Prediction p, String fit) {
        Estimate e = p.estimate();
        b.append(String.format(Locale.ROOT, "%-17s %5d %-2s| %10.4g %10.4g %8s | %10.4g %10.4g %8s | %-17s %9s%n", m.key(), m.stepsPerSample(),
                m.includesStatic() ? "S" : "D", e.energy() * 1e6, m.energyPerSample() * 1e6, pct(e.energyError()),
                e.latency() * 1e6, m.latencyPerSample() * 1e6, pct(e.latencyError()), fit,
                p.calibration().fittedTo().isEmpty() ? "-" : String.format(Locale.ROOT, "%.4g", p.calibration().overheadPerStep() * 1e6)));
    }

    private static void phases(StringBuilder b, Validation.Prediction p, String fit) {
        Estimate e = p.estimate();
        b.append(String.format(Locale.ROOT, "%-17s %-7s | %9.4g | %9.4g %9.4g %9.4g | %9.4g %9.4g %9.4g%n", p.predicted(), fit, e.power() * 1e3,
                e.timeByPhase().spiking() * 1e6, e.timeByPhase().learning() * 1e6, e.timeByPhase().management() * 1e6,
                e.energyByPhase().spiking() * 1e6, e.energyByPhase().learning() * 1e6, e.energyByPhase().management() * 1e6));
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    /** The report as a JSON tree. */
    public ObjectNode toJsonTree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Estimate first = result.noFit().getFirst().estimate();
        ObjectNode model = root.putObject("model");
        model.put("costs", first.costs());
        model.put("learning_basis", first.learningBasis());
        model.put("phase_timing", first.timing());
        model.put("fitted", "overhead_us_per_step only (latency); nothing in the energy");
        ArrayNode pts = root.putArray("points");
        for (Measurement m : measured) {
            ObjectNode o = pts.addObject();
            o.put("key", m.key());
            o.put("label", m.label());
            o.put("steps_per_sample", m.stepsPerSample());
            o.put("measured_includes_static", m.includesStatic());
            o.put("measured_energy_uj", m.energyPerSample() * 1e6);
            o.put("measured_time_us", m.latencyPerSample() * 1e6);
            o.set("no_fit", prediction(result.noFit(m.key())));
            for (Validation.Prediction p : result.leaveOneOut()) if (p.predicted().equals(m.key())) o.set("leave_one_out", prediction(p));
        }
        ArrayNode cross = root.putArray("cross_predictions");
        for (Validation.Prediction p : result.cross()) if (measured.stream().anyMatch(m -> m.key().equals(p.predicted()))) cross.add(prediction(p));
        return root;
    }

    /** Indented JSON, as every other JSON file Synfire writes. */
    public String toJson() {
        return toJsonTree().toPrettyString();
    }

    private static ObjectNode prediction(Validation.Prediction p) {
        Estimate e = p.estimate();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("predicted", p.predicted());
        ArrayNode fit = o.putArray("overhead_fitted_to");
        p.calibration().fittedTo().forEach(fit::add);
        o.put("overhead_us_per_step", p.calibration().overheadPerStep() * 1e6);
        o.put("placement", e.placement());
        o.put("cores", e.cores());
        o.put("samples", e.samples());
        o.put("energy_uj", e.energy() * 1e6);
        o.put("dynamic_energy_uj", e.dynamicEnergy() * 1e6);
        o.put("static_energy_uj", e.staticEnergy() * 1e6);
        o.put("time_us", e.latency() * 1e6);
        o.put("power_mw", e.power() * 1e3);
        o.put("edp_uj_us", e.edp() * 1e12);
        if (e.measuredEnergy() != null) {
            o.put("measured_energy_uj", e.measuredEnergy() * 1e6);
            o.put("measured_time_us", e.measuredLatency() * 1e6);
            o.put("energy_error", e.energyError());
            o.put("time_error", e.latencyError());
        }
        ObjectNode tp = o.putObject("time_by_phase_us");
        tp.put("spiking", e.timeByPhase().spiking() * 1e6);
        tp.put("learning", e.timeByPhase().learning() * 1e6);
        tp.put("management", e.timeByPhase().management() * 1e6);
        ObjectNode ep = o.putObject("energy_by_phase_uj");
        ep.put("spiking", e.energyByPhase().spiking() * 1e6);
        ep.put("learning", e.energyByPhase().learning() * 1e6);
        ep.put("management", e.energyByPhase().management() * 1e6);
        Work.EnergyByOperation w = e.byOperation();
        ObjectNode eo = o.putObject("energy_by_operation_uj");
        eo.put("updates", w.updates() * 1e6);
        eo.put("spikes", w.spikes() * 1e6);
        eo.put("synaptic_ops", w.synapticOps() * 1e6);
        eo.put("messages", w.messages() * 1e6);
        eo.put("hops", w.hops() * 1e6);
        eo.put("learning", w.learning() * 1e6);
        eo.put("static", e.staticEnergy() * 1e6);
        Work.Ops c = e.ops();
        ObjectNode ops = o.putObject("operations_per_sample");
        ops.put("updates_active", c.updatesActive());
        ops.put("updates_inactive", c.updatesInactive());
        ops.put("spikes", c.spikes());
        ops.put("generator_spikes", c.generatorSpikes());
        ops.put("synaptic_ops", c.synapticOps());
        ops.put("messages", c.messages());
        ops.put("hops_east_west", c.hopsEastWest());
        ops.put("hops_north_south", c.hopsNorthSouth());
        ops.put("learning_evaluations", c.learningOps());
        return o;
    }
}
