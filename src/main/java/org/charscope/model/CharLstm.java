package org.charscope.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multi-layer character LSTM (or GRU, or vanilla RNN: {@link Cell}) with a softmax output at
 * every step, trained by hand-written backpropagation through time. This class orchestrates the
 * layers over time; one step of a cell is {@link LstmCell}, {@link GruCell} or {@link RnnCell}, the
 * backward pass {@link BackpropThroughTime}, and the element-wise math as written
 * {@link ReferenceKernels}.
 *
 * <h2>Forward</h2>
 * <pre>
 *   x_t   = onehot(s_t) (layer 0, i.e. row s_t of Wx_0), E[s_t] (embedding), or d_{l-1}(h^{l-1}_t)
 *   a_t   = x_t Wx_l + b_l                                 [batch, G·H], all steps in one product
 *   h^l_t = cell(a_t, h^l_{t-1})                           the cell's step, one product h_{t-1} Wh per step
 *   y_t   = d_L(h^L_t) Wy + by                             [batch, vocab]
 *   loss  = mean over all scored (t, b) of  -log softmax(y_t)[target]     (nats per symbol)
 * </pre>
 * {@code d_l} is inverted dropout (each value zeroed with probability p, the rest scaled by
 * 1/(1-p)) while training, the identity otherwise. The bias is added to the input projections of
 * all steps at once.
 *
 * <h2>A bidirectional first layer</h2>
 * With {@link LstmConfig#bidirectional()}, a second cell (unit {@code L}, weights {@code Wx0r, Wh0r,
 * b0r}) reads each window from its last symbol to its first, from a zero state, and the second
 * layer reads both directions at each step:
 * <pre>
 *   hb_t  = the backward cell's output after reading s_{T-1} .. s_t      [batch, H]
 *   z^1_t = d(h^0_t) Wx_1[0:H] + d(hb_t) Wx_1[H:2H] + b_1 + h^1_{t-1} Wh_1
 * </pre>
 * Every step then depends on the whole window, so such a model is only scored on the symbol after
 * a window, and samples by reading the last window again for each symbol ({@link #windowLogits}).
 *
 * <h2>Memory and threads</h2>
 * The weights are one flat array ({@link Weights}); all buffers of a pass live in a {@link Workspace}
 * made once per (seq, batch) shape, its steps grouped in chunks. With two {@link Lanes} (opt-in)
 * layer l runs on lane l % 2 and each chunk goes to the layer above as soon as it is done. Not
 * thread-safe: the model and every INDArray it returns belong to one thread (the training thread);
 * what leaves it is plain Java (arrays, {@link WindowReader} callbacks).
 */
public final class CharLstm {

    /** Steps per pass when feeding a long text through with batch 1 (sampling, priming). */
    static final int MAX_CHUNK_STEPS = 256;

    private final LstmConfig config;
    private final Weights weights;
    private final RecurrentCell cell;
    private final Kernels[] kernels;   // [lanes] each lane its own scratch
    private final Lanes lanes;
    private final Workspaces workspaces;
    private final SoftmaxOutput output;
    private final BackpropThroughTime backprop;
    private Span denseInputs;   // [steps, vocab] read in place of one-hot symbols, only during denseLogits
    private StepHook stepHook;  // held units or a measurement, null for a free read

    /** A new model with weights drawn from {@code seed} (same seed, same weights). */
    public CharLstm(LstmConfig config, long seed) {
        this(config, seed, NativeSetup.lanes());
    }

    /** With an explicit number of lanes (1 or 2), for tests of the two-lane pipeline. */
    CharLstm(LstmConfig config, long seed, int laneCount) {
        NativeSetup.ensureConfigured();
        this.config = config;
        this.weights = new Weights(config, seed);
        this.cell = RecurrentCell.of(config);
        this.lanes = new Lanes(laneCount);
        this.kernels = new Kernels[] {Kernels.of(config.precision()), Kernels.of(config.precision())};
        this.workspaces = new Workspaces(config);
        this.output = new SoftmaxOutput(config, weights, kernels, lanes);
        this.backprop = new BackpropThroughTime(config, weights, cell, output, kernels, lanes);
    }

    public LstmConfig config() {
        return config;
    }

    public long parameterCount() {
        return weights.layout.count();
    }

    /** The flat parameter array [parameterCount]; every weight is a block of it. Training thread only. */
    public INDArray parameters() {
        return weights.parameters;
    }

    /** The flat gradient array [parameterCount], same layout, filled by {@link #forwardBackward}. */
    public INDArray gradients() {
        return weights.gradients;
    }

    /** A zero state for {@code batch} rows. */
    public LstmState newState(int batch) {
        return new LstmState(config, batch);
    }

    /** The parameters as float32 in layout order (a copy). */
    public float[] parametersToFloats() {
        return Span.of(weights.parameters).toFloats();
    }

    /** Overwrites all parameters (layout order, as {@link #parametersToFloats()} gives them). */
    public void setParameters(float[] values) {
        Span.of(weights.parameters).set(values);
    }

    /** Names and offsets of the weight blocks, e.g. {@code "Wh1 @ 1234 [128 x 512]"}, for messages and tests. */
    public String describeLayout() {
        return weights.describe();
    }

    /**
     * Forward, loss and backward over one batch: fills {@link #gradients()} with the gradient of the
     * mean loss and advances {@code state} to the end of the batch.
     *
     * @param dropoutSeed  with {@code iteration}, decides the dropout masks (ignored without dropout)
     * @return mean cross-entropy over the batch, nats per symbol
     */
    public double forwardBackward(Batch batch, LstmState state, long dropoutSeed, long iteration) {
        if (stepHook != null) {
            throw new IllegalStateException("a model with a unit held or measured reads; it does not train");
        }
        check(batch, state);
        Workspace w = workspaces.forPass(batch.seqLength(), batch.batchSize());
        boolean dropout = config.dropout() > 0;
        forward(w, batch.inputs(), state, dropout, dropoutSeed, iteration);
        int first = batch.scoredFrom() * batch.batchSize();
        double total = output.crossEntropy(w, batch.targets(), first, 1.0 / batch.scoredSize());
        backprop.run(w, batch.inputs(), dropout);
        return total / batch.scoredSize();
    }

    /**
     * Forward only, without dropout: the mean loss over the batch in nats per symbol. Advances
     * {@code state}; touches no gradient.
     */
    public double loss(Batch batch, LstmState state) {
        check(batch, state);
        Workspace w = workspaces.forPass(batch.seqLength(), batch.batchSize());
        forward(w, batch.inputs(), state, false, 0, 0);
        return output.crossEntropy(w, batch.targets(), batch.scoredFrom() * batch.batchSize(), 0) / batch.scoredSize();
    }

    /**
     * Feeds {@code ids} through the model (batch 1, no dropout) from {@code state}, advancing it,
     * and returns the output logits after the last symbol: {@code [vocab]}, softmax of which is the
     * distribution of the next symbol.
     */
    public double[] nextLogits(int[] ids, LstmState state) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("no symbols to feed");
        }
        refuseIfBidirectional("step by step");
        config.checkIds(ids);
        state.checkShape(config.layers(), 1, config.hidden());
        Workspace w = null;
        int steps = 0;
        for (int first = 0; first < ids.length; first += MAX_CHUNK_STEPS) {
            steps = Math.min(MAX_CHUNK_STEPS, ids.length - first);
            w = workspaces.forPass(steps, 1);
            forward(w, Arrays.copyOfRange(ids, first, first + steps), state, false, 0, 0);
        }
        return lastLogits(w, steps);
    }

    /**
     * Reads {@code window} from a zero state (batch 1, no dropout) in one pass and returns the
     * output logits after its last symbol: {@code [vocab]}. The way a model trained on windows,
     * and the only way a bidirectional one, predicts the symbol after a window.
     */
    public double[] windowLogits(int[] window) {
        if (window.length == 0) {
            throw new IllegalArgumentException("no symbols to feed");
        }
        config.checkIds(window);
        Workspace w = workspaces.forPass(window.length, 1);
        forward(w, window, newState(1), false, 0, 0);
        return lastLogits(w, window.length);
    }

    /**
     * Reads several windows of one length side by side, each from a zero state, and hands every
     * kept step to {@code reader} ({@link WindowReading}).
     *
     * @param windows [windows][steps] symbol ids, all of one length (at most {@link WindowReading#MAX_STEPS})
     */
    public void readWindows(int[][] windows, WindowReader reader) {
        WindowReading.read(this, windows, reader);
    }

    /**
     * From a zero state (batch 1, no dropout): forward over {@code ids}, the loss
     * {@code -log p(target)} after the last step alone, and the backward pass, which leaves each
     * layer's input-projection gradient dz in {@code w.z} ({@link InputGradients}) and the weights'
     * in {@link #gradients()}.
     */
    Workspace backwardFromLast(int[] ids, int target) {
        refuseIfBidirectional("backward from one step");
        config.checkIds(ids);
        config.checkIds(new int[] {target});
        Workspace w = workspaces.forPass(ids.length, 1);
        forward(w, ids, newState(1), false, 0, 0);
        int[] targets = new int[ids.length];   // only the last one is scored
        targets[ids.length - 1] = target;
        output.crossEntropy(w, targets, ids.length - 1, 1.0);
        backprop.run(w, ids, false);
        return w;
    }

    /**
     * A one-hot model's forward pass from a zero state over real-valued first-layer inputs in place
     * of one-hot symbols ({@code a_t = x_t Wx_0 + b_0}): the logits after the last step, [vocab].
     * What the finite-difference check of {@link InputGradients} perturbs.
     *
     * @param inputs [steps, vocab] row-major
     */
    double[] denseLogits(INDArray inputs, int steps) {
        if (!config.oneHot()) {
            throw new IllegalArgumentException("real-valued inputs stand for one-hot symbols: a model without an embedding");
        }
        denseInputs = Span.of(inputs);
        try {
            Workspace w = workspaces.forPass(steps, 1);
            forward(w, new int[steps], newState(1), false, 0, 0);
            return lastLogits(w, steps);
        } finally {
            denseInputs = null;
        }
    }

    /** Wx of layer {@code layer}: [input width, G·H]. */
    Span inputWeights(int layer) {
        return weights.of(weights.layout.inputWeights[layer]);
    }

    /**
     * Holds these units in every read from now on, sampling included ({@link HeldUnits#NONE}: none);
     * {@link #forwardBackward} refuses while any is held.
     */
    public void hold(HeldUnits held) {
        if (!held.isEmpty()) {
            refuseIfBidirectional("with a unit held");
            held.units().forEach(h -> h.site().checkAgainst(config));
        }
        stepHook = held.isEmpty() ? null : held;
    }

    /** Sums these units' values over every read until measured again with null (then nothing is held either). */
    public void measure(UnitMeans means) {
        stepHook = means;
    }

    /** Logits after step {@code steps - 1} of a batch-1 pass, bias added: [vocab]. */
    private double[] lastLogits(Workspace w, int steps) {
        int vocab = config.vocabSize();
        double[] logits = w.logits.slice((long) (steps - 1) * vocab, vocab).toDoubles();
        double[] bias = outputBias();
        for (int k = 0; k < vocab; k++) {
            logits[k] += bias[k];
        }
        return logits;
    }

    /** by: [vocab], which the logits in a workspace do not include yet. */
    double[] outputBias() {
        return weights.of(weights.layout.outputBias).toDoubles();
    }

    /**
     * A forward pass without dropout over time-major ids {@code [seq, batch]} from {@code state},
     * which it advances, in the workspace kept for readings ({@link WindowReading}, the tests).
     */
    Workspace read(int[] ids, int seq, int batch, LstmState state) {
        config.checkIds(ids);
        Workspace w = workspaces.forReading(seq, batch);
        forward(w, ids, state, false, 0, 0);
        return w;
    }

    /** Step-by-step reading (sampling by stepping, the explorer) is not defined for a model that reads windows both ways. */
    void refuseIfBidirectional(String what) {
        if (config.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional model reads each window both ways, so every step "
                    + "inside it sees the symbols after it: it cannot be read " + what);
        }
    }

    private void forward(Workspace w, int[] inputs, LstmState state, boolean dropout, long dropoutSeed, long iteration) {
        int layers = config.layers();
        for (int l = 0; l < layers; l++) {
            Blas.copy(state.h(l), w.hStep[l][0]);
            Blas.copy(state.c(l), w.cStep[l][0]);
        }
        if (dropout) {
            w.ensureDropout();
        }
        if (config.bidirectional()) {
            forwardBothWays(w, inputs, dropout, dropoutSeed, iteration);
        } else {
            lanes.pipeline(layers, w.chunks, true, w.progress,
                    (l, c, lane) -> forwardChunk(w, l, c, inputs, dropout, dropoutSeed, iteration, kernels[lane]),
                    (l, lane) -> { });
        }
        output.logits(w, dropout ? w.dropped(layers - 1) : w.outputs[layers - 1]);
        for (int l = 0; l < layers; l++) {
            Blas.copy(w.hStep[l][w.seq], state.h(l));
            Blas.copy(w.cStep[l][w.seq], state.c(l));
        }
    }

    /**
     * The bidirectional pass, on the calling thread: the first layer forwards, its backward cell
     * over the reversed window from a zero state, that cell's output flipped into the text's
     * order, then the layers above (the second reads both).
     */
    private void forwardBothWays(Workspace w, int[] inputs, boolean dropout, long dropoutSeed, long iteration) {
        int back = config.layers();
        w.hStep[back][0].zero();
        w.cStep[back][0].zero();
        int[] reversed = Workspace.reversedInTime(inputs, w.seq, w.batch);
        for (int c = 0; c < w.chunks; c++) {
            forwardChunk(w, 0, c, inputs, dropout, dropoutSeed, iteration, kernels[0]);
        }
        for (int c = 0; c < w.chunks; c++) {
            forwardChunk(w, back, c, reversed, dropout, dropoutSeed, iteration, kernels[0]);
        }
        Span[] backOutput = (dropout ? w.dropped(back) : w.outputs[back]).split(w.seq, (long) w.batch * config.hidden());
        for (int t = 0; t < w.seq; t++) {
            Blas.copy(backOutput[w.seq - 1 - t], w.flippedStep[t]);
        }
        for (int l = 1; l < config.layers(); l++) {
            for (int c = 0; c < w.chunks; c++) {
                forwardChunk(w, l, c, inputs, dropout, dropoutSeed, iteration, kernels[0]);
            }
        }
    }

    /** Steps {@code [chunkStart(c), chunkStart(c) + chunkLength(c))} of unit l, forward. */
    private void forwardChunk(Workspace w, int l, int c, int[] inputs, boolean dropout, long dropoutSeed,
                              long iteration, Kernels kernel) {
        int hidden = config.hidden();
        int gates = config.gateWidth();
        int vocab = config.vocabSize();
        int first = w.chunkStart(c);
        int steps = w.chunkLength(c);
        int row = first * w.batch;        // first row of the chunk
        int rows = steps * w.batch;
        Span a = w.z[l].slice((long) row * gates, (long) rows * gates);
        Span wx = weights.of(weights.layout.inputWeights[l]);
        if (config.readsSymbols(l) && config.oneHot() && denseInputs != null) {
            Blas.gemm(false, false, rows, gates, vocab, 1, denseInputs.slice((long) row * vocab, (long) rows * vocab),
                    vocab, wx, gates, 0, a, gates);                                 // a = x Wx, x real-valued
        } else if (config.readsSymbols(l) && config.oneHot()) {
            kernel.gatherRows(wx, vocab, gates, inputs, row, rows, a);            // a = onehot(x) Wx
        } else {
            Span x;
            int in;
            if (l == 0) {
                in = config.embedding();
                x = w.embedded.slice((long) row * in, (long) rows * in);
                kernel.gatherRows(weights.of(weights.layout.embedding), vocab, in, inputs, row, rows, x);  // x = E[s]
            } else {
                in = hidden;
                x = (dropout ? w.dropped(l - 1) : w.outputs[l - 1]).slice((long) row * in, (long) rows * in);
            }
            if (l == 1 && config.bidirectional()) {
                // a = x Wx[0:H] + flipped Wx[H:2H]: the forward cell's output, then the backward one's
                long half = (long) hidden * gates;
                Blas.gemm(false, false, rows, gates, in, 1, x, in, wx.slice(0, half), gates, 0, a, gates);
                Blas.gemm(false, false, rows, gates, in, 1, w.flipped.slice((long) row * in, (long) rows * in), in,
                        wx.slice(half, half), gates, 1, a, gates);
            } else {
                Blas.gemm(false, false, rows, gates, in, 1, x, in, wx, gates, 0, a, gates);   // a = x Wx: [rows, in] x [in, G·H]
            }
        }
        Blas.addToEveryRow(a, rows, gates, w.ones, weights.of(weights.layout.gateBiases[l])); // a += b
        Span wh = weights.of(weights.layout.recurrentWeights[l]);
        for (int t = first; t < first + steps; t++) {
            cell.forward(w, l, t, wh, kernel);
            if (stepHook != null) {
                stepHook.afterStep(w, l, t);
            }
        }
        if (dropout) {
            long from = (long) row * hidden;
            long length = (long) rows * hidden;
            kernel.dropout(w.outputs[l].slice(from, length), w.mask(l).slice(from, length),
                    w.dropped(l).slice(from, length), config.dropout(), Dropout.stream(dropoutSeed, iteration, l), from);
        }
    }

    private void check(Batch batch, LstmState state) {
        state.checkShape(config.layers(), batch.batchSize(), config.hidden());
        config.checkIds(batch.inputs());
        config.checkIds(batch.targets());
    }
}
