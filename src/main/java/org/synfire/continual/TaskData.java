package org.synfire.continual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synfire.UserError;
import org.synfire.continual.TaskSequence.EvalSet;
import org.synfire.continual.TaskSequence.Task;
import org.synfire.data.BinaryDataset;

/**
 * One task's samples: its training pool (indices into the training split, file order, after its
 * {@code train_samples} and holdout), its pixel permutation, and its evaluation set.
 *
 * @param index the task's position in the file (0-based)
 * @param train indices into the training split, in file order
 * @param eval the evaluation samples, already permuted
 */
public record TaskData(int index, Task task, BinaryDataset source, int[] train, Permutation permutation, BinaryDataset eval) {

    public TaskData {
        train = train.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    public int size() {
        return train.length;
    }

    public int label(int i) {
        return source.labels()[train[i]];
    }

    /** Copies the (permuted) input of training sample i into dst[0..inputs). */
    public void input(int i, byte[] dst) {
        int n = source.inputCount();
        int off = train[i] * n;
        if (permutation == null) System.arraycopy(source.inputs(), off, dst, 0, n);
        else permutation.apply(source.inputs(), off, dst, 0);
    }

    /** Builds every task of a sequence from the two splits, checking that each has samples to train and test on. */
    public static List<TaskData> build(String file, TaskSequence seq, BinaryDataset trainSplit, BinaryDataset testSplit) {
        List<TaskData> out = new ArrayList<>();
        for (int i = 0; i < seq.tasks().size(); i++) {
            Task t = seq.tasks().get(i);
            String where = file + ": tasks[" + i + "] '" + t.name() + "'";
            int[] pool = ofClasses(trainSplit, t.classMask());
            int[] evalIdx;
            BinaryDataset evalSource;
            if (t.eval().split() == EvalSet.Split.HOLDOUT) {
                int h = t.eval().samples();
                if (h >= pool.length) {
                    throw new UserError(where + ": eval holds out " + h + " samples, but the task has only " + pool.length + " training samples");
                }
                evalIdx = Arrays.copyOfRange(pool, pool.length - h, pool.length);
                pool = Arrays.copyOf(pool, pool.length - h);
                evalSource = trainSplit;
            } else {
                evalIdx = ofClasses(testSplit, t.classMask());
                if (t.eval().samples() != null && t.eval().samples() < evalIdx.length) evalIdx = Arrays.copyOf(evalIdx, t.eval().samples());
                evalSource = testSplit;
            }
            if (t.trainSamples() != null && t.trainSamples() < pool.length) pool = Arrays.copyOf(pool, t.trainSamples());
            if (pool.length == 0) throw new UserError(where + ": no training samples of classes " + t.classes() + " in " + trainSplit.description());
            if (evalIdx.length == 0) throw new UserError(where + ": no evaluation samples of classes " + t.classes() + " in " + evalSource.description());
            Permutation p = t.permutationSeed() == null ? null : Permutation.seeded(trainSplit.inputCount(), t.permutationSeed());
            out.add(new TaskData(i, t, trainSplit, pool, p, select(evalSource, evalIdx, p, t.name())));
        }
        return out;
    }

    /** Indices of the samples whose label is in the mask, in file order. */
    static int[] ofClasses(BinaryDataset d, long mask) {
        int n = 0;
        int[] idx = new int[d.size()];
        for (int s = 0; s < d.size(); s++) if ((mask >>> d.labels()[s] & 1) != 0) idx[n++] = s;
        return Arrays.copyOf(idx, n);
    }

    private static BinaryDataset select(BinaryDataset d, int[] idx, Permutation p, String task) {
        int n = d.inputCount();
        byte[] x = new byte[idx.length * n];
        byte[] y = new byte[idx.length];
        for (int i = 0; i < idx.length; i++) {
            if (p == null) System.arraycopy(d.inputs(), idx[i] * n, x, i * n, n);
            else p.apply(d.inputs(), idx[i] * n, x, i * n);
            y[i] = d.labels()[idx[i]];
        }
        return new BinaryDataset(d.description() + ", task " + task + " (" + idx.length + " samples" + (p == null ? "" : ", permuted") + ")", n,
                idx.length, x, y);
    }
}
