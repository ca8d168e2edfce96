package org.charscope.train;

/**
 * Why and when training stopped.
 *
 * @param reason     the cause
 * @param message    one line for a person
 * @param iteration  iterations completed
 */
public record Stop(Reason reason, String message, long iteration) {

    public enum Reason {
        /** {@link Trainer#stop()} was called. */
        REQUESTED,
        /** The iteration limit was reached. */
        ITERATION_LIMIT,
        /** The time limit was reached. */
        TIME_LIMIT,
        /** Too many non-finite iterations in a row. */
        DIVERGED,
        /** An unexpected error; the message says which. */
        ERROR
    }
}
