package org.charscope.ui.explorer;

import java.util.Locale;
import org.charscope.model.HeldUnits;
import org.charscope.model.Signal;
import org.charscope.model.UnitSite;

/**
 * A unit a person chose to hold from its context menu: clamped at a value, or ablated (held at its
 * mean over the passage, which is known only once the passage has been read freely).
 *
 * @param site    layer, cell or hidden, unit
 * @param ablated held at its mean over the passage rather than at {@code value}
 * @param value   the clamp; NaN when ablated
 */
record HoldChoice(UnitSite site, boolean ablated, double value) {

    HoldChoice {
        if (!ablated) {
            new HeldUnits.Held(site, value);   // a non-finite value, or a hidden state outside [-1, 1], is refused here
        }
    }

    static HoldChoice clamp(UnitSite site, double value) {
        return new HoldChoice(site, false, value);
    }

    static HoldChoice ablate(UnitSite site) {
        return new HoldChoice(site, true, Double.NaN);
    }

    /**
     * The unit held, given its mean over the passage; a hidden state's mean stays within [−1, 1],
     * as rounding may take it just past.
     */
    HeldUnits.Held held(double mean) {
        if (!ablated) {
            return new HeldUnits.Held(site, value);
        }
        return new HeldUnits.Held(site, site.quantity() == Signal.HIDDEN ? Math.max(-1, Math.min(1, mean)) : mean);
    }

    /** "layer 1 · cell 37 = 0.80" or "layer 1 · cell 37 ablated (mean)". */
    String describe() {
        String unit = String.format(Locale.ROOT, "layer %d · %s %d", site.layer() + 1,
                site.quantity().displayName(), site.unit());
        return ablated ? unit + " ablated (mean)" : String.format(Locale.ROOT, "%s = %.2f", unit, value);
    }
}
