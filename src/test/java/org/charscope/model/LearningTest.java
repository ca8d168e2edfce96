package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole model and optimizer together learn something simple quickly. */
class LearningTest {

    @ParameterizedTest
    @EnumSource(Cell.class)
    void lossFallsOnARepeatingPatternWithin200Iterations(Cell cell) {
        String pattern = "the cat sat on the mat. ";
        int[] text = new int[2000];
        String symbols = " .acehmnost";
        for (int i = 0; i < text.length; i++) {
            text[i] = symbols.indexOf(pattern.charAt(i % pattern.length()));
        }
        LstmConfig config = new LstmConfig(symbols.length(), 2, 32, 0, 0.0, Precision.FLOAT, cell);
        CharLstm model = new CharLstm(config, 11);
        Optimizer adam = new Optimizer(OptimizerConfig.adam(1e-2), model);
        int seq = 25;
        int batch = 8;
        Batch data = Batch.allocate(seq, batch);
        LstmState state = model.newState(batch);
        double first = 0;
        double last = 0;
        int rowLength = text.length / batch;
        for (int iteration = 0; iteration < 200; iteration++) {
            int column = (iteration * seq) % (rowLength - seq - 1);
            if (column < seq) {
                state.reset();
            }
            for (int t = 0; t < seq; t++) {
                for (int b = 0; b < batch; b++) {
                    data.inputs()[t * batch + b] = text[b * rowLength + column + t];
                    data.targets()[t * batch + b] = text[b * rowLength + column + t + 1];
                }
            }
            double loss = model.forwardBackward(data, state, 1, iteration);
            adam.clipGradients(model);
            adam.update(model, 1e-2);
            if (iteration == 0) {
                first = loss;
            }
            last = loss;
        }
        // from ln(11) ≈ 2.4 nats to a text that is deterministic after its first few symbols
        double start = first;
        double end = last;
        assertTrue(first > 2.0 && last < 0.1, () -> cell + ": loss went from " + start + " to " + end);
    }

    /**
     * Windows of the same pattern at random places, each predicting the symbol after it: a
     * bidirectional model learns it too (one scored symbol per window, so more iterations).
     */
    @org.junit.jupiter.api.Test
    void aBidirectionalModelLearnsTheSymbolAfterAWindowWithin300Iterations() {
        String pattern = "the cat sat on the mat. ";
        String symbols = " .acehmnost";
        LstmConfig config = new LstmConfig(symbols.length(), 2, 32, 0, 0.0, Precision.FLOAT, Cell.LSTM, true);
        CharLstm model = new CharLstm(config, 11);
        Optimizer adam = new Optimizer(OptimizerConfig.adam(1e-2), model);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int window = 12;
        int batch = 16;
        Batch data = Batch.allocateWindows(window, batch);
        double first = 0;
        double last = 0;
        for (int iteration = 0; iteration < 300; iteration++) {
            for (int b = 0; b < batch; b++) {
                int at = random.nextInt(pattern.length());
                for (int t = 0; t < window; t++) {
                    data.inputs()[t * batch + b] = symbols.indexOf(pattern.charAt((at + t) % pattern.length()));
                    data.targets()[t * batch + b] = symbols.indexOf(pattern.charAt((at + t + 1) % pattern.length()));
                }
            }
            double loss = model.forwardBackward(data, model.newState(batch), 1, iteration);
            adam.clipGradients(model);
            adam.update(model, 1e-2);
            if (iteration == 0) {
                first = loss;
            }
            last = loss;
        }
        double start = first;
        double end = last;
        assertTrue(first > 2.0 && last < 0.1, () -> "loss went from " + start + " to " + end);
    }
}
