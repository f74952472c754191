package org.synfire.nbp.onchip;

import org.synfire.chip.Chip;
import org.synfire.nbp.FunctionalNbp;
import org.synfire.nbp.NbpWeights;

/**
 * One of the eight plastic connections of the training network and how it relates to W1/W2
 * (docs/functional.md): the three W1 copies and three W2 copies hold the matrix itself, w2Tp holds W2ᵀ
 * and w2Tm −W2ᵀ up to its own saturation, which the functional model tracks.
 */
public enum PlasticMatrix {
    W1("w1", false, false, false),
    W1_COPY1("w1_copy1", false, false, false),
    W1_COPY2("w1_copy2", false, false, false),
    W2("w2", true, false, false),
    W2_COPY1("w2_copy1", true, false, false),
    W2_COPY2("w2_copy2", true, false, false),
    W2T_POS("w2Tp", true, true, false),
    W2T_NEG("w2Tm", true, true, true);

    public final String connection;
    public final boolean ofW2, transposed, negated;

    PlasticMatrix(String connection, boolean ofW2, boolean transposed, boolean negated) {
        this.connection = connection;
        this.ofW2 = ofW2;
        this.transposed = transposed;
        this.negated = negated;
    }

    /** The value this connection should hold at chip index k: W1, W2 or W2ᵀ from w, the negated instance from the model. */
    public int expected(FunctionalNbp model, NbpWeights w, int k) {
        if (!ofW2) return w.w1(k / w.nHid(), k % w.nHid());
        int hidden = transposed ? k % w.nHid() : k / w.nOut();
        int output = transposed ? k / w.nHid() : k % w.nOut();
        return negated ? model.negatedInstance(hidden, output) : w.w2(hidden, output);
    }

    /** A readable position for messages: W1[k][i], W2[i][j] in model coordinates. */
    public String position(NbpWeights w, int k) {
        if (!ofW2) return "W1[" + k / w.nHid() + "][" + k % w.nHid() + "]";
        if (transposed) return "W2[" + k % w.nHid() + "][" + k / w.nHid() + "]";
        return "W2[" + k / w.nOut() + "][" + k % w.nOut() + "]";
    }

    public int size(NbpWeights w) {
        return ofW2 ? w.nHid() * w.nOut() : w.nIn() * w.nHid();
    }

    /** First index where the chip's weights differ from the model's, or −1. */
    public int firstDifference(Chip chip, int connection, FunctionalNbp model, NbpWeights w) {
        int n = size(w);
        for (int k = 0; k < n; k++) if (chip.weight(connection, k) != expected(model, w, k)) return k;
        return -1;
    }
}
