package org.synfire.nbp;

/** Ad-hoc development timing of the forward pass pieces (not a test). */
public final class ForwardTiming {
    public static void main(String[] args) {
        var test = SyntheticData.make(10000, 400, 2, "test");
        var init = TrainingRandom.create("synfire", 1).initialWeights(400, 400, 10);
        int[] w1p = PackedW1.pack(init.w1(), 400, 400);
        int[] w2 = init.w2();
        ForwardPass f = new ForwardPass(400, 400, 10);
        for (int rep = 0; rep < 30; rep++) {
            long t0 = System.nanoTime();
            long sum = 0;
            for (int s = 0; s < 10000; s++) {
                f.run(test.inputs(), s * 400, w1p, w2);
                sum += f.hidCount + f.activeCount;
            }
            long t1 = System.nanoTime();
            System.out.printf("forward %.2f us/sample  (avg active %.1f, hidden on %.1f)%n", (t1 - t0) / 1e3 / 10000,
                    0.0, sum / 10000.0);
        }
    }
}
