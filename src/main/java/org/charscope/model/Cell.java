package org.charscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recurrent cell of every layer: what one step computes from the input projection
 * {@code a = x Wx + b} and the previous hidden state (colah's "Understanding LSTM Networks",
 * Karpathy's LSTM/GRU/RNN comparison). Weights are {@code Wx [in, G·H]}, {@code Wh [H, G·H]},
 * {@code b [G·H]} with G the number of gate blocks below.
 * <pre>
 *   LSTM (G = 4: i, f, g, o)   z = a + h_{t-1} Wh
 *        i, f, o = σ(z_i, z_f, z_o)   g = tanh(z_g)   c_t = f ⊙ c_{t-1} + i ⊙ g   h_t = o ⊙ tanh(c_t)
 *   GRU  (G = 3: r, u, n)      q = h_{t-1} Wh   (Cho et al. 2014, as PyTorch: r scales q_n, not h)
 *        r = σ(a_r + q_r)   u = σ(a_u + q_u)   n = tanh(a_n + r ⊙ q_n)   h_t = (1 - u) ⊙ n + u ⊙ h_{t-1}
 *   RNN  (G = 1)               h_t = tanh(a + h_{t-1} Wh)
 * </pre>
 * At equal hidden size a GRU has ¾ and an RNN ¼ of an LSTM's recurrent weights; comparisons at
 * equal parameters widen them ({@link #hiddenForParameters}).
 */
public enum Cell {
    LSTM(4, List.of(Signal.INPUT_GATE, Signal.FORGET_GATE, Signal.CANDIDATE,
            Signal.OUTPUT_GATE)),
    GRU(3, List.of(Signal.RESET_GATE, Signal.UPDATE_GATE, Signal.CANDIDATE)),
    RNN(1, List.of());

    private final int gateBlocks;
    private final List<Signal> gates;

    Cell(int gateBlocks, List<Signal> gates) {
        this.gateBlocks = gateBlocks;
        this.gates = gates;
    }

    /** G: column blocks of Wx, Wh and b, each {@code hidden} wide. */
    public int gateBlocks() {
        return gateBlocks;
    }

    /** The gates the cell stores per step, in their block order (empty for the RNN). */
    public List<Signal> gates() {
        return gates;
    }

    /** Everything the explorer can show of this cell: its gates, the LSTM's cell state, and h. */
    public List<Signal> signals() {
        List<Signal> all = new ArrayList<>(gates);
        if (this == LSTM) {
            all.add(Signal.CELL);
        }
        all.add(Signal.HIDDEN);
        return List.copyOf(all);
    }

    /** Lower case, as the command line and the checkpoint write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code lstm}, {@code gru} or {@code rnn}, any case. */
    public static Cell parse(String text) {
        for (Cell cell : values()) {
            if (cell.id().equalsIgnoreCase(text.trim())) {
                return cell;
            }
        }
        throw new IllegalArgumentException("cell must be lstm, gru or rnn, not '" + text + "'");
    }

    /**
     * The hidden size at which this cell has about as many parameters as {@code reference}: the
     * whole model counted (input, recurrent and output weights), searched over sizes that are
     * multiples of 8 so that the products stay aligned.
     */
    public int hiddenForParameters(LstmConfig reference) {
        long target = reference.parameterCount();
        int best = LstmConfig.MIN_HIDDEN;
        long bestGap = Long.MAX_VALUE;
        for (int h = LstmConfig.MIN_HIDDEN; h <= LstmConfig.MAX_HIDDEN; h += 8) {
            long gap = Math.abs(reference.withCell(this).withHidden(h).parameterCount() - target);
            if (gap < bestGap) {
                best = h;
                bestGap = gap;
            }
        }
        return best;
    }
}
