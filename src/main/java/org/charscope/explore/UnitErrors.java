package org.charscope.explore;

import java.util.List;

/**
 * Where one unit fails a feature worst in the validation part, as passages to click.
 *
 * @param unit           the unit, at its threshold
 * @param falsePositives runs where it was on and the feature absent, worst first
 * @param falseNegatives runs where the feature held and it was off, worst first
 */
public record UnitErrors(UnitScore unit, List<ErrorPassage> falsePositives, List<ErrorPassage> falseNegatives) {

    public UnitErrors {
        falsePositives = List.copyOf(falsePositives);
        falseNegatives = List.copyOf(falseNegatives);
    }
}
