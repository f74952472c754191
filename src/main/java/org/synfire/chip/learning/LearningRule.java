package org.synfire.chip.learning;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed sum-of-products learning rule {@code Z <- Z + sum_i S_i * dep_i * prod_j (V_ij + C_ij)}.
 * Immutable; {@link #toString()} gives rule text that parses back to an equal rule.
 *
 * @param target which synaptic variable the rule changes
 * @param products at least one product
 */
public record LearningRule(Target target, List<Product> products) {
    /** Bit value in a spike mask: the presynaptic axon spiked in the epoch (x0 = 1). */
    public static final int PRE = 1;
    /** Bit value in a spike mask: the postsynaptic compartment spiked in the epoch (y0 = 1). */
    public static final int POST = 2;

    /** The synaptic variable a rule updates (NxSDK's dw, dd, dt arguments). */
    public enum Target {
        DW("dw"), DD("dd"), DT("dt");

        private final String symbol;

        Target(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether the evaluator supports this target (only dw for now). */
        public boolean isSupported() {
            return this == DW;
        }

        /** The message for rejecting this target, e.g. "dd rules are not supported yet". */
        public String unsupportedMessage() {
            return symbol + " rules are not supported yet";
        }
    }

    /**
     * Which synapses a product needs visited in an epoch, from its {@link
     * Product#requiredSpikesMask()}: every synapse, those whose pre spiked, whose post spiked, or
     * whose pre and post both spiked.
     */
    public enum Visit {
        EVERY_SYNAPSE(0), PRE(LearningRule.PRE), POST(LearningRule.POST), PRE_AND_POST(LearningRule.PRE | LearningRule.POST);

        private final int mask;

        Visit(int mask) {
            this.mask = mask;
        }

        public int mask() {
            return mask;
        }

        public static Visit ofMask(int mask) {
            return values()[mask & 3];
        }
    }

    public LearningRule {
        if (target == null) throw new IllegalArgumentException("target is null");
        products = List.copyOf(products);
        if (products.isEmpty()) throw new IllegalArgumentException("a rule needs at least one product");
        int k = -1;
        for (Product p : products) {
            if (p.dependsOnU()) {
                if (k >= 0 && p.dependency().k() != k) {
                    throw new IllegalArgumentException("all u_k of a rule must share k: u" + k + " and " + p.dependency());
                }
                k = p.dependency().k();
            }
        }
    }

    /** Throws {@link IllegalArgumentException} "dd rules are not supported yet" unless dw. */
    public LearningRule requireSupported() {
        if (!target.isSupported()) throw new IllegalArgumentException(target.unsupportedMessage());
        return this;
    }

    /** The distinct visiting cases of the products (see {@link Visit}). */
    public Set<Visit> visitingCases() {
        EnumSet<Visit> set = EnumSet.noneOf(Visit.class);
        for (Product p : products) set.add(Visit.ofMask(p.requiredSpikesMask()));
        return Collections.unmodifiableSet(set);
    }

    /**
     * Whether some product can be non-zero for a synapse with these spikes ({@link #PRE} |
     * {@link #POST}) in this epoch. When false, skipping the synapse is exact: {@link
     * CompiledRule#apply} returns a valid on-grid weight unchanged.
     */
    public boolean mayChange(int spikesMask, long epochIndex) {
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            if ((p.requiredSpikesMask() & ~spikesMask) == 0 && p.activeInEpoch(epochIndex)) return true;
        }
        return false;
    }

    /** Rule text (without the target) that {@link RuleParser} parses back to an equal rule. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            boolean negative = p.mantissa() < 0;
            if (i == 0) {
                if (negative) b.append('-');
            } else {
                b.append(negative ? " - " : " + ");
            }
            b.append(p.unsignedText());
        }
        return b.toString();
    }
}
