package org.synfire.energy;

/**
 * A measured operating point: energy and latency per sample (SI units), the steps of one sample, and
 * which energy the measurement includes. NxSDK's energy probe splits energy into dynamic and static; a
 * point that includes static energy is compared with the model's dynamic energy plus
 * {@link StaticPower} over the latency, a dynamic-only point with the dynamic energy alone.
 *
 * @param key short name used in tables and JSON, e.g. "renner_training"
 * @param includesStatic whether the measured energy includes static power
 */
public record Measurement(String key, String label, double energyPerSample, double latencyPerSample, int stepsPerSample, boolean includesStatic) {

    /**
     * Renner et al. 2024, Table 1, on-chip nBP training on Loihi: 0.59 mJ and 1.5 ms per sample, 12 steps.
     * Compared as dynamic energy: the inference row of the same table averages 14.7 mW on the same 81-core
     * placement, less than NxSDK's static power of 81 powered cores, so static power is at most 14.7 mW in
     * either row (≤ 22 µJ, under 4 % of this row).
     */
    public static final Measurement PAPER_TRAINING = new Measurement("renner_training", "Renner et al. 2024 Table 1, on-chip nBP training",
            0.59e-3, 1.5e-3, 12, false);
    /** Renner et al. 2024, Table 1, on-chip inference on Loihi: 0.0025 mJ and 0.17 ms per sample, 4 steps; dynamic energy. */
    public static final Measurement PAPER_INFERENCE = new Measurement("renner_inference", "Renner et al. 2024 Table 1, on-chip inference",
            0.0025e-3, 0.17e-3, 4, false);

    /**
     * Intel's LSNN on sequential MNIST, one Loihi 1 chip (intel-nrc-ecosystem/models @3dc53bf,
     * sMNIST_Loihi_performance_measurements.ipynb): 840 steps per image at 16.65 µs per step (total minus host
     * time, 13.99 ms per image) and 1.583 mW of core dynamic power, i.e. 22.1 µJ of core dynamic energy per
     * image. The x86 cores' dynamic power (23.2 mW, the encoder) and all static power are reported separately
     * there and are not part of this point.
     */
    public static final Measurement INTEL_LSNN_SMNIST = new Measurement("intel_lsnn_smnist", "Intel LSNN sMNIST on Loihi 1, core dynamic energy",
            1.583e-3 * 840 * 16.65e-6, 840 * 16.65e-6, 840, false);

    public Measurement {
        if (!(energyPerSample > 0) || !(latencyPerSample > 0) || stepsPerSample < 1) {
            throw new IllegalArgumentException(label + ": energy, latency and steps must be positive");
        }
    }

    /** A dynamic-only point named by its label. */
    public Measurement(String label, double energyPerSample, double latencyPerSample, int stepsPerSample) {
        this(label, label, energyPerSample, latencyPerSample, stepsPerSample, false);
    }

    /** Energy-delay product per sample, J·s. */
    public double edp() {
        return energyPerSample * latencyPerSample;
    }

    /** Average power, W. */
    public double power() {
        return energyPerSample / latencyPerSample;
    }
}
