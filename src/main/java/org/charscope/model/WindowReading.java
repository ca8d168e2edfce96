package org.charscope.model;

/**
 * The explorer's way into a model: several windows of one length read at once, each from a zero
 * state, side by side as one minibatch (the matrix products then have {@code windows.length} rows
 * instead of one, which is what makes reading a long passage in chunks fast), every kept step of
 * every window handed to a {@link WindowReader} as it is read back, one step at a time.
 *
 * <p>Only one step of the workspace is copied out at a time, into buffers reused for every step: a
 * reading of a long passage then allocates nothing in proportion to it here, which is what keeps an
 * explorer refreshing every few seconds from growing the heap during a long run.
 */
final class WindowReading {

    /** Most symbols one window holds: bounds the memory a request from the UI can take. */
    static final int MAX_STEPS = 4096;

    private WindowReading() {
    }

    /** @param windows [windows][steps] symbol ids, all of one length (at most {@link WindowReading#MAX_STEPS}) */
    static void read(CharLstm model, int[][] windows, WindowReader reader) {
        int batch = windows.length;
        if (batch == 0) {
            return;
        }
        model.refuseIfBidirectional("one step at a time by the explorer");
        int steps = windows[0].length;
        if (steps == 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("activations are taken over 1 to " + MAX_STEPS
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
        Workspace w = model.read(ids, steps, batch, model.newState(batch));
        LstmConfig config = model.config();
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        Cell cell = config.cell();
        int blocks = cell.gateBlocks();
        float[] gates = new float[blocks * batch * hidden]; // [G, batch, H] one step's gates, reused
        float[] cells = new float[batch * hidden];          // [batch, H] one step's c, reused
        float[] hs = new float[batch * hidden];             // [batch, H] one step's h, reused
        float[] logits = new float[batch * vocab];          // [batch, vocab] one step's logits, then probabilities
        double[] scratch = new double[Math.max(gates.length, logits.length)]; // for a double-precision model
        double[] bias = model.outputBias();
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
                        reader.signal(b, Signal.CELL, l, t, cells, b * hidden);
                    }
                    reader.signal(b, Signal.HIDDEN, l, t, hs, b * hidden);
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
            span.get(scratch, n);
            for (int i = 0; i < n; i++) {
                into[i] = (float) scratch[i];
            }
        } else {
            span.get(into, n);
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
}
