package org.synfire.energy;

import java.util.List;
import java.util.Locale;

/**
 * The one fitted latency constant: a per-step I/O overhead T_ovh (spike injection and probe bookkeeping
 * by the embedded x86 cores, which no published constant prices). Nothing in the energy is fitted.
 *
 * <pre>
 * one point:        T_ovh = (L_measured − work time per sample) / steps per sample
 * several points:   T_ovh minimises Σ_j ((W_j + s_j·T_ovh − L_j) / L_j)²  (relative least squares):
 *                   T_ovh = Σ_j (s_j/L_j)·(L_j − W_j)/L_j  /  Σ_j (s_j/L_j)²
 * </pre>
 *
 * Work time W is busiest-core spiking plus learning plus barriers. A negative T_ovh is kept as it is: it
 * says that the model's work alone is slower than the measurement.
 *
 * @param overheadPerStep T_ovh in seconds per step
 * @param fittedTo keys of the measured points it was fitted to (empty: no fit, T_ovh = 0)
 */
public record Calibration(double overheadPerStep, List<String> fittedTo) {

    public Calibration {
        if (!Double.isFinite(overheadPerStep)) throw new IllegalArgumentException("overhead per step must be finite: " + overheadPerStep);
        fittedTo = List.copyOf(fittedTo);
    }

    /** Nothing fitted: busiest-core work and barriers only. */
    public static Calibration none() {
        return new Calibration(0, List.of());
    }

    /** A point to fit: the model's work for the point's counts and the measurement. */
    public record Point(Work work, Measurement measured) {}

    /** The point of {@code counts} under {@code model}, checked against the measurement's steps per sample. */
    public static Point point(SampleCounts counts, EnergyModel model, Measurement measured) {
        Work w = model.work(counts);
        if (Math.abs(w.stepsPerSample() - measured.stepsPerSample()) > 1e-9) {
            throw new IllegalArgumentException("the counts '" + counts.label() + "' have " + w.stepsPerSample() + " steps per sample, the measurement '"
                    + measured.label() + "' " + measured.stepsPerSample());
        }
        return new Point(w, measured);
    }

    /** T_ovh fitted exactly to one point. */
    public static Calibration fit(SampleCounts counts, EnergyModel model, Measurement measured) {
        return fit(List.of(point(counts, model, measured)));
    }

    /** T_ovh fitted to one or more points (relative least squares; exact for one point). */
    public static Calibration fit(List<Point> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("no point to fit the overhead to");
        double num = 0, den = 0;
        for (Point p : points) {
            double l = p.measured().latencyPerSample(), a = p.work().stepsPerSample() / l;
            num += a * (l - p.work().workTime()) / l;
            den += a * a;
        }
        return new Calibration(num / den, points.stream().map(p -> p.measured().key()).toList());
    }

    public String describe() {
        return fittedTo.isEmpty() ? "no fit (T_ovh = 0)"
                : String.format(Locale.ROOT, "T_ovh = %.4g us per step, fitted to %s", overheadPerStep * 1e6, String.join(" + ", fittedTo));
    }
}
