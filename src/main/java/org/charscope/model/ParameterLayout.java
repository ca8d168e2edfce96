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
 *   Wy  [hidden, vocab]
 *   by  [1, vocab]
 * </pre>
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
    final Block[] inputWeights;     // [layers]
    final Block[] recurrentWeights; // [layers]
    final Block[] gateBiases;       // [layers]
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
        inputWeights = new Block[config.layers()];
        recurrentWeights = new Block[config.layers()];
        gateBiases = new Block[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            int in = l == 0 ? config.inputSize() : config.hidden();
            inputWeights[l] = new Block("Wx" + l, Kind.INPUT_WEIGHTS, l, offset, in, gates);
            offset += inputWeights[l].size();
            recurrentWeights[l] = new Block("Wh" + l, Kind.RECURRENT_WEIGHTS, l, offset, config.hidden(), gates);
            offset += recurrentWeights[l].size();
            gateBiases[l] = new Block("b" + l, Kind.GATE_BIAS, l, offset, 1, gates);
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
