package org.synfire.nbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synfire.random.NumpyFixtures.doubles;
import static org.synfire.random.NumpyFixtures.get;
import static org.synfire.random.NumpyFixtures.ints;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WeightInitTest {

    @Test
    void toLoihiScalesClipsAndRoundsTowardZeroToEven() {
        assertThat(WeightInit.toLoihi(0.0)).isZero();
        assertThat(WeightInit.toLoihi(3.9 / 1024)).isEqualTo(2); // 3.9 -> floor(1.95)*2 = 2
        assertThat(WeightInit.toLoihi(-3.9 / 1024)).isEqualTo(-2);
        assertThat(WeightInit.toLoihi(1.9 / 1024)).isZero(); // toward zero
        assertThat(WeightInit.toLoihi(-1.9 / 1024)).isZero();
        assertThat(WeightInit.toLoihi(1.0)).isEqualTo(240); // 1024 clipped to 240
        assertThat(WeightInit.toLoihi(-1.0)).isEqualTo(-240);
        assertThat(WeightInit.toLoihi(239.5 / 1024)).isEqualTo(238);
    }

    @Test
    void clipAndRoundingMatchNumpyOnValuesBeyondTheLimit() {
        JsonNode f = get("initClipSeed3");
        double[] raw = doubles(f.get("raw"));
        int[] expected = ints(f.get("loihi"));
        for (int i = 0; i < raw.length; i++) assertThat(WeightInit.toLoihi(raw[i])).isEqualTo(expected[i]);
    }

    @Test
    void numpyModeInitEqualsNumpyForASmallShape() {
        JsonNode f = get("initSmallSeed44");
        // numpy mode seeds S+1 before drawing, so seed 43 gives numpy's seed(44) draws
        NbpWeights w = new TrainingRandom.Numpy(43).initialWeights(6, 4, 3);
        assertThat(w.w1()).containsExactly(ints(f.get("w1")));
        assertThat(w.w2()).containsExactly(ints(f.get("w2")));
    }

    @Test
    void numpyModeInitEqualsNumpyAtFullSize() {
        for (String name : new String[] {"initFmnist28Seed44", "initMnist20Seed44"}) {
            JsonNode f = get(name);
            NbpWeights w = new TrainingRandom.Numpy(43).initialWeights(f.get("nIn").asInt(), 400, 10);
            assertChecksums(w.w1(), f.get("w1"));
            assertChecksums(w.w2(), f.get("w2"));
        }
    }

    private static void assertChecksums(int[] w, JsonNode expected) {
        long sum = 0;
        long squares = 0;
        long weighted = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            squares += (long) w[i] * w[i];
            weighted += (long) i * w[i];
        }
        assertThat(sum).isEqualTo(expected.get("sum").asLong());
        assertThat(squares).isEqualTo(expected.get("sumSquares").asLong());
        assertThat(weighted).isEqualTo(expected.get("indexWeighted").asLong());
    }

    @Test
    void synfireInitIsDeterministicEvenAndWithinLimit() {
        NbpWeights a = new TrainingRandom.Synfire(7).initialWeights(400, 400, 10);
        NbpWeights b = new TrainingRandom.Synfire(7).initialWeights(400, 400, 10);
        NbpWeights c = new TrainingRandom.Synfire(8).initialWeights(400, 400, 10);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        for (int[] arr : new int[][] {a.w1(), a.w2()}) {
            assertThat(java.util.Arrays.stream(arr).boxed().toList()).allSatisfy(v -> {
                assertThat(v % 2).isZero();
                assertThat(v).isBetween(-240, 240);
            });
        }
        // Glorot std 0.05 x 1024 = 51.2 wu for 400-400: the sample std should be close to it
        double sq = 0;
        for (int v : a.w1()) sq += (double) v * v;
        assertThat(Math.sqrt(sq / a.w1().length)).isBetween(49.0, 53.0);
    }

    @Test
    void numpyInitIsDeterministicAndEven() {
        NbpWeights a = new TrainingRandom.Numpy(43).initialWeights(784, 400, 10);
        assertThat(a).isEqualTo(new TrainingRandom.Numpy(43).initialWeights(784, 400, 10));
        assertThat(java.util.Arrays.stream(a.w1()).boxed().toList()).allSatisfy(v -> {
            assertThat(v % 2).isZero();
            assertThat(v).isBetween(-240, 240);
        });
    }
}
