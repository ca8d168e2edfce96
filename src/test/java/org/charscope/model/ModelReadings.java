package org.charscope.model;

import java.util.List;

/**
 * Everything inside a model while it reads a short text, as one {@link Activations}: the tests'
 * reader, moved here from {@code CharLstm.activations} (no production code called it). It reads the
 * whole workspace after one forward pass, independently of {@link WindowReading}'s step-by-step
 * copies, so that the explorer's reading can be checked against it.
 */
public final class ModelReadings {

    private ModelReadings() {
    }

    /**
     * Runs {@code ids} through the model (batch 1, no dropout) from {@code state}, advancing it, and
     * returns every gate, cell and hidden value of every layer at every step, with the predicted
     * distribution after each symbol. At most {@link Activations#MAX_STEPS} symbols.
     */
    public static Activations activations(CharLstm model, int[] ids, LstmState state) {
        if (ids.length == 0 || ids.length > Activations.MAX_STEPS) {
            throw new IllegalArgumentException("activations are taken over 1 to " + Activations.MAX_STEPS
                    + " symbols, not " + ids.length);
        }
        model.refuseIfBidirectional("one step at a time by the explorer");
        LstmConfig config = model.config();
        state.checkShape(config.layers(), 1, config.hidden());
        Workspace w = model.read(ids, ids.length, 1, state);
        int steps = ids.length;
        int hidden = config.hidden();
        int layers = config.layers();
        Cell cell = config.cell();
        int blocks = cell.gateBlocks();
        List<Signal> signals = cell.signals();
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
                    copyInto(values, signals, Signal.CELL, l, t, layers, steps, hidden, cells, t * hidden);
                }
                copyInto(values, signals, Signal.HIDDEN, l, t, layers, steps, hidden, hs, t * hidden);
            }
        }
        int vocab = config.vocabSize();
        double[] logits = w.logits.toDoubles();   // [steps, vocab] without bias
        double[] bias = model.outputBias();
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

    private static void copyInto(float[] values, List<Signal> signals, Signal signal, int layer, int step, int layers,
                                 int steps, int hidden, float[] from, int fromOffset) {
        int at = ((signals.indexOf(signal) * layers + layer) * steps + step) * hidden;
        System.arraycopy(from, fromOffset, values, at, hidden);
    }
}
