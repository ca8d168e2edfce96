package org.charscope.model;

import static org.charscope.model.RecurrentCell.addRecurrentProduct;
import static org.charscope.model.RecurrentCell.fromNextStep;
import static org.charscope.model.RecurrentCell.isLastStep;
import static org.charscope.model.RecurrentCell.sendBack;

/**
 * The GRU step (Cho et al. 2014, as PyTorch computes it: the reset gate scales the recurrent
 * projection of the candidate, not h). Gate blocks in the order r, u, n. The recurrent projection
 * {@code q_t} is kept apart from the input one because r scales only {@code q_n}.
 *
 * <h2>Forward</h2>
 * <pre>
 *   a_t = x_t Wx + b            q_t = h_{t-1} Wh                 [batch, 3H] each
 *   r = σ(a_r + q_r)            u = σ(a_u + q_u)
 *   n = tanh(a_n + r ⊙ q_n)
 *   h_t = (1 - u) ⊙ n + u ⊙ h_{t-1}
 * </pre>
 *
 * <h2>Backward</h2>
 * With {@code dh} the gradient at {@code h_t} from above, from step t+1 through Wh, and from step
 * t+1's direct path {@code dhCarry = dh_{t+1} ⊙ u_{t+1}}:
 * <pre>
 *   dz_n = dh ⊙ (1-u) ⊙ (1-n²)                      (n's pre-activation)
 *   da_u = dq_u = dh ⊙ (h_{t-1} - n) ⊙ u(1-u)
 *   da_r = dq_r = dz_n ⊙ q_n ⊙ r(1-r)
 *   da_n = dz_n        dq_n = dz_n ⊙ r
 *   dhCarry  = dh ⊙ u                               (sent back to step t-1)
 *   dh_{t-1} = dq Wh^T + dhCarry                    [batch, 3H] x [3H, H]; the carry is added in the next call
 * </pre>
 * Then {@code dWh = H_prev^T dQ}, while {@code dWx} and {@code db} come from {@code dA}. The
 * element-wise lines are {@link Kernels#gruForward} and {@link Kernels#gruBackward}.
 */
final class GruCell implements RecurrentCell {

    @Override
    public void forward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span q = w.qStep[unit][t];
        addRecurrentProduct(w, unit, t, wh, 0, q);   // q_t = h_{t-1} Wh: [batch, H] x [H, 3H]
        kernel.gruForward(w.zStep[unit][t], q, w.hStep[unit][t], w.gatesStep[unit][t], w.hStep[unit][t + 1], w.batch,
                w.hidden);
    }

    @Override
    public void backward(Workspace w, int unit, int t, Span wh, Kernels kernel) {
        Span dq = w.qStep[unit][t];
        kernel.gruBackward(w.gatesStep[unit][t], w.hStep[unit][t], dq, w.upStep[unit][t],
                fromNextStep(w, unit, t), w.zStep[unit][t], dq, w.batch, w.hidden, isLastStep(w, t));
        // dh_{t-1} = dq_t Wh^T: [batch, 3H] x [3H, H] (the direct path u ⊙ h_{t-1} is added by the next call)
        sendBack(w, unit, t, wh, dq);
    }

    @Override
    public Span recurrentGradients(Workspace w, int unit) {
        return w.q[unit];
    }
}
