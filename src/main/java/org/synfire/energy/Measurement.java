package org.synfire.energy;

/**
 * A measured operating point: energy and latency per sample (SI units) and the steps of one sample.
 */
public record Measurement(String label, double energyPerSample, double latencyPerSample, int stepsPerSample) {

    /** Renner et al. 2024, Table 1, on-chip nBP training on Loihi: 0.59 mJ and 1.5 ms per sample, 12 steps. */
    public static final Measurement PAPER_TRAINING = new Measurement("Renner et al. 2024 Table 1, on-chip nBP training", 0.59e-3, 1.5e-3, 12);
    /** Renner et al. 2024, Table 1, on-chip inference on Loihi: 0.0025 mJ and 0.17 ms per sample, 4 steps. */
    public static final Measurement PAPER_INFERENCE = new Measurement("Renner et al. 2024 Table 1, on-chip inference", 0.0025e-3, 0.17e-3, 4);

    public Measurement {
        if (!(energyPerSample > 0) || !(latencyPerSample > 0) || stepsPerSample < 1) {
            throw new IllegalArgumentException(label + ": energy, latency and steps must be positive");
        }
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
