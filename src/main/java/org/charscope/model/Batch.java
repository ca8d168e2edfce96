package org.charscope.model;

/**
 * One minibatch for truncated backpropagation through time, time-major as
 * {@code org.charscope.text.Batches} fills it: element {@code [t * batchSize + b]} is step
 * {@code t} of row {@code b}. The arrays are the caller's buffers, refilled for every batch.
 *
 * @param inputs      [seqLength * batchSize] symbol ids read
 * @param targets     [seqLength * batchSize] the symbol that follows each input
 * @param scoredFrom  the first step whose prediction counts in the loss: 0 for every step (stateful
 *                    training), {@code seqLength - 1} for the last only (a window predicting the next symbol)
 */
public record Batch(int[] inputs, int[] targets, int seqLength, int batchSize, int scoredFrom) {

    public Batch {
        if (seqLength < 1 || batchSize < 1) {
            throw new IllegalArgumentException("seqLength and batchSize must be at least 1");
        }
        if (scoredFrom < 0 || scoredFrom >= seqLength) {
            throw new IllegalArgumentException("scored steps must start within the sequence, not at " + scoredFrom);
        }
        long n = (long) seqLength * batchSize;
        if (inputs.length != n || targets.length != n) {
            throw new IllegalArgumentException("inputs and targets must hold seqLength * batchSize = " + n + " ids");
        }
    }

    /** Every step scored. */
    public Batch(int[] inputs, int[] targets, int seqLength, int batchSize) {
        this(inputs, targets, seqLength, batchSize, 0);
    }

    /** Empty buffers of the right size, to fill with {@code Batches.next(inputs, targets)}. */
    public static Batch allocate(int seqLength, int batchSize) {
        int n = Math.multiplyExact(seqLength, batchSize);
        return new Batch(new int[n], new int[n], seqLength, batchSize);
    }

    /** Buffers for windows of {@code window} symbols, each scored on its last prediction only. */
    public static Batch allocateWindows(int window, int batchSize) {
        int n = Math.multiplyExact(window, batchSize);
        return new Batch(new int[n], new int[n], window, batchSize, window - 1);
    }

    /** Symbols predicted per batch (all steps, scored or not). */
    public int size() {
        return inputs.length;
    }

    /** Predictions the loss counts: {@code (seqLength - scoredFrom) * batchSize}. */
    public int scoredSize() {
        return (seqLength - scoredFrom) * batchSize;
    }
}
