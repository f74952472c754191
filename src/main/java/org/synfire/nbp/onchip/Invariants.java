package org.synfire.nbp.onchip;

import java.util.Map;
import org.synfire.chip.Chip;

/**
 * The authors' debug checks, run while training: every population stays silent outside its phases,
 * every gate fires in its phase, the three W1 copies are equal, the three W2 copies are equal, and
 * W2T+ = W2ᵀ. W2T− is not checked against −W2ᵀ: it drifts by its own saturation (docs/functional.md).
 *
 * @param phaseEvery check phases on every k-th sample (0 = never)
 * @param copiesEvery compare the plastic copies every k-th sample (0 = never)
 */
public record Invariants(int phaseEvery, int copiesEvery) {
    public static final Invariants OFF = new Invariants(0, 0);

    public Invariants {
        if (phaseEvery < 0 || copiesEvery < 0) throw new IllegalArgumentException("invariant intervals must be >= 0");
    }

    /** Population handles with their allowed-phase masks, resolved once per chip. */
    static final class PhaseTable {
        final int[] handles, allowed, tolerated;
        final boolean[] gate;
        final String[] names;

        PhaseTable(Chip chip) {
            Map<String, Integer> m = Phases.allowedTraining();
            handles = new int[m.size()];
            allowed = new int[m.size()];
            tolerated = new int[m.size()];
            Map<String, Integer> tol = Phases.toleratedTraining();
            gate = new boolean[m.size()];
            names = new String[m.size()];
            int i = 0;
            for (var e : m.entrySet()) {
                names[i] = e.getKey();
                handles[i] = chip.source(e.getKey());
                allowed[i] = e.getValue();
                tolerated[i] = tol.getOrDefault(e.getKey(), 0);
                gate[i] = Phases.isGate(e.getKey());
                i++;
            }
        }

        /**
         * Throws on the first population that spiked out of phase (or a gate that did not fire); returns a
         * warning for a tolerated spike (docs/design.md#ungated-phase-0-spike), else null.
         */
        String check(Chip chip, long sample, int phase, int[] scratch) {
            String warning = null;
            for (int i = 0; i < handles.length; i++) {
                boolean may = (allowed[i] >> phase & 1) != 0;
                int n = chip.firedCount(handles[i]);
                if (n > 0 && !may && (tolerated[i] >> phase & 1) != 0) {
                    chip.fired(handles[i], scratch);
                    warning = "ungated phase-0 spike (no weight affected): sample " + sample + ", population " + names[i]
                            + " index " + scratch[0] + (n > 1 ? " (and " + (n - 1) + " more)" : "") + " received W1.x > 9216 wu from the phase-11 replay";
                    continue;
                }
                if (n > 0 && !may) {
                    chip.fired(handles[i], scratch);
                    throw new InvariantViolation("sample " + sample + ", phase " + Phases.phaseName(phase) + ": population " + names[i]
                            + " spiked at index " + scratch[0] + (n > 1 ? " (and " + (n - 1) + " more)" : "") + " but must be silent in this phase");
                }
                if (gate[i] && may && n == 0) {
                    throw new InvariantViolation("sample " + sample + ", phase " + Phases.phaseName(phase) + ": gate " + names[i]
                            + " did not fire; the gating chain is broken");
                }
            }
            return warning;
        }
    }

    /**
     * Compares the copies that must stay equal whatever the data: the W1 copies with w1, the W2 copies
     * and w2Tp with w2. Throws on the first mismatch. w2Tm is not compared: it drifts from −W2ᵀ by its own
     * saturation, which {@link #negatedDrift} counts and the functional model reproduces.
     */
    static void checkCopies(Chip chip, long sample, int nIn, int nHid, int nOut) {
        int w1 = chip.connection(PlasticMatrix.W1.connection), w2 = chip.connection(PlasticMatrix.W2.connection);
        for (PlasticMatrix m : new PlasticMatrix[] {PlasticMatrix.W1_COPY1, PlasticMatrix.W1_COPY2}) {
            compare(chip, sample, m, chip.connection(m.connection), w1, nIn, nHid, false);
        }
        for (PlasticMatrix m : new PlasticMatrix[] {PlasticMatrix.W2_COPY1, PlasticMatrix.W2_COPY2}) {
            compare(chip, sample, m, chip.connection(m.connection), w2, nHid, nOut, false);
        }
        compare(chip, sample, PlasticMatrix.W2T_POS, chip.connection(PlasticMatrix.W2T_POS.connection), w2, nHid, nOut, true);
    }

    /** Entries of w2Tm that differ from what a rebuild from w2 writes, min(254, −W2ᵀ). */
    static long negatedDrift(Chip chip, int nHid, int nOut) {
        int w2 = chip.connection(PlasticMatrix.W2.connection);
        int neg = chip.connection(PlasticMatrix.W2T_NEG.connection);
        long drift = 0;
        for (int i = 0; i < nHid; i++) {
            for (int j = 0; j < nOut; j++) {
                int rebuilt = Math.min(org.synfire.nbp.Convention.CHIP.weightMax, -chip.weight(w2, i * nOut + j));
                if (chip.weight(neg, j * nHid + i) != rebuilt) drift++;
            }
        }
        return drift;
    }

    private static void compare(Chip chip, long sample, PlasticMatrix m, int copy, int reference, int rows, int cols, boolean transposed) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int ref = chip.weight(reference, r * cols + c);
                int got = chip.weight(copy, transposed ? c * rows + r : r * cols + c);
                if (got == ref) continue;
                String where = m.connection + (transposed ? "[" + c + "][" + r + "]" : "[" + r + "][" + c + "]");
                throw new InvariantViolation("sample " + sample + ": " + where + " = " + got + " but " + (m.ofW2 ? "w2" : "w1")
                        + "[" + r + "][" + c + "] = " + ref + "; these copies receive the same updates and must stay equal");
            }
        }
    }
}
