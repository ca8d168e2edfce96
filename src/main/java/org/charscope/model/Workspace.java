package org.charscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every buffer one forward and backward pass over [seq, batch] needs, allocated once and reused,
 * with the per-step spans made up front. Rows are time-major: row {@code t * batch + b} is step t
 * of sequence b, so the rows of step t are one contiguous block. Steps are grouped in chunks: the
 * unit in which one layer hands its work to the next across lanes. Holds no state between passes.
 * The per-layer arrays have one entry per {@link LstmConfig#units() unit}: the layers, then, when
 * bidirectional, the first layer's backward cell, whose step t is step {@code seq-1-t} of the text.
 */
final class Workspace implements AutoCloseable {

    final int seq;
    final int batch;
    final int hidden;               // H
    final int width;                // G·H, a row of z: the cell's gate blocks side by side
    final int rows;                 // seq * batch
    final int chunkSteps;           // steps per chunk
    final int chunks;               // ceil(seq / chunkSteps)
    private final LstmConfig config;
    private final DataType type;

    final Span[] hs;                // [layers] each [(seq+1) * batch, hidden]: h_0 (carried in) .. h_seq
    final Span[][] hStep;           // [layers][seq+1] each [batch, hidden]
    final Span[] outputs;           // [layers] each [seq * batch, hidden]: h_1 .. h_seq, the layer's output
    final Span[] recurrentInputs;   // [layers] each [seq * batch, hidden]: h_0 .. h_seq-1, what Wh multiplied
    final Span[] cs;                // [layers] each [(seq+1) * batch, hidden]: c_0 .. c_seq
    final Span[][] cStep;           // [layers][seq+1] each [batch, hidden]
    final Span[] gates;             // [layers] each [seq, G, batch, hidden]: the cell's gates after activation
    final Span[][] gatesStep;       // [layers][seq] each [G, batch, hidden], gate-major (G = cell.gateBlocks())
    final Span[][] tanhCStep;       // [layers][seq] each [batch, hidden]
    final Span[] z;                 // [layers] each [seq * batch, G*hidden]: pre-activations, then their gradient
    final Span[][] zStep;           // [layers][seq] each [batch, G*hidden]
    final Span[] q;                 // GRU only, else null: [layers] each [seq * batch, 3*hidden]: h_{t-1} Wh, then its gradient
    final Span[][] qStep;           // GRU only: [layers][seq] each [batch, 3*hidden]
    final Span embedded;            // [seq * batch, embedding], null when one-hot
    final Span embeddedGradient;    // [seq * batch, embedding], null when one-hot
    final Span logits;              // [seq * batch, vocab], then their gradient
    final Span[] up;                // [layers] each [seq * batch, hidden]: dLoss/d(output of the layer)
    final Span[][] upStep;          // [layers][seq] each [batch, hidden]
    final Span[] dhRecurrent;       // [layers] each [batch, hidden]: gradient into h_{t-1} through Wh
    final Span flipped;             // bidirectional, else null: [seq * batch, hidden] the backward cell's output
                                    // (after dropout) in the text's order, what the second layer reads
    final Span[] flippedStep;       // bidirectional: [seq] each [batch, hidden]
    final Span flippedUp;           // bidirectional: [seq * batch, hidden] the gradient at flipped
    final Span[] flippedUpStep;     // bidirectional: [seq] each [batch, hidden]
    final Span ones;                // [seq * batch] ones, for column sums and bias rows
    final AtomicIntegerArray progress; // [layers] chunks a layer has finished in the current phase
    private final List<INDArray> arrays = new ArrayList<>(); // everything allocated, to free
    private Span[] masks;           // [layers] each [seq * batch, hidden], made on first use with dropout
    private Span[] dropped;         // [layers] each [seq * batch, hidden]: output ⊙ mask

    Workspace(LstmConfig config, int seq, int batch) {
        this.config = config;
        this.type = config.precision().dataType();
        this.seq = seq;
        this.batch = batch;
        this.rows = Math.multiplyExact(seq, batch);
        this.chunkSteps = Math.max(1, (seq + 9) / 10);
        this.chunks = (seq + chunkSteps - 1) / chunkSteps;
        int layers = config.units();
        this.hidden = config.hidden();
        int blocks = config.cell().gateBlocks();
        this.width = blocks * hidden;
        long step = (long) batch * hidden;
        boolean gru = config.cell() == Cell.GRU;
        q = gru ? new Span[layers] : null;
        qStep = gru ? new Span[layers][] : null;
        hs = new Span[layers];
        hStep = new Span[layers][];
        outputs = new Span[layers];
        recurrentInputs = new Span[layers];
        cs = new Span[layers];
        cStep = new Span[layers][];
        gates = new Span[layers];
        gatesStep = new Span[layers][];
        tanhCStep = new Span[layers][];
        z = new Span[layers];
        zStep = new Span[layers][];
        up = new Span[layers];
        upStep = new Span[layers][];
        dhRecurrent = new Span[layers];
        for (int l = 0; l < layers; l++) {
            hs[l] = allocate((seq + 1) * step);
            hStep[l] = hs[l].split(seq + 1, step);
            outputs[l] = hs[l].slice(step, seq * step);
            recurrentInputs[l] = hs[l].slice(0, seq * step);
            cs[l] = allocate((seq + 1) * step);
            cStep[l] = cs[l].split(seq + 1, step);
            gates[l] = allocate(seq * blocks * step);
            gatesStep[l] = gates[l].split(seq, blocks * step);
            tanhCStep[l] = allocate(seq * step).split(seq, step);
            z[l] = allocate(seq * blocks * step);
            zStep[l] = z[l].split(seq, blocks * step);
            if (gru) {
                q[l] = allocate(seq * 3 * step);
                qStep[l] = q[l].split(seq, 3 * step);
            }
            up[l] = allocate(seq * step);
            upStep[l] = up[l].split(seq, step);
            dhRecurrent[l] = allocate(step);
        }
        if (config.oneHot()) {
            embedded = null;
            embeddedGradient = null;
        } else {
            embedded = allocate((long) rows * config.embedding());
            embeddedGradient = allocate((long) rows * config.embedding());
        }
        if (config.bidirectional()) {
            flipped = allocate(seq * step);
            flippedStep = flipped.split(seq, step);
            flippedUp = allocate(seq * step);
            flippedUpStep = flippedUp.split(seq, step);
        } else {
            flipped = null;
            flippedStep = null;
            flippedUp = null;
            flippedUpStep = null;
        }
        logits = allocate((long) rows * config.vocabSize());
        INDArray onesArray = Nd4j.ones(type, rows);
        arrays.add(onesArray);
        ones = Span.of(onesArray);
        progress = new AtomicIntegerArray(layers);
    }

    /** First step of chunk {@code c}. */
    int chunkStart(int c) {
        return c * chunkSteps;
    }

    /** Steps in chunk {@code c}. */
    int chunkLength(int c) {
        return Math.min(chunkSteps, seq - c * chunkSteps);
    }

    /** Dropout masks of layer l's output, allocated on first use. */
    Span mask(int layer) {
        ensureDropout();
        return masks[layer];
    }

    /** Layer l's output after dropout, allocated on first use. */
    Span dropped(int layer) {
        ensureDropout();
        return dropped[layer];
    }

    /** Allocates the dropout buffers before a phase, so that lanes never race to do it. */
    synchronized void ensureDropout() {
        if (masks == null) {
            long size = (long) rows * config.hidden();
            Span[] m = new Span[config.units()];
            Span[] d = new Span[config.units()];
            for (int l = 0; l < config.units(); l++) {
                m[l] = allocate(size);
                d[l] = allocate(size);
            }
            dropped = d;
            masks = m;
        }
    }

    private Span allocate(long length) {
        INDArray array = Nd4j.createUninitialized(type, length);
        arrays.add(array);
        return Span.of(array);
    }

    /** Frees the native memory now rather than at some later garbage collection. */
    @Override
    public synchronized void close() {
        for (INDArray array : arrays) {
            array.close();
        }
        arrays.clear();
    }

    /** Time-major ids {@code [seq, batch]} with the steps in reverse order. */
    static int[] reversedInTime(int[] ids, int seq, int batch) {
        int[] reversed = new int[ids.length];
        for (int t = 0; t < seq; t++) {
            System.arraycopy(ids, (seq - 1 - t) * batch, reversed, t * batch, batch);
        }
        return reversed;
    }

}
