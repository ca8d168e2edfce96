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

    /** Whether a value is on for this threshold (a float, as the values are: the comparison is the histograms'). */
    public boolean isOn(float value, float threshold) {
        return this == ABOVE ? value >= threshold : value < threshold;
    }
}
