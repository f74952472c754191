package org.synfire.nbp;

import org.synfire.data.*;

public final class DevTiming {
    public static void main(String[] a) {
        var opts = new DataOptions(java.nio.file.Path.of("/work/shared/datasets"), false);
        var train = Datasets.load(opts, Variant.MNIST20, Split.TRAIN, 0.5);
        var init = TrainingRandom.create("synfire", 43).initialWeights(400, 400, 10);
        int[] w1p = PackedW1.pack(init.w1(), 400, 400);
        int[] w2 = init.w2();
        ForwardPass f = new ForwardPass(400, 400, 10);
        byte[] sp = new byte[10];
        for (int rep = 0; rep < 6; rep++) {
            long t0 = System.nanoTime();
            long s = 0;
            for (int i = 0; i < 60000; i++) { f.run(train.inputs(), i * 400, w1p, w2); s += f.hidCount; }
            long t1 = System.nanoTime();
            FunctionalNbp m = new FunctionalNbp(init, Convention.CHIP);
            long t2 = System.nanoTime();
            FunctionalBenchmark.trainEpoch(m, train, sp);
            long t3 = System.nanoTime();
            System.out.printf("fwd-only epoch %.0f ms (hid %.1f), train epoch %.0f ms%n", (t1 - t0) / 1e6, s / 60000.0, (t3 - t2) / 1e6);
        }
    }
}
