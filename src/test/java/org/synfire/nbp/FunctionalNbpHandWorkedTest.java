package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tiny networks whose updates are worked out by hand (arithmetic in the comments), for both
 * conventions. Notation: W1 rows are inputs k (columns hidden i), W2 rows are hidden i (columns
 * outputs j); a unit spikes iff its sum > 512; f'(a) = 1 iff 0 < a <= saturation (chip 1024,
 * reference 1023); d2+ = t&!o&a>0, d2- = !t&o&!(a>sat); d1 = sign(s)·f'(a_h), s = W2·d2.
 */
class FunctionalNbpHandWorkedTest {

    private static final byte[] ALL3 = {1, 1, 1};

    private static NbpWeights w(int nIn, int nHid, int nOut, int[] w1, int[] w2) {
        return new NbpWeights(nIn, nHid, nOut, w1, w2);
    }

    /** 3-3-2 net where outputs can spike (three hidden units of up to 250 wu each). */
    private static NbpWeights threeThreeTwo() {
        return w(3, 3, 2,
                new int[] {
                    250, 250, 250, // k0
                    250, 250, 250, // k1
                    100, 100, 20 // k2
                },
                new int[] {
                    200, 200, // i0
                    200, 100, // i1
                    150, -50 // i2
                });
    }

    @Test
    void oneAndTwoSamplesChipConvention() {
        FunctionalNbp m = new FunctionalNbp(threeThreeTwo(), Convention.CHIP);
        byte[] o = new byte[2];

        // Sample 1: x = [1,1,1], label 1 (t = [0,1]).
        // a_h = [250+250+100, 250+250+100, 250+250+20] = [600, 600, 520] -> h = [1,1,1], f'(a_h) = [1,1,1]
        // a_o = i0+i1+i2 = [200+200+150, 200+100-50] = [550, 250] -> o = [1, 0]
        // j0: t=0, o=1, 550 <= 1024 -> d2- ; j1: t=1, o=0, 250 > 0 -> d2+ ; d2 = [-1, +1]
        // chip: s = W2_old·d2 = [-200+200, -200+100, -150-50] = [0, -100, -200] -> d1 = [0, -1, -1]
        // W2 (every hidden unit spiked): column 0 -= 2, column 1 += 2
        // W1 (every input active): column 0 += 0, columns 1 and 2 -= 2
        m.train(ALL3, 0, 1, o);
        assertThat(o).containsExactly(1, 0);
        assertThat(m.weights().w2()).containsExactly(198, 202, 198, 102, 148, -48);
        assertThat(m.weights().w1()).containsExactly(250, 248, 248, 250, 248, 248, 100, 98, 18);

        // Sample 2: x = [1,1,1], label 1 again.
        // a_h = [250+250+100, 248+248+98, 248+248+18] = [600, 594, 514] -> h = [1,1,1] (514 > 512), f' = [1,1,1]
        // a_o = [198+198+148, 202+102-48] = [544, 256] -> o = [1,0]; d2 = [-1, +1] as before
        // chip: s = [-198+202, -198+102, -148-48] = [4, -96, -196] -> d1 = [+1, -1, -1]
        // W2: column 0 -= 2, column 1 += 2 -> [196,204, 196,104, 146,-46]
        // W1: column 0 += 2, columns 1,2 -= 2 -> k0 [252,246,246], k1 [252,246,246], k2 [102,96,16]
        m.train(ALL3, 0, 1, o);
        assertThat(o).containsExactly(1, 0);
        assertThat(m.weights().w2()).containsExactly(196, 204, 196, 104, 146, -46);
        assertThat(m.weights().w1()).containsExactly(252, 246, 246, 252, 246, 246, 102, 96, 16);
    }

    @Test
    void oneAndTwoSamplesReferenceConventionDiffersThroughTheUpdatedW2() {
        FunctionalNbp m = new FunctionalNbp(threeThreeTwo(), Convention.REFERENCE);
        byte[] o = new byte[2];

        // Sample 1: forward pass, d2 = [-1, +1] and the W2 update are as in the chip test:
        // W2 -> [198,202, 198,102, 148,-48]
        // reference: s = W2_new·d2 = [-198+202, -198+102, -148-48] = [4, -96, -196] -> d1 = [+1, -1, -1]
        // (chip had s_0 = 0 with the old W2: the updated W2 adds 2·(#d2 != 0) = 4 on hidden units that spiked)
        // W1: column 0 += 2, columns 1,2 -= 2 -> k0 [252,248,248], k1 [252,248,248], k2 [102,98,18]
        m.train(ALL3, 0, 1, o);
        assertThat(o).containsExactly(1, 0);
        assertThat(m.weights().w2()).containsExactly(198, 202, 198, 102, 148, -48);
        assertThat(m.weights().w1()).containsExactly(252, 248, 248, 252, 248, 248, 102, 98, 18);

        // Sample 2: x = [1,1,1], label 1.
        // a_h = [252+252+102, 248+248+98, 248+248+18] = [606, 594, 514] -> h = [1,1,1]
        // a_o = [544, 256] -> o = [1,0]; d2 = [-1, +1]; W2 -> [196,204, 196,104, 146,-46]
        // s = W2_new·d2 = [8, -92, -192] -> d1 = [+1, -1, -1]
        // W1: k0 [254,246,246], k1 [254,246,246], k2 [104,96,16]
        m.train(ALL3, 0, 1, o);
        assertThat(o).containsExactly(1, 0);
        assertThat(m.weights().w2()).containsExactly(196, 204, 196, 104, 146, -46);
        assertThat(m.weights().w1()).containsExactly(254, 246, 246, 254, 246, 246, 104, 96, 16);
    }

    @Test
    void aCorrectSampleChangesNothing() {
        FunctionalNbp m = new FunctionalNbp(threeThreeTwo(), Convention.CHIP);
        byte[] o = new byte[2];
        // x = [1,1,1], label 0: a_o = [550, 250] -> o = [1,0] = t -> d2 = 0: no update at all.
        m.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(1, 0);
        assertThat(m.weights()).isEqualTo(threeThreeTwo());
    }

    @Test
    void w2BeforeOrAfterTheUpdateFlipsD1() {
        // 3-3-2, x = [1,1,1], label 0 (t = [1,0]).
        // a_h = [600, 600, 0] -> h = [1,1,0], f' = [1,1,0] (a = 0 is outside (0, sat])
        // a_o = i0+i1 = [-2+100, 100+100] = [98, 200] -> o = [0,0]; d2 = [+1, 0] (j0: t=1, o=0, 98 > 0)
        // W2 column 0 of the spiking rows i0, i1 += 2 -> [0,100, 102,100, 0,0]
        // chip:      s = W2_old[:,0] = [-2, 100, 0] -> d1 = [-1, +1, 0] -> W1 columns: -2, +2, 0
        // reference: s = W2_new[:,0] = [ 0, 102, 0] -> d1 = [ 0, +1, 0] -> W1 columns:  0, +2, 0
        NbpWeights start = w(3, 3, 2,
                new int[] {200, 200, 0, 200, 200, 0, 200, 200, 0},
                new int[] {-2, 100, 100, 100, 0, 0});
        byte[] o = new byte[2];

        FunctionalNbp chip = new FunctionalNbp(start, Convention.CHIP);
        chip.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 0);
        assertThat(chip.weights().w2()).containsExactly(0, 100, 102, 100, 0, 0);
        assertThat(chip.weights().w1()).containsExactly(198, 202, 0, 198, 202, 0, 198, 202, 0);

        FunctionalNbp ref = new FunctionalNbp(start, Convention.REFERENCE);
        ref.train(ALL3, 0, 0, o);
        assertThat(ref.weights().w2()).containsExactly(0, 100, 102, 100, 0, 0);
        assertThat(ref.weights().w1()).containsExactly(200, 202, 0, 200, 202, 0, 200, 202, 0);
    }

    @Test
    void hiddenSumOfExactly1024IsInsideTheSurrogateWindowOnlyOnChip() {
        // 5-2-2, x = [1,1,1,1,1], label 0.
        // a_h0 = 254+254+254+254+8 = 1024 -> h0 = 1; chip f' = 1 (1024 <= 1024), reference f' = 0 (1024 > 1023)
        // a_h1 = 5·100 = 500 -> h1 = 0, f' = 1
        // a_o = W2 row i0 = [100, -40] -> o = [0,0]; d2 = [+1, 0]; W2[0][0] -> 102
        // s_old = [100, 50], s_new = [102, 50]: both positive
        // chip d1 = [+1, +1]: column 0 += 2 -> 254+2 = 256 clipped to 254 (four rows), 8 -> 10; column 1 -> 102
        // reference d1 = [0, +1]: column 0 unchanged; column 1 -> 102
        NbpWeights start = w(5, 2, 2,
                new int[] {254, 100, 254, 100, 254, 100, 254, 100, 8, 100},
                new int[] {100, -40, 50, 50});
        byte[] x = {1, 1, 1, 1, 1};
        byte[] o = new byte[2];

        FunctionalNbp chip = new FunctionalNbp(start, Convention.CHIP);
        chip.train(x, 0, 0, o);
        assertThat(chip.weights().w2()).containsExactly(102, -40, 50, 50);
        assertThat(chip.weights().w1()).containsExactly(254, 102, 254, 102, 254, 102, 254, 102, 10, 102);

        FunctionalNbp ref = new FunctionalNbp(start, Convention.REFERENCE);
        ref.train(x, 0, 0, o);
        assertThat(ref.weights().w2()).containsExactly(102, -40, 50, 50);
        assertThat(ref.weights().w1()).containsExactly(254, 102, 254, 102, 254, 102, 254, 102, 8, 102);
    }

    @Test
    void outputSumOfExactly1024IsDepressedOnlyOnChip() {
        // 3-5-2, x = [1,1,1], label 0 (t = [1,0]); every W1 entry 200 -> a_h = 600: h = 1, f' = 1 for all five.
        // a_o = [5·10, 4·254 + 8] = [50, 1024] -> o = [0, 1]
        // j0: t=1, o=0, 50 > 0 -> d2+ ; j1: t=0, o=1: chip 1024 <= 1024 -> d2-, reference 1024 > 1023 -> saturated, none
        // chip: d2 = [+1, -1]; s_old = W2[:,0] - W2[:,1] = [-244 (i0..i3), 10-8 = 2 (i4)] -> d1 = [-1,-1,-1,-1,+1]
        //       W2: column 0 += 2 -> 12, column 1 -= 2 -> 252 (i0..i3), 6 (i4); W1 rows -> [198,198,198,198,202]
        // reference: d2 = [+1, 0]; W2 column 0 -> 12; s_new = W2_new[:,0] = 12 > 0 -> d1 = +1 for all; W1 rows -> 202
        int[] w1 = new int[15];
        java.util.Arrays.fill(w1, 200);
        NbpWeights start = w(3, 5, 2, w1, new int[] {10, 254, 10, 254, 10, 254, 10, 254, 10, 8});
        byte[] o = new byte[2];

        FunctionalNbp chip = new FunctionalNbp(start, Convention.CHIP);
        chip.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 1);
        assertThat(chip.weights().w2()).containsExactly(12, 252, 12, 252, 12, 252, 12, 252, 12, 6);
        assertThat(chip.weights().w1()).containsExactly(
                198, 198, 198, 198, 202, 198, 198, 198, 198, 202, 198, 198, 198, 198, 202);

        FunctionalNbp ref = new FunctionalNbp(start, Convention.REFERENCE);
        ref.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 1);
        assertThat(ref.weights().w2()).containsExactly(12, 254, 12, 254, 12, 254, 12, 254, 12, 8);
        int[] all202 = new int[15];
        java.util.Arrays.fill(all202, 202);
        assertThat(ref.weights().w1()).containsExactly(all202);
    }

    @Test
    void negativeClipIsMinus256OnChipAndMinus254InTheReference() {
        // 3-2-2, x = [1,1,1], label 0.
        // a_h0 = 254+254+100 = 608 -> h0 = 1, f' = 1;  a_h1 = -254+200+100 = 46 -> h1 = 0, f' = 1
        // a_o = W2 row i0 = [50, 0] -> o = [0,0]; d2 = [+1, 0]; W2[0][0] -> 52
        // s = [50 (or 52), -30] -> d1 = [+1, -1] in both conventions
        // W1 column 0 += 2: 254 -> 256 clipped to 254 (both), 100 -> 102
        // W1 column 1 -= 2: -254 -> -256 (chip keeps it; reference clips to -254), 200 -> 198, 100 -> 98
        NbpWeights start = w(3, 2, 2, new int[] {254, -254, 254, 200, 100, 100}, new int[] {50, 0, -30, 0});
        byte[] o = new byte[2];

        FunctionalNbp chip = new FunctionalNbp(start, Convention.CHIP);
        chip.train(ALL3, 0, 0, o);
        assertThat(chip.weights().w2()).containsExactly(52, 0, -30, 0);
        assertThat(chip.weights().w1()).containsExactly(254, -256, 254, 198, 102, 98);

        FunctionalNbp ref = new FunctionalNbp(start, Convention.REFERENCE);
        ref.train(ALL3, 0, 0, o);
        assertThat(ref.weights().w2()).containsExactly(52, 0, -30, 0);
        assertThat(ref.weights().w1()).containsExactly(254, -254, 254, 198, 102, 98);
    }

    @Test
    void onlyActiveInputsRowsChangeAndOffsetIsHonoured() {
        // Same as w2BeforeOrAfterTheUpdateFlipsD1 (chip) but input k2 is off and x sits at offset 2 of a buffer:
        // a_h = [400, 400, 0] -> h = [0,0,0] -> a_o = [0,0]; d2: j0 t=1, o=0 but a_o = 0 is not > 0 -> nothing.
        NbpWeights start = w(3, 3, 2,
                new int[] {200, 200, 0, 200, 200, 0, 200, 200, 0},
                new int[] {-2, 100, 100, 100, 0, 0});
        FunctionalNbp chip = new FunctionalNbp(start, Convention.CHIP);
        byte[] o = new byte[2];
        chip.train(new byte[] {9, 9, 1, 1, 0}, 2, 0, o);
        assertThat(o).containsExactly(0, 0);
        assertThat(chip.weights()).isEqualTo(start);
        assertThat(chip.activityCounts()).containsEntry("in", 2L).containsEntry("hid", 0L).containsEntry("out", 0L);
    }

    /** 3-5-2 net: i0 carries the test weights, i1..i4 are helpers that make o0 a d2+ and o1 a d2- unit. */
    private static NbpWeights saturatedI0() {
        int[] w1 = new int[15];
        java.util.Arrays.fill(w1, 200);
        return w(3, 5, 2, w1, new int[] {
            -256, -254, // i0
            190, 254, 190, 254, 190, 254, 190, 254 // i1..i4
        });
    }

    @Test
    void theNegatedInstanceIsBuiltAt254WhereW2IsMinus256AndTheBackwardPassReadsIt() {
        FunctionalNbp m = new FunctionalNbp(saturatedI0(), Convention.CHIP);
        byte[] o = new byte[2];
        // built: N = min(254, -W2): i0 [254, 254] (-(-256) = 256 is not storable), helpers [-190, -254]
        assertThat(m.negatedInstance(0, 0)).isEqualTo(254);
        assertThat(m.negatedInstance(0, 1)).isEqualTo(254);
        assertThat(m.negatedInstance(1, 0)).isEqualTo(-190);
        assertThat(m.negatedInstanceDrift()).isZero();

        // x = [1,1,1], label 0: a_h = 600 for all five -> h = 1, f' = 1
        // a_o0 = -256 + 4*190 = 504 -> o0 = 0, t0 = 1, a > 0 -> d2+ ; a_o1 = -254 + 4*254 = 762 -> o1 = 1, t1 = 0 -> d2-
        // i0: s+ = W2[0][0] + N[0][1] = -256 + 254 = -2 -> no d1+ ; s- = W2[0][1] + N[0][0] = -254 + 254 = 0 -> no d1-
        //     (sign(W2.d2) = sign(-256 + 254) = -1 would have moved W1's column 0 by -2)
        // helpers: s+ = 190 - 254 = -64, s- = 254 - 190 = 64 -> d1- -> W1 columns 1..4 -= 2
        // W2: column 0 += 2, column 1 -= 2 (clipped): i0 [-254, -256], helpers [192, 252]
        // N: column 0 -= 2, column 1 += 2 (clipped): i0 [252, 254], helpers [-192, -252]
        m.train(ALL3, 0, 0, o);
        assertThat(o).containsExactly(0, 1);
        assertThat(m.weights().w2()).containsExactly(-254, -256, 192, 252, 192, 252, 192, 252, 192, 252);
        assertThat(m.weights().w1()).containsExactly(200, 198, 198, 198, 198, 200, 198, 198, 198, 198, 200, 198, 198, 198, 198);
        assertThat(m.negatedInstance(0, 0)).isEqualTo(252);
        assertThat(m.negatedInstance(0, 1)).isEqualTo(254);
        assertThat(m.negatedInstance(1, 0)).isEqualTo(-192);
        assertThat(m.negatedInstance(1, 1)).isEqualTo(-252);
        // a rebuild would write min(254, 254) = 254 at (0,0): one entry of drift; (0,1): min(254, 256) = 254, none
        assertThat(m.negatedInstanceDrift()).isEqualTo(1);
        assertThat(m.copyDrift()).containsExactly(org.assertj.core.api.Assertions.entry("w2Tm", 1L));

        // a rebuild (what every checkpoint does) clears the drift
        m.load(m.weights());
        assertThat(m.negatedInstance(0, 0)).isEqualTo(254);
        assertThat(m.negatedInstanceDrift()).isZero();
    }

    @Test
    void theReferenceConventionHasNoNegatedInstance() {
        FunctionalNbp m = new FunctionalNbp(threeThreeTwo(), Convention.REFERENCE);
        assertThat(m.copyDrift()).isEmpty();
        assertThat(m.negatedInstance(2, 1)).isEqualTo(50);
    }
}
