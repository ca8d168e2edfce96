package org.charscope.text;

/**
 * Minibatches cut from one token stream the way char-rnn's {@code CharSplitLMMinibatchLoader}
 * does, for truncated backpropagation through time.
 *
 * <p>The stream (trimmed to a multiple of {@code batch * seq} plus one) is cut into
 * {@code batch} contiguous rows of equal length; batch {@code k} is columns
 * {@code [k*seq, (k+1)*seq)} of every row. Row {@code b} of batch {@code k+1} continues row
 * {@code b} of batch {@code k} exactly, so a model may carry its hidden state from one batch to
 * the next. Targets are the inputs shifted by one symbol. After the last batch the epoch ends and
 * reading starts again at batch 0 (the caller resets its hidden state there).
 *
 * <p>There is no randomness: the batches, their order and the position are a pure function of
 * the stream, {@code batch} and {@code seq}, so a run resumed at {@link #position()} reads
 * exactly what an uninterrupted run would.
 */
public final class Batches extends CountedBatches {

    private final int[] stream;
    private final int batch;
    private final int seq;
    private final int rowLength;      // symbols per row used as inputs: batchesPerEpoch * seq
    private final int batchesPerEpoch;

    /**
     * @throws IllegalArgumentException if the stream is too short for even one batch
     *         (needs {@code batch * seq + 1} symbols)
     */
    public Batches(int[] stream, int batch, int seq) {
        if (batch < 1 || seq < 1) {
            throw new IllegalArgumentException("batch and seq must be at least 1");
        }
        long needed = (long) batch * seq + 1;
        if (stream.length < needed) {
            throw new IllegalArgumentException("a text of " + stream.length + " symbols is too short for one batch of "
                    + batch + " × " + seq + " (needs " + needed + ")");
        }
        this.stream = stream;
        this.batch = batch;
        this.seq = seq;
        this.batchesPerEpoch = (stream.length - 1) / (batch * seq);
        this.rowLength = batchesPerEpoch * seq;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public int seqLength() {
        return seq;
    }

    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Whether the next batch starts an epoch (the hidden state should be reset before it). */
    @Override
    public boolean atEpochStart() {
        return position() % batchesPerEpoch == 0;
    }

    /**
     * Fills the next batch, time-major: element {@code [t * batch + b]} is step {@code t} of row
     * {@code b}.
     *
     * @param inputs  [seq * batch] symbol ids
     * @param targets [seq * batch] the symbol that follows each input
     */
    @Override
    public void next(int[] inputs, int[] targets) {
        if (inputs.length != batch * seq || targets.length != batch * seq) {
            throw new IllegalArgumentException("inputs and targets must hold seq * batch = " + batch * seq);
        }
        int column = (int) (position() % batchesPerEpoch) * seq;
        for (int b = 0; b < batch; b++) {
            int rowStart = b * rowLength + column;
            for (int t = 0; t < seq; t++) {
                inputs[t * batch + b] = stream[rowStart + t];
                targets[t * batch + b] = stream[rowStart + t + 1];
            }
        }
        advance();
    }
}
