package org.charscope.explore;

/**
 * A stretch where every unit of an {@link OnOffPattern} is on: the longest such run of
 * characters (a match is never part of a longer one), with how many of the units are also off just
 * outside it, as they were around the brushed span.
 *
 * @param start        first character, counted from where the search started (the validation part's start)
 * @param end          one past the last
 * @param unitsFitting units off over every step just before and just after the run that the text has
 * @param units        units in the pattern
 */
public record PatternMatch(int start, int end, int unitsFitting, int units) {

    public int length() {
        return end - start;
    }

    /** Whether every unit is off just outside: the brushed span's on/off pattern, whole. */
    public boolean isWhole() {
        return unitsFitting == units;
    }
}
