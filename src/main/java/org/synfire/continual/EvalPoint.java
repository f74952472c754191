package org.synfire.continual;

import java.util.List;
import org.synfire.nbp.EvalCounts;

/**
 * One evaluation of every task's evaluation set, from the weights (off chip, as the paper measures accuracy; the
 * chip's inference network gives the same output spikes).
 *
 * @param index 0 for the untrained network, then 1, 2, … in the order of the run
 * @param stage the stage being trained (0-based; 0 for the initial point)
 * @param stageSamples new samples of this stage trained so far (all its epochs)
 * @param samples new samples trained in the run so far (replays not counted)
 * @param chipSamples samples streamed through the learner so far, replays included
 * @param endOfStage the last point of its stage: a row of the accuracy matrix
 * @param tasks per task, in training order
 */
public record EvalPoint(int index, int stage, long stageSamples, long samples, long chipSamples, boolean endOfStage, List<EvalCounts> tasks) {
    public EvalPoint {
        tasks = List.copyOf(tasks);
    }

    public boolean initial() {
        return index == 0;
    }
}
