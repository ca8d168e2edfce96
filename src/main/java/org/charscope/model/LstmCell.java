package org.charscope.model;

import static org.charscope.model.RecurrentCell.addRecurrentProduct;
import static org.charscope.model.RecurrentCell.fromNextStep;
import static org.charscope.model.RecurrentCell.isLastStep;
import static org.charscope.model.RecurrentCell.sendBack;

/**
 * The LSTM step (Hochreiter &amp; Schmidhuber 1997 with a forget gate, as in colah's "Understanding
 * LSTM Networks" and char-rnn's {@code LSTM.lua}). Gates in the order i, f, g, o.
 *
 * <h2>Forward</h2>
 * <pre>
 *   z_t   = a_t + h_{t-1} Wh                  [batch, 4H]   (a_t = x_t Wx + b, made for all steps at once)
 *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t   = f ⊙ c_{t-1} + i ⊙ g
 *   h_t   = o ⊙ tanh(c_t)
 * </pre>
 *
 * <h2>Backward</h2>
 * With {@code dh} the gradient at {@code h_t} (from above, plus from step t+1 through Wh) and
 * {@code dcNext} the gradient step t+1 sent back into {@code c_t}:
 * <pre>
 *   dc     = dcNext + dh ⊙ o ⊙ (1 - tanh²(c_t))
 *   dz_i   = dc ⊙ g ⊙ i(1-i)          dz_f = dc ⊙ c_{t-1} ⊙ f(1-f)
 *   dz_g   = dc ⊙ i ⊙ (1-g²)          dz_o = dh ⊙ tanh(c_t) ⊙ o(1-o)
 *   dcPrev = dc ⊙ f                   (sent back to step t-1)
 *   dh_{t-1} = dz Wh^T                [batch, 4H] x [4H, H]
 * </pre>
 * The element-wise lines are {@link Kernels#lstmForward} and {@link Kernels#lstmBackward}
 * ({@link ReferenceKernels} as written, {@link FloatKernels} fast).
 */
final class LstmCell implements RecurrentCell {

    @Override
    public void forward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span z = w.zStep[unit][t];
        addRecurrentProduct(w, unit, t, wh, 1, z);   // z_t += h_{t-1} Wh: [batch, H] x [H, 4H]
        kernel.lstmForward(z, w.cStep[unit][t], w.gatesStep[unit][t], w.cStep[unit][t + 1], w.tanhCStep[unit][t],
                w.hStep[unit][t + 1], w.batch, w.hidden);
    }

    @Override
    public void backward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span dz = w.zStep[unit][t];
        kernel.lstmBackward(w.gatesStep[unit][t], w.cStep[unit][t], w.tanhCStep[unit][t], w.upStep[unit][t],
                fromNextStep(w, unit, t), dz, w.batch, w.hidden, isLastStep(w, t));
        sendBack(w, unit, t, wh, dz);                 // dh_{t-1} = dz_t Wh^T: [batch, 4H] x [4H, H]
    }
}
