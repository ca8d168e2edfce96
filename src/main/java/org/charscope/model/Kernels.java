package org.charscope.model;

/**
 * The element-wise math of a step: everything that is not a matrix product. Two implementations:
 * {@link ReferenceKernels}, the math as written, in double precision and plain loops (the oracle of
 * the tests, and what a double-precision model runs); {@link FloatKernels}, the fast path, which
 * copies spans into Java arrays and runs loops the JIT vectorizes (ND4J's own element-wise ops cost
 * ~10 ns per tanh and a few µs per call here, against under 1 ns per element for these loops: see
 * docs/engine-performance.md).
 *
 * <p>The equations are in the cells that call these methods ({@link LstmCell}, {@link GruCell},
 * {@link RnnCell}). Pre-activations and their gradients are {@code [batch, G*hidden]} (each row
 * its gate blocks in order), as the matrix products make and take them; the stored gates are
 * gate-major {@code [G, batch, hidden]}, so that the fast kernels run flat loops over whole gates.
 * A kernel object carries one value from one backward step to the one before (the LSTM's
 * {@code dc}, the GRU's direct path), so each layer's backward pass uses one kernel object.
 */
interface Kernels {

    static Kernels of(Precision precision) {
        return precision == Precision.DOUBLE ? new ReferenceKernels() : new FloatKernels();
    }

    /**
     * {@link LstmCell}'s step forward, given {@code z = x Wx + b + h_{t-1} Wh}.
     *
     * @param z      [batch, 4*hidden] pre-activations i, f, g, o, read only
     * @param cPrev  [batch, hidden]
     * @param gates  [4, batch, hidden] out: i, f, g, o after their nonlinearities
     * @param c      [batch, hidden] out
     * @param tanhC  [batch, hidden] out: tanh(c), kept for the backward pass
     * @param h      [batch, hidden] out
     */
    void lstmForward(Span z, Span cPrev, Span gates, Span c, Span tanhC, Span h, int batch, int hidden);

    /**
     * {@link LstmCell}'s step backward; {@code dc} of step t is carried to step t-1 inside.
     *
     * @param gates        [4, batch, hidden] i, f, g, o of this step
     * @param cPrev        [batch, hidden] the cell state this step started from
     * @param tanhC        [batch, hidden] tanh of this step's cell state
     * @param dhOut        [batch, hidden] gradient from above (layer or output)
     * @param dhRecurrent  [batch, hidden] gradient from step t+1 through Wh, or null at the last step
     * @param dz           [batch, 4*hidden] out: gradient with respect to z
     * @param lastStep     true at t = T-1, the first call of a backward pass: the carried dc starts at 0
     */
    void lstmBackward(Span gates, Span cPrev, Span tanhC, Span dhOut, Span dhRecurrent, Span dz,
                      int batch, int hidden, boolean lastStep);

    /**
     * {@link RnnCell}'s step forward.
     *
     * @param z  [batch, hidden] pre-activations, read only
     * @param h  [batch, hidden] out
     */
    void rnnForward(Span z, Span h, int batch, int hidden);

    /**
     * {@link RnnCell}'s step backward.
     *
     * @param h            [batch, hidden] this step's output
     * @param dhOut        [batch, hidden] gradient from above
     * @param dhRecurrent  [batch, hidden] gradient from step t+1 through Wh, or null at the last step
     * @param dz           [batch, hidden] out
     */
    void rnnBackward(Span h, Span dhOut, Span dhRecurrent, Span dz, int batch, int hidden);

    /**
     * {@link GruCell}'s step forward, gate blocks r, u, n.
     *
     * @param a      [batch, 3*hidden] input projections x Wx + b, read only
     * @param q      [batch, 3*hidden] recurrent projections hPrev Wh, read only
     * @param hPrev  [batch, hidden]
     * @param gates  [3, batch, hidden] out: r, u, n
     * @param h      [batch, hidden] out
     */
    void gruForward(Span a, Span q, Span hPrev, Span gates, Span h, int batch, int hidden);

    /**
     * {@link GruCell}'s step backward; the direct path {@code dh ⊙ u} is carried to step t-1 inside.
     *
     * @param gates  [3, batch, hidden] r, u, n of this step
     * @param hPrev  [batch, hidden]
     * @param q      [batch, 3*hidden] this step's recurrent projections (may be the same span as dq)
     * @param da     [batch, 3*hidden] out: gradient of the input projections
     * @param dq     [batch, 3*hidden] out: gradient of the recurrent projections
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
}
