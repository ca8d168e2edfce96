package org.charscope.model;

/**
 * One step of a recurrent cell, forward and backward, over the buffers of a {@link Workspace}:
 * {@link LstmCell}, {@link GruCell} or {@link RnnCell}. {@link CharLstm} has already put each step's
 * input projections with the bias, {@code a_t = x_t Wx + b}, into {@code w.zStep[unit][t]}; the cell
 * adds the recurrent product and applies its nonlinearities. Backward, it leaves the gradient of
 * its pre-activations in the same place (what {@code dWx}, {@code db} and the layer below need) and
 * sends {@code dh_{t-1}} back through {@code Wh}.
 */
interface RecurrentCell {

    static RecurrentCell of(LstmConfig config) {
        return switch (config.cell()) {
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
            case RNN -> new RnnCell();
        };
    }

    /**
     * Step t of unit {@code unit}: from {@code h_{t-1}} (and the LSTM's {@code c_{t-1}}) in the
     * workspace to {@code h_t}, keeping what the backward step needs.
     *
     * @param wh  [H, G·H] the unit's recurrent weights
     */
    void forward(Workspace w, int unit, int t, Span wh, Kernels kernel);

    /**
     * Step t backward, with the gradient at {@code h_t} from above in {@code w.upStep[unit][t]} and
     * from step t+1 in {@code w.dhRecurrent[unit]} (none at the last step): leaves {@code dz_t} and,
     * for t &gt; 0, {@code dh_{t-1}} in {@code w.dhRecurrent[unit]}. Called for t = T-1 down to 0.
     */
    void backward(Workspace w, int unit, int t, Span wh, Kernels kernel);

    /**
     * What {@code Wh} multiplied, as a gradient over all steps, so that {@code dWh = H_prev^T} times
     * it: {@code dZ} [rows, G·H] for the LSTM and RNN, {@code dQ} for the GRU.
     */
    default Span recurrentGradients(Workspace w, int unit) {
        return w.z[unit];
    }

    /** {@code out = beta·out + h_{t-1} Wh}: [batch, H] x [H, G·H]; beta 1 adds to the {@code a_t} already there. */
    static void addRecurrentProduct(Workspace w, int unit, int t, Span wh, double beta, Span out) {
        Blas.gemm(false, false, w.batch, w.width, w.hidden, 1, w.hStep[unit][t], w.hidden, wh, w.width, beta, out,
                w.width);
    }

    /** {@code dh_{t-1} = d Wh^T}: [batch, G·H] x [G·H, H] into {@code w.dhRecurrent[unit]}; nothing at t = 0. */
    static void sendBack(Workspace w, int unit, int t, Span wh, Span d) {
        if (t > 0) {
            Blas.gemm(false, true, w.batch, w.hidden, w.width, 1, d, w.width, wh, w.width, 0, w.dhRecurrent[unit],
                    w.hidden);
        }
    }

    /** The gradient at {@code h_t} from step t+1 through Wh; null at the last step, which has none. */
    static Span fromNextStep(Workspace w, int unit, int t) {
        return isLastStep(w, t) ? null : w.dhRecurrent[unit];
    }

    static boolean isLastStep(Workspace w, int t) {
        return t == w.seq - 1;
    }
}
