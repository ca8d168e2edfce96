package org.charscope.model;

import java.util.Arrays;

/**
 * The fast path's {@link Kernels}, in float32; {@link ReferenceKernels} is the same math as written.
 * Each call copies its spans into Java arrays (a bulk copy,
 * ~0.1 ns per element), runs simple counted loops that C2 turns into AVX code, and copies the
 * results back. tanh and σ use a rational approximation accurate to 3e-7 (absolute) that has no
 * branches or calls, so it vectorizes; {@code Math.tanh} does not.
 */
final class FloatKernels implements Kernels {

    /** Elements per chunk for the kernels that stream over a whole sequence. */
    private static final int CHUNK = Chunks.SIZE;

    private float[] a = new float[0];   // scratch, grown on demand
    private float[] b = new float[0];
    private float[] c = new float[0];
    private float[] d = new float[0];
    private float[] e = new float[0];
    private float[] gi = new float[0];  // [batch * hidden] one gate each, so every loop runs over
    private float[] gf = new float[0];  //   separate arrays with one index: the form C2 vectorizes
    private float[] gg = new float[0];
    private float[] go = new float[0];
    private float[] dcCarry = new float[0]; // [batch * hidden] dc carried from step t+1 to t

    @Override
    public void lstmForward(Span z, Span cPrev, Span gates, Span cOut, Span tanhC, Span h,
                            int batch, int hidden) {
        int width = 4 * hidden;
        int n = batch * hidden;
        float[] zs = a = grow(a, batch * width);    // [batch, 4H] pre-activations as the product left them
        float[] cs = c = grow(c, n);                // [batch, H] cPrev, then c
        float[] tc = d = grow(d, n);                // [batch, H] tanh(c)
        float[] hs = e = grow(e, n);                // [batch, H]
        growGates(n);
        z.get(zs, batch * width);
        cPrev.get(cs, n);
        splitRows(zs, batch, hidden, gi, gf, gg, go);
        sigmoid(gi, n);
        sigmoid(gf, n);
        tanh(gg, n);
        sigmoid(go, n);
        float[] i = gi;
        float[] f = gf;
        float[] g = gg;
        float[] o = go;
        for (int k = 0; k < n; k++) {
            cs[k] = f[k] * cs[k] + i[k] * g[k];
        }
        tanh(cs, tc, n);
        for (int k = 0; k < n; k++) {
            hs[k] = o[k] * tc[k];
        }
        writeGates(gates, n, gi, gf, gg, go);
        cOut.put(cs, n);
        tanhC.put(tc, n);
        h.put(hs, n);
    }

    @Override
    public void lstmBackward(Span gates, Span cPrev, Span tanhC, Span dhOut, Span dhRecurrent, Span dz,
                             int batch, int hidden, boolean lastStep) {
        int width = 4 * hidden;
        int n = batch * hidden;
        float[] out = a = grow(a, batch * width);   // [batch, 4H] dz as the products need it
        float[] cp = b = grow(b, n);                // [batch, H] cPrev, then dz_f
        float[] tc = c = grow(c, n);                // [batch, H] tanh(c), then dz_g
        float[] dh = d = grow(d, n);                // [batch, H]
        float[] dr = e = grow(e, n);                // [batch, H]
        growGates(n);
        readGates(gates, n, gi, gf, gg, go);
        cPrev.get(cp, n);
        tanhC.get(tc, n);
        dhOut.get(dh, n);
        addRecurrent(dh, dhRecurrent, dr, n);
        lstmGradients(gi, gf, gg, go, cp, tc, dh, carried(n, lastStep), n);
        joinRows(out, batch, hidden, gi, cp, tc, go);      // dz_i, dz_f, dz_g, dz_o
        dz.put(out, batch * width);
    }

    /**
     * {@link LstmCell}'s backward equations on [0, n), in place: {@code i, o, cp, tc} become
     * {@code dz_i, dz_o, dz_f, dz_g}, and {@code dc} goes from dcNext to dcPrev.
     */
    private static void lstmGradients(float[] i, float[] f, float[] g, float[] o, float[] cp, float[] tc,
                                      float[] dh, float[] dc, int n) {
        // one small loop per quantity: C2 unrolls and vectorizes only loops with small bodies
        for (int k = 0; k < n; k++) {
            dc[k] += dh[k] * o[k] * (1f - tc[k] * tc[k]);           // dc = dcNext + dh o (1 - tanh²c)
        }
        for (int k = 0; k < n; k++) {
            o[k] = dh[k] * tc[k] * o[k] * (1f - o[k]);              // dz_o
        }
        for (int k = 0; k < n; k++) {
            cp[k] = dc[k] * cp[k] * f[k] * (1f - f[k]);             // dz_f
        }
        for (int k = 0; k < n; k++) {
            tc[k] = dc[k] * i[k] * (1f - g[k] * g[k]);              // dz_g
        }
        for (int k = 0; k < n; k++) {
            i[k] = dc[k] * g[k] * i[k] * (1f - i[k]);               // dz_i
        }
        for (int k = 0; k < n; k++) {
            dc[k] *= f[k];                                         // carried to step t-1
        }
    }

    @Override
    public void rnnForward(Span z, Span h, int batch, int hidden) {
        int n = batch * hidden;
        float[] zs = a = grow(a, n);
        z.get(zs, n);
        tanh(zs, n);
        h.put(zs, n);
    }

    @Override
    public void rnnBackward(Span h, Span dhOut, Span dhRecurrent, Span dz, int batch, int hidden) {
        int n = batch * hidden;
        float[] hs = a = grow(a, n);
        float[] dh = b = grow(b, n);
        float[] dr = c = grow(c, n);
        h.get(hs, n);
        dhOut.get(dh, n);
        addRecurrent(dh, dhRecurrent, dr, n);
        for (int k = 0; k < n; k++) {
            dh[k] *= 1f - hs[k] * hs[k];
        }
        dz.put(dh, n);
    }

    @Override
    public void gruForward(Span aSpan, Span qSpan, Span hPrev, Span gates, Span h, int batch, int hidden) {
        int width = 3 * hidden;
        int n = batch * hidden;
        float[] as = a = grow(a, batch * width);   // [batch, 3H]
        float[] qs = b = grow(b, batch * width);   // [batch, 3H]
        float[] hp = c = grow(c, n);               // [batch, H]
        float[] hs = e = grow(e, n);               // [batch, H]
        growGates(n);
        float[] r = gi;                            // [batch * H] each, gate by gate as in lstmForward
        float[] u = gf;
        float[] cand = gg;
        float[] qn = go;
        aSpan.get(as, batch * width);
        qSpan.get(qs, batch * width);
        hPrev.get(hp, n);
        for (int row = 0; row < batch; row++) {
            int from = row * width;
            int to = row * hidden;
            for (int k = 0; k < hidden; k++) {
                r[to + k] = as[from + k] + qs[from + k];
                u[to + k] = as[from + hidden + k] + qs[from + hidden + k];
                cand[to + k] = as[from + 2 * hidden + k];
                qn[to + k] = qs[from + 2 * hidden + k];
            }
        }
        sigmoid(r, n);
        sigmoid(u, n);
        for (int k = 0; k < n; k++) {
            cand[k] += r[k] * qn[k];
        }
        tanh(cand, n);
        for (int k = 0; k < n; k++) {
            hs[k] = cand[k] + u[k] * (hp[k] - cand[k]);    // (1-u) n + u hPrev
        }
        writeGates(gates, n, r, u, cand);
        h.put(hs, n);
    }

    @Override
    public void gruBackward(Span gates, Span hPrev, Span qSpan, Span dhOut, Span dhRecurrent, Span da, Span dq,
                            int batch, int hidden, boolean lastStep) {
        int width = 3 * hidden;
        int n = batch * hidden;
        float[] outA = a = grow(a, batch * width);  // [batch, 3H] q as read, then da
        float[] outQ = b = grow(b, batch * width);  // [batch, 3H] dq
        float[] hp = c = grow(c, n);                // [batch, H] hPrev, then da_u
        float[] dh = d = grow(d, n);                // [batch, H] dh, then dn
        float[] dr = e = grow(e, n);
        growGates(n);
        float[] r = gi;                             // [batch * H] each, gate by gate as in gruForward
        float[] u = gf;
        float[] cand = gg;
        float[] qn = go;
        readGates(gates, n, r, u, cand);
        qSpan.get(outA, batch * width);
        for (int row = 0; row < batch; row++) {
            System.arraycopy(outA, row * width + 2 * hidden, qn, row * hidden, hidden);
        }
        hPrev.get(hp, n);
        dhOut.get(dh, n);
        addRecurrent(dh, dhRecurrent, dr, n);
        float[] carry = carried(n, lastStep);       // dh_{t+1} ⊙ u_{t+1}, then dh_t ⊙ u_t
        addInPlace(dh, 0, carry, 0, n);
        for (int k = 0; k < n; k++) {
            carry[k] = dh[k] * u[k];                                   // for step t-1
        }
        for (int k = 0; k < n; k++) {
            hp[k] = dh[k] * (hp[k] - cand[k]) * u[k] * (1f - u[k]);      // da_u = dq_u
        }
        for (int k = 0; k < n; k++) {
            dh[k] = dh[k] * (1f - u[k]) * (1f - cand[k] * cand[k]);      // dn = da_n
        }
        for (int k = 0; k < n; k++) {
            cand[k] = dh[k] * r[k];                                    // dq_n
        }
        for (int k = 0; k < n; k++) {
            qn[k] = dh[k] * qn[k] * r[k] * (1f - r[k]);                  // da_r = dq_r
        }
        joinRows(outA, batch, hidden, qn, hp, dh);
        joinRows(outQ, batch, hidden, qn, hp, cand);
        da.put(outA, batch * width);
        dq.put(outQ, batch * width);
    }

    private void growGates(int n) {
        if (gi.length < n) {
            gi = new float[n];
            gf = new float[n];
            gg = new float[n];
            go = new float[n];
        }
    }

    /** What step t+1 handed back ({@code dcCarry}, grown to n), zeros at the last step. */
    private float[] carried(int n, boolean lastStep) {
        if (dcCarry.length < n) {
            dcCarry = new float[n];
        }
        if (lastStep) {
            Arrays.fill(dcCarry, 0, n, 0f);
        }
        return dcCarry;
    }

    /** Reads gates [G, batch, H], gate-major, into one array of n = batch·H each. */
    private static void readGates(Span gates, int n, float[]... each) {
        for (int g = 0; g < each.length; g++) {
            gates.get((long) g * n, each[g], 0, n);
        }
    }

    /** Writes one array of n = batch·H each into gates [G, batch, H], gate-major. */
    private static void writeGates(Span gates, int n, float[]... each) {
        for (int g = 0; g < each.length; g++) {
            gates.put((long) g * n, each[g], 0, n);
        }
    }

    /** {@code dh += dhRecurrent} on [0, n), read through {@code scratch}; nothing at the last step (null). */
    private static void addRecurrent(float[] dh, Span dhRecurrent, float[] scratch, int n) {
        if (dhRecurrent != null) {
            dhRecurrent.get(scratch, n);
            addInPlace(dh, 0, scratch, 0, n);
        }
    }

    /** Splits rows [batch, G·H] into one [batch, H] array per gate block: the form C2 vectorizes. */
    private static void splitRows(float[] rows, int batch, int hidden, float[]... blocks) {
        int width = blocks.length * hidden;
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < blocks.length; g++) {
                System.arraycopy(rows, r * width + g * hidden, blocks[g], r * hidden, hidden);
            }
        }
    }

    /** The inverse of {@link #splitRows}: [batch, H] blocks side by side into rows [batch, G·H]. */
    private static void joinRows(float[] rows, int batch, int hidden, float[]... blocks) {
        int width = blocks.length * hidden;
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < blocks.length; g++) {
                System.arraycopy(blocks[g], r * hidden, rows, r * width + g * hidden, hidden);
            }
        }
    }

    @Override
    public double crossEntropy(Span logits, Span bias, int[] targets, int rows, int vocab, double gradientScale) {
        int rowsPerChunk = Math.max(1, CHUNK / vocab);
        int chunk = rowsPerChunk * vocab;
        float[] ys = a = grow(a, chunk);           // [rows, vocab] logits, then exp, then gradient
        float[] tiled = b = grow(b, chunk);        // [rows, vocab] the bias repeated on every row
        bias.get(tiled, vocab);
        for (int r = 1; r < rowsPerChunk; r++) {
            System.arraycopy(tiled, 0, tiled, r * vocab, vocab);
        }
        float scale = (float) gradientScale;
        double total = 0;
        for (int first = 0; first < rows; first += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, rows - first);
            int size = count * vocab;
            logits.get((long) first * vocab, ys, 0, size);
            for (int k = 0; k < size; k++) {
                ys[k] += tiled[k];
            }
            for (int r = 0; r < count; r++) {
                int row = r * vocab;
                float max = ys[row];
                for (int k = 1; k < vocab; k++) {
                    max = Math.max(max, ys[row + k]);
                }
                total += max - ys[row + targets[first + r]];   // loss_r = log Σ exp(y - max) + max - y_target
                for (int k = 0; k < vocab; k++) {
                    ys[row + k] -= max;
                }
            }
            expOfNonPositive(ys, size);
            for (int r = 0; r < count; r++) {
                int row = r * vocab;
                float sum = 0;
                for (int k = 0; k < vocab; k++) {
                    sum += ys[row + k];
                }
                total += Math.log(sum);
                if (scale != 0f) {
                    float norm = scale / sum;
                    for (int k = 0; k < vocab; k++) {
                        ys[row + k] *= norm;
                    }
                    ys[row + targets[first + r]] -= scale;
                }
            }
            if (scale != 0f) {
                logits.put((long) first * vocab, ys, 0, size);
            }
        }
        return total;
    }

    /**
     * {@code x = e^x} in place for x ≤ 0 (a larger x is not expected: callers subtract the row
     * maximum): {@code (e^(x/128))^128} with a degree-10 Taylor polynomial, in float, so that it
     * vectorizes (Math.exp costs ~20 ns here). Relative error below 1e-5 down to x = -87, where the
     * result stops at 1.6e-38 instead of going subnormal.
     */
    static void expOfNonPositive(float[] x, int count) {
        for (int k = 0; k < count; k++) {
            float v = Math.max(-87f, x[k]) * 0.0078125f;
            float p = Math.fma(2.7557319e-7f, v, 2.7557319e-6f);
            p = Math.fma(p, v, 2.4801587e-5f);
            p = Math.fma(p, v, 1.9841270e-4f);
            p = Math.fma(p, v, 1.3888889e-3f);
            p = Math.fma(p, v, 8.3333333e-3f);
            p = Math.fma(p, v, 4.1666667e-2f);
            p = Math.fma(p, v, 1.6666667e-1f);
            p = Math.fma(p, v, 0.5f);
            p = Math.fma(p, v, 1f);
            p = Math.fma(p, v, 1f);
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            x[k] = p;
        }
    }

    @Override
    public void gatherRows(Span table, int tableRows, int width, int[] ids, int from, int count, Span out) {
        float[] tab = b = grow(b, tableRows * width);
        table.get(tab, tableRows * width);
        int rowsPerChunk = Math.max(1, CHUNK / width);
        float[] rows = a = grow(a, rowsPerChunk * width);
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
        float[] tab = b = grow(b, tableRows * width);
        Arrays.fill(tab, 0, tableRows * width, 0f);
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
    public void dropout(Span x, Span mask, Span out, double p, long stream, long firstIndex) {
        float kept = (float) (1.0 / (1.0 - p));
        float[] xs = a = grow(a, CHUNK);
        float[] ms = b = grow(b, CHUNK);
        Chunks.forEach(x.length(), (first, count) -> {
            x.get(first, xs, 0, count);
            for (int k = 0; k < count; k++) {
                ms[k] = Dropout.keep(stream, firstIndex + first + k, p) ? kept : 0f;
            }
            multiplyInPlace(xs, ms, count);
            mask.put(first, ms, 0, count);
            out.put(first, xs, 0, count);
        });
    }

    @Override
    public void multiply(Span x, Span mask) {
        float[] xs = a = grow(a, CHUNK);
        float[] ms = b = grow(b, CHUNK);
        Chunks.forEach(x.length(), (first, count) -> {
            x.get(first, xs, 0, count);
            mask.get(first, ms, 0, count);
            multiplyInPlace(xs, ms, count);
            x.put(first, xs, 0, count);
        });
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

    /** {@code x[k] *= y[k]} for k &lt; count. */
    private static void multiplyInPlace(float[] x, float[] y, int count) {
        for (int k = 0; k < count; k++) {
            x[k] *= y[k];
        }
    }

    /** {@code x = σ(x)} in place on {@code [0, count)}, as {@code 0.5 + 0.5 tanh(x/2)}. */
    static void sigmoid(float[] x, int count) {
        for (int k = 0; k < count; k++) {
            x[k] = 0.5f + 0.5f * tanh(0.5f * x[k]);
        }
    }

    /** {@code x = tanh(x)} in place on {@code [0, count)}. */
    static void tanh(float[] x, int count) {
        for (int k = 0; k < count; k++) {
            x[k] = tanh(x[k]);
        }
    }

    /** {@code out = tanh(x)} on {@code [0, count)}. */
    static void tanh(float[] x, float[] out, int count) {
        for (int k = 0; k < count; k++) {
            out[k] = tanh(x[k]);
        }
    }

    /**
     * tanh as a [13/6] rational function on [-7.9, 7.9] (beyond which tanh rounds to ±1 in float),
     * the approximation Eigen uses; max absolute error 3e-7.
     */
    static float tanh(float x) {
        float v = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float v2 = v * v;
        float p = Math.fma(v2, -2.76076847742355e-16f, 2.00018790482477e-13f);
        p = Math.fma(v2, p, -8.60467152213735e-11f);
        p = Math.fma(v2, p, 5.12229709037114e-08f);
        p = Math.fma(v2, p, 1.48572235717979e-05f);
        p = Math.fma(v2, p, 6.37261928875436e-04f);
        p = Math.fma(v2, p, 4.89352455891786e-03f);
        p = v * p;
        float q = Math.fma(v2, 1.19825839466702e-06f, 1.18534705686654e-04f);
        q = Math.fma(v2, q, 2.26843463243900e-03f);
        q = Math.fma(v2, q, 4.89352518554385e-03f);
        return p / q;
    }
}
