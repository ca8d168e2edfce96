package org.charscope.model;

/**
 * {@link Kernels} in float64, line for line the same as {@link FloatKernels} but with the exact
 * {@code Math.tanh} and {@code Math.exp}: the reference the gradient checks run on and that the
 * float kernels are compared with.
 */
final class DoubleKernels implements Kernels {

    /** Elements per chunk for the kernels that stream over a whole sequence. */
    private static final int CHUNK = 1 << 16;

    private double[] a = new double[0];   // scratch, grown on demand
    private double[] b = new double[0];
    private double[] c = new double[0];
    private double[] d = new double[0];
    private double[] e = new double[0];
    private double[] f = new double[0];
    private double[] dcCarry = new double[0]; // [batch * hidden] dc carried from step t+1 to t

    @Override
    public void cellForward(Span z, Span cPrev, Span gates, Span cOut, Span tanhC, Span h,
                            int batch, int hidden) {
        int width = 4 * hidden;
        int n = batch * hidden;
        double[] zs = a = grow(a, batch * width);    // [batch, 4H] pre-activations as the product left them
        double[] gs = f = grow(f, batch * width);    // [4, batch, H] gate-major: i, f, g, o
        double[] cs = c = grow(c, n);                // [batch, H] cPrev, then c
        double[] tc = d = grow(d, n);                // [batch, H] tanh(c)
        double[] hs = e = grow(e, n);                // [batch, H]
        z.get(zs, batch * width);
        cPrev.get(cs, n);
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            for (int gate = 0; gate < 4; gate++) {
                System.arraycopy(zs, row + gate * hidden, gs, gate * n + r * hidden, hidden);
            }
        }
        // flat loops over the whole batch: long loops keep C2's scalar remainders negligible
        sigmoid(gs, 0, 2 * n);          // i, f
        tanh(gs, 2 * n, gs, 2 * n, n);  // g
        sigmoid(gs, 3 * n, n);          // o
        for (int k = 0; k < n; k++) {
            double ck = gs[n + k] * cs[k] + gs[k] * gs[2 * n + k];
            double t = Math.tanh(ck);
            cs[k] = ck;
            tc[k] = t;
            hs[k] = gs[3 * n + k] * t;
        }
        gates.put(gs, batch * width);
        cOut.put(cs, n);
        tanhC.put(tc, n);
        h.put(hs, n);
    }

    @Override
    public void cellBackward(Span gates, Span cPrev, Span tanhC, Span dhOut, Span dhRecurrent, Span dz,
                             int batch, int hidden, boolean lastStep) {
        int width = 4 * hidden;
        int n = batch * hidden;
        double[] gs = a = grow(a, batch * width);    // [4, batch, H] gates in, then dz (gate-major)
        double[] out = f = grow(f, batch * width);   // [batch, 4H] dz as the products need it
        double[] cp = b = grow(b, n);                // [batch, H]
        double[] tc = c = grow(c, n);                // [batch, H]
        double[] dh = d = grow(d, n);                // [batch, H]
        double[] dr = e = grow(e, n);                // [batch, H]
        if (dcCarry.length < n) {
            dcCarry = new double[n];
        }
        double[] dc = dcCarry;
        if (lastStep) {
            java.util.Arrays.fill(dc, 0, n, 0.0);
        }
        gates.get(gs, batch * width);
        cPrev.get(cp, n);
        tanhC.get(tc, n);
        dhOut.get(dh, n);
        if (dhRecurrent != null) {
            dhRecurrent.get(dr, n);
            addInPlace(dh, 0, dr, 0, n);
        }
        for (int k = 0; k < n; k++) {
            double ik = gs[k];
            double fk = gs[n + k];
            double gk = gs[2 * n + k];
            double ok = gs[3 * n + k];
            double t = tc[k];
            double dhk = dh[k];
            double dck = dc[k] + dhk * ok * (1 - t * t);
            dc[k] = dck * fk;
            gs[k] = dck * gk * ik * (1 - ik);                 // dz_i
            gs[n + k] = dck * cp[k] * fk * (1 - fk);          // dz_f
            gs[2 * n + k] = dck * ik * (1 - gk * gk);         // dz_g
            gs[3 * n + k] = dhk * t * ok * (1 - ok);          // dz_o
        }
        for (int r = 0; r < batch; r++) {
            for (int gate = 0; gate < 4; gate++) {
                System.arraycopy(gs, gate * n + r * hidden, out, r * width + gate * hidden, hidden);
            }
        }
        dz.put(out, batch * width);
    }

    @Override
    public void rnnForward(Span z, Span h, int batch, int hidden) {
        int n = batch * hidden;
        double[] zs = a = grow(a, n);
        z.get(zs, n);
        tanh(zs, 0, zs, 0, n);
        h.put(zs, n);
    }

    @Override
    public void rnnBackward(Span h, Span dhOut, Span dhRecurrent, Span dz, int batch, int hidden) {
        int n = batch * hidden;
        double[] hs = a = grow(a, n);
        double[] dh = b = grow(b, n);
        double[] dr = c = grow(c, n);
        h.get(hs, n);
        dhOut.get(dh, n);
        if (dhRecurrent != null) {
            dhRecurrent.get(dr, n);
        }
        for (int k = 0; k < n; k++) {
            dh[k] = (dh[k] + (dhRecurrent != null ? dr[k] : 0)) * (1 - hs[k] * hs[k]);
        }
        dz.put(dh, n);
    }

    @Override
    public void gruForward(Span aSpan, Span qSpan, Span hPrev, Span gates, Span h, int batch, int hidden) {
        int width = 3 * hidden;
        int n = batch * hidden;
        double[] as = a = grow(a, batch * width);
        double[] qs = b = grow(b, batch * width);
        double[] hp = c = grow(c, n);
        double[] hs = e = grow(e, n);
        double[] gs = f = grow(f, 3 * n);           // [3, batch, H]: r, u, n
        aSpan.get(as, batch * width);
        qSpan.get(qs, batch * width);
        hPrev.get(hp, n);
        for (int row = 0; row < batch; row++) {
            for (int k = 0; k < hidden; k++) {
                int at = row * width + k;
                int to = row * hidden + k;
                double r = 1 / (1 + Math.exp(-(as[at] + qs[at])));
                double u = 1 / (1 + Math.exp(-(as[at + hidden] + qs[at + hidden])));
                double cand = Math.tanh(as[at + 2 * hidden] + r * qs[at + 2 * hidden]);
                gs[to] = r;
                gs[n + to] = u;
                gs[2 * n + to] = cand;
                hs[to] = (1 - u) * cand + u * hp[to];
            }
        }
        gates.put(gs, 3 * n);
        h.put(hs, n);
    }

    @Override
    public void gruBackward(Span gates, Span hPrev, Span qSpan, Span dhOut, Span dhRecurrent, Span da, Span dq,
                            int batch, int hidden, boolean lastStep) {
        int width = 3 * hidden;
        int n = batch * hidden;
        double[] qs = a = grow(a, batch * width);   // q as read, then da
        double[] outQ = b = grow(b, batch * width);
        double[] hp = c = grow(c, n);
        double[] dh = d = grow(d, n);
        double[] dr = e = grow(e, n);
        double[] gs = f = grow(f, 3 * n);
        if (dcCarry.length < n) {
            dcCarry = new double[n];
        }
        double[] carry = dcCarry;
        if (lastStep) {
            java.util.Arrays.fill(carry, 0, n, 0);
        }
        gates.get(gs, 3 * n);
        qSpan.get(qs, batch * width);
        hPrev.get(hp, n);
        dhOut.get(dh, n);
        if (dhRecurrent != null) {
            dhRecurrent.get(dr, n);
        }
        for (int row = 0; row < batch; row++) {
            for (int k = 0; k < hidden; k++) {
                int to = row * hidden + k;
                int at = row * width + k;
                double r = gs[to];
                double u = gs[n + to];
                double cand = gs[2 * n + to];
                double g = dh[to] + (dhRecurrent != null ? dr[to] : 0) + carry[to];
                carry[to] = g * u;
                double du = g * (hp[to] - cand) * u * (1 - u);
                double dn = g * (1 - u) * (1 - cand * cand);
                double drPre = dn * qs[at + 2 * hidden] * r * (1 - r);
                qs[at] = drPre;
                qs[at + hidden] = du;
                qs[at + 2 * hidden] = dn;
                outQ[at] = drPre;
                outQ[at + hidden] = du;
                outQ[at + 2 * hidden] = dn * r;
            }
        }
        da.put(qs, batch * width);
        dq.put(outQ, batch * width);
    }

    @Override
    public double crossEntropy(Span logits, Span bias, int[] targets, int rows, int vocab, double gradientScale) {
        double[] bs = b = grow(b, vocab);
        bias.get(bs, vocab);
        int rowsPerChunk = Math.max(1, CHUNK / vocab);
        double[] ys = a = grow(a, rowsPerChunk * vocab);
        double scale = gradientScale;
        double total = 0;
        for (int first = 0; first < rows; first += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, rows - first);
            logits.get((long) first * vocab, ys, 0, count * vocab);
            for (int r = 0; r < count; r++) {
                int row = r * vocab;
                addInPlace(ys, row, bs, 0, vocab);
                double max = ys[row];
                for (int k = 1; k < vocab; k++) {
                    max = Math.max(max, ys[row + k]);
                }
                int target = targets[first + r];
                double targetLogit = ys[row + target];
                double sum = 0;
                for (int k = 0; k < vocab; k++) {
                    double p = Math.exp(ys[row + k] - max);
                    ys[row + k] = p;
                    sum += p;
                }
                total += Math.log(sum) + max - targetLogit;
                if (scale != 0) {
                    double norm = (gradientScale / sum);
                    for (int k = 0; k < vocab; k++) {
                        ys[row + k] *= norm;
                    }
                    ys[row + target] -= scale;
                }
            }
            if (scale != 0) {
                logits.put((long) first * vocab, ys, 0, count * vocab);
            }
        }
        return total;
    }

    @Override
    public void gatherRows(Span table, int tableRows, int width, int[] ids, int from, int count, Span out) {
        double[] tab = b = grow(b, tableRows * width);
        table.get(tab, tableRows * width);
        int rowsPerChunk = Math.max(1, CHUNK / width);
        double[] rows = a = grow(a, rowsPerChunk * width);
        for (int first = 0; first < count; first += rowsPerChunk) {
            int n = Math.min(rowsPerChunk, count - first);
            for (int r = 0; r < n; r++) {
                System.arraycopy(tab, ids[from + first + r] * width, rows, r * width, width);
            }
            out.put((long) first * width, rows, 0, n * width);
        }
    }

    @Override
    public void scatterRows(Span rowsIn, int[] ids, int width, Span table, int tableRows) {
        double[] tab = b = grow(b, tableRows * width);
        java.util.Arrays.fill(tab, 0, tableRows * width, 0);
        int rowsPerChunk = Math.max(1, CHUNK / width);
        double[] rows = a = grow(a, rowsPerChunk * width);
        for (int first = 0; first < ids.length; first += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, ids.length - first);
            rowsIn.get((long) first * width, rows, 0, count * width);
            for (int r = 0; r < count; r++) {
                addInPlace(tab, ids[first + r] * width, rows, r * width, width);
            }
        }
        table.put(tab, tableRows * width);
    }

    @Override
    public void dropout(Span x, Span mask, Span out, double p, long stream, long firstIndex) {
        double kept = (1.0 / (1.0 - p));
        double[] xs = a = grow(a, CHUNK);
        double[] ms = b = grow(b, CHUNK);
        long length = x.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            x.get(first, xs, 0, count);
            for (int k = 0; k < count; k++) {
                ms[k] = Dropout.keep(stream, firstIndex + first + k, p) ? kept : 0;
            }
            for (int k = 0; k < count; k++) {
                xs[k] *= ms[k];
            }
            mask.put(first, ms, 0, count);
            out.put(first, xs, 0, count);
        }
    }

    @Override
    public void multiply(Span x, Span mask) {
        double[] xs = a = grow(a, CHUNK);
        double[] ms = b = grow(b, CHUNK);
        long length = x.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            x.get(first, xs, 0, count);
            mask.get(first, ms, 0, count);
            for (int k = 0; k < count; k++) {
                xs[k] *= ms[k];
            }
            x.put(first, xs, 0, count);
        }
    }

    @Override
    public void adam(Span params, Span grads, Span m, Span v, double learningRate, double beta1, double beta2,
                     double epsilon, long step) {
        double[] ps = a = grow(a, CHUNK);
        double[] gs = b = grow(b, CHUNK);
        double[] ms = c = grow(c, CHUNK);
        double[] vs = d = grow(d, CHUNK);
        double stepSize = (learningRate / (1 - Math.pow(beta1, step)));
        double rootCorrection = (1 / Math.sqrt(1 - Math.pow(beta2, step)));
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        long length = params.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            params.get(first, ps, 0, count);
            grads.get(first, gs, 0, count);
            m.get(first, ms, 0, count);
            v.get(first, vs, 0, count);
            for (int k = 0; k < count; k++) {
                double g = gs[k];
                double mk = b1 * ms[k] + (1.0 - b1) * g;
                double vk = b2 * vs[k] + (1.0 - b2) * g * g;
                ms[k] = mk;
                vs[k] = vk;
                ps[k] -= stepSize * mk / (Math.sqrt(vk) * rootCorrection + eps);
            }
            params.put(first, ps, 0, count);
            m.put(first, ms, 0, count);
            v.put(first, vs, 0, count);
        }
    }

    @Override
    public void rmsProp(Span params, Span grads, Span v, double learningRate, double decay, double epsilon) {
        double[] ps = a = grow(a, CHUNK);
        double[] gs = b = grow(b, CHUNK);
        double[] vs = c = grow(c, CHUNK);
        double lr = learningRate;
        double alpha = decay;
        double eps = epsilon;
        long length = params.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            params.get(first, ps, 0, count);
            grads.get(first, gs, 0, count);
            v.get(first, vs, 0, count);
            for (int k = 0; k < count; k++) {
                double g = gs[k];
                double vk = alpha * vs[k] + (1.0 - alpha) * g * g;
                vs[k] = vk;
                ps[k] -= lr * g / (Math.sqrt(vk) + eps);
            }
            params.put(first, ps, 0, count);
            v.put(first, vs, 0, count);
        }
    }

    private static double[] grow(double[] array, int size) {
        return array.length >= size ? array : new double[size];
    }

    /** {@code x[xFrom + k] += y[yFrom + k]} for k &lt; count. */
    private static void addInPlace(double[] x, int xFrom, double[] y, int yFrom, int count) {
        for (int k = 0; k < count; k++) {
            x[xFrom + k] += y[yFrom + k];
        }
    }

    /** {@code x = σ(x) = 1 / (1 + e^-x)} in place on {@code [from, from + count)}. */
    static void sigmoid(double[] x, int from, int count) {
        for (int k = from; k < from + count; k++) {
            x[k] = 1.0 / (1.0 + Math.exp(-x[k]));
        }
    }

    /** {@code out[outFrom + k] = tanh(x[from + k])}. */
    static void tanh(double[] x, int from, double[] out, int outFrom, int count) {
        for (int k = 0; k < count; k++) {
            out[outFrom + k] = Math.tanh(x[from + k]);
        }
    }
}
