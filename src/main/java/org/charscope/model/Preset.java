package org.charscope.model;

/**
 * Ready-made models with the training settings that suit them. Learning rates are for Adam
 * and were chosen so that loss falls steadily from the first iterations without spikes.
 */
public enum Preset {
    /** char-rnn's defaults; workload W1 of the benchmark. */
    SMALL(2, 128, 0.0, 50, 50, 2e-3),
    /** Between the two: a better model in a few minutes more. */
    MEDIUM(2, 256, 0.1, 100, 64, 2e-3),
    /**
     * Workload W2's model with dropout, in batches of 32 sequences of 50 rather than W2's 64 of
     * 100. Truncated backpropagation through 50 steps loses little on text, and buys updates: in 30
     * minutes on tinyshakespeare, with a cosine over 4,200 iterations, 4,856 of them (seq 100 and
     * batch 32: 2,105) and 1.494 nats/char (seq 100, batch 32: 1.611; seq 100, batch 64: ~1.65;
     * docs/engine-performance.md).
     */
    LARGE(2, 512, 0.2, 50, 32, 2e-3);

    private final int layers;
    private final int hidden;
    private final double dropout;
    private final int seqLength;
    private final int batchSize;
    private final double learningRate;

    Preset(int layers, int hidden, double dropout, int seqLength, int batchSize, double learningRate) {
        this.layers = layers;
        this.hidden = hidden;
        this.dropout = dropout;
        this.seqLength = seqLength;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
    }

    /** The model for a vocabulary: one-hot input, float32. */
    public LstmConfig model(int vocabSize) {
        return new LstmConfig(vocabSize, layers, hidden, 0, dropout, Precision.FLOAT);
    }

    /** Steps of backpropagation through time per batch. */
    public int seqLength() {
        return seqLength;
    }

    /** Independent rows per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Adam's step size. */
    public double learningRate() {
        return learningRate;
    }
}
