package org.charscope.model;

import static org.charscope.model.RecurrentCell.addRecurrentProduct;
import static org.charscope.model.RecurrentCell.fromNextStep;
import static org.charscope.model.RecurrentCell.sendBack;

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

    @Override
    public void forward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span z = w.zStep[unit][t];
        addRecurrentProduct(w, unit, t, wh, 1, z);   // z_t += h_{t-1} Wh: [batch, H] x [H, H]
        kernel.rnnForward(z, w.hStep[unit][t + 1], w.batch, w.hidden);
    }

    @Override
    public void backward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span dz = w.zStep[unit][t];
        kernel.rnnBackward(w.hStep[unit][t + 1], w.upStep[unit][t], fromNextStep(w, unit, t), dz, w.batch, w.hidden);
        sendBack(w, unit, t, wh, dz);                 // dh_{t-1} = dz_t Wh^T: [batch, H] x [H, H]
    }
}
