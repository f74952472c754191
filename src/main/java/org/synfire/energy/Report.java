package org.synfire.energy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;

/**
 * A calibration and the estimates made with it, printable beside the paper's Table 1 rows and
 * serialisable to JSON.
 */
public record Report(Calibration calibration, List<Estimate> estimates) {

    public Report {
        estimates = List.copyOf(estimates);
    }

    public String toJson() {
        try {
            return Estimate.json().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an energy report", e);
        }
    }

    public static Report fromJson(String text) {
        try {
            return Estimate.json().readValue(text, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an energy report: " + e.getOriginalMessage(), e);
        }
    }

    /** Model and measured values side by side (mJ, ms, mJ·ms, mW), then the breakdown and counts. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        Calibration c = calibration;
        b.append(String.format(Locale.ROOT, "calibration: P_static = %.6g W, T_mgmt = %.6g us per step (costs %s, learning basis %s)%s%n",
                c.staticPower(), c.managementTime() * 1e6, c.costs(), c.learningBasis(),
                c.fittedTo() == null ? "" : ", fitted to " + c.fittedTo().label()));
        b.append(String.format(Locale.ROOT, "%-8s %-7s | %11s %11s %8s | %10s %10s %8s | %11s %11s | %9s %9s%n",
                "network", "", "E/sample mJ", "paper", "error", "lat. ms", "paper", "error", "EDP mJ*ms", "paper", "power mW", "paper"));
        for (Estimate e : estimates) {
            boolean m = e.measuredEnergy() != null;
            b.append(String.format(Locale.ROOT, "%-8s %-7s | %11.5g %11s %8s | %10.5g %10s %8s | %11.5g %11s | %9.4g %9s%n",
                    e.network(), e.placement(), e.energy() * 1e3, m ? fmt(e.measuredEnergy() * 1e3) : "-", m ? pct(e.energyError()) : "-",
                    e.latency() * 1e3, m ? fmt(e.measuredLatency() * 1e3) : "-", m ? pct(e.latencyError()) : "-",
                    e.edp() * 1e6, m ? fmt(e.measuredEnergy() * e.measuredLatency() * 1e6) : "-",
                    e.power() * 1e3, m ? fmt(e.measuredEnergy() / e.measuredLatency() * 1e3) : "-"));
        }
        b.append(String.format(Locale.ROOT, "%nbreakdown per sample (energy uJ | time us):%n"));
        b.append(String.format(Locale.ROOT, "%-8s | %9s %9s %9s %9s %9s | %9s %9s %9s%n",
                "network", "spiking", "learning", "mgmt", "dynamic", "static", "spiking", "learning", "mgmt"));
        for (Estimate e : estimates) {
            b.append(String.format(Locale.ROOT, "%-8s | %9.4g %9.4g %9.4g %9.4g %9.4g | %9.4g %9.4g %9.4g%n", e.network(),
                    e.energyByPhase().spiking() * 1e6, e.energyByPhase().learning() * 1e6, e.energyByPhase().management() * 1e6,
                    e.dynamicEnergy() * 1e6, e.staticEnergy() * 1e6,
                    e.timeByPhase().spiking() * 1e6, e.timeByPhase().learning() * 1e6, e.timeByPhase().management() * 1e6));
        }
        b.append(String.format(Locale.ROOT, "%noperations per sample:%n"));
        b.append(String.format(Locale.ROOT, "%-8s | %5s %10s %10s %9s %9s %10s %10s %10s %12s%n",
                "network", "cores", "upd.act", "upd.inact", "spikes", "gen.spk", "SOPs", "messages", "hops", "learning"));
        for (Estimate e : estimates) {
            Work.Ops o = e.ops();
            b.append(String.format(Locale.ROOT, "%-8s | %5d %10.5g %10.5g %9.5g %9.5g %10.5g %10.5g %10.5g %12.6g%n", e.network(), e.cores(),
                    o.updatesActive(), o.updatesInactive(), o.spikes(), o.generatorSpikes(), o.synapticOps(), o.messages(),
                    o.hopsEastWest() + o.hopsNorthSouth(), o.learningOps()));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }
}
