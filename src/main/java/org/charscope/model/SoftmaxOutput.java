package org.charscope.model;

import java.util.Arrays;

/**
 * The output layer: logits, the softmax cross-entropy loss, and the way back to the top layer.
 * <pre>
 *   y    = top Wy + by                 [rows, vocab]   (top: the last layer's output after dropout)
 *   loss = Σ_rows  log Σ_k exp(y_k) - y_target
 *   dY   = scale · (softmax(y) - onehot(target))        left in w.logits
 *   dWy  = top^T dY    dby = Σ_rows dY    dTop = dY Wy^T
 * </pre>
 * Each product splits its rows between the {@link Lanes}.
 */
final class SoftmaxOutput {

    private final LstmConfig config;
    private final Weights weights;
    private final Kernels[] kernels;   // [lanes]
    private final Lanes lanes;

    SoftmaxOutput(LstmConfig config, Weights weights, Kernels[] kernels, Lanes lanes) {
        this.config = config;
        this.weights = weights;
        this.kernels = kernels;
        this.lanes = lanes;
    }

    /** {@code w.logits = top Wy} for every row: [rows, vocab], without the bias, which the loss adds. */
    void logits(Workspace w, Span top) {
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        Span wy = weights.of(weights.layout.outputWeights);
        lanes.run(lane -> {
            // [rows, H] x [H, vocab], rows split between lanes
            int from = Lanes.part(w.rows, lane, lanes.count());
            int to = Lanes.part(w.rows, lane + 1, lanes.count());
            if (to > from) {
                Blas.gemm(false, false, to - from, vocab, hidden, 1, top.slice((long) from * hidden, (long) (to - from) * hidden),
                        hidden, wy, vocab, 0, w.logits.slice((long) from * vocab, (long) (to - from) * vocab), vocab);
            }
        });
    }

    /**
     * Loss summed over rows {@code [firstScored, rows)}, rows split between lanes; leaves logit
     * gradients when scale ≠ 0, zero for the rows before {@code firstScored} (steps that are read but
     * not scored, as in a window that predicts only its next symbol).
     */
    double crossEntropy(Workspace w, int[] targets, int firstScored, double gradientScale) {
        int vocab = config.vocabSize();
        Span bias = weights.of(weights.layout.outputBias);
        double[] totals = new double[2];
        if (firstScored > 0 && gradientScale != 0) {
            w.logits.slice(0, (long) firstScored * vocab).zero();
        }
        int scored = w.rows - firstScored;
        lanes.run(lane -> {
            int from = firstScored + Lanes.part(scored, lane, lanes.count());
            int to = firstScored + Lanes.part(scored, lane + 1, lanes.count());
            if (to > from) {
                totals[lane] = kernels[lane].crossEntropy(w.logits.slice((long) from * vocab, (long) (to - from) * vocab),
                        bias, Arrays.copyOfRange(targets, from, to), to - from, vocab, gradientScale);
            }
        });
        return totals[0] + totals[1];
    }

    /** From dY in {@code w.logits}: dWy, dby, and dTop into the top layer's {@code up}. */
    void backward(Workspace w, Span top) {
        int layers = config.layers();
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        int rows = w.rows;
        Span wy = weights.of(weights.layout.outputWeights);
        Span dWy = weights.gradientOf(weights.layout.outputWeights);
        lanes.run(lane -> {
            int from = Lanes.part(rows, lane, lanes.count());
            int to = Lanes.part(rows, lane + 1, lanes.count());
            // dTop = dY Wy^T: [rows, vocab] x [vocab, H], rows split between lanes
            if (to > from) {
                Blas.gemm(false, true, to - from, hidden, vocab, 1, w.logits.slice((long) from * vocab, (long) (to - from) * vocab),
                        vocab, wy, vocab, 0, w.up[layers - 1].slice((long) from * hidden, (long) (to - from) * hidden), hidden);
            }
            // dWy = top^T dY: [H, rows] x [rows, vocab], the H rows of dWy split between lanes
            int h0 = Lanes.part(hidden, lane, lanes.count());
            int h1 = Lanes.part(hidden, lane + 1, lanes.count());
            if (h1 > h0) {
                Blas.gemm(true, false, h1 - h0, vocab, rows, 1, top.slice(h0, (long) rows * hidden - h0), hidden,
                        w.logits, vocab, 0, dWy.slice((long) h0 * vocab, (long) (h1 - h0) * vocab), vocab);
            }
            if (lane == 0) {
                Blas.columnSums(w.logits, rows, vocab, w.ones, 0, weights.gradientOf(weights.layout.outputBias));   // dby
            }
        });
    }
}
