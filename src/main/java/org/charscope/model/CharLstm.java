package org.charscope.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.charscope.model.ParameterLayout.Block;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multi-layer character LSTM (or GRU, or vanilla RNN: {@link Cell}) with a softmax output at
 * every step, trained by hand-written backpropagation through time. The formulas below are the
 * LSTM's; the GRU and RNN share everything but the step kernels ({@link Kernels#gruForward},
 * {@link Kernels#rnnForward}) and the width of the gate blocks. The GRU keeps its recurrent
 * projection {@code q_t = h_{t-1} Wh} apart from the input one, because its reset gate scales
 * only {@code q_n}; its weight gradient is then {@code dWh = H_prev^T dQ}.
 *
 * <h2>Forward, layer l, step t</h2>
 * <pre>
 *   x_t   = onehot(s_t) (layer 0, i.e. row s_t of Wx_0), E[s_t] (embedding), or d_{l-1}(h^{l-1}_t)
 *   z_t   = x_t Wx_l + b_l + h_{t-1} Wh_l                  [batch, 4H], gates in the order i, f, g, o
 *   i, f, o = σ(z_i), σ(z_f), σ(z_o)        g = tanh(z_g)
 *   c_t   = f ⊙ c_{t-1} + i ⊙ g             h_t = o ⊙ tanh(c_t)
 *   y_t   = d_L(h^L_t) Wy + by                             [batch, vocab]
 *   loss  = mean over all (t, b) of  -log softmax(y_t)[target]     (nats per symbol)
 * </pre>
 * {@code d_l} is inverted dropout (each value zeroed with probability p, the rest scaled by
 * 1/(1-p)) while training, the identity otherwise. The input projections {@code x Wx} of all steps
 * are one matrix product before the recurrence (a row lookup for one-hot input); each step then
 * adds {@code h_{t-1} Wh} with one product for all four gates. The bias is added to the input
 * projections of all steps at once (one rank-1 update).
 *
 * <p>The forget-gate bias starts at 1, the rest at 0 (Jozefowicz et al. 2015, Gers et al. 2000):
 * with f = σ(0) = 0.5 the cell would halve every step at the start and gradients through the cell
 * would vanish over a few dozen steps; σ(1) ≈ 0.73 keeps memory long from the first iteration.
 * Weights start uniform in ±1/√hidden, as in PyTorch's LSTM.
 *
 * <h2>Backward</h2>
 * Through the output, then layer by layer from the top, each over t = T-1 .. 0 (see
 * {@link Kernels#cellBackward}); {@code dh_{t-1} += dz_t Wh^T} is the one product per step. The
 * weight gradients of all steps are then one product each ({@code dWh = H_prev^T dZ},
 * {@code dWx = X^T dZ}) and the gradient to the layer below one more ({@code dX = dZ Wx^T}).
 * The state carried in from the previous batch is a constant (truncated BPTT). Every block of
 * the gradient array is overwritten by each backward pass, never accumulated.
 *
 * <h2>A bidirectional first layer</h2>
 * With {@link LstmConfig#bidirectional()}, a second cell of its own (unit {@code L}, weights
 * {@code Wx0r, Wh0r, b0r}) reads each window from its last symbol to its first, from a zero state,
 * and the second layer reads both directions at each step:
 * <pre>
 *   hb_t  = the backward cell's output after reading s_{T-1} .. s_t      [batch, H]
 *   z^1_t = d(h^0_t) Wx_1[0:H] + d(hb_t) Wx_1[H:2H] + b_1 + h^1_{t-1} Wh_1
 * </pre>
 * The backward cell runs in its own time (its step k is the text's step T-1-k); its output is
 * flipped into the text's order once per pass ({@code Workspace.flipped}), and its gradient
 * flipped back. Every step then depends on the whole window, so such a model is only scored on
 * the symbol after a window, and samples by reading the last window again for each symbol
 * ({@link #windowLogits}). It runs on one lane.
 *
 * <h2>Memory and threads</h2>
 * One flat parameter array and one flat gradient array; each weight is a block of them at the
 * offsets {@link ParameterLayout} gives. All buffers of a pass live in a {@link Workspace} made
 * once per (seq, batch) shape, its steps grouped in chunks. With two {@link Lanes} (opt-in) layer l
 * runs on lane l % 2 and each chunk goes to the layer above as soon as it is done; with one, the
 * same code runs layer after layer on the calling thread. Not thread-safe: the model and every
 * INDArray it returns belong to one thread (the training thread); what leaves it is plain Java
 * ({@link Activations}, arrays).
 */
public final class CharLstm {

    private static final int MAX_WORKSPACES = 2;
    /** Everything on the calling thread: for one layer, one chunk, or one step at a time. */
    private static final Lanes SINGLE = new Lanes(1);
    /** Steps per pass when feeding a long text through with batch 1 (sampling, priming). */
    static final int MAX_CHUNK_STEPS = 256;

    private final LstmConfig config;
    private final ParameterLayout layout;
    private final INDArray parameters;  // [count]
    private final INDArray gradients;   // [count]
    private final Map<Block, Span> parameter = new LinkedHashMap<>();
    private final Map<Block, Span> gradient = new LinkedHashMap<>();
    private final Kernels[] kernels;   // [lanes] each lane its own scratch
    private final Lanes lanes;
    // batch-1 passes (sampling, priming, activations over texts of any length) get their own cache,
    // so they never evict the large training and evaluation workspaces
    private final Map<Long, Workspace> workspaces = new WorkspaceCache(MAX_WORKSPACES);
    private final Map<Long, Workspace> singleRowWorkspaces = new WorkspaceCache(MAX_WORKSPACES);
    // the explorer's readings of many windows side by side, likewise: training, the evaluation's
    // shorter last batch and a reading are three shapes for a cache of two, so every reading and
    // every evaluation freed a workspace and allocated one again, tens to hundreds of megabytes each
    // (in a 60-minute soak the resident memory swung by up to 150 MB between minutes). One reading
    // shape is kept: the explorer re-reads the same passage.
    private final Map<Long, Workspace> readingWorkspaces = new WorkspaceCache(1);

    /** A new model with weights drawn from {@code seed} (same seed, same weights). */
    public CharLstm(LstmConfig config, long seed) {
        this(config, seed, NativeSetup.lanes());
    }

    /** With an explicit number of lanes (1 or 2), for tests of the two-lane pipeline. */
    CharLstm(LstmConfig config, long seed, int laneCount) {
        NativeSetup.ensureConfigured();
        this.config = config;
        this.layout = ParameterLayout.of(config);
        long count = layout.count();
        this.parameters = Nd4j.zeros(config.precision().dataType(), count);
        this.gradients = Nd4j.zeros(config.precision().dataType(), count);
        Span allParameters = Span.of(parameters);
        Span allGradients = Span.of(gradients);
        for (Block block : layout.blocks()) {
            parameter.put(block, allParameters.slice(block.offset(), block.size()));
            gradient.put(block, allGradients.slice(block.offset(), block.size()));
        }
        this.lanes = new Lanes(laneCount);
        this.kernels = new Kernels[] {Kernels.of(config.precision()), Kernels.of(config.precision())};
        initialise(seed);
    }

    public LstmConfig config() {
        return config;
    }

    public long parameterCount() {
        return layout.count();
    }

    /** The flat parameter array [parameterCount]; every weight is a block of it. Training thread only. */
    public INDArray parameters() {
        return parameters;
    }

    /** The flat gradient array [parameterCount], same layout, filled by {@link #forwardBackward}. */
    public INDArray gradients() {
        return gradients;
    }

    /** A zero state for {@code batch} rows. */
    public LstmState newState(int batch) {
        return new LstmState(config, batch);
    }

    /** The parameters as float32 in layout order (a copy). */
    public float[] parametersToFloats() {
        return Span.of(parameters).toFloats();
    }

    /** Overwrites all parameters (layout order, as {@link #parametersToFloats()} gives them). */
    public void setParameters(float[] values) {
        Span.of(parameters).set(values);
    }

    /** Names and offsets of the weight blocks, e.g. {@code "Wh1 @ 1234 [128 x 512]"}, for messages and tests. */
    public String describeLayout() {
        StringBuilder out = new StringBuilder();
        for (Block b : layout.blocks()) {
            out.append(b.name()).append(" @ ").append(b.offset()).append(" [").append(b.rows()).append(" x ")
                    .append(b.cols()).append("]\n");
        }
        return out.toString();
    }

    /**
     * Forward, loss and backward over one batch: fills {@link #gradients()} with the gradient of the
     * mean loss and advances {@code state} to the end of the batch.
     *
     * @param dropoutSeed  with {@code iteration}, decides the dropout masks (ignored without dropout)
     * @return mean cross-entropy over the batch, nats per symbol
     */
    public double forwardBackward(Batch batch, LstmState state, long dropoutSeed, long iteration) {
        check(batch, state);
        Workspace w = workspace(batch.seqLength(), batch.batchSize());
        boolean dropout = config.dropout() > 0;
        forward(w, batch.inputs(), state, dropout, dropoutSeed, iteration);
        int first = batch.scoredFrom() * batch.batchSize();
        double total = crossEntropy(w, batch.targets(), first, 1.0 / batch.scoredSize());
        backward(w, batch.inputs(), dropout);
        return total / batch.scoredSize();
    }

    /**
     * Forward only, without dropout: the mean loss over the batch in nats per symbol. Advances
     * {@code state}; touches no gradient.
     */
    public double loss(Batch batch, LstmState state) {
        check(batch, state);
        Workspace w = workspace(batch.seqLength(), batch.batchSize());
        forward(w, batch.inputs(), state, false, 0, 0);
        return crossEntropy(w, batch.targets(), batch.scoredFrom() * batch.batchSize(), 0) / batch.scoredSize();
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
        checkIds(ids);
        state.checkShape(config.layers(), 1, config.hidden());
        Workspace w = null;
        int steps = 0;
        for (int first = 0; first < ids.length; first += MAX_CHUNK_STEPS) {
            steps = Math.min(MAX_CHUNK_STEPS, ids.length - first);
            w = workspace(steps, 1);
            forward(w, java.util.Arrays.copyOfRange(ids, first, first + steps), state, false, 0, 0);
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
        checkIds(window);
        Workspace w = workspace(window.length, 1);
        forward(w, window, newState(1), false, 0, 0);
        return lastLogits(w, window.length);
    }

    /** Logits after step {@code steps - 1} of a batch-1 pass, bias added: [vocab]. */
    private double[] lastLogits(Workspace w, int steps) {
        int vocab = config.vocabSize();
        double[] logits = w.logits.slice((long) (steps - 1) * vocab, vocab).toDoubles();
        double[] bias = parameter.get(layout.outputBias).toDoubles();
        for (int k = 0; k < vocab; k++) {
            logits[k] += bias[k];
        }
        return logits;
    }

    /** Step-by-step reading (sampling by stepping, the explorer) is not defined for a model that reads windows both ways. */
    private void refuseIfBidirectional(String what) {
        if (config.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional model reads each window both ways, so every step "
                    + "inside it sees the symbols after it: it cannot be read " + what);
        }
    }

    /**
     * Runs {@code ids} through the model (batch 1, no dropout) from {@code state}, advancing it, and
     * returns every gate, cell and hidden value of every layer at every step, with the predicted
     * distribution after each symbol. At most {@link Activations#MAX_STEPS} symbols.
     */
    public Activations activations(int[] ids, LstmState state) {
        if (ids.length == 0 || ids.length > Activations.MAX_STEPS) {
            throw new IllegalArgumentException("activations are taken over 1 to " + Activations.MAX_STEPS
                    + " symbols, not " + ids.length);
        }
        checkIds(ids);
        refuseIfBidirectional("one step at a time by the explorer");
        state.checkShape(config.layers(), 1, config.hidden());
        Workspace w = workspace(ids.length, 1);
        forward(w, ids, state, false, 0, 0);
        int steps = ids.length;
        int hidden = config.hidden();
        int layers = config.layers();
        Cell cell = config.cell();
        int blocks = cell.gateBlocks();
        java.util.List<Activations.Signal> signals = cell.signals();
        float[] values = new float[signals.size() * layers * steps * hidden];
        for (int l = 0; l < layers; l++) {
            float[] gates = w.gates[l].toFloats();   // [steps, G, 1, H]: with batch 1, each step its gates in block order
            float[] cells = w.cs[l].slice((long) hidden, (long) steps * hidden).toFloats();  // [steps, H]
            float[] hs = w.outputs[l].toFloats();     // [steps, H]
            for (int t = 0; t < steps; t++) {
                for (int g = 0; g < cell.gates().size(); g++) {
                    copyInto(values, signals, cell.gates().get(g), l, t, layers, steps, hidden, gates, (t * blocks + g) * hidden);
                }
                if (cell == Cell.LSTM) {
                    copyInto(values, signals, Activations.Signal.CELL, l, t, layers, steps, hidden, cells, t * hidden);
                }
                copyInto(values, signals, Activations.Signal.HIDDEN, l, t, layers, steps, hidden, hs, t * hidden);
            }
        }
        int vocab = config.vocabSize();
        double[] logits = w.logits.toDoubles();   // [steps, vocab] without bias
        double[] bias = parameter.get(layout.outputBias).toDoubles();
        float[] probabilities = new float[steps * vocab];
        for (int t = 0; t < steps; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < vocab; k++) {
                logits[t * vocab + k] += bias[k];
                max = Math.max(max, logits[t * vocab + k]);
            }
            double sum = 0;
            for (int k = 0; k < vocab; k++) {
                sum += Math.exp(logits[t * vocab + k] - max);
            }
            for (int k = 0; k < vocab; k++) {
                probabilities[t * vocab + k] = (float) (Math.exp(logits[t * vocab + k] - max) / sum);
            }
        }
        return new Activations(layers, steps, hidden, vocab, ids, values, probabilities, cell);
    }

    /**
     * Reads several windows of one length at once, each from a zero state, side by side as one
     * minibatch (the matrix products then have {@code windows.length} rows instead of one, which is
     * what makes reading a long passage in chunks fast), and hands every kept step of every window
     * to {@code reader} as it is read back, one step at a time.
     *
     * <p>Only one step of the workspace is copied out at a time, into buffers reused for every step:
     * a reading of a long passage then allocates nothing in proportion to it here, which is what
     * keeps an explorer refreshing every few seconds from growing the heap during a long run.
     *
     * @param windows [windows][steps] symbol ids, all of one length (at most {@link Activations#MAX_STEPS})
     */
    public void readWindows(int[][] windows, WindowReader reader) {
        int batch = windows.length;
        if (batch == 0) {
            return;
        }
        refuseIfBidirectional("one step at a time by the explorer");
        int steps = windows[0].length;
        if (steps == 0 || steps > Activations.MAX_STEPS) {
            throw new IllegalArgumentException("activations are taken over 1 to " + Activations.MAX_STEPS
                    + " symbols, not " + steps);
        }
        int[] ids = new int[steps * batch];             // [steps, batch] time-major, as training reads
        for (int b = 0; b < batch; b++) {
            if (windows[b].length != steps) {
                throw new IllegalArgumentException("windows read together must have one length");
            }
            for (int t = 0; t < steps; t++) {
                ids[t * batch + b] = windows[b][t];
            }
        }
        checkIds(ids);
        Workspace w = batch == 1 ? workspace(steps, 1)
                : readingWorkspaces.computeIfAbsent(((long) steps << 32) | batch, k -> new Workspace(config, steps, batch));
        forward(w, ids, newState(batch), false, 0, 0);
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        Cell cell = config.cell();
        int blocks = cell.gateBlocks();
        float[] gates = new float[blocks * batch * hidden]; // [G, batch, H] one step's gates, reused
        float[] cells = new float[batch * hidden];          // [batch, H] one step's c, reused
        float[] hs = new float[batch * hidden];             // [batch, H] one step's h, reused
        float[] logits = new float[batch * vocab];          // [batch, vocab] one step's logits, then probabilities
        double[] scratch = new double[Math.max(gates.length, logits.length)]; // for a double-precision model
        double[] bias = parameter.get(layout.outputBias).toDoubles();
        for (int t = 0; t < steps; t++) {
            boolean anyKept = false;
            for (int b = 0; b < batch && !anyKept; b++) {
                anyKept = reader.keeps(b, t);
            }
            if (!anyKept) {
                continue;
            }
            for (int l = 0; l < config.layers(); l++) {
                readStep(w.gatesStep[l][t], gates, scratch);
                if (cell == Cell.LSTM) {
                    readStep(w.cStep[l][t + 1], cells, scratch);
                }
                readStep(w.hStep[l][t + 1], hs, scratch);
                for (int b = 0; b < batch; b++) {
                    if (!reader.keeps(b, t)) {
                        continue;
                    }
                    for (int g = 0; g < cell.gates().size(); g++) {
                        reader.signal(b, cell.gates().get(g), l, t, gates, (g * batch + b) * hidden);
                    }
                    if (cell == Cell.LSTM) {
                        reader.signal(b, Activations.Signal.CELL, l, t, cells, b * hidden);
                    }
                    reader.signal(b, Activations.Signal.HIDDEN, l, t, hs, b * hidden);
                }
            }
            readStep(w.logits.slice((long) t * batch * vocab, (long) batch * vocab), logits, scratch);
            for (int b = 0; b < batch; b++) {
                if (reader.keeps(b, t)) {
                    softmaxInPlace(logits, b * vocab, vocab, bias);
                    reader.probabilities(b, t, logits, b * vocab);
                }
            }
        }
    }

    /** Copies a span into {@code into} as floats, through {@code scratch} when the model is double. */
    private static void readStep(Span span, float[] into, double[] scratch) {
        int n = Math.toIntExact(span.length());
        if (span.isDouble()) {
            span.get(0, scratch, 0, n);
            for (int i = 0; i < n; i++) {
                into[i] = (float) scratch[i];
            }
        } else {
            span.get(0, into, 0, n);
        }
    }

    /** softmax(values[from ..] + bias) over {@code vocab} entries, in place, computed in double. */
    private static void softmaxInPlace(float[] values, int from, int vocab, double[] bias) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < vocab; k++) {
            max = Math.max(max, values[from + k] + bias[k]);
        }
        double sum = 0;
        for (int k = 0; k < vocab; k++) {
            sum += Math.exp(values[from + k] + bias[k] - max);
        }
        for (int k = 0; k < vocab; k++) {
            values[from + k] = (float) (Math.exp(values[from + k] + bias[k] - max) / sum);
        }
    }

    private static void copyInto(float[] values, java.util.List<Activations.Signal> signals, Activations.Signal signal,
                                 int layer, int step, int layers, int steps, int hidden, float[] from, int fromOffset) {
        int at = ((signals.indexOf(signal) * layers + layer) * steps + step) * hidden;
        System.arraycopy(from, fromOffset, values, at, hidden);
    }

    private void forward(Workspace w, int[] inputs, LstmState state, boolean dropout, long dropoutSeed,
                         long iteration) {
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
            forwardPipelined(w, inputs, dropout, dropoutSeed, iteration);
        }
        Span top = dropout ? w.dropped(layers - 1) : w.outputs[layers - 1];
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        Span wy = parameter.get(layout.outputWeights);
        lanes.run(lane -> {
            // logits = top Wy: [rows, H] x [H, vocab], rows split between lanes; the bias is added by the loss
            int from = part(w.rows, lane, lanes.count());
            int to = part(w.rows, lane + 1, lanes.count());
            if (to > from) {
                Blas.gemm(false, false, to - from, vocab, hidden, 1, top.slice((long) from * hidden, (long) (to - from) * hidden),
                        hidden, wy, vocab, 0, w.logits.slice((long) from * vocab, (long) (to - from) * vocab), vocab);
            }
        });
        for (int l = 0; l < layers; l++) {
            Blas.copy(w.hStep[l][w.seq], state.h(l));
            Blas.copy(w.cStep[l][w.seq], state.c(l));
        }
    }

    /** Every layer over every chunk: layer l on lane l % lanes, each chunk once the layer below has made it. */
    private void forwardPipelined(Workspace w, int[] inputs, boolean dropout, long dropoutSeed, long iteration) {
        int layers = config.layers();
        Lanes pipeline = w.chunks > 1 && layers > 1 ? lanes : SINGLE;
        resetProgress(w);
        pipeline.run(lane -> {
            for (int l = lane; l < layers; l += pipeline.count()) {
                for (int c = 0; c < w.chunks; c++) {
                    if (l > 0) {
                        int below = l - 1;
                        int needed = c + 1;
                        pipeline.await(() -> w.progress.get(below) >= needed);
                    }
                    forwardChunk(w, l, c, inputs, dropout, dropoutSeed, iteration, kernels[lane]);
                    w.progress.set(l, c + 1);
                }
            }
        });
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
        int[] reversed = reversedInTime(inputs, w.seq, w.batch);
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

    /** Time-major ids {@code [seq, batch]} with the steps in reverse order. */
    private static int[] reversedInTime(int[] ids, int seq, int batch) {
        int[] reversed = new int[ids.length];
        for (int t = 0; t < seq; t++) {
            System.arraycopy(ids, (seq - 1 - t) * batch, reversed, t * batch, batch);
        }
        return reversed;
    }

    /** Whether unit l reads the symbols themselves: the first layer, or its backward cell. */
    private boolean readsSymbols(int l) {
        return l == 0 || l == config.layers();
    }

    /** Steps {@code [chunkStart(c), chunkStart(c) + chunkLength(c))} of layer l, forward. */
    private void forwardChunk(Workspace w, int l, int c, int[] inputs, boolean dropout, long dropoutSeed,
                              long iteration, Kernels kernel) {
        int hidden = config.hidden();
        int gates = config.gateWidth();
        int vocab = config.vocabSize();
        int first = w.chunkStart(c);
        int steps = w.chunkLength(c);
        int row = first * w.batch;        // first row of the chunk
        int rows = steps * w.batch;
        Span z = w.z[l].slice((long) row * gates, (long) rows * gates);
        Span wx = parameter.get(layout.inputWeights[l]);
        if (readsSymbols(l) && config.oneHot()) {
            kernel.gatherRows(wx, vocab, gates, inputs, row, rows, z);            // z = onehot(x) Wx
        } else {
            Span x;
            int in;
            if (l == 0) {
                in = config.embedding();
                x = w.embedded.slice((long) row * in, (long) rows * in);
                kernel.gatherRows(parameter.get(layout.embedding), vocab, in, inputs, row, rows, x);
            } else {
                in = hidden;
                x = (dropout ? w.dropped(l - 1) : w.outputs[l - 1]).slice((long) row * in, (long) rows * in);
            }
            if (l == 1 && config.bidirectional()) {
                // z = x Wx[0:H] + flipped Wx[H:2H]: the forward cell's output, then the backward one's
                long half = (long) hidden * gates;
                Blas.gemm(false, false, rows, gates, in, 1, x, in, wx.slice(0, half), gates, 0, z, gates);
                Blas.gemm(false, false, rows, gates, in, 1, w.flipped.slice((long) row * in, (long) rows * in), in,
                        wx.slice(half, half), gates, 1, z, gates);
            } else {
                Blas.gemm(false, false, rows, gates, in, 1, x, in, wx, gates, 0, z, gates);   // z = x Wx
            }
        }
        Blas.addToEveryRow(z, rows, gates, w.ones, parameter.get(layout.gateBiases[l])); // z += b
        Span wh = parameter.get(layout.recurrentWeights[l]);
        for (int t = first; t < first + steps; t++) {
            switch (config.cell()) {
                case LSTM -> {
                    // z_t += h_{t-1} Wh: [batch, H] x [H, 4H]
                    Blas.gemm(false, false, w.batch, gates, hidden, 1, w.hStep[l][t], hidden, wh, gates, 1, w.zStep[l][t], gates);
                    kernel.cellForward(w.zStep[l][t], w.cStep[l][t], w.gatesStep[l][t], w.cStep[l][t + 1],
                            w.tanhCStep[l][t], w.hStep[l][t + 1], w.batch, hidden);
                }
                case GRU -> {
                    // q_t = h_{t-1} Wh: [batch, H] x [H, 3H], kept apart from a_t because r scales only q_n
                    Blas.gemm(false, false, w.batch, gates, hidden, 1, w.hStep[l][t], hidden, wh, gates, 0, w.qStep[l][t], gates);
                    kernel.gruForward(w.zStep[l][t], w.qStep[l][t], w.hStep[l][t], w.gatesStep[l][t], w.hStep[l][t + 1],
                            w.batch, hidden);
                }
                case RNN -> {
                    // z_t += h_{t-1} Wh: [batch, H] x [H, H]
                    Blas.gemm(false, false, w.batch, gates, hidden, 1, w.hStep[l][t], hidden, wh, gates, 1, w.zStep[l][t], gates);
                    kernel.rnnForward(w.zStep[l][t], w.hStep[l][t + 1], w.batch, hidden);
                }
            }
        }
        if (dropout) {
            long from = (long) row * hidden;
            long length = (long) rows * hidden;
            kernel.dropout(w.outputs[l].slice(from, length), w.mask(l).slice(from, length),
                    w.dropped(l).slice(from, length), config.dropout(), Dropout.stream(dropoutSeed, iteration, l), from);
        }
    }

    /**
     * Loss summed over rows {@code [firstScored, rows)}, rows split between lanes; leaves logit
     * gradients when scale ≠ 0, zero for the rows before {@code firstScored} (steps that are read but
     * not scored, as in a window that predicts only its next symbol).
     */
    private double crossEntropy(Workspace w, int[] targets, int firstScored, double gradientScale) {
        int vocab = config.vocabSize();
        Span bias = parameter.get(layout.outputBias);
        double[] totals = new double[2];
        if (firstScored > 0 && gradientScale != 0) {
            w.logits.slice(0, (long) firstScored * vocab).zero();
        }
        int scored = w.rows - firstScored;
        lanes.run(lane -> {
            int from = firstScored + part(scored, lane, lanes.count());
            int to = firstScored + part(scored, lane + 1, lanes.count());
            if (to > from) {
                totals[lane] = kernels[lane].crossEntropy(w.logits.slice((long) from * vocab, (long) (to - from) * vocab),
                        bias, java.util.Arrays.copyOfRange(targets, from, to), to - from, vocab, gradientScale);
            }
        });
        return totals[0] + totals[1];
    }

    /** Backward from the logit gradients the loss left in {@code w.logits}; overwrites every gradient. */
    private void backward(Workspace w, int[] inputs, boolean dropout) {
        int layers = config.layers();
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        int rows = w.rows;
        Span top = dropout ? w.dropped(layers - 1) : w.outputs[layers - 1];
        Span wy = parameter.get(layout.outputWeights);
        Span dWy = gradient.get(layout.outputWeights);
        lanes.run(lane -> {
            int from = part(rows, lane, lanes.count());
            int to = part(rows, lane + 1, lanes.count());
            // dTop = dY Wy^T: [rows, vocab] x [vocab, H], rows split between lanes
            if (to > from) {
                Blas.gemm(false, true, to - from, hidden, vocab, 1, w.logits.slice((long) from * vocab, (long) (to - from) * vocab),
                        vocab, wy, vocab, 0, w.up[layers - 1].slice((long) from * hidden, (long) (to - from) * hidden), hidden);
            }
            // dWy = top^T dY: [H, rows] x [rows, vocab], the H rows of dWy split between lanes
            int h0 = part(hidden, lane, lanes.count());
            int h1 = part(hidden, lane + 1, lanes.count());
            if (h1 > h0) {
                Blas.gemm(true, false, h1 - h0, vocab, rows, 1, top.slice(h0, (long) rows * hidden - h0), hidden,
                        w.logits, vocab, 0, dWy.slice((long) h0 * vocab, (long) (h1 - h0) * vocab), vocab);
            }
            if (lane == 0) {
                Blas.columnSums(w.logits, rows, vocab, w.ones, 0, gradient.get(layout.outputBias));   // dby
            }
        });
        if (config.bidirectional()) {
            backwardBothWays(w, inputs, dropout);
            return;
        }
        Lanes pipeline = w.chunks > 1 && layers > 1 ? lanes : SINGLE;
        resetProgress(w);
        // from the top layer down, chunks from the last; each layer then makes its weight gradients
        pipeline.run(lane -> {
            int topOfLane = layers - 1 - ((layers - 1 - lane) % pipeline.count() + pipeline.count()) % pipeline.count();
            for (int l = topOfLane; l >= 0; l -= pipeline.count()) {
                for (int c = w.chunks - 1; c >= 0; c--) {
                    if (l < layers - 1) {
                        int above = l + 1;
                        int needed = w.chunks - c;
                        pipeline.await(() -> w.progress.get(above) >= needed);
                    }
                    backwardChunk(w, l, c, dropout, kernels[lane]);
                    w.progress.set(l, w.chunks - c);
                }
                weightGradients(w, l, inputs, dropout, kernels[lane]);
            }
        });
    }

    /**
     * The bidirectional backward pass, on the calling thread: the layers from the top down to the
     * second, which leaves the gradients at both directions' outputs; the backward cell's flipped
     * back into its own time; then each first-layer cell.
     */
    private void backwardBothWays(Workspace w, int[] inputs, boolean dropout) {
        int back = config.layers();
        for (int l = config.layers() - 1; l >= 1; l--) {
            for (int c = w.chunks - 1; c >= 0; c--) {
                backwardChunk(w, l, c, dropout, kernels[0]);
            }
            weightGradients(w, l, inputs, dropout, kernels[0]);
        }
        for (int t = 0; t < w.seq; t++) {
            Blas.copy(w.flippedUpStep[t], w.upStep[back][w.seq - 1 - t]);
        }
        int[] reversed = reversedInTime(inputs, w.seq, w.batch);
        for (int l : new int[] {back, 0}) {
            for (int c = w.chunks - 1; c >= 0; c--) {
                backwardChunk(w, l, c, dropout, kernels[0]);
            }
            weightGradients(w, l, l == back ? reversed : inputs, dropout, kernels[0]);
        }
    }

    /** Steps of chunk c of layer l, backward, and the gradient this chunk sends to the layer below. */
    private void backwardChunk(Workspace w, int l, int c, boolean dropout, Kernels kernel) {
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
        Span wh = parameter.get(layout.recurrentWeights[l]);
        for (int t = first + steps - 1; t >= first; t--) {
            boolean last = t == w.seq - 1;
            Span dhNext = last ? null : w.dhRecurrent[l];
            Span recurrentGradient = w.zStep[l][t];   // what Wh multiplied into: dz_t, or dq_t for the GRU
            switch (config.cell()) {
                case LSTM -> kernel.cellBackward(w.gatesStep[l][t], w.cStep[l][t], w.tanhCStep[l][t], w.upStep[l][t],
                        dhNext, w.zStep[l][t], w.batch, hidden, last);
                case GRU -> {
                    kernel.gruBackward(w.gatesStep[l][t], w.hStep[l][t], w.qStep[l][t], w.upStep[l][t], dhNext,
                            w.zStep[l][t], w.qStep[l][t], w.batch, hidden, last);
                    recurrentGradient = w.qStep[l][t];
                }
                case RNN -> kernel.rnnBackward(w.hStep[l][t + 1], w.upStep[l][t], dhNext, w.zStep[l][t], w.batch, hidden);
            }
            if (t > 0) {
                // dh_{t-1} = dz_t Wh^T: [batch, G·H] x [G·H, H] (the GRU's direct path u ⊙ h is added in its kernel)
                Blas.gemm(false, true, w.batch, hidden, gates, 1, recurrentGradient, gates, wh, gates, 0,
                        w.dhRecurrent[l], hidden);
            }
        }
        Span dz = w.z[l].slice((long) row * gates, (long) rows * gates);
        Span wx = parameter.get(layout.inputWeights[l]);
        if (!readsSymbols(l)) {
            // dX = dZ Wx^T: [rows, 4H] x [4H, H], the gradient at the output of layer l-1 (after its dropout)
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

    /** dWh, db and dWx (or the embedding's gradient) of layer l from all its dZ: one product each. */
    private void weightGradients(Workspace w, int l, int[] inputs, boolean dropout, Kernels kernel) {
        int hidden = config.hidden();
        int gates = config.gateWidth();
        int vocab = config.vocabSize();
        int rows = w.rows;
        // dWh = H_prev^T dZ: [H, rows] x [rows, G·H] (dQ for the GRU);  db = column sums of dZ
        Span recurrentGradient = config.cell() == Cell.GRU ? w.q[l] : w.z[l];
        Blas.gemm(true, false, hidden, gates, rows, 1, w.recurrentInputs[l], hidden, recurrentGradient, gates, 0,
                gradient.get(layout.recurrentWeights[l]), gates);
        Blas.columnSums(w.z[l], rows, gates, w.ones, 0, gradient.get(layout.gateBiases[l]));
        Span dWx = gradient.get(layout.inputWeights[l]);
        if (readsSymbols(l) && config.oneHot()) {
            kernel.scatterRows(w.z[l], inputs, gates, dWx, vocab);       // row s of dWx: Σ of dz where x = s
        } else if (l == 0) {
            int in = config.embedding();
            Blas.gemm(true, false, in, gates, rows, 1, w.embedded, in, w.z[0], gates, 0, dWx, gates);
            kernel.scatterRows(w.embeddedGradient, inputs, in, gradient.get(layout.embedding), vocab);
        } else {
            Span x = dropout ? w.dropped(l - 1) : w.outputs[l - 1];
            // dWx = X^T dZ: [H, rows] x [rows, 4H]
            long half = (long) hidden * gates;
            Blas.gemm(true, false, hidden, gates, rows, 1, x, hidden, w.z[l], gates, 0, dWx.slice(0, half), gates);
            if (l == 1 && config.bidirectional()) {
                // dWx[H:2H] = flipped^T dZ
                Blas.gemm(true, false, hidden, gates, rows, 1, w.flipped, hidden, w.z[l], gates, 0,
                        dWx.slice(half, half), gates);
            }
        }
    }

    private static void resetProgress(Workspace w) {
        for (int l = 0; l < w.progress.length(); l++) {
            w.progress.set(l, 0);
        }
    }

    /** Start of part {@code k} of {@code n} items split in {@code parts} near-equal parts. */
    private static int part(int n, int k, int parts) {
        return (int) ((long) n * k / parts);
    }

    private Workspace workspace(int seq, int batch) {
        long key = ((long) seq << 32) | batch;
        Map<Long, Workspace> cache = batch == 1 ? singleRowWorkspaces : workspaces;
        return cache.computeIfAbsent(key, k -> new Workspace(config, seq, batch));
    }

    /** Least recently used workspaces, freed as they drop out. */
    private static final class WorkspaceCache extends LinkedHashMap<Long, Workspace> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        WorkspaceCache(int capacity) {
            super(8, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Workspace> eldest) {
            if (size() > capacity) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    }

    private void check(Batch batch, LstmState state) {
        state.checkShape(config.layers(), batch.batchSize(), config.hidden());
        checkIds(batch.inputs());
        checkIds(batch.targets());
    }

    private void checkIds(int[] ids) {
        int vocab = config.vocabSize();
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("symbol id " + id + " outside the vocabulary of " + vocab);
            }
        }
    }

    private void initialise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double scale = 1.0 / Math.sqrt(config.hidden());
        int hidden = config.hidden();
        for (Block block : layout.blocks()) {
            double[] values = new double[Math.toIntExact(block.size())];
            switch (block.kind()) {
                case EMBEDDING -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = gaussian(random);
                    }
                }
                case INPUT_WEIGHTS, RECURRENT_WEIGHTS, OUTPUT_WEIGHTS -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = scale * (2 * random.nextDouble() - 1);
                    }
                }
                case GATE_BIAS -> {
                    if (config.cell() == Cell.LSTM) {
                        java.util.Arrays.fill(values, hidden, 2 * hidden, 1.0); // forget gate: see class doc
                    }
                }
                case OUTPUT_BIAS -> { }
            }
            parameter.get(block).set(values);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
