package org.charscope.baseline;

import java.util.List;

/**
 * What of a generated text was copied from the training text: the stretches of at least
 * {@link CopyIndex#MIN_RUN} symbols found there, and the share of generated symbols inside them.
 *
 * @param runs       disjoint, in ascending order; [start, end) in symbols (code points) of the
 *                   whole text, prime included, each lying after the prime
 * @param characters generated symbols, the prime excluded
 * @param copied     how many of them lie inside a run
 */
public record CopiedRuns(List<Run> runs, int characters, int copied) {

    /** [start, end) in symbols of the text; end − start ≥ {@link CopyIndex#MIN_RUN}. */
    public record Run(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    public CopiedRuns {
        runs = List.copyOf(runs);
    }

    /** copied / characters; 0 for a text with no generated characters. */
    public double fraction() {
        return characters == 0 ? 0 : (double) copied / characters;
    }
}
