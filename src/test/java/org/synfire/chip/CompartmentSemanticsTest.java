package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.synfire.chip.ChipTestSupport.silent;
import static org.synfire.chip.ChipTestSupport.spikeSteps;

import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.SignMode;
import org.synfire.chip.probe.SpikeProbe;
import org.synfire.chip.probe.StateProbe;

/** One test per compartment rule of docs/chip.md#one-time-step; expected values are worked out in the comments. */
class CompartmentSemanticsTest {

    /** A generator with one port feeding a single compartment through one synapse. */
    private record Rig(Chip chip, int gen, int cell) {}

    private static Rig rig(CompartmentPrototype p, int weight, SignMode mode, int exponent, int delay) {
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 1);
        int cell = b.addCompartments("cell", 1, p);
        b.connect(ConnectionSpec.of("in->cell", gen, cell, Connectivity.OneToOne.uniform(1, weight), mode, exponent, delay));
        return new Rig(b.build(1), gen, cell);
    }

    @Test
    void negativeCurrentDecaysTowardZero() {
        // decayU = 1024 keeps 3072/4096 = 3/4 of u each step. Input −125·2^0·64 = −8000 arrives at t = 2.
        // u: t2 −8000; t3 −8000·3/4 = −6000; t4 −4500; t5 −3375; t6 −3375·3/4 = −2531.25 → −2531 (toward zero, not −2532).
        Rig r = rig(silent(1024, 4096), -125, SignMode.INHIBITORY, 0, 0);
        StateProbe u = r.chip.probeState(r.cell, StateProbe.Variable.U, new int[] {0}, 1, 6);
        r.chip.schedule(r.gen, 0, 1);
        r.chip.run(6);
        assertThat(u.values()).containsExactly(0, -8000, -6000, -4500, -3375, -2531);
    }

    @Test
    void currentWrapsAt24Bits() {
        // 255·2^7·64 = 2 088 960 per spike, decayU = 0 (u keeps everything). Spikes at t = 1..5 arrive at 2..6.
        // u after 4 arrivals: 8 355 840 (< 2^23 = 8 388 608); after 5: 10 444 800 − 2^24 = −6 332 416.
        Rig r = rig(silent(0, 4096), 255, SignMode.EXCITATORY, 7, 0);
        StateProbe u = r.chip.probeState(r.cell, StateProbe.Variable.U, new int[] {0}, 2, 6);
        for (int t = 1; t <= 5; t++) r.chip.schedule(r.gen, 0, t);
        r.chip.run(6);
        assertThat(u.values()).containsExactly(2_088_960, 4_177_920, 6_266_880, 8_355_840, -6_332_416);
    }

    @Test
    void dendriticInputWrapsAt21BitsPlusSign() {
        // Two ports fire at t = 1 into one compartment: q(2) = 2·2 088 960 = 4 177 920, wrapped to
        // [−2^21, 2^21): 4 177 920 − 2^22 = −16 384. decayU = 4096, so u(2) = q.
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 2);
        int cell = b.addCompartments("cell", 1, silent(4096, 4096));
        b.connect(ConnectionSpec.of("in->cell", gen, cell, new Connectivity.AllToAll(255), SignMode.EXCITATORY, 7, 0));
        Chip chip = b.build(1);
        StateProbe u = chip.probeState(cell, StateProbe.Variable.U, new int[] {0}, 2, 2);
        chip.schedule(gen, 0, 1);
        chip.schedule(gen, 1, 1);
        chip.run(2);
        assertThat(u.values()).containsExactly(-16_384);
    }

    @Test
    void biasIsMantissaTimesTwoToTheExponentAndEntersV() {
        // biasMant −4096, biasExp 7: bias = −524 288 every step; with full decay v = wrap24(u + bias) = −524 288, u = 0.
        CompartmentPrototype p = CompartmentPrototype.of(4096, 4096, 1024, -4096, 7, 1);
        ChipBuilder b = new ChipBuilder();
        int cell = b.addCompartments("cell", 1, p);
        Chip chip = b.build(1);
        StateProbe v = chip.probeState(cell, StateProbe.Variable.V, new int[] {0}, 1, 3);
        StateProbe u = chip.probeState(cell, StateProbe.Variable.U, new int[] {0}, 1, 3);
        chip.run(3);
        assertThat(v.values()).containsExactly(-524_288, -524_288, -524_288);
        assertThat(u.values()).containsExactly(0, 0, 0);
    }

    @Test
    void positiveBiasIntegratesToAStrictThresholdAndResetsV() {
        // bias 100·2^3 = 800, decayV = 0 (v keeps everything), threshold 30·64 = 1920.
        // v: 800, 1600, 2400 > 1920 → spike at t3, v = 0; then 800, 1600, spike at t6.
        CompartmentPrototype p = CompartmentPrototype.of(4096, 0, 30, 100, 3, 1);
        ChipBuilder b = new ChipBuilder();
        int cell = b.addCompartments("cell", 1, p);
        Chip chip = b.build(1);
        SpikeProbe s = chip.probeSpikes(cell, 1, 7);
        StateProbe v = chip.probeState(cell, StateProbe.Variable.V, new int[] {0}, 1, 7);
        chip.run(7);
        assertThat(spikeSteps(s, 0)).containsExactly(3L, 6L);
        assertThat(v.values()).containsExactly(800, 1600, 0, 800, 1600, 0, 800);
    }

    @Test
    void voltageEqualToThresholdDoesNotSpike() {
        // bias 1024·2^0 = 1024, threshold 16·64 = 1024: v = 1024 is not > 1024.
        CompartmentPrototype p = CompartmentPrototype.of(4096, 4096, 16, 1024, 0, 1);
        ChipBuilder b = new ChipBuilder();
        int cell = b.addCompartments("cell", 1, p);
        Chip chip = b.build(1);
        SpikeProbe s = chip.probeSpikes(cell, 1, 5);
        chip.run(5);
        assertThat(s.count()).isZero();
    }

    @Test
    void refractoryTwoBlocksOneStepWhileCurrentKeepsIntegrating() {
        // Input 100·64 = 6400 arrives every step from t = 3 (generator spikes at 2, 3, ...); threshold 50·64 = 3200.
        // R = 2 blocks t+1 after a spike at t: spikes at 3, 5, 7; at 4 and 6 v is held at 0 but u = 6400.
        CompartmentPrototype p = CompartmentPrototype.of(4096, 4096, 50, 0, 0, 2);
        Rig r = rig(p, 100, SignMode.EXCITATORY, 0, 0);
        SpikeProbe s = r.chip.probeSpikes(r.cell, 1, 8);
        StateProbe u = r.chip.probeState(r.cell, StateProbe.Variable.U, new int[] {0}, 3, 6);
        StateProbe v = r.chip.probeState(r.cell, StateProbe.Variable.V, new int[] {0}, 3, 6);
        for (int t = 2; t <= 7; t++) r.chip.schedule(r.gen, 0, t);
        r.chip.run(8);
        assertThat(spikeSteps(s, 0)).containsExactly(3L, 5L, 7L);
        assertThat(u.values()).containsExactly(6400, 6400, 6400, 6400);
        assertThat(v.values()).containsExactly(0, 0, 0, 0); // spike steps read 0 too (reset)
    }

    @Test
    void refractoryThreeBlocksTwoSteps() {
        // Same input from t = 3, R = 3: spikes at 3, 6.
        CompartmentPrototype p = CompartmentPrototype.of(4096, 4096, 50, 0, 0, 3);
        Rig r = rig(p, 100, SignMode.EXCITATORY, 0, 0);
        SpikeProbe s = r.chip.probeSpikes(r.cell, 1, 7);
        for (int t = 2; t <= 7; t++) r.chip.schedule(r.gen, 0, t);
        r.chip.run(7);
        assertThat(spikeSteps(s, 0)).containsExactly(3L, 6L);
    }

    @Test
    void delayZeroArrivesNextStepAndDelayThreeFourStepsLater() {
        // A generator spike at T = 5 is integrated at T + 1 + d: a relay with threshold below one input spikes then.
        CompartmentPrototype relay = CompartmentPrototype.of(4096, 4096, 1, 0, 0, 1);
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 1);
        int a = b.addCompartments("d0", 1, relay);
        int c = b.addCompartments("d3", 1, relay);
        b.connect(ConnectionSpec.of("in->d0", gen, a, Connectivity.OneToOne.uniform(1, 2), SignMode.EXCITATORY, 0, 0));
        b.connect(ConnectionSpec.of("in->d3", gen, c, Connectivity.OneToOne.uniform(1, 2), SignMode.EXCITATORY, 0, 3));
        Chip chip = b.build(1);
        SpikeProbe sa = chip.probeSpikes(a, 1, 12);
        SpikeProbe sc = chip.probeSpikes(c, 1, 12);
        chip.schedule(gen, 0, 5);
        chip.run(12);
        assertThat(spikeSteps(sa, 0)).containsExactly(6L);
        assertThat(spikeSteps(sc, 0)).containsExactly(9L);
    }

    @Test
    void delayBeyondTheAccumulatorRingIsRejected() {
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 1);
        int cell = b.addCompartments("cell", 1, silent(4096, 4096)); // 8 accumulators: largest delay 6
        b.connect(ConnectionSpec.of("late", gen, cell, Connectivity.OneToOne.uniform(1, 2), SignMode.EXCITATORY, 0, 7));
        assertThatThrownBy(() -> b.build(1)).hasMessageContaining("late").hasMessageContaining("delay 7").hasMessageContaining("6");
    }

    @Test
    void oddMixedWeightsAreTruncatedWithAWarningNamingTheValueStored() {
        // Mixed, 8 bits: one LSB dropped, arithmetic shift: 3 → 2, −3 → −4.
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 2);
        int cell = b.addCompartments("cell", 2, silent(4096, 4096));
        b.connect(ConnectionSpec.of("odd", gen, cell, new Connectivity.OneToOne(new int[] {3, -3}), SignMode.MIXED, 0, 0));
        Chip chip = b.build(1);
        assertThat(chip.weights(chip.connection("odd"))).containsExactly(2, -4);
        assertThat(chip.warnings()).anySatisfy(w -> assertThat(w).contains("odd").contains("weight 3 is stored as 2"));
        StateProbe u = chip.probeState(cell, StateProbe.Variable.U, new int[] {0, 1}, 2, 2);
        chip.schedule(gen, 0, 1);
        chip.schedule(gen, 1, 1);
        chip.run(2);
        assertThat(u.values()).containsExactly(2 * 64, -4 * 64);
    }

    @Test
    void strictWeightsRejectWhatTruncationWouldChange() {
        ChipBuilder b = new ChipBuilder().strictWeights(true);
        int gen = b.addSpikeGenerator("in", 1);
        int cell = b.addCompartments("cell", 1, silent(4096, 4096));
        b.connect(ConnectionSpec.of("odd", gen, cell, Connectivity.OneToOne.uniform(1, 5), SignMode.MIXED, 0, 0));
        assertThatThrownBy(() -> b.build(1)).hasMessageContaining("odd").hasMessageContaining("stored as 4");
    }

    @Test
    void negativeExponentFloorsEachSynapse() {
        // exponent −1: ⌊−3/2⌋ = −2 → −128; ⌊3/2⌋ = 1 → 64; ⌊−1/2⌋ = −1 → −64.
        ChipBuilder b2 = new ChipBuilder();
        int g2 = b2.addSpikeGenerator("in", 3);
        int c2 = b2.addCompartments("cell", 3, silent(4096, 4096));
        b2.connect(new ConnectionSpec("inh", g2, c2, new Connectivity.Sparse(new int[] {0, 2}, new int[] {0, 2}, new int[] {-3, -1}), SignMode.INHIBITORY, 8, -1, 0, -1));
        b2.connect(new ConnectionSpec("exc", g2, c2, new Connectivity.Sparse(new int[] {1}, new int[] {1}, new int[] {3}), SignMode.EXCITATORY, 8, -1, 0, -1));
        Chip chip = b2.build(1);
        StateProbe u = chip.probeState(c2, StateProbe.Variable.U, new int[] {0, 1, 2}, 2, 2);
        for (int port = 0; port < 3; port++) chip.schedule(g2, port, 1);
        chip.run(2);
        assertThat(u.values()).containsExactly(-128, 64, -64);
    }

    @Test
    void weightsOutsideTheSignModeRangeAreErrors() {
        ChipBuilder b = new ChipBuilder();
        int gen = b.addSpikeGenerator("in", 1);
        int cell = b.addCompartments("cell", 1, silent(4096, 4096));
        b.connect(ConnectionSpec.of("exc", gen, cell, Connectivity.OneToOne.uniform(1, -2), SignMode.EXCITATORY, 0, 0));
        assertThatThrownBy(() -> b.build(1)).hasMessageContaining("exc").hasMessageContaining("-2").hasMessageContaining("0..255");
    }

    @Test
    void voltageClampsAtTheLimitsGivenByExponents() {
        // vMaxExp 0 → vmax = 2^9 − 1 = 511; bias 300, decayV = 0: v = 300, then min(600, 511) = 511, stays 511.
        // threshold 16·64 = 1024 is never reached.
        CompartmentPrototype p = new CompartmentPrototype(4096, 0, 16, 300, 0, 1, null, 0, false, false, 8);
        ChipBuilder b = new ChipBuilder();
        int cell = b.addCompartments("cell", 1, p);
        Chip chip = b.build(1);
        StateProbe v = chip.probeState(cell, StateProbe.Variable.V, new int[] {0}, 1, 3);
        chip.run(3);
        assertThat(v.values()).containsExactly(300, 511, 511);
    }

    @Test
    void schedulingInThePastIsRejected() {
        Rig r = rig(silent(4096, 4096), 2, SignMode.EXCITATORY, 0, 0);
        r.chip.run(3);
        assertThatThrownBy(() -> r.chip.schedule(r.gen, 0, 3)).hasMessageContaining("not after the current step 3");
    }
}
