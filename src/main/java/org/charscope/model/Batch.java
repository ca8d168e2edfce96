package org.charscope.model;

/**
 * One minibatch for truncated backpropagation through time, time-major as
 * {@code org.charscope.text.Batches} fills it: element {@code [t * batchSize + b]} is step
 * {@code t} of row {@code b}. The arrays are the caller's buffers, refilled for every batch.
 *
 * @param inputs   [seqLength * batchSize] symbol ids read
 * @param targets  [seqLength * batchSize] the symbol that follows each input
 */
public record Batch(int[] inputs, int[] targets, int seqLength, int batchSize) {

    public Batch {
        if (seqLength < 1 || batchSize < 1) {
            throw new IllegalArgumentException("seqLength and batchSize must be at least 1");
        }
        long n = (long) seqLength * batchSize;
        if (inputs.length != n || targets.length != n) {
            throw new IllegalArgumentException("inputs and targets must hold seqLength * batchSize = " + n + " ids");
        }
    }

    /** Empty buffers of the right size, to fill with {@code Batches.next(inputs, targets)}. */
    public static Batch allocate(int seqLength, int batchSize) {
        int n = Math.multiplyExact(seqLength, batchSize);
        return new Batch(new int[n], new int[n], seqLength, batchSize);
    }

    /** Symbols predicted per batch. */
    public int size() {
        return inputs.length;
    }
}
