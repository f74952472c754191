package org.synfire.nbp;

/**
 * Counts from evaluating a data set, kept as integers so checkpoints and resumed runs reproduce them
 * exactly. Rates are derived: exact match (all output spikes equal the one-hot target), argmax of the
 * output spikes (numpy argmax: ties and the all-silent output go to the lowest index), argmax of the
 * output potential (top-1, ties to the lowest index), and mse = mean((o - t)^2) over samples and outputs.
 * {@code argmaxPotential} is -1 where no potentials exist (an evaluator that only reports spikes).
 */
public record EvalCounts(int samples, int outputs, int exact, int argmaxSpikes, int argmaxPotential, long wrongBits) {

    public double exactRate() {
        return rate(exact);
    }

    public double argmaxSpikesRate() {
        return rate(argmaxSpikes);
    }

    /** NaN when the evaluator gave no potentials. */
    public double argmaxPotentialRate() {
        return argmaxPotential < 0 ? Double.NaN : rate(argmaxPotential);
    }

    public double mse() {
        return samples == 0 ? Double.NaN : (double) wrongBits / ((double) samples * outputs);
    }

    private double rate(int count) {
        return samples == 0 ? Double.NaN : (double) count / samples;
    }
}
