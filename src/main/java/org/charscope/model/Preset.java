package org.charscope.model;

/**
 * Ready-made models with the training settings that suit them. Learning rates are for Adam
 * and were chosen so that loss falls steadily from the first iterations without spikes.
 */
public enum Preset {
    /** char-rnn's defaults; workload W1 of the benchmark. */
    SMALL(new Size(2, 128, 0.0), new Batching(50, 50, 2e-3)),
    /** Between the two: a better model in a few minutes more. */
    MEDIUM(new Size(2, 256, 0.1), new Batching(100, 64, 2e-3)),
    /**
     * Workload W2's model with dropout, in batches of 32 sequences of 50 rather than W2's 64 of
     * 100. Truncated backpropagation through 50 steps loses little on text, and buys updates: in 30
     * minutes on tinyshakespeare, with a cosine over 4,200 iterations, 4,856 of them (seq 100 and
     * batch 32: 2,105) and 1.494 nats/char (seq 100, batch 32: 1.611; seq 100, batch 64: ~1.65;
     * docs/engine-performance.md).
     */
    LARGE(new Size(2, 512, 0.2), new Batching(50, 32, 2e-3));

    /** The model's shape: stacked layers of {@code hidden} units, dropout between them. */
    private record Size(int layers, int hidden, double dropout) {
    }

    /**
     * How the preset trains: {@code seqLength} steps of backpropagation through time per batch,
     * {@code batchSize} independent rows per batch, Adam's step size {@code learningRate}.
     */
    public record Batching(int seqLength, int batchSize, double learningRate) {
    }

    private final Size size;
    private final Batching batching;

    Preset(Size size, Batching batching) {
        this.size = size;
        this.batching = batching;
    }

    /** The model for a vocabulary: one-hot input, float32. */
    public LstmConfig model(int vocabSize) {
        return new LstmConfig(vocabSize, size.layers(), size.hidden(), 0, size.dropout(), Precision.FLOAT);
    }

    /** The sequence length, batch size and learning rate that suit this model. */
    public Batching batching() {
        return batching;
    }
}
