package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forward pass against {@link NaiveLstm}, and float32 against float64. */
class ForwardTest {

    @ParameterizedTest(name = "layers {0}, seq {1}, batch {2}, embedding {3}")
    @CsvSource({"1, 1, 1, 0", "2, 6, 3, 0", "3, 4, 2, 0", "2, 5, 2, 7"})
    void lossAndStateMatchTheNaiveImplementation(int layers, int seq, int batch, int embedding) {
        LstmConfig config = new LstmConfig(11, layers, 16, embedding, 0.0, Precision.DOUBLE);
        CharLstm model = new CharLstm(config, 5);
        NaiveLstm naive = new NaiveLstm(config, model.parameters().toDoubleVector(), batch);
        LstmState state = model.newState(batch);
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 2; round++) { // the second batch starts from the carried state
            Batch data = GradientCheckTest.randomBatch(random, config.vocabSize(), seq, batch);
            assertEquals(naive.loss(data), model.loss(data, state), 1e-12);
        }
        float[] carried = state.toFloats();
        int hidden = config.hidden();
        for (int l = 0; l < layers; l++) {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) {
                    int at = (l * batch + b) * hidden + j;
                    assertEquals(naive.h[l][b][j], carried[at], 1e-6);
                    assertEquals(naive.c[l][b][j], carried[carried.length / 2 + at], 1e-6);
                }
            }
        }
    }

    /** The backward cell, the flips and both halves of the second layer's input weights, for windows read side by side. */
    @ParameterizedTest(name = "bidirectional: layers {0}, window {1}, batch {2}")
    @CsvSource({"2, 1, 1", "2, 7, 3", "3, 5, 2"})
    void aBidirectionalModelMatchesTheNaiveImplementation(int layers, int window, int batch) {
        LstmConfig config = new LstmConfig(11, layers, 16, 0, 0.0, Precision.DOUBLE, Cell.LSTM, true);
        CharLstm model = new CharLstm(config, 5);
        NaiveLstm naive = new NaiveLstm(config, model.parameters().toDoubleVector(), 1);
        SplittableRandom random = new SplittableRandom(4);
        Batch data = Batch.allocateWindows(window, batch);
        double expected = 0;
        for (int b = 0; b < batch; b++) {
            int[] ids = new int[window];
            for (int t = 0; t < window; t++) {
                ids[t] = random.nextInt(config.vocabSize());
                data.inputs()[t * batch + b] = ids[t];
            }
            int target = random.nextInt(config.vocabSize());
            data.targets()[(window - 1) * batch + b] = target;
            double[] logits = naive.bidirectionalLastLogits(ids);
            assertArrayEquals(logits, model.windowLogits(ids), 1e-12);
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double sum = java.util.Arrays.stream(logits).map(y -> Math.exp(y - max)).sum();
            expected += (Math.log(sum) + max - logits[target]) / batch;
        }
        assertEquals(expected, model.loss(data, model.newState(batch)), 1e-12);
    }

    @Test
    void activationsAreTheGatesOfTheNaiveImplementation() {
        LstmConfig config = new LstmConfig(7, 2, 16, 0, 0.0, Precision.DOUBLE);
        CharLstm model = new CharLstm(config, 8);
        int[] ids = {1, 4, 2, 6, 0};
        Activations acts = ModelReadings.activations(model, ids, model.newState(1));
        NaiveLstm naive = new NaiveLstm(config, model.parameters().toDoubleVector(), 1);
        int[] targets = new int[ids.length]; // any: only the state and gates are compared
        naive.loss(new Batch(ids, targets, ids.length, 1));
        int last = ids.length - 1;
        Signal[] gates = {Signal.INPUT_GATE, Signal.FORGET_GATE,
                Signal.CANDIDATE, Signal.OUTPUT_GATE};
        for (int l = 0; l < 2; l++) {
            for (int g = 0; g < 4; g++) {
                assertArrayEquals(toFloat(naive.lastGates[l][0][g]), acts.vector(gates[g], l, last), 1e-6f);
            }
            assertArrayEquals(toFloat(naive.c[l][0]), acts.vector(Signal.CELL, l, last), 1e-6f);
            assertArrayEquals(toFloat(naive.h[l][0]), acts.vector(Signal.HIDDEN, l, last), 1e-6f);
        }
        float sum = 0;
        for (float p : acts.probabilities(last)) {
            sum += p;
        }
        assertEquals(1f, sum, 1e-5f);
    }

    @ParameterizedTest(name = "{2}: dropout {0}, embedding {1}")
    @CsvSource({"0.0, 0, LSTM", "0.25, 0, LSTM", "0.25, 9, LSTM", "0.0, 0, GRU", "0.25, 9, GRU", "0.0, 0, RNN",
            "0.25, 9, RNN"})
    void floatKernelsMatchTheReference(double dropout, int embedding, Cell cell) {
        LstmConfig doubles = new LstmConfig(13, 2, 32, embedding, dropout, Precision.DOUBLE, cell);
        CharLstm reference = new CharLstm(doubles, 21);
        CharLstm model = new CharLstm(doubles.withPrecision(Precision.FLOAT), 21);
        model.setParameters(reference.parametersToFloats());
        reference.setParameters(model.parametersToFloats()); // both hold the same float-rounded values
        SplittableRandom random = new SplittableRandom(4);
        LstmState s1 = reference.newState(4);
        LstmState s2 = model.newState(4);
        for (int round = 0; round < 3; round++) {
            Batch data = GradientCheckTest.randomBatch(random, 13, 20, 4);
            double expected = reference.forwardBackward(data, s1, 17, round);
            double actual = model.forwardBackward(data, s2, 17, round);
            assertEquals(expected, actual, 1e-5 * expected);
            double[] g1 = reference.gradients().toDoubleVector();
            double[] g2 = model.gradients().toDoubleVector();
            double scale = 0;
            for (double g : g1) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < g1.length; i++) {
                double tolerance = 1e-4 * scale;
                int index = i;
                assertTrue(Math.abs(g1[i] - g2[i]) <= tolerance,
                        () -> "gradient " + index + ": " + g1[index] + " vs " + g2[index]);
            }
        }
    }

    @Test
    void floatTanhIsAccurate() {
        double worst = 0;
        for (float x = -12f; x <= 12f; x += 0.001f) {
            worst = Math.max(worst, Math.abs(FloatKernels.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 5e-7, "max error " + worst);
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** A window batch's loss is the mean over its rows of the loss of the last prediction alone. */
    @Test
    void aWindowBatchScoresOnlyItsLastStep() {
        LstmConfig config = new LstmConfig(7, 2, 16, 0, 0.0, Precision.DOUBLE);
        CharLstm model = new CharLstm(config, 3);
        SplittableRandom random = new SplittableRandom(12);
        int window = 6;
        int rows = 4;
        Batch any = GradientCheckTest.randomBatch(random, 7, window, rows);
        Batch windows = new Batch(any.inputs(), any.targets(), window, rows, window - 1);
        double expected = 0;
        for (int b = 0; b < rows; b++) {
            int[] ids = new int[window];
            for (int t = 0; t < window; t++) {
                ids[t] = any.inputs()[t * rows + b];
            }
            double[] logits = model.nextLogits(ids, model.newState(1));
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double sum = 0;
            for (double y : logits) {
                sum += Math.exp(y - max);
            }
            expected += Math.log(sum) + max - logits[any.targets()[(window - 1) * rows + b]];
        }
        expected /= rows;
        assertEquals(expected, model.loss(windows, model.newState(rows)), 1e-12);
        assertEquals(expected, model.forwardBackward(windows, model.newState(rows), 0, 0), 1e-12);
    }
}
