package org.charscope.model;

/**
 * {@link Kernels} in float32. Each call copies its spans into Java arrays (a bulk copy,
 * ~0.1 ns per element), runs simple counted loops that C2 turns into AVX code, and copies the
 * results back. tanh and σ use a rational approximation accurate to 3e-7 (absolute) that has no
 * branches or calls, so it vectorizes; {@code Math.tanh} does not.
 */
final class FloatKernels implements Kernels {

    /** Elements per chunk for the kernels that stream over a whole sequence. */
    private static final int CHUNK = 1 << 16;

    private float[] a = new float[0];   // scratch, grown on demand
    private float[] b = new float[0];
    private float[] c = new float[0];
    private float[] d = new float[0];
    private float[] e = new float[0];
    private float[] dcCarry = new float[0]; // [batch * hidden] dc carried from step t+1 to t

    @Override
    public void cellForward(Span z, Span bias, Span cPrev, Span gates, Span cOut, Span tanhC, Span h,
                            int batch, int hidden) {
        int width = 4 * hidden;
        int n = batch * hidden;
        float[] zs = a = grow(a, batch * width);    // [batch, 4H] pre-activations, then gates
        float[] bs = b = grow(b, width);            // [4H]
        float[] cs = c = grow(c, n);                // [batch, H] cPrev, then c
        float[] tc = d = grow(d, n);                // [batch, H] tanh(c)
        float[] hs = e = grow(e, n);                // [batch, H]
        z.get(zs, batch * width);
        bias.get(bs, width);
        cPrev.get(cs, n);
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int cell = r * hidden;
            addInPlace(zs, row, bs, 0, width);
            sigmoid(zs, row, 2 * hidden);                 // i, f
            tanh(zs, row + 2 * hidden, zs, row + 2 * hidden, hidden); // g
            sigmoid(zs, row + 3 * hidden, hidden);        // o
            int i = row;
            int f = row + hidden;
            int g = row + 2 * hidden;
            for (int j = 0; j < hidden; j++) {
                cs[cell + j] = zs[f + j] * cs[cell + j] + zs[i + j] * zs[g + j];
            }
            tanh(cs, cell, tc, cell, hidden);
            int o = row + 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                hs[cell + j] = zs[o + j] * tc[cell + j];
            }
        }
        gates.put(zs, batch * width);
        cOut.put(cs, n);
        tanhC.put(tc, n);
        h.put(hs, n);
    }

    @Override
    public void cellBackward(Span gates, Span cPrev, Span tanhC, Span dhOut, Span dhRecurrent, Span dz,
                             int batch, int hidden, boolean lastStep) {
        int width = 4 * hidden;
        int n = batch * hidden;
        float[] gs = a = grow(a, batch * width);    // [batch, 4H] gates in, then dz out
        float[] cp = b = grow(b, n);                // [batch, H]
        float[] tc = c = grow(c, n);                // [batch, H]
        float[] dh = d = grow(d, n);                // [batch, H]
        float[] dr = e = grow(e, n);                // [batch, H]
        if (lastStep || dcCarry.length < n) {
            dcCarry = lastStep && dcCarry.length >= n ? dcCarry : new float[Math.max(n, dcCarry.length)];
            java.util.Arrays.fill(dcCarry, 0, n, 0f);
        }
        float[] dc = dcCarry;
        gates.get(gs, batch * width);
        cPrev.get(cp, n);
        tanhC.get(tc, n);
        dhOut.get(dh, n);
        if (dhRecurrent != null) {
            dhRecurrent.get(dr, n);
            addInPlace(dh, 0, dr, 0, n);
        }
        for (int r = 0; r < batch; r++) {
            int i = r * width;
            int f = i + hidden;
            int g = i + 2 * hidden;
            int o = i + 3 * hidden;
            int cell = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float oj = gs[o + j];
                float t = tc[cell + j];
                float dhj = dh[cell + j];
                float dcj = dc[cell + j] + dhj * oj * (1f - t * t);
                float ij = gs[i + j];
                float fj = gs[f + j];
                float gj = gs[g + j];
                dc[cell + j] = dcj * fj;
                dr[cell + j] = dcj * gj * ij * (1f - ij);           // dz_i, parked in dr
                cp[cell + j] = dcj * cp[cell + j] * fj * (1f - fj); // dz_f, parked in cp
                tc[cell + j] = dhj * t * oj * (1f - oj);            // dz_o, parked in tc
                dh[cell + j] = dcj * ij * (1f - gj * gj);           // dz_g, parked in dh
            }
            System.arraycopy(dr, cell, gs, i, hidden);
            System.arraycopy(cp, cell, gs, f, hidden);
            System.arraycopy(dh, cell, gs, g, hidden);
            System.arraycopy(tc, cell, gs, o, hidden);
        }
        dz.put(gs, batch * width);
    }

    @Override
    public double crossEntropy(Span logits, Span bias, int[] targets, int rows, int vocab, double gradientScale) {
        float[] bs = b = grow(b, vocab);
        bias.get(bs, vocab);
        int rowsPerChunk = Math.max(1, CHUNK / vocab);
        float[] ys = a = grow(a, rowsPerChunk * vocab);
        float scale = (float) gradientScale;
        double total = 0;
        for (int first = 0; first < rows; first += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, rows - first);
            logits.get((long) first * vocab, ys, 0, count * vocab);
            for (int r = 0; r < count; r++) {
                int row = r * vocab;
                addInPlace(ys, row, bs, 0, vocab);
                float max = ys[row];
                for (int k = 1; k < vocab; k++) {
                    max = Math.max(max, ys[row + k]);
                }
                int target = targets[first + r];
                double targetLogit = ys[row + target];
                double sum = 0;
                for (int k = 0; k < vocab; k++) {
                    float p = (float) Math.exp(ys[row + k] - max);
                    ys[row + k] = p;
                    sum += p;
                }
                total += Math.log(sum) + max - targetLogit;
                if (scale != 0f) {
                    float norm = (float) (gradientScale / sum);
                    for (int k = 0; k < vocab; k++) {
                        ys[row + k] *= norm;
                    }
                    ys[row + target] -= scale;
                }
            }
            if (scale != 0f) {
                logits.put((long) first * vocab, ys, 0, count * vocab);
            }
        }
        return total;
    }

    @Override
    public void gatherRows(Span table, int tableRows, int width, int[] ids, Span out) {
        float[] tab = b = grow(b, tableRows * width);
        table.get(tab, tableRows * width);
        int rowsPerChunk = Math.max(1, CHUNK / width);
        float[] rows = a = grow(a, rowsPerChunk * width);
        for (int first = 0; first < ids.length; first += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, ids.length - first);
            for (int r = 0; r < count; r++) {
                System.arraycopy(tab, ids[first + r] * width, rows, r * width, width);
            }
            out.put((long) first * width, rows, 0, count * width);
        }
    }

    @Override
    public void scatterRows(Span rowsIn, int[] ids, int width, Span table, int tableRows) {
        float[] tab = b = grow(b, tableRows * width);
        java.util.Arrays.fill(tab, 0, tableRows * width, 0f);
        int rowsPerChunk = Math.max(1, CHUNK / width);
        float[] rows = a = grow(a, rowsPerChunk * width);
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
    public void dropout(Span x, Span mask, Span out, double p, long stream) {
        float kept = (float) (1.0 / (1.0 - p));
        float[] xs = a = grow(a, CHUNK);
        float[] ms = b = grow(b, CHUNK);
        long length = x.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            x.get(first, xs, 0, count);
            for (int k = 0; k < count; k++) {
                ms[k] = Dropout.keep(stream, first + k, p) ? kept : 0f;
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
        float[] xs = a = grow(a, CHUNK);
        float[] ms = b = grow(b, CHUNK);
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
    public double sumOfSquares(Span x) {
        float[] xs = a = grow(a, CHUNK);
        long length = x.length();
        double total = 0;
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            x.get(first, xs, 0, count);
            double sum = 0;
            for (int k = 0; k < count; k++) {
                sum += (double) xs[k] * xs[k];
            }
            total += sum;
        }
        return total;
    }

    @Override
    public void scale(Span x, double factor) {
        float[] xs = a = grow(a, CHUNK);
        float f = (float) factor;
        long length = x.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            x.get(first, xs, 0, count);
            for (int k = 0; k < count; k++) {
                xs[k] *= f;
            }
            x.put(first, xs, 0, count);
        }
    }

    @Override
    public void adam(Span params, Span grads, Span m, Span v, double learningRate, double beta1, double beta2,
                     double epsilon, long step) {
        float[] ps = a = grow(a, CHUNK);
        float[] gs = b = grow(b, CHUNK);
        float[] ms = c = grow(c, CHUNK);
        float[] vs = d = grow(d, CHUNK);
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, step)));
        float rootCorrection = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        long length = params.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            params.get(first, ps, 0, count);
            grads.get(first, gs, 0, count);
            m.get(first, ms, 0, count);
            v.get(first, vs, 0, count);
            for (int k = 0; k < count; k++) {
                float g = gs[k];
                float mk = b1 * ms[k] + (1f - b1) * g;
                float vk = b2 * vs[k] + (1f - b2) * g * g;
                ms[k] = mk;
                vs[k] = vk;
                ps[k] -= stepSize * mk / ((float) Math.sqrt(vk) * rootCorrection + eps);
            }
            params.put(first, ps, 0, count);
            m.put(first, ms, 0, count);
            v.put(first, vs, 0, count);
        }
    }

    @Override
    public void rmsProp(Span params, Span grads, Span v, double learningRate, double decay, double epsilon) {
        float[] ps = a = grow(a, CHUNK);
        float[] gs = b = grow(b, CHUNK);
        float[] vs = c = grow(c, CHUNK);
        float lr = (float) learningRate;
        float alpha = (float) decay;
        float eps = (float) epsilon;
        long length = params.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
            params.get(first, ps, 0, count);
            grads.get(first, gs, 0, count);
            v.get(first, vs, 0, count);
            for (int k = 0; k < count; k++) {
                float g = gs[k];
                float vk = alpha * vs[k] + (1f - alpha) * g * g;
                vs[k] = vk;
                ps[k] -= lr * g / ((float) Math.sqrt(vk) + eps);
            }
            params.put(first, ps, 0, count);
            v.put(first, vs, 0, count);
        }
    }

    private static float[] grow(float[] array, int size) {
        return array.length >= size ? array : new float[size];
    }

    /** {@code x[xFrom + k] += y[yFrom + k]} for k &lt; count. */
    private static void addInPlace(float[] x, int xFrom, float[] y, int yFrom, int count) {
        for (int k = 0; k < count; k++) {
            x[xFrom + k] += y[yFrom + k];
        }
    }

    /** {@code x = σ(x)} in place on {@code [from, from + count)}, as {@code 0.5 + 0.5 tanh(x/2)}. */
    static void sigmoid(float[] x, int from, int count) {
        for (int k = from; k < from + count; k++) {
            x[k] = 0.5f + 0.5f * tanh(0.5f * x[k]);
        }
    }

    /** {@code out[outFrom + k] = tanh(x[from + k])}. */
    static void tanh(float[] x, int from, float[] out, int outFrom, int count) {
        for (int k = 0; k < count; k++) {
            out[outFrom + k] = tanh(x[from + k]);
        }
    }

    /**
     * tanh as a [13/6] rational function on [-7.9, 7.9] (beyond which tanh rounds to ±1 in float),
     * the approximation Eigen uses; max absolute error 3e-7.
     */
    static float tanh(float x) {
        float v = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float v2 = v * v;
        float p = v2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = v2 * p + -8.60467152213735e-11f;
        p = v2 * p + 5.12229709037114e-08f;
        p = v2 * p + 1.48572235717979e-05f;
        p = v2 * p + 6.37261928875436e-04f;
        p = v2 * p + 4.89352455891786e-03f;
        p = v * p;
        float q = v2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = v2 * q + 2.26843463243900e-03f;
        q = v2 * q + 4.89352518554385e-03f;
        return p / q;
    }
}
