package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizerTest {

    private final CharLstm model = new CharLstm(new LstmConfig(3, 1, 16, 0, 0, Precision.DOUBLE), 1);
    private final int n = (int) model.parameterCount();

    @Test
    void adamTakesTheTextbookSteps() {
        double[] p0 = model.parameters().toDoubleVector();
        double[] g1 = ramp(0.5, -0.01);
        double[] g2 = ramp(-0.2, 0.003);
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Optimizer adam = new Optimizer(OptimizerConfig.adam(lr), model);
        setGradients(g1);
        adam.update(model, lr);
        setGradients(g2);
        adam.update(model, lr);
        double[] actual = model.parameters().toDoubleVector();
        for (int i = 0; i < n; i++) {
            double m = 0;
            double v = 0;
            double p = p0[i];
            double[][] grads = {g1, g2};
            for (int t = 1; t <= 2; t++) {
                double g = grads[t - 1][i];
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                p -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            assertEquals(p, actual[i], 1e-12, "parameter " + i);
        }
        assertEquals(2, adam.steps());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(OptimizerConfig.Method.class)
    void theFloatPathTakesTheStepsOfTheReference(OptimizerConfig.Method method) {
        CharLstm floats = new CharLstm(model.config().withPrecision(Precision.FLOAT), 1);
        floats.setParameters(model.parametersToFloats());
        model.setParameters(floats.parametersToFloats());   // both start from the same float-rounded values
        OptimizerConfig config = method == OptimizerConfig.Method.ADAM ? OptimizerConfig.adam(0.01) : OptimizerConfig.rmsProp(0.01);
        double[] start = model.parameters().toDoubleVector();
        Optimizer reference = new Optimizer(config, model);
        Optimizer fast = new Optimizer(config, floats);
        for (int step = 0; step < 5; step++) {
            double[] g = ramp(0.4 - 0.1 * step, 0.01 * (step - 2));
            setGradients(g);
            floats.gradients().assign(Nd4j.create(g).castTo(floats.gradients().dataType()));
            reference.update(model, 0.01);
            fast.update(floats, 0.01);
        }
        double[] expected = model.parameters().toDoubleVector();
        double[] actual = floats.parameters().toDoubleVector();
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "parameter " + i + " after 5 " + method + " steps");
        }
        assertTrue(Math.abs(expected[0] - start[0]) > 0.01, "5 steps at 0.01 move a weight by about 0.05");
    }

    @Test
    void rmsPropTakesTheTextbookStep() {
        double[] p0 = model.parameters().toDoubleVector();
        double[] g = ramp(0.3, 0.02);
        Optimizer rms = new Optimizer(OptimizerConfig.rmsProp(0.002), model);
        setGradients(g);
        rms.update(model, 0.002);
        double[] actual = model.parameters().toDoubleVector();
        for (int i = 0; i < n; i++) {
            double v = 0.05 * g[i] * g[i];
            assertEquals(p0[i] - 0.002 * g[i] / (Math.sqrt(v) + 1e-8), actual[i], 1e-12);
        }
    }

    @Test
    void clippingScalesToTheNormAndReportsTheNormBefore() {
        Optimizer optimizer = new Optimizer(OptimizerConfig.adam(0.01).withClipNorm(5), model);
        double[] g = ramp(1, 0.5);
        double norm = norm(g);
        assertTrue(norm > 5);
        setGradients(g);
        assertEquals(norm, optimizer.clipGradients(model), 1e-9 * norm);
        double[] clipped = model.gradients().toDoubleVector();
        assertEquals(5, norm(clipped), 1e-9);
        assertEquals(g[7] * 5 / norm, clipped[7], 1e-12);

        double[] small = ramp(1e-4, 0);
        setGradients(small);
        assertEquals(norm(small), optimizer.clipGradients(model), 1e-15);
        assertEquals(small[3], model.gradients().getDouble(3), 0);
    }

    @Test
    void nonFiniteGradientsGiveANonFiniteNormAndAreLeftAlone() {
        Optimizer optimizer = new Optimizer(OptimizerConfig.defaults(), model);
        double[] g = ramp(1, 1);
        g[10] = Double.NaN;
        setGradients(g);
        assertTrue(Double.isNaN(optimizer.clipGradients(model)));
        g[10] = Double.POSITIVE_INFINITY;
        setGradients(g);
        assertTrue(Double.isInfinite(optimizer.clipGradients(model)));
        assertEquals(g[11], model.gradients().getDouble(11), 0);
    }

    @Test
    void floatAdamMatchesDoubleAdam() {
        CharLstm single = new CharLstm(model.config().withPrecision(Precision.FLOAT), 1);
        Optimizer a = new Optimizer(OptimizerConfig.defaults(), model);
        Optimizer b = new Optimizer(OptimizerConfig.defaults(), single);
        single.setParameters(model.parametersToFloats());
        model.setParameters(single.parametersToFloats());
        double[] g = ramp(0.1, -0.001);
        setGradients(g);
        single.gradients().assign(model.gradients().castTo(single.gradients().dataType()));
        a.update(model, 0.002);
        b.update(single, 0.002);
        double[] expected = model.parameters().toDoubleVector();
        double[] actual = single.parameters().toDoubleVector();
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], actual[i], 1e-6);
        }
    }

    @Test
    void schedules() {
        assertEquals(1.0, LearningRateSchedule.constant().factor(12345), 0);
        LearningRateSchedule step = LearningRateSchedule.step(100, 0.5);
        assertEquals(1.0, step.factor(99), 0);
        assertEquals(0.5, step.factor(100), 0);
        assertEquals(0.25, step.factor(250), 0);
        LearningRateSchedule cosine = LearningRateSchedule.cosine(1000, 0.1);
        assertEquals(1.0, cosine.factor(0), 1e-12);
        assertEquals(0.55, cosine.factor(500), 1e-12);
        assertEquals(0.1, cosine.factor(1000), 1e-12);
        assertEquals(0.1, cosine.factor(5000), 1e-12);
        assertEquals(0.004 * 0.25, OptimizerConfig.adam(0.004).withSchedule(step).learningRate(200), 1e-15);
    }

    private double[] ramp(double start, double slope) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = start + slope * i * Math.sin(i);
        }
        return g;
    }

    private void setGradients(double[] g) {
        INDArray gradients = model.gradients();
        for (int i = 0; i < n; i++) {
            gradients.putScalar(i, g[i]);
        }
    }

    private static double norm(double[] g) {
        double sum = 0;
        for (double x : g) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
