package org.synfire.energy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The host logic and the constants of Intel's LSNN; the network itself runs in LsnnSmnistCommandTest. */
class LsnnSmnistTest {
    private static final int[] ZERO = new int[LsnnSmnist.INPUTS * LsnnSmnist.RECURRENT];

    private static LsnnSmnist net() {
        return new LsnnSmnist(new LsnnSmnist.Weights(ZERO, new int[LsnnSmnist.RECURRENT * LsnnSmnist.RECURRENT],
                new int[LsnnSmnist.RECURRENT * LsnnSmnist.OUTPUTS]));
    }

    /**
     * ⌊4096/20⌋ = 204 (voltage), ⌊4096/700⌋ = 5 (adaptation), 4096 for τ = 0; the auxiliary weight
     * ⌊1 390 000·(1/14 000 − 1/490 000)⌋ = ⌊96.449⌋ = 96.
     */
    @Test
    void constantsOfThePublishedModel() {
        assertThat(LsnnSmnist.decay(20)).isEqualTo(204);
        assertThat(LsnnSmnist.decay(700)).isEqualTo(5);
        assertThat(LsnnSmnist.decay(0)).isEqualTo(4096);
        assertThat(LsnnSmnist.weightAux()).isEqualTo(96);
        assertThat(LsnnSmnist.STEPS_PER_IMAGE).isEqualTo(840);
    }

    /** Intel's sample: 200 distinct test indices, numpy's seed-0 draw (first 9394, 898, 2398; last 6939). */
    @Test
    void intelsSampleIsTwoHundredDistinctTestImages() {
        int[] s = LsnnSmnist.INTEL_SAMPLE;
        assertThat(s).hasSize(200).doesNotHaveDuplicates().startsWith(9394, 898, 2398).endsWith(6939);
        assertThat(java.util.Arrays.stream(s).allMatch(i -> i >= 0 && i < 10_000)).isTrue();
    }

    /**
     * Thresholds ⌊255·k/39⌋: 0, 6, 13, 19, 26, …, 248, 255. Pixel 0 → pixel 1 going 0 → 20 crosses θ_1 = 6,
     * θ_2 = 13 and θ_3 = 19 upwards: onset ports 2, 4, 6. Going 20 → 0 crosses them downwards: offset ports 3,
     * 5, 7. A pixel of 255 fires the touch port 78 (and, 255 → 255, no crossing). The last pixel has no
     * successor: only the touch port. Steps 784..839 fire the cue port 79 only.
     */
    @Test
    void thresholdCrossingEncoder() {
        LsnnSmnist n = net();
        int[] out = new int[80];
        byte[] img = new byte[784];
        img[1] = 20;
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 0, out))).containsExactly(2, 4, 6);
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 1, out))).containsExactly(3, 5, 7);
        img[5] = (byte) 255;
        img[6] = (byte) 255;
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 5, out))).containsExactly(78);
        img[783] = (byte) 255;
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 783, out))).containsExactly(78);
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 784, out))).containsExactly(79);
        assertThat(java.util.Arrays.copyOf(out, n.encode(img, 0, 839, out))).containsExactly(79);
        // 0 → 255 crosses θ_1..θ_38 (onset ports 2, 4, …, 76); θ_39 = 255 is the touch threshold, not a crossing
        byte[] jump = new byte[784];
        jump[1] = (byte) 255;
        int k = n.encode(jump, 0, 0, out);
        assertThat(k).isEqualTo(38);
        assertThat(out[0]).isEqualTo(2);
        assertThat(out[37]).isEqualTo(76);
    }

    /**
     * With all weights 0 every output v stays 0, the readout picks the first of equals (0), and the state is
     * reset after the image: one image is 840 steps, 350 compartment updates each (140 + 100 + 100 + 10), and
     * the only spikes are the 56 cue spikes of port 79.
     */
    @Test
    void readoutTiesGoToTheFirstOutputAndAnImageIs840Steps() {
        LsnnSmnist n = net();
        LsnnSmnist.Result r = n.run(new byte[784], new byte[] {0}, 0, 1);
        assertThat(r.predicted()).containsExactly(0);
        assertThat(r.correct()).isEqualTo(1);
        assertThat(n.chip().time()).isEqualTo(840);
        var w = r.counts().windows().getFirst();
        long updates = 0;
        for (long u : w.updatesActive()) updates += u;
        for (long u : w.updatesInactive()) updates += u;
        assertThat(updates).isEqualTo(840L * 350);
        assertThat(w.spikes()[n.chip().source("input")]).isEqualTo(56);
    }
}
