package org.synfire.nbp.sgsc;

/** A runtime check of the spiking network failed: the network no longer computes nBP. */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvariantViolation(String message) {
        super(message);
    }
}
