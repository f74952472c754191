package org.synfire.energy;

/**
 * What a sample costs on the neurocores before any per-step overhead: operation counts, dynamic energy
 * per kind of operation and the busiest-core work times, all per sample (SI units).
 *
 * @param byOperation dynamic energy per kind of operation
 * @param spikingTime busiest-core spiking work, summed over count windows
 * @param learningTime busiest-core learning work, summed over count windows
 * @param syncTime end-of-step barriers
 */
public record Work(Ops ops, EnergyByOperation byOperation, double spikingTime, double learningTime, double syncTime, double stepsPerSample) {

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

    /**
     * Dynamic energy per sample by kind of operation (J).
     *
     * @param updates active and inactive compartment updates
     * @param spikes spike-out work on the source core
     * @param synapticOps synaptic operations at the destination cores
     * @param messages spike messages at the source router
     * @param hops east-west and north-south hops between tiles
     * @param learning learning-engine synapse evaluations
     */
    public record EnergyByOperation(double updates, double spikes, double synapticOps, double messages, double hops, double learning) {
        public double spiking() {
            return updates + spikes + synapticOps + messages + hops;
        }

        public double total() {
            return spiking() + learning;
        }
    }

    /** Dynamic energy of the spiking phase: updates, spikes, synaptic ops, messages, hops. */
    public double spikingEnergy() {
        return byOperation.spiking();
    }

    /** Dynamic energy of the learning phase. */
    public double learningEnergy() {
        return byOperation.learning();
    }

    public double dynamicEnergy() {
        return byOperation.total();
    }

    /** Busiest-core work and barriers per sample, without the per-step I/O overhead. */
    public double workTime() {
        return spikingTime + learningTime + syncTime;
    }
}
