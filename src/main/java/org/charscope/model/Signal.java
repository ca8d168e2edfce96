package org.charscope.model;

import java.util.Locale;

/**
 * What a cell exposes at each step: the values the explorer shows, the names {@code neurons --json}
 * writes (lower case). For the LSTM, in the order of the equations
 * <pre>
 *   i = σ(W_i x + U_i h' + b_i)        input gate, in (0, 1)
 *   f = σ(W_f x + U_f h' + b_f)        forget gate, in (0, 1)
 *   g = tanh(W_g x + U_g h' + b_g)     candidate, in (−1, 1)
 *   o = σ(W_o x + U_o h' + b_o)        output gate, in (0, 1)
 *   c = f ⊙ c' + i ⊙ g                 cell state, unbounded
 *   h = o ⊙ tanh(c)                    hidden state, in (−1, 1)
 * </pre>
 * where {@code h'} and {@code c'} are the previous step's values. The GRU exposes its reset gate
 * {@code r = σ(a_r + q_r)}, update gate {@code u = σ(a_u + q_u)}, candidate and h; the RNN only h
 * ({@link Cell#signals()}). {@link #TANH_CELL} is derived from the cell by the explorer, not stored
 * by the model: it is what the output gate lets through, and it has a fixed range where the cell has
 * none.
 */
public enum Signal {
    INPUT_GATE(Range.GATE),
    FORGET_GATE(Range.GATE),
    CANDIDATE(Range.TANH),
    OUTPUT_GATE(Range.GATE),
    CELL(Range.UNBOUNDED),
    TANH_CELL(Range.TANH),
    HIDDEN(Range.TANH),
    RESET_GATE(Range.GATE),
    UPDATE_GATE(Range.GATE);

    /** Where tanh is 0.9 away from 0: a cell beyond ±1.47 is saturated once squashed. */
    private static final double CELL_SATURATION = 0.5 * Math.log((1 + 0.9) / (1 - 0.9));

    /** The values a quantity can take: a sigmoid's, a tanh's, or the LSTM cell's, which has no bound. */
    private record Range(double low, double high) {
        static final Range GATE = new Range(0, 1);
        static final Range TANH = new Range(-1, 1);
        static final Range UNBOUNDED = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private final Range range;

    Signal(Range range) {
        this.range = range;
    }

    /** The name in lower case, for running text: "forget gate"; tanh(cell) as the equations write it. */
    public String displayName() {
        return this == TANH_CELL ? "tanh(cell)" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The smallest value the quantity can take; −∞ for the cell. */
    public double low() {
        return range.low();
    }

    /** The largest value the quantity can take; +∞ for the cell. */
    public double high() {
        return range.high();
    }

    /** Whether the range is finite, so a colour scale can be fixed without looking at the values. */
    public boolean isBounded() {
        return range != Range.UNBOUNDED;
    }

    /** Whether this is one of the sigmoid gates (range 0..1): the LSTM's three or the GRU's two. */
    public boolean isGate() {
        return range == Range.GATE;
    }

    /**
     * The value at or above which a unit counts as "on" in a span search, unless the person picks
     * another. Gates: 0.5, more open than shut. Candidate and tanh(cell): 0.5, halfway to their
     * limit. Hidden: 0.3, because {@code h = o ⊙ tanh(c)} is scaled down by an output gate that
     * is seldom fully open, so hidden values rarely get near ±1. Cell: 1, where tanh(c) is 0.76
     * and the unit visibly drives the hidden state.
     */
    public double defaultOnThreshold() {
        switch (this) {
            case HIDDEN:
                return 0.3;
            case CELL:
                return 1.0;
            default:
                return 0.5;
        }
    }

    /**
     * Values below this are left-saturated: 0.1 for gates (Karpathy, Johnson &amp; Fei-Fei 2015),
     * −0.9 for the tanh-ranged quantities, and for the cell the value whose tanh is −0.9.
     */
    public double leftSaturatedBelow() {
        if (isGate()) {
            return 0.1;
        }
        return this == CELL ? -CELL_SATURATION : -0.9;
    }

    /** Values above this are right-saturated: 0.9 for gates and tanh-ranged quantities, 1.47 for the cell. */
    public double rightSaturatedAbove() {
        return this == CELL ? CELL_SATURATION : 0.9;
    }
}
