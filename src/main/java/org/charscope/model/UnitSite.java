package org.charscope.model;

import java.util.Locale;

/**
 * One unit of one layer's {@code cell} (an LSTM's c) or {@code hidden} state (h, which every cell
 * has): what can be held at a value or measured while a model reads.
 *
 * @param layer    0-based
 * @param quantity {@link Signal#CELL} or {@link Signal#HIDDEN}
 * @param unit     0-based
 */
public record UnitSite(int layer, Signal quantity, int unit) {

    public UnitSite {
        if (quantity != Signal.CELL && quantity != Signal.HIDDEN) {
            throw new IllegalArgumentException("a unit is held in the cell or the hidden state, not the "
                    + quantity.displayName());
        }
    }

    /** Refuses a site this model does not have: a layer or unit out of range, a cell state where the cell keeps none. */
    public void checkAgainst(LstmConfig config) {
        if (layer < 0 || layer >= config.layers()) {
            throw new IllegalArgumentException("layer " + (layer + 1) + " is not one of the model's "
                    + config.layers());
        }
        if (unit < 0 || unit >= config.hidden()) {
            throw new IllegalArgumentException("unit " + unit + " is not one of the " + config.hidden()
                    + " of layer " + (layer + 1) + " (units count from 0)");
        }
        if (quantity == Signal.CELL && config.cell() != Cell.LSTM) {
            throw new IllegalArgumentException("a " + config.cell().id() + " keeps no cell state: hold its hidden state");
        }
    }

    /** "1:cell:87", as {@code --clamp} reads it (the layer from 1). */
    public String id() {
        return String.format(Locale.ROOT, "%d:%s:%d", layer + 1, quantity.name().toLowerCase(Locale.ROOT), unit);
    }
}
