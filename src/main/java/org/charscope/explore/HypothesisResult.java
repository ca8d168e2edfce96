package org.charscope.explore;

import java.util.List;

/**
 * What testing a feature on a whole text found: every unit, best first.
 *
 * @param thresholdCharacters  characters the thresholds were chosen on (the end of the training part)
 * @param validationFrom       where the validation part starts in the text, in characters
 * @param validationCharacters characters of the validation part, where the scores were counted
 * @param positives            validation characters where the feature holds
 * @param units                every layer's every quantity's every unit, by descending validation F1
 *                             (ties: layer, quantity, unit)
 */
public record HypothesisResult(int thresholdCharacters, int validationFrom, int validationCharacters, int positives,
                               List<UnitScore> units) {

    public HypothesisResult {
        units = List.copyOf(units);
    }

    /** The first {@code count} units, or all of them when there are fewer. */
    public List<UnitScore> best(int count) {
        return units.subList(0, Math.min(count, units.size()));
    }
}
