package org.charscope.explore;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A feature a learner states about a text, as one yes or no per character (code point, the
 * model's step): positive where the feature holds. From a Java regular expression, a character is
 * positive when it lies inside a non-empty match: {@code "[^"\n]*"} marks both quotes and what is
 * between them; an empty match (a {@code x*} between two letters) marks nothing.
 */
public final class FeatureLabels {

    private final BitSet positive; // [length] bit t: step t is positive
    private final int length;

    private FeatureLabels(BitSet positive, int length) {
        this.positive = positive;
        this.length = length;
    }

    /**
     * The regular expression, or an IllegalArgumentException whose message is one line naming
     * the problem and where it is (a {@link PatternSyntaxException}'s own message spans three).
     */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            throw new IllegalArgumentException("the regular expression " + regex + " is not valid: "
                    + e.getDescription() + where);
        }
    }

    /** The characters of {@code text} inside a non-empty match of {@code pattern}, in one pass over the text. */
    public static FeatureLabels ofMatches(String text, Pattern pattern) {
        BitSet positive = new BitSet();
        Matcher matcher = pattern.matcher(text);
        int charsSeen = 0;       // a char offset already converted ...
        int codePointsSeen = 0;  // ... and the code points before it
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            int first = codePointsSeen + text.codePointCount(charsSeen, matcher.start());
            int end = first + text.codePointCount(matcher.start(), matcher.end());
            positive.set(first, end);
            charsSeen = matcher.end();
            codePointsSeen = end;
        }
        return new FeatureLabels(positive, codePointsSeen + text.codePointCount(charsSeen, text.length()));
    }

    /** From one flag per character, e.g. a span brushed on a passage or a detector's signal. */
    public static FeatureLabels of(boolean[] positive) {
        BitSet bits = new BitSet(positive.length);
        for (int t = 0; t < positive.length; t++) {
            bits.set(t, positive[t]);
        }
        return new FeatureLabels(bits, positive.length);
    }

    /** Characters labelled: the text's length in code points. */
    public int length() {
        return length;
    }

    public boolean isPositive(int position) {
        return positive.get(position);
    }

    /** Positive characters in {@code [from, to)}. */
    public int count(int from, int to) {
        return positive.get(from, to).cardinality();
    }
}
