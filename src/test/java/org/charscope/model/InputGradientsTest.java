package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient of log p(target) with respect to every input, held against central finite
 * differences of a forward pass over real-valued inputs, for each cell; and the probability,
 * the scores and the occlusion against plain forward passes.
 */
class InputGradientsTest {

    private static final int VOCAB = 5;
    private static final int[] IDS = {1, 3, 0, 4, 2, 3, 1};
    private static final int TARGET = 2;

    private static CharLstm model(Cell cell) {
        // two layers, so the gradient crosses a layer boundary and the recurrence; double precision for the check
        return new CharLstm(new LstmConfig(VOCAB, 2, 16, 0, 0.0, Precision.DOUBLE, cell, false), 7);
    }

    private static double logP(CharLstm model, double[][] x) {
        INDArray inputs = Nd4j.create(x).castTo(Precision.DOUBLE.dataType()).reshape(x.length * VOCAB);
        return Math.log(InputGradients.softmax(model.denseLogits(inputs.dup(), x.length))[TARGET]);
    }

    private static double[][] oneHot(int[] ids) {
        double[][] x = new double[ids.length][VOCAB];
        for (int t = 0; t < ids.length; t++) {
            x[t][ids[t]] = 1;
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void theGradientMatchesFiniteDifferencesOfRealValuedInputs(Cell cell) {
        CharLstm model = model(cell);
        double[][] x = oneHot(IDS);
        double direct = Math.log(InputGradients.softmax(model.windowLogits(IDS))[TARGET]);
        assertEquals(direct, logP(model, x), 1e-12, "real-valued one-hot inputs read as the symbols do");

        double[][] g = InputGradients.gradients(model, IDS, TARGET);
        double eps = 1e-5;
        double largest = 0;
        for (int t = 0; t < IDS.length; t++) {
            for (int k = 0; k < VOCAB; k++) {
                double saved = x[t][k];
                x[t][k] = saved + eps;
                double up = logP(model, x);
                x[t][k] = saved - eps;
                double down = logP(model, x);
                x[t][k] = saved;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, g[t][k], 1e-7 + 1e-5 * Math.abs(numeric), cell + " step " + t + " symbol " + k);
                largest = Math.max(largest, Math.abs(numeric));
            }
        }
        assertTrue(largest > 1e-3, "a check of something: the largest gradient is " + largest);
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void scoresAreTheGradientAtTheSymbolReadAndTheProbabilityIsTheForwardOne(Cell cell) {
        CharLstm model = model(cell);
        double[][] g = InputGradients.gradients(model, IDS, TARGET);
        InputGradients.Explanation why = InputGradients.explain(model, IDS, TARGET);
        double[] expected = new double[IDS.length];
        for (int t = 0; t < IDS.length; t++) {
            expected[t] = g[t][IDS[t]];
        }
        assertArrayEquals(expected, why.scores(), 1e-12);
        assertEquals(InputGradients.softmax(model.windowLogits(IDS))[TARGET], why.probability(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void occlusionIsTheChangeOfLogProbabilityWhenASymbolIsReplaced(Cell cell) {
        CharLstm model = model(cell);
        double[] change = InputGradients.occlusion(model, IDS, TARGET, 0);
        double original = Math.log(InputGradients.softmax(model.windowLogits(IDS))[TARGET]);
        for (int t = 0; t < IDS.length; t++) {
            int[] replaced = IDS.clone();
            replaced[t] = 0;
            double expected = original - Math.log(InputGradients.softmax(model.windowLogits(replaced))[TARGET]);
            assertEquals(expected, change[t], 1e-6, "step " + t + " (the batched reading hands probabilities over as float)");
        }
        assertEquals(0, change[2], 1e-6, "replacing a symbol by itself changes nothing (but float rounding)");
    }
}
