package org.charscope.explore;

import java.util.List;

/**
 * What a search for an {@link OnOffPattern} found in a stretch of text.
 *
 * @param pattern    the pattern looked for
 * @param characters characters searched
 * @param runs       stretches where every unit of the pattern is on
 * @param whole      of them, those where every unit is also off just outside ({@link PatternMatch#isWhole()})
 * @param best       the best-ranked runs, best first ({@link PatternRuns#BEST_FIRST})
 */
public record PatternMatches(OnOffPattern pattern, int characters, int runs, int whole, List<PatternMatch> best) {

    public PatternMatches {
        best = List.copyOf(best);
    }
}
