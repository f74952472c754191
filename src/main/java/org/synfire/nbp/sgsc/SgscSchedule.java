package org.synfire.nbp.sgsc;

import java.util.ArrayList;
import java.util.List;

/**
 * The phase schedule of a synfire-gated training network with L hidden layers (docs/design.md#deeper-networks).
 *
 * <p>Forward: x in phase 1, h_k in k+1, o and t in L+2, the output error in E = L+3. Then one backward
 * stage per layer boundary, from the top: stage k presents layer k+1's error to layer k. Its
 * potentiation half A_k shows d⁺ on layer k+1 (and d⁻ on its negated presenter) while h_k and h_kT
 * replay h_k, with the reward on; h_kT then fires sign⁺ of the backpropagated error. Its depression half
 * B_k shows the opposite signs without reward, and h_kT fires sign⁻. A middle stage (k ≥ 2) then gates
 * both signs with f'(a_k) into d_pos_h<k> and d_neg_h<k>, which present layer k's error to stage k−1.
 * The bottom stage (k = 1) instead drives h1 directly, with the replay of x, as the paper's network does.
 *
 * <pre>
 *   middle stage k:  A_k, S⁺ = A_k+1, B_k = A_k+2, S⁻ = A_k+3, D = A_k+4; A_{k−1} = A_k+5
 *   bottom stage 1:  A_1, S⁺ = A_1+1, W1⁺ = A_1+2, (inhibit) A_1+3, B_1 = A_1+4, S⁻ = A_1+5, W1⁻ = A_1+6
 *   steps per sample T(L) = 6L + 6  (12 for the paper's network)
 * </pre>
 *
 * @param hidden the number L ≥ 1 of hidden layers
 */
public record SgscSchedule(int hidden) {
    public SgscSchedule {
        if (hidden < 1) throw new IllegalArgumentException("a synfire-gated network needs at least one hidden layer");
    }

    public int steps() {
        return 6 * hidden + 6;
    }

    public int inputPhase() {
        return 1;
    }

    /** The forward phase of layer k: 0 = x, 1..L hidden, L+1 = o. */
    public int forwardPhase(int layer) {
        return layer + 1;
    }

    public int outputPhase() {
        return hidden + 2;
    }

    public int errorPhase() {
        return hidden + 3;
    }

    /** A_k: the potentiation half of stage k (1 ≤ k ≤ L). */
    public int potentiation(int k) {
        return errorPhase() + 1 + 5 * (hidden - k);
    }

    /** B_k: the depression half of stage k. */
    public int depression(int k) {
        return potentiation(k) + (k == 1 ? 4 : 2);
    }

    /** The phase in which h_kT fires sign⁺ (sign⁻ is one after {@link #depression}). */
    public int signPlus(int k) {
        return potentiation(k) + 1;
    }

    public int signMinus(int k) {
        return depression(k) + 1;
    }

    /** Middle stages: the phase in which d_pos_h<k>, d_neg_h<k> fire (f'-gated signs). */
    public int errorOf(int k) {
        if (k < 2) throw new IllegalArgumentException("layer 1 has no error populations");
        return potentiation(k) + 4;
    }

    /** The phase of c_h<k>, the derivative f'(a_k): with sign⁺ at the bottom, with sign⁻ in a middle stage. */
    public int derivativePhase(int k) {
        return k == 1 ? signPlus(1) : signMinus(k);
    }

    /** The bottom stage's W1 updates: h1 shows d1⁺ (with the reward) and d1⁻, while x replays. */
    public int w1Potentiation() {
        return potentiation(1) + 2;
    }

    public int w1Depression() {
        return potentiation(1) + 6;
    }

    /** The memory of x fires with sign⁺ of the bottom stage and replays x for both W1 updates. */
    public int inputMemoryPhase() {
        return signPlus(1);
    }

    /** Phases in which the reward generator fires: every potentiation half, and W1⁺. */
    public List<Integer> rewardPhases() {
        List<Integer> r = new ArrayList<>();
        for (int k = hidden; k >= 1; k--) r.add(potentiation(k));
        r.add(w1Potentiation());
        return r;
    }
}
