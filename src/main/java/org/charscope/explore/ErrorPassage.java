package org.charscope.explore;

/**
 * A run of consecutive characters where a unit and a feature disagree the same way: all false
 * positives (the unit on, the feature absent) or all false negatives.
 *
 * @param start    first character of the run, counted from the start of the validation part
 * @param end      one past the last
 * @param distance how far the unit was on the wrong side of its threshold, at the run's worst
 *                 character, on the binned scale ({@link SignalBins}: tanh(c) for the cell)
 */
public record ErrorPassage(int start, int end, double distance) {

    public int length() {
        return end - start;
    }
}
