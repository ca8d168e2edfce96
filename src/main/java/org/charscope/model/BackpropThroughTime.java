package org.charscope.model;

/**
 * The backward pass of {@link CharLstm}: from the gradient of the loss at the logits, which the
 * loss left in {@code w.logits}, to the gradient of every weight. Every block of the gradient array
 * is overwritten, never accumulated.
 *
 * <pre>
 *   the output layer first ({@link SoftmaxOutput#backward}): dWy, dby and dTop
 *   then layer by layer from the top, each over t = T-1 .. 0 ({@link RecurrentCell#backward}):
 *     dz_t, and dh_{t-1} = dz_t Wh^T                                    one product per step
 *   and per layer, over all steps at once:
 *     dWh = H_prev^T dZ    db = Σ_rows dZ    dWx = X^T dZ    dX = dZ Wx^T (the gradient the layer below gets)
 * </pre>
 * Through a dropout the gradient is multiplied by the same mask. One-hot input has no product:
 * row s of {@code dWx_0} is the sum of {@code dz} over the steps that read symbol s. The state
 * carried in from the previous batch is a constant (truncated BPTT).
 *
 * <p>A bidirectional first layer: the layers from the top down to the second, which leaves the
 * gradients at both directions' outputs; the backward cell's is flipped back into its own time
 * (its step k is the text's step T-1-k); then each first-layer cell. It runs on one lane.
 */
final class BackpropThroughTime {

    private final LstmConfig config;
    private final Weights weights;
    private final ParameterLayout layout;
    private final RecurrentCell cell;
    private final SoftmaxOutput output;
    private final Kernels[] kernels;   // [lanes]
    private final Lanes lanes;

    BackpropThroughTime(LstmConfig config, Weights weights, RecurrentCell cell, SoftmaxOutput output, Kernels[] kernels,
                        Lanes lanes) {
        this.config = config;
        this.weights = weights;
        this.layout = weights.layout;
        this.cell = cell;
        this.output = output;
        this.kernels = kernels;
        this.lanes = lanes;
    }

    /** Backward from the logit gradients the loss left in {@code w.logits}; overwrites every gradient. */
    void run(Workspace w, int[] inputs, boolean dropout) {
        int layers = config.layers();
        output.backward(w, dropout ? w.dropped(layers - 1) : w.outputs[layers - 1]);
        if (config.bidirectional()) {
            bothWays(w, inputs, dropout);
            return;
        }
        // from the top layer down, chunks from the last; each layer then makes its weight gradients
        lanes.pipeline(layers, w.chunks, false, w.progress,
                (l, c, lane) -> chunk(w, l, c, dropout, kernels[lane]),
                (l, lane) -> weightGradients(w, l, inputs, dropout, kernels[lane]));
    }

    private void bothWays(Workspace w, int[] inputs, boolean dropout) {
        int back = config.layers();
        for (int l = config.layers() - 1; l >= 1; l--) {
            for (int c = w.chunks - 1; c >= 0; c--) {
                chunk(w, l, c, dropout, kernels[0]);
            }
            weightGradients(w, l, inputs, dropout, kernels[0]);
        }
        for (int t = 0; t < w.seq; t++) {
            Blas.copy(w.flippedUpStep[t], w.upStep[back][w.seq - 1 - t]);
        }
        int[] reversed = Workspace.reversedInTime(inputs, w.seq, w.batch);
        for (int l : new int[] {back, 0}) {
            for (int c = w.chunks - 1; c >= 0; c--) {
                chunk(w, l, c, dropout, kernels[0]);
            }
            weightGradients(w, l, l == back ? reversed : inputs, dropout, kernels[0]);
        }
    }

    /** Steps of chunk c of unit l, backward, and the gradient this chunk sends to the layer below. */
    private void chunk(Workspace w, int l, int c, boolean dropout, Kernels kernel) {
        int hidden = config.hidden();
        int gates = config.gateWidth();
        int first = w.chunkStart(c);
        int steps = w.chunkLength(c);
        int row = first * w.batch;
        int rows = steps * w.batch;
        if (dropout) {
            long from = (long) row * hidden;
            long length = (long) rows * hidden;
            kernel.multiply(w.up[l].slice(from, length), w.mask(l).slice(from, length));  // through the dropout
        }
        Span wh = weights.of(layout.recurrentWeights[l]);
        for (int t = first + steps - 1; t >= first; t--) {
            cell.backward(w, l, t, wh, kernel);
        }
        Span dz = w.z[l].slice((long) row * gates, (long) rows * gates);
        Span wx = weights.of(layout.inputWeights[l]);
        if (!config.readsSymbols(l)) {
            // dX = dZ Wx^T: [rows, G·H] x [G·H, H], the gradient at the output of layer l-1 (after its dropout)
            long half = (long) hidden * gates;
            Blas.gemm(false, true, rows, hidden, gates, 1, dz, gates, wx.slice(0, half), gates, 0,
                    w.up[l - 1].slice((long) row * hidden, (long) rows * hidden), hidden);
            if (l == 1 && config.bidirectional()) {
                // and dFlipped = dZ Wx[H:2H]^T, the gradient at the backward cell's (flipped) output
                Blas.gemm(false, true, rows, hidden, gates, 1, dz, gates, wx.slice(half, half), gates, 0,
                        w.flippedUp.slice((long) row * hidden, (long) rows * hidden), hidden);
            }
        } else if (l == 0 && !config.oneHot()) {
            int in = config.embedding();
            Blas.gemm(false, true, rows, in, gates, 1, dz, gates, wx, gates, 0,
                    w.embeddedGradient.slice((long) row * in, (long) rows * in), in);
        }
    }

    /** dWh, db and dWx (or the embedding's gradient) of unit l from all its dZ: one product each. */
    private void weightGradients(Workspace w, int l, int[] inputs, boolean dropout, Kernels kernel) {
        int hidden = config.hidden();
        int gates = config.gateWidth();
        int vocab = config.vocabSize();
        int rows = w.rows;
        // dWh = H_prev^T dZ: [H, rows] x [rows, G·H] (dQ for the GRU);  db = column sums of dZ
        Blas.gemm(true, false, hidden, gates, rows, 1, w.recurrentInputs[l], hidden, cell.recurrentGradients(w, l), gates,
                0, weights.gradientOf(layout.recurrentWeights[l]), gates);
        Blas.columnSums(w.z[l], rows, gates, w.ones, 0, weights.gradientOf(layout.gateBiases[l]));
        Span dWx = weights.gradientOf(layout.inputWeights[l]);
        if (config.readsSymbols(l) && config.oneHot()) {
            kernel.scatterRows(w.z[l], inputs, gates, dWx, vocab);       // row s of dWx: Σ of dz where x = s
        } else if (l == 0) {
            int in = config.embedding();
            Blas.gemm(true, false, in, gates, rows, 1, w.embedded, in, w.z[0], gates, 0, dWx, gates);
            kernel.scatterRows(w.embeddedGradient, inputs, in, weights.gradientOf(layout.embedding), vocab);
        } else {
            Span x = dropout ? w.dropped(l - 1) : w.outputs[l - 1];
            // dWx = X^T dZ: [H, rows] x [rows, G·H]
            long half = (long) hidden * gates;
            Blas.gemm(true, false, hidden, gates, rows, 1, x, hidden, w.z[l], gates, 0, dWx.slice(0, half), gates);
            if (l == 1 && config.bidirectional()) {
                // dWx[H:2H] = flipped^T dZ
                Blas.gemm(true, false, hidden, gates, rows, 1, w.flipped, hidden, w.z[l], gates, 0,
                        dWx.slice(half, half), gates);
            }
        }
    }
}
