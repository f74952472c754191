package org.synfire;

/**
 * A problem caused by the user's input (a file, a flag, a network description), reported as one
 * clear message and a non-zero exit, never as a stack trace.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
