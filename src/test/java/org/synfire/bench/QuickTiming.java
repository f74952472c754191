package org.synfire.bench;

import org.synfire.nbp.Convention;
import org.synfire.nbp.FunctionalBenchmark;
import org.synfire.nbp.SyntheticData;
import org.synfire.nbp.TrainingRandom;

/** Ad-hoc timing during development (not a test). */
public final class QuickTiming {
    public static void main(String[] args) {
        var train = SyntheticData.make(60000, 400, 1, "train");
        var test = SyntheticData.make(10000, 400, 2, "test");
        var init = TrainingRandom.create("synfire", 1).initialWeights(400, 400, 10);
        var r = FunctionalBenchmark.measure(train, test, init, Convention.CHIP, 3, 3);
        System.out.printf("train %.3f s (%.0f/s), eval %.4f s (%.0f/s)%n", r.trainSeconds(), r.trainSamplesPerSecond(),
                r.evalSeconds(), r.evalSamplesPerSecond());
    }
}
