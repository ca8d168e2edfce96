package org.charscope.model;

import java.util.Arrays;

/**
 * The tests' record of everything inside the model while it read a short text (batch 1), moved
 * from production code with {@code CharLstm.activations} (ModelReadings): per layer, step and unit each
 * signal its cell has ({@link Cell#signals()}: for the LSTM the input, forget and output gates, the
 * candidate, the cell state and the hidden state; for the GRU its reset and update gates, candidate
 * and hidden state; for the RNN the hidden state), and after each symbol the predicted
 * distribution of the next one. Plain Java and immutable (arrays are
 * copied in and out), so it can go to any thread.
 *
 * @param layers         LSTM layers
 * @param steps          symbols read
 * @param hidden         units per layer
 * @param vocabSize      symbols in the vocabulary
 * @param symbols        [steps] the ids read
 * @param values         [signal][layer][step][unit] flattened, signals in {@code cell.signals()} order
 * @param probabilities  [step][vocab] flattened: softmax of the output after reading symbol t
 * @param cell           the model's cell, which decides the signals
 */
public record Activations(int layers, int steps, int hidden, int vocabSize, int[] symbols, float[] values,
                          float[] probabilities, Cell cell) {

    /** Most symbols one reading looks at, as for the explorer's windows. */
    public static final int MAX_STEPS = WindowReading.MAX_STEPS;

    /** An LSTM's reading. */
    public Activations(int layers, int steps, int hidden, int vocabSize, int[] symbols, float[] values,
                       float[] probabilities) {
        this(layers, steps, hidden, vocabSize, symbols, values, probabilities, Cell.LSTM);
    }

    public Activations {
        int signals = cell.signals().size();
        if (symbols.length != steps || values.length != signals * layers * steps * hidden
                || probabilities.length != steps * vocabSize) {
            throw new IllegalArgumentException("array sizes do not match " + layers + " layers × " + steps
                    + " steps × " + hidden + " units");
        }
        symbols = symbols.clone();
        values = values.clone();
        probabilities = probabilities.clone();
    }

    /** One value: signal of unit {@code unit} in layer {@code layer} after step {@code step}. */
    public float value(Signal signal, int layer, int step, int unit) {
        return values[index(signal, layer, step) + checkUnit(unit)];
    }

    /** All units of one signal, layer and step: [hidden], a copy. */
    public float[] vector(Signal signal, int layer, int step) {
        int from = index(signal, layer, step);
        return Arrays.copyOfRange(values, from, from + hidden);
    }

    /** One unit over all steps: [steps], a copy. */
    public float[] series(Signal signal, int layer, int unit) {
        checkUnit(unit);
        float[] out = new float[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = values[index(signal, layer, t) + unit];
        }
        return out;
    }

    /**
     * Copies {@code count} steps of one signal and layer, from step {@code fromStep}, into
     * {@code into} at {@code intoOffset}: [count][hidden]. For readers that gather many windows
     * into one passage without taking a copy of everything first.
     */
    public void copySteps(Signal signal, int layer, int fromStep, int count, float[] into, int intoOffset) {
        if (count < 0 || fromStep + count > steps) {
            throw new IndexOutOfBoundsException("steps " + fromStep + " to " + (fromStep + count) + " of " + steps);
        }
        if (count > 0) {
            System.arraycopy(values, index(signal, layer, fromStep), into, intoOffset, count * hidden);
        }
    }

    /** Copies the distributions after {@code count} steps from {@code fromStep} into {@code into}: [count][vocab]. */
    public void copyProbabilities(int fromStep, int count, float[] into, int intoOffset) {
        if (fromStep < 0 || count < 0 || fromStep + count > steps) {
            throw new IndexOutOfBoundsException("steps " + fromStep + " to " + (fromStep + count) + " of " + steps);
        }
        System.arraycopy(probabilities, fromStep * vocabSize, into, intoOffset, count * vocabSize);
    }

    /** The predicted distribution of the symbol after step {@code step}: [vocab], a copy. */
    public float[] probabilities(int step) {
        if (step < 0 || step >= steps) {
            throw new IndexOutOfBoundsException("step " + step + " of " + steps);
        }
        return Arrays.copyOfRange(probabilities, step * vocabSize, (step + 1) * vocabSize);
    }

    @Override
    public int[] symbols() {
        return symbols.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activations a && layers == a.layers && steps == a.steps && hidden == a.hidden
                && vocabSize == a.vocabSize && Arrays.equals(symbols, a.symbols) && Arrays.equals(values, a.values)
                && Arrays.equals(probabilities, a.probabilities) && cell == a.cell;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(symbols);
    }

    @Override
    public String toString() {
        return "Activations[" + layers + " layers × " + steps + " steps × " + hidden + " units]";
    }

    /** Whether this reading holds {@code signal} (a GRU has no forget gate, an RNN only h). */
    public boolean has(Signal signal) {
        return cell.signals().contains(signal);
    }

    private int index(Signal signal, int layer, int step) {
        if (layer < 0 || layer >= layers || step < 0 || step >= steps) {
            throw new IndexOutOfBoundsException("layer " + layer + " step " + step + " of " + layers + " × " + steps);
        }
        int position = cell.signals().indexOf(signal);
        if (position < 0) {
            throw new IllegalArgumentException("a " + cell + " cell has no " + signal);
        }
        return ((position * layers + layer) * steps + step) * hidden;
    }

    private int checkUnit(int unit) {
        if (unit < 0 || unit >= hidden) {
            throw new IndexOutOfBoundsException("unit " + unit + " of " + hidden);
        }
        return unit;
    }
}
