package org.charscope.text;

import java.util.Arrays;

/**
 * What it costs to spell out a word a word model knows only as unknown: a character unigram model
 * fitted to the unknown words of the training text, each character drawn independently and then
 * an end mark. With add-one counts over the whole text's characters, every spelling has a
 * probability, so a word model's loss per character is a true code length and stays comparable
 * with a character model's.
 *
 * <pre>
 *   p(c)   = (n(c) + 1) / (N + |A| + 1)        n(c): count of c in unknown training words, A: alphabet
 *   p(end) = (n(end) + 1) / (N + |A| + 1)      n(end): unknown training words, N = Σ n(c) + n(end)
 *   cost(w) = −Σ ln p(c) − ln p(end)           a character outside A: ln of 1 / (N + |A| + 1) / 0x110000
 * </pre>
 *
 * @param codePoints [alphabet] ascending
 * @param counts     [alphabet] how often each appears in unknown training words
 * @param ends       unknown training words (the end mark's count)
 */
public record UnknownSpelling(int[] codePoints, long[] counts, long ends) {

    /** Code points Unicode has: the spread of a character outside the alphabet. */
    private static final double UNICODE = 0x110000;

    public UnknownSpelling {
        if (codePoints.length != counts.length) {
            throw new IllegalArgumentException(codePoints.length + " characters but " + counts.length + " counts");
        }
        for (int i = 1; i < codePoints.length; i++) {
            if (codePoints[i] <= codePoints[i - 1]) {
                throw new IllegalArgumentException("the alphabet must be ascending without repeats");
            }
        }
        if (ends < 0 || Arrays.stream(counts).anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        codePoints = codePoints.clone();
        counts = counts.clone();
    }

    /** Nats to spell {@code word} (without any leading space) and end it. */
    public double nats(String word) {
        double denominator = Arrays.stream(counts).sum() + ends + codePoints.length + 1.0;
        double nats = -Math.log((ends + 1) / denominator);
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int at = Arrays.binarySearch(codePoints, cp);
            nats += at >= 0 ? -Math.log((counts[at] + 1) / denominator) : Math.log(denominator * UNICODE);
            i += Character.charCount(cp);
        }
        return nats;
    }

    @Override
    public int[] codePoints() {
        return codePoints.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSpelling s && Arrays.equals(codePoints, s.codePoints)
                && Arrays.equals(counts, s.counts) && ends == s.ends;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePoints) * 31 + Long.hashCode(ends);
    }
}
