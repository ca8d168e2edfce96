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
     * Workload W2's model with dropout, in batches of 32 rather than W2's 64: for the same time,
     * twice the updates at ~85% of the characters per second, which learned more in a 30-minute run
     * on tinyshakespeare (1.611 nats/char against ~1.65; docs/engine-performance.md).
     */
    LARGE(2, 512, 0.2, 100, 32, 2e-3);

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
