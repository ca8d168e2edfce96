package org.charscope.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recurrent state of every layer for a batch of independent rows: what a model carries from
 * one batch to the next (truncated backpropagation through time) and from one sampled symbol to
 * the next. Training, evaluation and sampling each hold their own state, so none disturbs another.
 * Lives on the thread that owns the model, like every INDArray.
 */
public final class LstmState {

    private final int layers;
    private final int batch;
    private final int hidden;
    private final INDArray h;   // [layers, batch, hidden] flat
    private final INDArray c;   // [layers, batch, hidden] flat
    private final Span[] hLayer; // [layers] each [batch, hidden]
    private final Span[] cLayer; // [layers] each [batch, hidden]

    LstmState(LstmConfig config, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.layers = config.layers();
        this.batch = batch;
        this.hidden = config.hidden();
        long size = (long) layers * batch * hidden;
        this.h = Nd4j.zeros(config.precision().dataType(), size);
        this.c = Nd4j.zeros(config.precision().dataType(), size);
        this.hLayer = Span.of(h).split(layers, (long) batch * hidden);
        this.cLayer = Span.of(c).split(layers, (long) batch * hidden);
    }

    /** Back to zeros: the state at the start of a text. */
    public void reset() {
        h.assign(0);
        c.assign(0);
    }

    /** Makes this state equal to {@code other} (same shape). */
    public void copyFrom(LstmState other) {
        checkShape(other.layers, other.batch, other.hidden);
        h.assign(other.h);
        c.assign(other.c);
    }

    /** h then c of every layer, as float32: {@code [2, layers, batch, hidden]} flattened. */
    public float[] toFloats() {
        float[] hs = Span.of(h).toFloats();
        float[] cs = Span.of(c).toFloats();
        float[] all = new float[hs.length + cs.length];
        System.arraycopy(hs, 0, all, 0, hs.length);
        System.arraycopy(cs, 0, all, hs.length, cs.length);
        return all;
    }

    /** Restores what {@link #toFloats()} gave. */
    public void setFloats(float[] values) {
        int half = Math.toIntExact(h.length());
        if (values.length != 2 * half) {
            throw new IllegalArgumentException("a state of " + layers + " × " + batch + " × " + hidden + " needs "
                    + 2 * half + " values, not " + values.length);
        }
        Span.of(h).set(Arrays.copyOfRange(values, 0, half));
        Span.of(c).set(Arrays.copyOfRange(values, half, 2 * half));
    }

    /** Number of values {@link #toFloats()} returns for a model and batch. */
    public static long floatCount(LstmConfig config, int batch) {
        return 2L * config.layers() * batch * config.hidden();
    }

    Span h(int layer) {
        return hLayer[layer];
    }

    Span c(int layer) {
        return cLayer[layer];
    }

    void checkShape(int layers, int batch, int hidden) {
        if (layers != this.layers || batch != this.batch || hidden != this.hidden) {
            throw new IllegalArgumentException("state is " + this.layers + " × " + this.batch + " × " + this.hidden
                    + ", expected " + layers + " × " + batch + " × " + hidden);
        }
    }
}
