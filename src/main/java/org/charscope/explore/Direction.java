package org.charscope.explore;

import java.util.Locale;

/** Which side of its threshold a unit is "on" when it stands for a feature. */
public enum Direction {
    /** On at or above the threshold. */
    ABOVE,
    /** On below the threshold: a unit that goes down while the feature holds. */
    BELOW;

    /** "above" or "below", as {@code neurons --match --json} writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a value in bin {@code bin} is on, for a threshold at the lower edge of bin {@code edge}. */
    boolean isOn(int bin, int edge) {
        return this == ABOVE ? bin >= edge : bin < edge;
    }
}
