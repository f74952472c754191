package org.synfire.energy;

/**
 * What a sample costs before calibration: operation counts, dynamic energy and the busiest-core work
 * times, all per sample (SI units). Static power and management time are added by {@link Calibration}.
 *
 * @param spikingEnergy dynamic energy of the spiking phase: updates, spikes, synaptic ops, messages, hops
 * @param learningEnergy dynamic energy of the learning phase
 * @param spikingTime busiest-core spiking work, summed over count windows
 * @param learningTime busiest-core learning work, summed over count windows
 * @param syncTime end-of-step barriers
 */
public record Work(Ops ops, double spikingEnergy, double learningEnergy, double spikingTime, double learningTime, double syncTime,
                   double stepsPerSample) {

    /**
     * Operation counts per sample.
     *
     * @param spikes compartment spikes (on chip)
     * @param generatorSpikes spikes of off-chip spike generators
     * @param messages spike messages, one per (spike, destination core), generators included
     * @param learningOps learning-engine synapse evaluations under the chosen basis
     */
    public record Ops(double updatesActive, double updatesInactive, double spikes, double generatorSpikes, double synapticOps,
                      double messages, double hopsEastWest, double hopsNorthSouth, double learningOps) {}

    public double dynamicEnergy() {
        return spikingEnergy + learningEnergy;
    }

    /** Time per sample without the calibrated management time. */
    public double workTime() {
        return spikingTime + learningTime + syncTime;
    }
}
