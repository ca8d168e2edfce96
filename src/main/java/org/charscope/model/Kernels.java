package org.charscope.model;

/**
 * The element-wise math of the LSTM: everything that is not a matrix product. One implementation
 * per precision ({@link FloatKernels}, {@link DoubleKernels}), each copying its spans into Java
 * arrays, computing in loops the JIT vectorizes, and copying the results back; ND4J's own
 * element-wise ops cost ~10 ns per tanh and a few µs per call here, against under 1 ns per
 * element for these loops (see docs/engine-performance.md).
 *
 * <p>Gate order everywhere: i (input), f (forget), g (candidate), o (output). Pre-activations and
 * their gradients are [batch, 4*hidden] (each row i, f, g, o), as the matrix products make and take
 * them; the stored gates are gate-major [4, batch, hidden], so that the kernels run flat loops over
 * whole gates (C2 vectorizes long loops; short per-row loops spend their time in scalar remainders).
 */
interface Kernels {

    static Kernels of(Precision precision) {
        return precision == Precision.DOUBLE ? new DoubleKernels() : new FloatKernels();
    }

    /**
     * One LSTM step for a batch, given the summed pre-activations {@code z = x Wx + h Wh + b}:
     * <pre>
     *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
     *   c = f ⊙ cPrev + i ⊙ g          h = o ⊙ tanh(c)
     * </pre>
     *
     * @param z      [batch, 4*hidden] pre-activations, read only
     * @param cPrev  [batch, hidden]
     * @param gates  [4, batch, hidden] out: i, f, g, o after their nonlinearities, gate-major
     * @param c      [batch, hidden] out
     * @param tanhC  [batch, hidden] out: tanh(c), kept for the backward pass
     * @param h      [batch, hidden] out
     */
    void cellForward(Span z, Span cPrev, Span gates, Span c, Span tanhC, Span h, int batch, int hidden);

    /**
     * Backward through one LSTM step. With {@code dh} the gradient of the loss with respect to
     * this step's h (from the layer above or the output, plus the next step's recurrence) and
     * {@code dcNext} the gradient carried back into this step's c from step t+1:
     * <pre>
     *   dc    = dcNext + dh ⊙ o ⊙ (1 - tanh²(c))
     *   dz_i  = dc ⊙ g ⊙ i(1-i)         dz_f = dc ⊙ cPrev ⊙ f(1-f)
     *   dz_g  = dc ⊙ i ⊙ (1-g²)         dz_o = dh ⊙ tanh(c) ⊙ o(1-o)
     *   dcPrev = dc ⊙ f                 (carried to step t-1 inside the kernel)
     * </pre>
     *
     * @param gates        [4, batch, hidden] i, f, g, o of this step, gate-major
     * @param cPrev        [batch, hidden] the cell state this step started from
     * @param tanhC        [batch, hidden] tanh of this step's cell state
     * @param dhOut        [batch, hidden] gradient from above (layer or output)
     * @param dhRecurrent  [batch, hidden] gradient from step t+1 through Wh, or null at the last step
     * @param dz           [batch, 4*hidden] out: gradient with respect to z
     * @param lastStep     true for the first call of a backward pass (t = T-1): dcNext starts at 0
     */
    void cellBackward(Span gates, Span cPrev, Span tanhC, Span dhOut, Span dhRecurrent, Span dz,
                      int batch, int hidden, boolean lastStep);

    /**
     * One vanilla RNN step: {@code h = tanh(z)} with {@code z = x Wx + b + h_{t-1} Wh}.
     *
     * @param z  [batch, hidden] pre-activations, read only
     * @param h  [batch, hidden] out
     */
    void rnnForward(Span z, Span h, int batch, int hidden);

    /**
     * Backward through one RNN step: {@code dz = (dhOut + dhRecurrent) ⊙ (1 - h²)}.
     *
     * @param h            [batch, hidden] this step's output
     * @param dhOut        [batch, hidden] gradient from above
     * @param dhRecurrent  [batch, hidden] gradient from step t+1 through Wh, or null at the last step
     * @param dz           [batch, hidden] out
     */
    void rnnBackward(Span h, Span dhOut, Span dhRecurrent, Span dz, int batch, int hidden);

    /**
     * One GRU step (see {@link Cell}), gate blocks in the order r, u, n:
     * <pre>
     *   r = σ(a_r + q_r)   u = σ(a_u + q_u)   n = tanh(a_n + r ⊙ q_n)   h = (1 - u) ⊙ n + u ⊙ hPrev
     * </pre>
     *
     * @param a      [batch, 3*hidden] input projections x Wx + b, read only
     * @param q      [batch, 3*hidden] recurrent projections hPrev Wh, read only
     * @param hPrev  [batch, hidden]
     * @param gates  [3, batch, hidden] out: r, u, n, gate-major
     * @param h      [batch, hidden] out
     */
    void gruForward(Span a, Span q, Span hPrev, Span gates, Span h, int batch, int hidden);

    /**
     * Backward through one GRU step. With {@code dh = dhOut + dhRecurrent + dhCarry}, where
     * {@code dhCarry = dh_{t+1} ⊙ u_{t+1}} is the direct path through {@code u ⊙ hPrev} carried from
     * the previous call (0 at the last step):
     * <pre>
     *   dn = dh ⊙ (1-u) ⊙ (1-n²)         (gradient of n's pre-activation)
     *   da_u = dq_u = dh ⊙ (hPrev - n) ⊙ u(1-u)
     *   da_r = dq_r = dn ⊙ q_n ⊙ r(1-r)
     *   da_n = dn        dq_n = dn ⊙ r
     *   dhCarry = dh ⊙ u  (kept for step t-1)
     * </pre>
     * The input side's gradient {@code da} and the recurrent side's {@code dq} differ only in the n
     * block; {@code dh_{t-1}} is then {@code dq Wh^T + dhCarry}.
     *
     * @param gates  [3, batch, hidden] r, u, n of this step
     * @param q      [batch, 3*hidden] this step's recurrent projections (may be the same span as dq)
     * @param da     [batch, 3*hidden] out
     * @param dq     [batch, 3*hidden] out
     */
    void gruBackward(Span gates, Span hPrev, Span q, Span dhOut, Span dhRecurrent, Span da, Span dq,
                     int batch, int hidden, boolean lastStep);

    /**
     * Softmax cross-entropy of each row of {@code logits + bias} against its target:
     * {@code loss_r = log Σ_k exp(y_rk) - y_r,target}. When {@code gradientScale} is not 0 the
     * logits are overwritten with {@code gradientScale * (softmax(y_r) - onehot(target_r))}, the
     * gradient of {@code gradientScale * Σ_r loss_r}.
     *
     * @param logits   [rows, vocab] logits without the bias
     * @param bias     [vocab]
     * @param targets  [rows] symbol ids
     * @return the summed loss over all rows, in nats
     */
    double crossEntropy(Span logits, Span bias, int[] targets, int rows, int vocab, double gradientScale);

    /**
     * {@code out[n] = table[ids[from + n]]} row by row, for n &lt; count.
     *
     * @param table  [tableRows, width]
     * @param out    [count, width]
     */
    void gatherRows(Span table, int tableRows, int width, int[] ids, int from, int count, Span out);

    /**
     * {@code table[s] = Σ_{n : ids[n] = s} rows[n]}: rows that no id selects become 0.
     *
     * @param rows   [ids.length, width]
     * @param table  [tableRows, width] out
     */
    void scatterRows(Span rows, int[] ids, int width, Span table, int tableRows);

    /**
     * Inverted dropout: {@code mask[e] = keep(firstIndex + e) ? 1/(1-p) : 0} with {@link Dropout#keep}
     * over the given stream, and {@code out = x ⊙ mask}; {@code firstIndex} is the position of the
     * span's first element in the whole mask, so that a mask made in parts equals one made at once.
     */
    void dropout(Span x, Span mask, Span out, double p, long stream, long firstIndex);

    /** {@code x = x ⊙ mask} in place. */
    void multiply(Span x, Span mask);

    /**
     * One Adam step (Kingma &amp; Ba, as PyTorch applies it), elementwise:
     * <pre>
     *   m = β1 m + (1-β1) g        v = β2 v + (1-β2) g²
     *   p = p - lr · (m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε)
     * </pre>
     *
     * @param step  t, the 1-based number of this update
     */
    void adam(Span params, Span grads, Span m, Span v, double learningRate, double beta1, double beta2,
              double epsilon, long step);

    /**
     * One RMSProp step (Tieleman &amp; Hinton, as char-rnn applies it):
     * {@code v = α v + (1-α) g²;  p = p - lr · g / (sqrt(v) + ε)}.
     */
    void rmsProp(Span params, Span grads, Span v, double learningRate, double decay, double epsilon);
}
