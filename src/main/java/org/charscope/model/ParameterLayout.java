package org.charscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each weight lives in the one flat parameter array (and, at the same offsets, in the
 * flat gradient array). Every block is a row-major matrix; the order is fixed:
 * <pre>
 *   embedding   E   [vocab, embedding]        only when embedding &gt; 0
 *   per layer l:
 *     Wx_l  [inputSize_l, G*hidden]   G gate blocks (LSTM 4: i, f, g, o; GRU 3: r, u, n; RNN 1)
 *     Wh_l  [hidden, G*hidden]
 *     b_l   [1, G*hidden]
 *   bidirectional only, the first layer's backward cell (unit index = layers):
 *     Wx0r [inputSize_0, G*hidden]   Wh0r [hidden, G*hidden]   b0r [1, G*hidden]
 *   Wy  [hidden, vocab]
 *   by  [1, vocab]
 * </pre>
 * When bidirectional, {@code Wx_1} is {@code [2*hidden, G*hidden]}: its first {@code hidden} rows
 * read the forward cell's output, the next {@code hidden} rows the backward cell's (row-major, so
 * each half is a contiguous block of its own).
 * With one-hot input, {@code inputSize_0 = vocab} and row {@code s} of {@code Wx_0} is the input
 * projection of symbol {@code s}, so no one-hot matrix is ever multiplied.
 */
final class ParameterLayout {

    /** What a block of parameters is, for initialisation. */
    enum Kind { EMBEDDING, INPUT_WEIGHTS, RECURRENT_WEIGHTS, GATE_BIAS, OUTPUT_WEIGHTS, OUTPUT_BIAS }

    /** One weight matrix: {@code rows * cols} values from {@code offset}. */
    record Block(String name, Kind kind, int layer, long offset, int rows, int cols) {
        long size() {
            return (long) rows * cols;
        }
    }

    final Block embedding;          // null when one-hot
    final Block[] inputWeights;     // [units]: one per layer, then the backward cell's when bidirectional
    final Block[] recurrentWeights; // [units]
    final Block[] gateBiases;       // [units]
    final Block outputWeights;
    final Block outputBias;
    private final List<Block> blocks;
    private final long count;

    private ParameterLayout(LstmConfig config) {
        int gates = config.gateWidth();
        List<Block> all = new ArrayList<>();
        long offset = 0;
        if (!config.oneHot()) {
            embedding = new Block("embedding", Kind.EMBEDDING, -1, offset, config.vocabSize(), config.embedding());
            all.add(embedding);
            offset += embedding.size();
        } else {
            embedding = null;
        }
        int units = config.units();
        inputWeights = new Block[units];
        recurrentWeights = new Block[units];
        gateBiases = new Block[units];
        for (int l = 0; l < units; l++) {
            boolean backwardCell = l == config.layers();
            int in = l == 0 || backwardCell ? config.inputSize()
                    : l == 1 && config.bidirectional() ? 2 * config.hidden() : config.hidden();
            String name = backwardCell ? "0r" : String.valueOf(l);
            inputWeights[l] = new Block("Wx" + name, Kind.INPUT_WEIGHTS, l, offset, in, gates);
            offset += inputWeights[l].size();
            recurrentWeights[l] = new Block("Wh" + name, Kind.RECURRENT_WEIGHTS, l, offset, config.hidden(), gates);
            offset += recurrentWeights[l].size();
            gateBiases[l] = new Block("b" + name, Kind.GATE_BIAS, l, offset, 1, gates);
            offset += gateBiases[l].size();
            all.add(inputWeights[l]);
            all.add(recurrentWeights[l]);
            all.add(gateBiases[l]);
        }
        outputWeights = new Block("Wy", Kind.OUTPUT_WEIGHTS, -1, offset, config.hidden(), config.vocabSize());
        offset += outputWeights.size();
        outputBias = new Block("by", Kind.OUTPUT_BIAS, -1, offset, 1, config.vocabSize());
        offset += outputBias.size();
        all.add(outputWeights);
        all.add(outputBias);
        blocks = List.copyOf(all);
        count = offset;
    }

    static ParameterLayout of(LstmConfig config) {
        return new ParameterLayout(config);
    }

    long count() {
        return count;
    }

    List<Block> blocks() {
        return blocks;
    }
}
