package org.charscope.train;

/** A file that is not a checkpoint this version can read; the message is one line for a person. */
public final class BadCheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadCheckpointException(String message) {
        super(message);
    }

    public BadCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
