package org.synfire.report;

import java.util.Locale;

/**
 * Axis ticks at multiples of a round step (1, 2, 2.5 or 5 times a power of ten) that cover a range, and their labels
 * with as many decimals as the step needs and a leading zero ("0.05", not ".05").
 */
record Ticks(double step, long first, long last, int decimals) {
    private static final double[] NICE = {1, 2, 2.5, 5};

    /** The smallest round step whose ticks from ⌊lo/step⌋·step to ⌈hi/step⌉·step number at most {@code maxTicks}. */
    static Ticks covering(double lo, double hi, int maxTicks) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        for (int exp = (int) Math.floor(Math.log10((hi - lo) / maxTicks)) - 1; ; exp++) {
            for (double m : NICE) {
                double step = m * Math.pow(10, exp);
                long a = (long) Math.floor(lo / step + 1e-9), b = (long) Math.ceil(hi / step - 1e-9);
                if (b - a + 1 <= maxTicks) return new Ticks(step, a, b, decimals(m, exp));
            }
        }
    }

    private static int decimals(double m, int exp) {
        return Math.max(0, m == 2.5 ? 1 - exp : -exp);
    }

    int count() {
        return (int) (last - first + 1);
    }

    double value(int i) {
        return (first + i) * step;
    }

    double min() {
        return first * step;
    }

    double max() {
        return last * step;
    }

    String label(int i) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value(i));
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
