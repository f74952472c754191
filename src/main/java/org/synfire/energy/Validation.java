package org.synfire.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Predictions of measured points. Nothing in the energy is fitted, so every point's energy is a
 * prediction. The latency has one fitted constant, the per-step overhead ({@link Calibration}); it is
 * reported three ways: with no fit (T_ovh = 0), fitted to each other point in turn (cross-predictions,
 * both directions), and fitted to all other points together (leave-one-out).
 */
public final class Validation {
    private Validation() {}

    /** A measured point and the counts and model that predict it. */
    public record Point(EnergyModel model, SampleCounts counts, Measurement measured) {
        public String key() {
            return measured.key();
        }

        Calibration.Point fitPoint() {
            return Calibration.point(counts, model, measured);
        }

        Estimate estimate(Calibration c) {
            return model.estimate(counts, c, measured);
        }
    }

    /** One prediction of {@code predicted} under {@code calibration}. */
    public record Prediction(String predicted, Calibration calibration, Estimate estimate) {}

    /** The predictions of every point. */
    public record Result(List<Prediction> noFit, List<Prediction> cross, List<Prediction> leaveOneOut) {
        public Result {
            noFit = List.copyOf(noFit);
            cross = List.copyOf(cross);
            leaveOneOut = List.copyOf(leaveOneOut);
        }

        public Prediction noFit(String key) {
            return find(noFit, key, null);
        }

        public Prediction leaveOneOut(String key) {
            return find(leaveOneOut, key, null);
        }

        public Prediction cross(String predicted, String fittedTo) {
            return find(cross, predicted, fittedTo);
        }

        private static Prediction find(List<Prediction> l, String key, String fit) {
            for (Prediction p : l) if (p.predicted().equals(key) && (fit == null || p.calibration().fittedTo().equals(List.of(fit)))) return p;
            throw new IllegalArgumentException("no prediction of " + key + (fit == null ? "" : " fitted to " + fit));
        }
    }

    public static Result run(List<Point> points) {
        List<Prediction> none = new ArrayList<>(), cross = new ArrayList<>(), loo = new ArrayList<>();
        List<Calibration.Point> fits = new ArrayList<>();
        for (Point p : points) fits.add(p.fitPoint());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            none.add(new Prediction(p.key(), Calibration.none(), p.estimate(Calibration.none())));
            List<Calibration.Point> others = new ArrayList<>();
            for (int j = 0; j < points.size(); j++) {
                if (j == i) continue;
                others.add(fits.get(j));
                Calibration c = Calibration.fit(List.of(fits.get(j)));
                cross.add(new Prediction(p.key(), c, p.estimate(c)));
            }
            if (!others.isEmpty()) {
                Calibration c = Calibration.fit(others);
                loo.add(new Prediction(p.key(), c, p.estimate(c)));
            }
        }
        return new Result(none, cross, loo);
    }
}
