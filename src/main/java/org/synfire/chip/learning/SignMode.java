package org.synfire.chip.learning;

/** Sign mode of a connection's weights (NxSDK/B2L: MIXED = 1, EXCITATORY = 2, INHIBITORY = 3). */
public enum SignMode {
    EXCITATORY, INHIBITORY, MIXED
}
