package org.synfire.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synfire.chip.learning.SignMode;
import org.synfire.chip.probe.StateProbe;

/**
 * The learning engine inside the chip step, with Renner's rule dw = y0*x0*r1*4 - y0*x0*2
 * (docs/learning.md#renners-rule). Expected weights are worked out in the comments.
 */
class LearningOnChipTest {
    static final String RULE = "y0*x0*r1*4 - y0*x0*2";
    static final LearningSpec.Trace R1 = new LearningSpec.Trace(1, 0);

    /** pre: generator port; post: a relay compartment driven by its own generator; reward: a generator. */
    private record Rig(Chip chip, int pre, int drive, int reward, int plastic, int probe) {
        void preAt(long t) { chip.schedule(pre, 0, t); }
        /** post spikes at t: its drive spike at t−1 arrives at t. */
        void postAt(long t) { chip.schedule(drive, 0, t - 1); }
        void rewardAt(long t) { chip.schedule(reward, 0, t); }
        int weight() { return chip.weights(plastic)[0]; }
    }

    private static Rig rig(int w0, boolean spikeBackprop) {
        ChipBuilder b = new ChipBuilder();
        int pre = b.addSpikeGenerator("pre", 1);
        int drive = b.addSpikeGenerator("drive", 1);
        int reward = b.addSpikeGenerator("reward", 1);
        CompartmentPrototype relay = CompartmentPrototype.of(4096, 4096, 1000, 0, 0, 1).withLearning(spikeBackprop);
        int post = b.addCompartments("post", 1, relay);
        // a second target of the same pre, to watch what current the plastic weight delivers
        int watch = b.addCompartments("watch", 1, CompartmentPrototype.of(4096, 4096, (1 << 17) - 1, 0, 0, 1).withLearning(true));
        int rule = b.addLearningRule(LearningSpec.of("nbp", RULE, R1, 1));
        b.connectReinforcement(rule, reward, 0);
        b.connect(ConnectionSpec.of("drive->post", drive, post, Connectivity.OneToOne.uniform(1, 255), SignMode.EXCITATORY, 7, 0));
        int plastic = b.connect(new ConnectionSpec("pre->post", pre, post, new Connectivity.Dense(new int[] {w0}), SignMode.MIXED, 8, 0, 0, rule));
        b.connect(ConnectionSpec.of("pre->watch", pre, watch, new Connectivity.Dense(new int[] {0}), SignMode.MIXED, 0, 0));
        Chip chip = b.build(1);
        return new Rig(chip, pre, drive, reward, plastic, watch);
    }

    @Test
    void coincidenceWithRewardInTheSameStepPotentiatesByTwo() {
        // pre and post both spike at t = 5 and the reward spike is at 5: r1 = 1, dw = 4·1 − 2 = +2.
        Rig r = rig(100, true);
        r.preAt(5);
        r.postAt(5);
        r.rewardAt(5);
        r.chip.run(6);
        assertThat(r.weight()).isEqualTo(102);
    }

    @Test
    void coincidenceWithoutRewardDepressesByTwo() {
        Rig r = rig(100, true);
        r.preAt(5);
        r.postAt(5);
        r.chip.run(6);
        assertThat(r.weight()).isEqualTo(98);
    }

    @Test
    void rewardOneStepEarlierIsForgottenWithTimeConstantZero() {
        // r1 has impulse 1 and τ = 0: it is 1 only in the epoch of the reward spike (t = 4), 0 at t = 5.
        Rig r = rig(100, true);
        r.preAt(5);
        r.postAt(5);
        r.rewardAt(4);
        r.chip.run(6);
        assertThat(r.weight()).isEqualTo(98);
    }

    @Test
    void preAndPostInDifferentStepsLeaveTheWeightAlone() {
        Rig r = rig(100, true);
        r.preAt(5);
        r.postAt(6);
        r.rewardAt(5);
        r.rewardAt(6);
        r.chip.run(8);
        assertThat(r.weight()).isEqualTo(100);
    }

    @Test
    void withoutSpikeBackpropThePostSpikeIsInvisible() {
        Rig r = rig(100, false);
        r.preAt(5);
        r.postAt(5);
        r.chip.run(6);
        assertThat(r.weight()).isEqualTo(100);
    }

    @Test
    void weightsSaturateAt254AndMinus256() {
        // 254 + 2 stays 254; −254 − 2 = −256; −256 − 2 stays −256.
        Rig up = rig(254, true);
        up.preAt(5);
        up.postAt(5);
        up.rewardAt(5);
        up.chip.run(6);
        assertThat(up.weight()).isEqualTo(254);

        Rig down = rig(-254, true);
        down.preAt(5);
        down.postAt(5);
        down.preAt(7);
        down.postAt(7);
        down.chip.run(8);
        assertThat(down.weight()).isEqualTo(-256);
    }

    @Test
    void aSpikeIsDeliveredWithTheWeightBeforeThatStepsLearning() {
        // pre spikes at 5 and 7 with post coincident and rewarded both times: 100 → 102 → 104.
        // The pre spike of step 5 is delivered before step 5's learning, so post's u at 6 is 100·64 = 6400.
        // At 7 only the drive arrives (255·2^7·64 = 2 088 960). The pre spike of 7 carries 102: u(8) = 6528.
        Rig r = rig(100, true);
        StateProbe u = r.chip.probeState(r.chip.source("post"), StateProbe.Variable.U, new int[] {0}, 6, 8);
        r.preAt(5);
        r.postAt(5);
        r.rewardAt(5);
        r.preAt(7);
        r.postAt(7);
        r.rewardAt(7);
        r.chip.run(8);
        assertThat(u.values()).containsExactly(6400, 2_088_960, 6528);
        assertThat(r.weight()).isEqualTo(104);
    }

    @Test
    void aCompartmentCanFeedTheReinforcementChannel() {
        // the reward comes from a relay compartment driven to spike at t = 5 (its drive spike at 4 arrives at 5)
        ChipBuilder b = new ChipBuilder();
        int pre = b.addSpikeGenerator("pre", 1);
        int drive = b.addSpikeGenerator("drive", 2);
        int post = b.addCompartments("post", 1, CompartmentPrototype.of(4096, 4096, 1000, 0, 0, 1).withLearning(true));
        int rewarder = b.addCompartments("rewarder", 1, CompartmentPrototype.of(4096, 4096, 1000, 0, 0, 1));
        int rule = b.addLearningRule(LearningSpec.of("nbp", RULE, R1, 1));
        b.connectReinforcement(rule, rewarder, 0);
        b.connect(new ConnectionSpec("drive->post", drive, post, new Connectivity.Sparse(new int[] {0}, new int[] {0}, new int[] {255}), SignMode.EXCITATORY, 8, 7, 0, -1));
        b.connect(new ConnectionSpec("drive->rewarder", drive, rewarder, new Connectivity.Sparse(new int[] {1}, new int[] {0}, new int[] {255}), SignMode.EXCITATORY, 8, 7, 0, -1));
        int plastic = b.connect(new ConnectionSpec("pre->post", pre, post, new Connectivity.Dense(new int[] {100}), SignMode.MIXED, 8, 0, 0, rule));
        Chip chip = b.build(1);
        chip.schedule(pre, 0, 5);
        chip.schedule(drive, 0, 4);
        chip.schedule(drive, 1, 4);
        chip.run(6);
        assertThat(chip.weights(plastic)).containsExactly(102);
    }

    @Test
    void countersReportTheThreeLearningBases() {
        // One plastic synapse over 8 epochs (tEpoch 1). Basis (a): every epoch → 8. Basis (b): epochs where
        // pre or post spiked: t = 5 (both) and t = 7 (post) → 2. Basis (c): x0 and y0 both held: t = 5 → 1.
        Rig r = rig(100, true);
        r.preAt(5);
        r.postAt(5);
        r.postAt(7);
        r.chip.run(8);
        var s = r.chip.counters().snapshot();
        assertThat(s.learning()[OpCounters.LearningBasis.ALL_SYNAPSES.ordinal()][r.plastic]).isEqualTo(8);
        assertThat(s.learning()[OpCounters.LearningBasis.PRE_OR_POST.ordinal()][r.plastic]).isEqualTo(2);
        assertThat(s.learning()[OpCounters.LearningBasis.PRODUCT_DEPENDENCIES.ordinal()][r.plastic]).isEqualTo(1);
    }

    @Test
    void unsupportedTargetsAndBadRulesAreClearErrors() {
        ChipBuilder b = new ChipBuilder();
        int pre = b.addSpikeGenerator("pre", 1);
        int post = b.addCompartments("post", 1, CompartmentPrototype.of(4096, 4096, 10, 0, 0, 1));
        int rule = b.addLearningRule(LearningSpec.of("bad", "y0**x0", R1, 1));
        b.connect(new ConnectionSpec("c", pre, post, new Connectivity.Dense(new int[] {0}), SignMode.MIXED, 8, 0, 0, rule));
        assertThatThrownBy(() -> b.build(1)).hasMessageContaining("bad").hasMessageContaining("dw");
    }
}
