package org.charscope.text;

/**
 * Where a trainer's minibatches come from: consecutive stretches of the text for stateful training
 * ({@link Batches}, char-rnn's), or independent windows ({@link WindowBatches}, the Keras lab's).
 * Each is a pure function of its position, so a resumed run reads what an uninterrupted one would.
 */
public interface BatchSource {

    int batchSize();

    /** Steps per batch: the BPTT length, or the window. */
    int seqLength();

    /** Batches that make one pass over the text. */
    int batchesPerEpoch();

    /** Batches read so far, across epochs; the value to save for an exact resume. */
    long position();

    /** Continues from a saved {@link #position()}. */
    void seek(long position);

    /** Completed epochs plus the fraction of the current one. */
    default double epoch() {
        return (double) position() / batchesPerEpoch();
    }

    /** Whether the hidden state must start from zero before the next batch. */
    boolean atEpochStart();

    /**
     * Fills the next batch, time-major: element {@code [t * batch + b]} is step {@code t} of row {@code b}.
     *
     * @param inputs  [seq * batch] symbol ids
     * @param targets [seq * batch] the symbol that follows each input
     */
    void next(int[] inputs, int[] targets);
}
