package org.synfire.nbp.onchip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synfire.chip.Chip;
import org.synfire.nbp.NbpWeights;

/**
 * The 12-phase training network (resource {@code sgsc-train.yaml}) compiled onto a chip, with the
 * streaming protocol of docs/design.md#streaming-protocol: the gating ring is started by {@code in_g} at step 11, and sample
 * k occupies steps 12(k+1)+1 … 12(k+1)+12, phase p at step 12(k+1)+1+p. For each sample the input
 * spikes go out at base+1, the target at base+3 and the reward at base+6 and base+8 (phases 5, 7).
 */
public final class TrainingChip {
    public static final String RESOURCE = "/org/synfire/nbp/sgsc-train.yaml";

    private final Chip chip;
    private final int nIn, nHid, nOut;
    private final int input, target, reward, output;
    private final Invariants.PhaseTable phaseTable;
    private final int[] scratch;
    private long samples;
    private long firstSample;
    private final List<String> warnings = new java.util.ArrayList<>();

    public TrainingChip(NbpWeights w, long seed) {
        this(RESOURCE, w, seed);
    }

    /** A variant of the training network from another resource (same population and connection names). */
    TrainingChip(String resource, NbpWeights w, long seed) {
        this.nIn = w.nIn();
        this.nHid = w.nHid();
        this.nOut = w.nOut();
        this.chip = Networks.compile(resource, Map.of("n_in", nIn, "n_hid", nHid, "n_out", nOut), w, seed);
        this.input = chip.source("input");
        this.target = chip.source("in_tgt");
        this.reward = chip.source("reward");
        this.output = chip.source("o");
        this.phaseTable = new Invariants.PhaseTable(chip);
        this.scratch = new int[Math.max(nIn, nHid) + nOut];
        chip.schedule(chip.source("in_g"), 0, Phases.TRAIN_PHASES - 1);
        chip.run(Phases.TRAIN_PHASES);
    }

    public Chip chip() {
        return chip;
    }

    /** Samples run since construction. */
    public long samples() {
        return samples;
    }

    /**
     * Streams one sample through the network (12 steps) and writes the phase-3 output spikes into
     * {@code outSpikes}. With {@code checkPhases}, every step is checked against the phase table.
     */
    public void runSample(byte[] x, int xOffset, int label, byte[] outSpikes, boolean checkPhases) {
        runSample(x, xOffset, label, outSpikes, checkPhases, null);
    }

    /** As above; {@code afterStep}, if not null, runs after each of the 12 steps (e.g. to take counter windows). */
    public void runSample(byte[] x, int xOffset, int label, byte[] outSpikes, boolean checkPhases, Runnable afterStep) {
        final long base = chip.time();
        for (int k = 0; k < nIn; k++) if (x[xOffset + k] != 0) chip.schedule(input, k, base + Phases.INPUT_OFFSET);
        chip.schedule(target, label, base + Phases.TARGET_OFFSET);
        chip.schedule(reward, 0, base + Phases.REWARD_OFFSET_POT_W2);
        chip.schedule(reward, 0, base + Phases.REWARD_OFFSET_POT_W1);
        for (int p = 0; p < Phases.TRAIN_PHASES; p++) {
            chip.step();
            if (checkPhases) {
                String w = phaseTable.check(chip, firstSample + samples, p, scratch);
                if (w != null) warnings.add(w);
            }
            if (afterStep != null) afterStep.run();
            if (p == Phases.OUTPUT_PHASE) {
                java.util.Arrays.fill(outSpikes, 0, nOut, (byte) 0);
                int n = chip.fired(output, scratch);
                for (int f = 0; f < n; f++) outSpikes[scratch[f]] = 1;
            }
        }
        samples++;
    }

    /** Tolerated phase spikes seen since the last call (ungated phase-0 spikes), then cleared. */
    public List<String> drainWarnings() {
        List<String> w = List.copyOf(warnings);
        warnings.clear();
        return w;
    }

    /** Compares the plastic copies that must stay equal; throws {@link InvariantViolation} on a mismatch. */
    public void checkCopies() {
        Invariants.checkCopies(chip, firstSample + samples, nIn, nHid, nOut);
    }

    /** Entries of the w2Tm instance that a rebuild from w2 would change (its saturation drift). */
    public long negatedDrift() {
        return Invariants.negatedDrift(chip, nHid, nOut);
    }

    /** Numbers samples in messages from {@code index} on (the run's sample count when this chip was built). */
    public void firstSampleIndex(long index) {
        this.firstSample = index;
    }

    /** W1 and W2 as the chip holds them (connections w1 and w2). */
    public NbpWeights weights() {
        return new NbpWeights(nIn, nHid, nOut, chip.weights(chip.connection("w1")), chip.weights(chip.connection("w2")));
    }

    /** Total spikes per population and generator since construction. */
    public Map<String, Long> spikeCounts() {
        long[] spikes = chip.counters().snapshot().spikes();
        Map<String, Long> m = new LinkedHashMap<>();
        for (int h = 0; h < chip.sourceCount(); h++) if (!chip.isGenerator(h)) m.put(chip.sourceName(h), spikes[h]);
        return m;
    }
}
