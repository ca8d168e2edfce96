package org.charscope.model;

/**
 * The LSTM written the slowest, plainest way, scalar by scalar in double, straight from the
 * equations in {@link CharLstm}'s Javadoc: the reference the real forward pass is compared with.
 * No dropout.
 */
final class NaiveLstm {

    final double[][][] h;  // [layer][batch][hidden] current state
    final double[][][] c;
    double[][][][] lastGates; // [layer][batch][gate i,f,g,o][hidden] of the last step
    HeldUnits held = HeldUnits.NONE;   // written after each step, as HeldUnits' Javadoc says

    private final LstmConfig config;
    private final ParameterLayout layout;
    private final double[] p;

    NaiveLstm(LstmConfig config, double[] parameters, int batch) {
        this.config = config;
        this.layout = ParameterLayout.of(config);
        this.p = parameters;
        h = new double[config.layers()][batch][config.hidden()];
        c = new double[config.layers()][batch][config.hidden()];
    }

    /** Mean cross-entropy over the batch, advancing h and c. */
    double loss(Batch batch) {
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        double total = 0;
        for (int t = 0; t < batch.seqLength(); t++) {
            lastGates = new double[config.layers()][batch.batchSize()][4][hidden];
            for (int b = 0; b < batch.batchSize(); b++) {
                int id = batch.inputs()[t * batch.batchSize() + b];
                double[] x;
                if (config.oneHot()) {
                    x = new double[vocab];
                    x[id] = 1;
                } else {
                    x = new double[config.embedding()];
                    for (int e = 0; e < x.length; e++) {
                        x[e] = weight(layout.embedding, id, e);
                    }
                }
                for (int l = 0; l < config.layers(); l++) {
                    double[][] next = step(l, x, h[l][b], c[l][b], lastGates[l][b]);
                    h[l][b] = next[0];
                    c[l][b] = next[1];
                    hold(l, b);
                    x = h[l][b];
                }
                double[] y = new double[vocab];
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocab; v++) {
                    y[v] = weight(layout.outputBias, 0, v);
                    for (int k = 0; k < hidden; k++) {
                        y[v] += x[k] * weight(layout.outputWeights, k, v);
                    }
                    max = Math.max(max, y[v]);
                }
                double sum = 0;
                for (int v = 0; v < vocab; v++) {
                    sum += Math.exp(y[v] - max);
                }
                total += Math.log(sum) + max - y[batch.targets()[t * batch.batchSize() + b]];
            }
        }
        return total / batch.size();
    }

    private void hold(int l, int b) {
        for (Signal pass : new Signal[] {Signal.CELL, Signal.HIDDEN}) {
            for (HeldUnits.Held unit : held.units()) {
                UnitSite site = unit.site();
                if (site.layer() == l && site.quantity() == pass) {
                    if (pass == Signal.CELL) {
                        c[l][b][site.unit()] = unit.value();
                        h[l][b][site.unit()] = lastGates[l][b][3][site.unit()] * Math.tanh(unit.value());
                    } else {
                        h[l][b][site.unit()] = unit.value();
                    }
                }
            }
        }
    }

    /**
     * A bidirectional LSTM over one window from zero states, by the equations of
     * {@link CharLstm}'s Javadoc: the forward cell over s_0 .. s_{T-1}, the backward cell over
     * s_{T-1} .. s_0, the second layer reading both at each step of the text, the layers above as
     * usual; the output logits after the last symbol.
     */
    double[] bidirectionalLastLogits(int[] window) {
        int hidden = config.hidden();
        int vocab = config.vocabSize();
        int steps = window.length;
        int back = config.layers();
        double[][] forwards = run(0, oneHot(window, vocab));
        int[] reversed = new int[steps];
        for (int t = 0; t < steps; t++) {
            reversed[t] = window[steps - 1 - t];
        }
        double[][] backwards = run(back, oneHot(reversed, vocab));
        double[][] x = new double[steps][2 * hidden];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(forwards[t], 0, x[t], 0, hidden);
            System.arraycopy(backwards[steps - 1 - t], 0, x[t], hidden, hidden);
        }
        for (int l = 1; l < config.layers(); l++) {
            x = run(l, x);
        }
        double[] top = x[steps - 1];
        double[] y = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            y[v] = weight(layout.outputBias, 0, v);
            for (int k = 0; k < hidden; k++) {
                y[v] += top[k] * weight(layout.outputWeights, k, v);
            }
        }
        return y;
    }

    private static double[][] oneHot(int[] ids, int vocab) {
        double[][] x = new double[ids.length][vocab];
        for (int t = 0; t < ids.length; t++) {
            x[t][ids[t]] = 1;
        }
        return x;
    }

    /** The hidden states of LSTM unit {@code unit} over inputs x [steps][in], from zero. */
    private double[][] run(int unit, double[][] x) {
        int hidden = config.hidden();
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double[][] next = step(unit, x[t], h, c, null);
            h = next[0];
            c = next[1];
            out[t] = h;
        }
        return out;
    }

    /**
     * One step of LSTM unit {@code unit} from (h, c) on input x: {new h, new c}; the gates i, f, g, o
     * go to {@code gates} [4][hidden] when it is not null.
     */
    private double[][] step(int unit, double[] x, double[] h, double[] c, double[][] gates) {
        int hidden = config.hidden();
        double[] hNew = new double[hidden];
        double[] cNew = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double[] z = new double[4];
            for (int gate = 0; gate < 4; gate++) {
                int col = gate * hidden + j;
                double sum = weight(layout.gateBiases[unit], 0, col);
                for (int k = 0; k < x.length; k++) {
                    sum += x[k] * weight(layout.inputWeights[unit], k, col);
                }
                for (int k = 0; k < hidden; k++) {
                    sum += h[k] * weight(layout.recurrentWeights[unit], k, col);
                }
                z[gate] = sum;
            }
            double i = sigmoid(z[0]);
            double f = sigmoid(z[1]);
            double g = Math.tanh(z[2]);
            double o = sigmoid(z[3]);
            cNew[j] = f * c[j] + i * g;
            hNew[j] = o * Math.tanh(cNew[j]);
            if (gates != null) {
                gates[0][j] = i;
                gates[1][j] = f;
                gates[2][j] = g;
                gates[3][j] = o;
            }
        }
        return new double[][] {hNew, cNew};
    }

    private double weight(ParameterLayout.Block block, int row, int col) {
        return p[(int) (block.offset() + (long) row * block.cols() + col)];
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
