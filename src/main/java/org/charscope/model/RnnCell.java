package org.charscope.model;

/**
 * The vanilla RNN step (Elman; Karpathy's {@code min-char-rnn}):
 * <pre>
 *   z_t = a_t + h_{t-1} Wh                [batch, H]   (a_t = x_t Wx + b)
 *   h_t = tanh(z_t)
 * </pre>
 * Backward, with {@code dh} the gradient at {@code h_t} from above plus from step t+1:
 * <pre>
 *   dz       = dh ⊙ (1 - h_t²)
 *   dh_{t-1} = dz Wh^T                    [batch, H] x [H, H]
 * </pre>
 * The element-wise lines are {@link Kernels#rnnForward} and {@link Kernels#rnnBackward}.
 */
final class RnnCell implements RecurrentCell {

    private final int hidden;

    RnnCell(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public void forward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span z = w.zStep[unit][t];
        // z_t += h_{t-1} Wh: [batch, H] x [H, H]
        Blas.gemm(false, false, w.batch, hidden, hidden, 1, w.hStep[unit][t], hidden, wh, hidden, 1, z, hidden);
        kernel.rnnForward(z, w.hStep[unit][t + 1], w.batch, hidden);
    }

    @Override
    public void backward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        boolean last = t == w.seq - 1;
        Span dz = w.zStep[unit][t];
        kernel.rnnBackward(w.hStep[unit][t + 1], w.upStep[unit][t], last ? null : w.dhRecurrent[unit], dz, w.batch,
                hidden);
        if (t > 0) {
            // dh_{t-1} = dz_t Wh^T: [batch, H] x [H, H]
            Blas.gemm(false, true, w.batch, hidden, hidden, 1, dz, hidden, wh, hidden, 0, w.dhRecurrent[unit], hidden);
        }
    }

    @Override
    public Span recurrentGradients(Workspace w, int unit) {
        return w.z[unit];
    }
}
