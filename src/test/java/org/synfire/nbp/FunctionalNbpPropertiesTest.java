package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.synfire.Gens.anyLong;
import static org.synfire.Gens.ints;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.synfire.data.BinaryDataset;

class FunctionalNbpPropertiesTest {
    /** A layer shape and the random draws behind it: the seed of the weights and inputs, and the convention. */
    record Net(int nIn, int nHid, int nOut, long seed, boolean chip) {}

    private static Gen<Net> nets(int maxIn, int maxHid, int maxOut) {
        return ints(1, maxIn).zip(ints(1, maxHid), ints(2, maxOut), anyLong(), booleans().all(), Net::new);
    }

    /** A random small network: even weights in the convention's range, biased large so units fire and saturate. */
    private static NbpWeights randomWeights(Random r, int nIn, int nHid, int nOut, Convention c) {
        int[] w1 = new int[nIn * nHid];
        int[] w2 = new int[nHid * nOut];
        for (int i = 0; i < w1.length; i++) w1[i] = evenIn(r, c);
        for (int i = 0; i < w2.length; i++) w2[i] = evenIn(r, c);
        return new NbpWeights(nIn, nHid, nOut, w1, w2);
    }

    private static int evenIn(Random r, Convention c) {
        int v = c.weightMin + 2 * r.nextInt((c.weightMax - c.weightMin) / 2 + 1);
        return r.nextInt(4) == 0 ? (r.nextBoolean() ? c.weightMax : c.weightMin) : v;
    }

    @Test
    void weightsStayEvenAndInsideTheClipRange() {
        qt().withExamples(300).withShrinkCycles(1000).forAll(nets(12, 10, 5))
                .checkAssert(n -> weightsStayEvenAndInsideTheClipRange(n.nIn(), n.nHid(), n.nOut(), n.seed(), n.chip()));
    }

    private static void weightsStayEvenAndInsideTheClipRange(int nIn, int nHid, int nOut, long seed, boolean chip) {
        Convention c = chip ? Convention.CHIP : Convention.REFERENCE;
        Random r = new Random(seed);
        FunctionalNbp m = new FunctionalNbp(randomWeights(r, nIn, nHid, nOut, c), c);
        byte[] x = new byte[nIn];
        byte[] o = new byte[nOut];
        for (int s = 0; s < 40; s++) {
            for (int k = 0; k < nIn; k++) x[k] = (byte) (r.nextInt(3) == 0 ? 0 : 1);
            m.train(x, 0, r.nextInt(nOut), o);
            NbpWeights w = m.weights();
            for (int v : w.w1()) assertThat(v % 2).isZero();
            for (int v : w.w2()) assertThat(v % 2).isZero();
            assertThat(java.util.Arrays.stream(w.w1()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(c.weightMin, c.weightMax));
            assertThat(java.util.Arrays.stream(w.w2()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(c.weightMin, c.weightMax));
        }
    }

    @Test
    void optimisedModelEqualsTheLiteralSpecEverySample() {
        qt().withExamples(300).withShrinkCycles(1000).forAll(nets(20, 40, 10))
                .checkAssert(n -> optimisedModelEqualsTheLiteralSpecEverySample(n.nIn(), n.nHid(), n.nOut(), n.seed(), n.chip()));
    }

    private static void optimisedModelEqualsTheLiteralSpecEverySample(int nIn, int nHid, int nOut, long seed, boolean chip) {
        Convention c = chip ? Convention.CHIP : Convention.REFERENCE;
        Random r = new Random(seed);
        NbpWeights start = randomWeights(r, nIn, nHid, nOut, c);
        FunctionalNbp fast = new FunctionalNbp(start, c);
        NaiveNbp slow = new NaiveNbp(start, c);
        byte[] x = new byte[nIn];
        int[] xi = new int[nIn];
        byte[] o = new byte[nOut];
        for (int s = 0; s < 30; s++) {
            for (int k = 0; k < nIn; k++) {
                xi[k] = r.nextInt(3) == 0 ? 0 : 1;
                x[k] = (byte) xi[k];
            }
            int label = r.nextInt(nOut);
            fast.train(x, 0, label, o);
            int[] expected = slow.train(xi, label);
            for (int j = 0; j < nOut; j++) assertThat(o[j]).isEqualTo((byte) expected[j]);
            assertThat(fast.weights()).isEqualTo(slow.weights());
        }
    }

    @Test
    void manyActiveInputsAndThePaperHiddenSizeAlsoMatchTheLiteralSpec() {
        qt().withExamples(20).withShrinkCycles(200).forAll(ints(129, 300), booleans().all(), anyLong(), booleans().all())
                .checkAssert(FunctionalNbpPropertiesTest::manyActiveInputsAndThePaperHiddenSizeAlsoMatchTheLiteralSpec);
    }

    private static void manyActiveInputsAndThePaperHiddenSizeAlsoMatchTheLiteralSpec(int nIn, boolean paperSize, long seed, boolean chip) {
        // > 128 active rows exercise the chunked 16-bit lane sums; 400 hidden the specialised kernel
        Convention c = chip ? Convention.CHIP : Convention.REFERENCE;
        Random r = new Random(seed);
        int nHid = paperSize ? 400 : 1 + r.nextInt(9);
        NbpWeights start = randomWeights(r, nIn, nHid, 10, c);
        FunctionalNbp fast = new FunctionalNbp(start, c);
        NaiveNbp slow = new NaiveNbp(start, c);
        byte[] x = new byte[nIn];
        int[] xi = new int[nIn];
        byte[] o = new byte[10];
        for (int s = 0; s < 6; s++) {
            for (int k = 0; k < nIn; k++) {
                xi[k] = r.nextInt(8) == 0 ? 0 : 1;
                x[k] = (byte) xi[k];
            }
            int label = r.nextInt(10);
            fast.train(x, 0, label, o);
            int[] expected = slow.train(xi, label);
            for (int j = 0; j < 10; j++) assertThat(o[j]).isEqualTo((byte) expected[j]);
            assertThat(fast.weights()).isEqualTo(slow.weights());
        }
        BinaryDataset one = new BinaryDataset("one", nIn, 1, x, new byte[] {3});
        EvalCounts e = Evaluation.evaluate(fast.weights(), one);
        int[] again = slow.train(xi, 3); // forward pass of the same weights (training after it is irrelevant)
        int firstSpike = 0;
        while (firstSpike < 10 && again[firstSpike] == 0) firstSpike++;
        assertThat(e.argmaxSpikes()).isEqualTo((firstSpike == 10 ? 0 : firstSpike) == 3 ? 1 : 0);
    }
}
