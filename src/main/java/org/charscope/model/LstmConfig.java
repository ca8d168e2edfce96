package org.charscope.model;

/**
 * The shape of a character LSTM: what it reads, how deep and wide it is, and how it regularises.
 *
 * @param vocabSize  symbols in the vocabulary: the size of the one-hot input and of the softmax
 * @param layers     stacked LSTM layers, 1 to 4
 * @param hidden     units per layer (the size of h and c), 16 to 1024
 * @param embedding  size of a learned input embedding, or 0 to feed the symbols one-hot
 *                   (char-rnn's choice: with under ~200 symbols an embedding saves little)
 * @param dropout    probability of zeroing an activation between layers and before the output
 *                   layer while training, 0 to 0.9 (inverted dropout: nothing changes at evaluation)
 * @param precision  FLOAT to train, DOUBLE for gradient checks
 * @param cell       the recurrent cell of every layer: LSTM (default), GRU or a vanilla tanh RNN
 * @param bidirectional  whether the first layer also reads its input backwards (a second cell of
 *                   its own, from the last symbol to the first) and the second layer reads both
 *                   directions' outputs side by side, as in the Bi-LSTM tutorial. Only for models
 *                   that read windows and predict the symbol after them: every step inside a
 *                   window then sees the symbols after it. Needs one-hot input and a second layer.
 */
public record LstmConfig(int vocabSize, int layers, int hidden, int embedding, double dropout, Precision precision,
                         Cell cell, boolean bidirectional) {

    /** Largest vocabulary accepted: far above any alphabet, far below what would not fit in memory. */
    public static final int MAX_VOCAB = 1 << 16;
    public static final int MAX_LAYERS = 4;
    public static final int MIN_HIDDEN = 16;
    public static final int MAX_HIDDEN = 1024;
    public static final int MAX_EMBEDDING = 1024;
    public static final double MAX_DROPOUT = 0.9;
    public static final SettingRange LAYERS = SettingRange.of(1, MAX_LAYERS);
    public static final SettingRange HIDDEN = SettingRange.of(MIN_HIDDEN, MAX_HIDDEN);
    public static final SettingRange DROPOUT = SettingRange.of(0, MAX_DROPOUT);

    public LstmConfig {
        if (vocabSize < 2 || vocabSize > MAX_VOCAB) {
            throw new IllegalArgumentException("vocabulary size must be 2 to " + MAX_VOCAB + ", not " + vocabSize);
        }
        LAYERS.check("layers", layers);
        HIDDEN.check("hidden size", hidden);
        if (embedding < 0 || embedding > MAX_EMBEDDING) {
            throw new IllegalArgumentException("embedding size must be 0 (one-hot) to " + MAX_EMBEDDING + ", not " + embedding);
        }
        DROPOUT.check("dropout", dropout);
        if (precision == null || cell == null) {
            throw new IllegalArgumentException("precision and cell must be given");
        }
        if (bidirectional && layers < 2) {
            throw new IllegalArgumentException("a bidirectional first layer needs a second layer above it to read both directions");
        }
        if (bidirectional && embedding > 0) {
            throw new IllegalArgumentException("a bidirectional first layer reads symbols one-hot, not through an embedding");
        }
    }

    /** One-way. */
    public LstmConfig(int vocabSize, int layers, int hidden, int embedding, double dropout, Precision precision, Cell cell) {
        this(vocabSize, layers, hidden, embedding, dropout, precision, cell, false);
    }

    /** An LSTM. */
    public LstmConfig(int vocabSize, int layers, int hidden, int embedding, double dropout, Precision precision) {
        this(vocabSize, layers, hidden, embedding, dropout, precision, Cell.LSTM);
    }

    /** The {@link Preset#SMALL} model: quick to train, a good first look at a book. */
    public static LstmConfig defaults(int vocabSize) {
        return small(vocabSize);
    }

    /** 2 × 128, one-hot, no dropout: char-rnn's defaults (workload W1). */
    public static LstmConfig small(int vocabSize) {
        return Preset.SMALL.model(vocabSize);
    }

    /** 2 × 256, one-hot, dropout 0.1. */
    public static LstmConfig medium(int vocabSize) {
        return Preset.MEDIUM.model(vocabSize);
    }

    /** 2 × 512, one-hot, dropout 0.2 (workload W2's shape). */
    public static LstmConfig large(int vocabSize) {
        return Preset.LARGE.model(vocabSize);
    }

    public boolean oneHot() {
        return embedding == 0;
    }

    /** Width of the first layer's input: the vocabulary (one-hot) or the embedding. */
    public int inputSize() {
        return oneHot() ? vocabSize : embedding;
    }

    public LstmConfig withHidden(int hidden) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    public LstmConfig withEmbedding(int embedding) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    /** Widest learned embedding {@link #forWords()} gives. */
    public static final int MAX_WORD_EMBEDDING = 256;

    /**
     * This shape for a model that reads words: with thousands of symbols, one-hot input would make
     * the first layer's input weights as large as the output layer, so the symbols are read through
     * a learned embedding as wide as a layer (at most {@link #MAX_WORD_EMBEDDING}). Unchanged if it
     * already has one.
     */
    public LstmConfig forWords() {
        return oneHot() ? withEmbedding(Math.min(hidden, MAX_WORD_EMBEDDING)) : this;
    }

    public LstmConfig withDropout(double dropout) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    public LstmConfig withPrecision(Precision precision) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    public LstmConfig withCell(Cell cell) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    public LstmConfig withBidirectional(boolean bidirectional) {
        return new LstmConfig(vocabSize, layers, hidden, embedding, dropout, precision, cell, bidirectional);
    }

    /**
     * Cells with weights of their own: one per layer, and the first layer's backward cell
     * (index {@link #layers()}) when bidirectional.
     */
    public int units() {
        return bidirectional ? layers + 1 : layers;
    }

    /** Whether unit {@code unit} reads the symbols themselves: the first layer, or its backward cell. */
    boolean readsSymbols(int unit) {
        return unit == 0 || unit == layers;
    }

    /** Columns of Wx, Wh and b: {@code cell.gateBlocks() * hidden}. */
    public int gateWidth() {
        return cell.gateBlocks() * hidden;
    }

    /** Number of trainable values, as {@link CharLstm} lays them out. */
    public long parameterCount() {
        return ParameterLayout.of(this).count();
    }

    /** Refuses a symbol id outside the vocabulary. */
    void checkIds(int[] ids) {
        for (int id : ids) {
            if (id < 0 || id >= vocabSize) {
                throw new IllegalArgumentException("symbol id " + id + " outside the vocabulary of " + vocabSize);
            }
        }
    }
}
