package org.charscope.model;

/**
 * The math, as written: the element-wise part of every step in double precision, one plain loop
 * per equation, variables named after the quantities of the equations in {@link LstmCell},
 * {@link GruCell} and {@link RnnCell}. Nothing is streamed or reused: each call reads its spans
 * into fresh arrays and writes its results back. A double-precision model runs on it (the gradient
 * checks do), and the tests hold {@link FloatKernels} against it.
 */
final class ReferenceKernels implements Kernels {

    /** dc_{t+1} ⊙ f_{t+1} (LSTM) or dh_{t+1} ⊙ u_{t+1} (GRU): what step t+1 hands back to step t. */
    private double[] carried = new double[0];

    @Override
    public void lstmForward(Span zSpan, Span cPrevSpan, Span gates, Span cSpan, Span tanhCSpan, Span hSpan,
                            int batch, int hidden) {
        int n = batch * hidden;
        double[] z = zSpan.toDoubles();          // [batch, 4H]: each row z_i, z_f, z_g, z_o
        double[] cPrev = cPrevSpan.toDoubles();  // [batch, H]
        double[] i = new double[n];              // [batch, H] each, below
        double[] f = new double[n];
        double[] g = new double[n];
        double[] o = new double[n];
        double[] c = new double[n];
        double[] tanhC = new double[n];
        double[] h = new double[n];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < hidden; k++) {
                int at = b * hidden + k;
                int row = b * 4 * hidden + k;
                i[at] = sigmoid(z[row]);
                f[at] = sigmoid(z[row + hidden]);
                g[at] = Math.tanh(z[row + 2 * hidden]);
                o[at] = sigmoid(z[row + 3 * hidden]);
            }
        }
        for (int at = 0; at < n; at++) {
            c[at] = f[at] * cPrev[at] + i[at] * g[at];
            tanhC[at] = Math.tanh(c[at]);
            h[at] = o[at] * tanhC[at];
        }
        writeGates(gates, n, i, f, g, o);
        cSpan.set(c);
        tanhCSpan.set(tanhC);
        hSpan.set(h);
    }

    @Override
    public void lstmBackward(Span gates, Span cPrevSpan, Span tanhCSpan, Span dhOut, Span dhRecurrent, Span dzSpan,
                             int batch, int hidden, boolean lastStep) {
        int n = batch * hidden;
        double[] all = gates.toDoubles();        // [4, batch, H]
        double[] cPrev = cPrevSpan.toDoubles();  // [batch, H]
        double[] tanhC = tanhCSpan.toDoubles();  // [batch, H]
        double[] dh = sum(dhOut, dhRecurrent);   // [batch, H]
        double[] dcNext = fromNextStep(lastStep, n);
        double[] dz = new double[4 * n];         // [batch, 4H]
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < hidden; k++) {
                int at = b * hidden + k;
                int row = b * 4 * hidden + k;
                double i = all[at];
                double f = all[n + at];
                double g = all[2 * n + at];
                double o = all[3 * n + at];
                double dc = dcNext[at] + dh[at] * o * (1 - tanhC[at] * tanhC[at]);
                double dzInput = dc * g * i * (1 - i);
                double dzForget = dc * cPrev[at] * f * (1 - f);
                double dzCandidate = dc * i * (1 - g * g);
                double dzOutput = dh[at] * tanhC[at] * o * (1 - o);
                dz[row] = dzInput;
                dz[row + hidden] = dzForget;
                dz[row + 2 * hidden] = dzCandidate;
                dz[row + 3 * hidden] = dzOutput;
                carried[at] = dc * f;            // dcPrev, for step t-1
            }
        }
        dzSpan.set(dz);
    }

    @Override
    public void rnnForward(Span zSpan, Span hSpan, int batch, int hidden) {
        double[] z = zSpan.toDoubles();          // [batch, H]
        double[] h = new double[z.length];
        for (int at = 0; at < z.length; at++) {
            h[at] = Math.tanh(z[at]);
        }
        hSpan.set(h);
    }

    @Override
    public void rnnBackward(Span hSpan, Span dhOut, Span dhRecurrent, Span dzSpan, int batch, int hidden) {
        double[] h = hSpan.toDoubles();          // [batch, H]
        double[] dh = sum(dhOut, dhRecurrent);
        double[] dz = new double[h.length];
        for (int at = 0; at < h.length; at++) {
            dz[at] = dh[at] * (1 - h[at] * h[at]);
        }
        dzSpan.set(dz);
    }

    @Override
    public void gruForward(Span aSpan, Span qSpan, Span hPrevSpan, Span gates, Span hSpan, int batch, int hidden) {
        int n = batch * hidden;
        double[] a = aSpan.toDoubles();          // [batch, 3H]: a_r, a_u, a_n
        double[] q = qSpan.toDoubles();          // [batch, 3H]: q_r, q_u, q_n
        double[] hPrev = hPrevSpan.toDoubles();  // [batch, H]
        double[] r = new double[n];
        double[] u = new double[n];
        double[] candidate = new double[n];
        double[] h = new double[n];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < hidden; k++) {
                int at = b * hidden + k;
                int row = b * 3 * hidden + k;
                r[at] = sigmoid(a[row] + q[row]);
                u[at] = sigmoid(a[row + hidden] + q[row + hidden]);
                candidate[at] = Math.tanh(a[row + 2 * hidden] + r[at] * q[row + 2 * hidden]);
                h[at] = (1 - u[at]) * candidate[at] + u[at] * hPrev[at];
            }
        }
        writeGates(gates, n, r, u, candidate);
        hSpan.set(h);
    }

    @Override
    public void gruBackward(Span gates, Span hPrevSpan, Span qSpan, Span dhOut, Span dhRecurrent, Span daSpan,
                            Span dqSpan, int batch, int hidden, boolean lastStep) {
        int n = batch * hidden;
        double[] all = gates.toDoubles();        // [3, batch, H]: r, u, n
        double[] hPrev = hPrevSpan.toDoubles();  // [batch, H]
        double[] q = qSpan.toDoubles();          // [batch, 3H], read before dq may overwrite it
        double[] dhFromAbove = sum(dhOut, dhRecurrent);
        double[] dhCarry = fromNextStep(lastStep, n);
        double[] da = new double[3 * n];         // [batch, 3H]
        double[] dq = new double[3 * n];         // [batch, 3H]
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < hidden; k++) {
                int at = b * hidden + k;
                int row = b * 3 * hidden + k;
                double r = all[at];
                double u = all[n + at];
                double candidate = all[2 * n + at];
                double dh = dhFromAbove[at] + dhCarry[at];
                double dzUpdate = dh * (hPrev[at] - candidate) * u * (1 - u);
                double dzCandidate = dh * (1 - u) * (1 - candidate * candidate);
                double dzReset = dzCandidate * q[row + 2 * hidden] * r * (1 - r);
                da[row] = dzReset;
                da[row + hidden] = dzUpdate;
                da[row + 2 * hidden] = dzCandidate;
                dq[row] = dzReset;
                dq[row + hidden] = dzUpdate;
                dq[row + 2 * hidden] = dzCandidate * r;
                carried[at] = dh * u;            // the direct path u ⊙ hPrev, for step t-1
            }
        }
        daSpan.set(da);
        dqSpan.set(dq);
    }

    @Override
    public double crossEntropy(Span logitSpan, Span biasSpan, int[] targets, int rows, int vocab,
                               double gradientScale) {
        double[] y = logitSpan.toDoubles();      // [rows, vocab]
        double[] bias = biasSpan.toDoubles();    // [vocab]
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < vocab; k++) {
                y[row + k] += bias[k];
                max = Math.max(max, y[row + k]);
            }
            double sumOfExp = 0;
            for (int k = 0; k < vocab; k++) {
                sumOfExp += Math.exp(y[row + k] - max);
            }
            total += Math.log(sumOfExp) + max - y[row + targets[r]];
            for (int k = 0; k < vocab; k++) {
                double softmax = Math.exp(y[row + k] - max) / sumOfExp;
                y[row + k] = gradientScale * (softmax - (k == targets[r] ? 1 : 0));
            }
        }
        if (gradientScale != 0) {
            logitSpan.set(y);
        }
        return total;
    }

    @Override
    public void gatherRows(Span tableSpan, int tableRows, int width, int[] ids, int from, int count, Span out) {
        double[] table = tableSpan.toDoubles();  // [tableRows, width]
        double[] rows = new double[count * width];
        for (int n = 0; n < count; n++) {
            System.arraycopy(table, ids[from + n] * width, rows, n * width, width);
        }
        out.set(rows);
    }

    @Override
    public void scatterRows(Span rowSpan, int[] ids, int width, Span tableSpan, int tableRows) {
        double[] rows = rowSpan.toDoubles();     // [ids.length, width]
        double[] table = new double[tableRows * width];
        for (int n = 0; n < ids.length; n++) {
            for (int k = 0; k < width; k++) {
                table[ids[n] * width + k] += rows[n * width + k];
            }
        }
        tableSpan.set(table);
    }

    @Override
    public void dropout(Span xSpan, Span maskSpan, Span outSpan, double p, long stream, long firstIndex) {
        double[] x = xSpan.toDoubles();
        double[] mask = new double[x.length];
        double[] out = new double[x.length];
        for (int e = 0; e < x.length; e++) {
            mask[e] = Dropout.keep(stream, firstIndex + e, p) ? 1 / (1 - p) : 0;
            out[e] = x[e] * mask[e];
        }
        maskSpan.set(mask);
        outSpan.set(out);
    }

    @Override
    public void multiply(Span xSpan, Span maskSpan) {
        double[] x = xSpan.toDoubles();
        double[] mask = maskSpan.toDoubles();
        for (int e = 0; e < x.length; e++) {
            x[e] *= mask[e];
        }
        xSpan.set(x);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** What step t+1 handed back (zeros at the last step); step t then fills a new {@code carried}. */
    private double[] fromNextStep(boolean lastStep, int n) {
        double[] fromNext = lastStep || carried.length != n ? new double[n] : carried;
        carried = new double[n];
        return fromNext;
    }

    /** dhOut + dhRecurrent, or dhOut alone at the last step. */
    private static double[] sum(Span dhOut, Span dhRecurrent) {
        double[] dh = dhOut.toDoubles();
        if (dhRecurrent != null) {
            double[] recurrent = dhRecurrent.toDoubles();
            for (int at = 0; at < dh.length; at++) {
                dh[at] += recurrent[at];
            }
        }
        return dh;
    }

    /** Writes gates gate-major: [G, batch, H]. */
    private static void writeGates(Span gates, int n, double[]... each) {
        for (int g = 0; g < each.length; g++) {
            gates.put((long) g * n, each[g], 0, n);
        }
    }
}
