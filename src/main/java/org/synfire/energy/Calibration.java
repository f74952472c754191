package org.synfire.energy;

/**
 * Static power and per-step management time, fitted to one measured point. Neither is published per
 * operation; with two unknowns and two measured numbers (energy and latency per sample) the fit is exact:
 *
 * <pre>
 * T_mgmt   = (L_measured − work time per sample) / steps per sample
 * P_static = (E_measured − dynamic energy per sample) / L_measured
 * </pre>
 *
 * @param staticPower P_static in watts, charged over the whole latency
 * @param managementTime T_mgmt in seconds per step
 * @param fittedTo the measured point
 * @param costs name of the operation costs used for the fit
 * @param learningBasis learning basis used for the fit
 */
public record Calibration(double staticPower, double managementTime, Measurement fittedTo, String costs, String learningBasis) {

    public Calibration {
        if (!(staticPower >= 0) || !(managementTime >= 0)) {
            throw new IllegalArgumentException("static power and management time must be non-negative: " + staticPower + " W, " + managementTime + " s");
        }
    }

    /** No static power and no management time: dynamic energy and work time only. */
    public static Calibration none(EnergyModel model) {
        return new Calibration(0, 0, null, model.costs().name(), model.options().learningBasis().name());
    }

    /**
     * Fits P_static and T_mgmt so that the model reproduces {@code measured} exactly for the training
     * counts. Fails with the reason when the counts' steps per sample differ from the measurement's, or
     * when the model's dynamic energy or work time alone already exceeds the measurement (which would
     * need negative static power or management time).
     */
    public static Calibration fit(SampleCounts training, EnergyModel model, Measurement measured) {
        Work w = model.work(training);
        if (Math.abs(w.stepsPerSample() - measured.stepsPerSample()) > 1e-9) {
            throw new IllegalArgumentException("the counts '" + training.label() + "' have " + w.stepsPerSample() + " steps per sample, the measurement '"
                    + measured.label() + "' " + measured.stepsPerSample());
        }
        String setting = " (costs " + model.costs().name() + ", learning basis " + model.options().learningBasis() + ")";
        if (w.workTime() > measured.latencyPerSample()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cannot fit: the model's work time %.4g s per sample already exceeds the measured latency %.4g s%s",
                    w.workTime(), measured.latencyPerSample(), setting));
        }
        if (w.dynamicEnergy() > measured.energyPerSample()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cannot fit: the model's dynamic energy %.4g J per sample (learning %.4g J) already exceeds the measured %.4g J%s",
                    w.dynamicEnergy(), w.learningEnergy(), measured.energyPerSample(), setting));
        }
        double tMgmt = (measured.latencyPerSample() - w.workTime()) / w.stepsPerSample();
        double pStatic = (measured.energyPerSample() - w.dynamicEnergy()) / measured.latencyPerSample();
        return new Calibration(pStatic, tMgmt, measured, model.costs().name(), model.options().learningBasis().name());
    }
}
