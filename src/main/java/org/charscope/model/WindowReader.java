package org.charscope.model;

/**
 * Receives what {@link CharLstm#readWindows} ({@link WindowReading}) read, one step of one window at a time, from buffers
 * that are overwritten by the next step: copy what is kept, never hold on to the arrays.
 */
public interface WindowReader {

    /** Whether step {@code step} of window {@code window} is wanted (a warm-up step is not); nothing is copied for one that is not. */
    boolean keeps(int window, int step);

    /** One signal of one layer after a step: {@code from[offset, offset + hidden)}. */
    void signal(int window, Signal signal, int layer, int step, float[] from, int offset);

    /** The predicted distribution of the next symbol after a step: {@code from[offset, offset + vocab)}. */
    void probabilities(int window, int step, float[] from, int offset);
}
