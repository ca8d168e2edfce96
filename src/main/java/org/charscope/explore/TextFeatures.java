package org.charscope.explore;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The ground truth the detectors correlate neurons with: every {@link TextFeature} at every step
 * of a passage. A step is one Unicode code point (an emoji is one step, not two UTF-16 halves),
 * matching the model's symbols, and each value is the state after reading that symbol.
 *
 * <p>The passage may start in the middle of a line, a quotation or a bracket; the features
 * cannot know, and count from the passage start as if from a clean slate.
 */
public final class TextFeatures {

    private static final int LINE_FEED = '\n';
    private static final int LEFT_DOUBLE_QUOTE = '\u201C';  // “
    private static final int RIGHT_DOUBLE_QUOTE = '\u201D'; // ”

    private final int steps;
    private final Map<TextFeature, double[]> signals; // each [steps]

    private TextFeatures(int steps, Map<TextFeature, double[]> signals) {
        this.steps = steps;
        this.signals = signals;
    }

    public static TextFeatures of(String passage) {
        int[] symbols = passage.codePoints().toArray(); // [steps]
        Map<TextFeature, double[]> signals = new EnumMap<>(TextFeature.class);
        signals.put(TextFeature.INSIDE_QUOTES, insideQuotes(symbols));
        signals.put(TextFeature.BRACKET_DEPTH, bracketDepth(symbols));
        signals.put(TextFeature.POSITION_IN_LINE, positionInLine(symbols));
        signals.put(TextFeature.START_OF_WORD, startOfWord(symbols));
        signals.put(TextFeature.UPPER_CASE, indicator(symbols, TextFeatures::isUpperCase));
        signals.put(TextFeature.DIGIT, indicator(symbols, Character::isDigit));
        signals.put(TextFeature.AFTER_NEWLINE, afterNewline(symbols));
        signals.put(TextFeature.VOWEL, indicator(symbols, TextFeatures::isVowel));
        signals.put(TextFeature.WHITESPACE, indicator(symbols, TextFeatures::isWhitespace));
        signals.put(TextFeature.PUNCTUATION, indicator(symbols, TextFeatures::isPunctuation));
        return new TextFeatures(symbols.length, signals);
    }

    /** Code points in the passage. */
    public int steps() {
        return steps;
    }

    /** The feature at every step; a copy, [steps]. */
    public double[] signal(TextFeature feature) {
        return signals.get(feature).clone();
    }

    public double value(TextFeature feature, int step) {
        return signals.get(feature)[step];
    }

    /** Whether the feature has one value throughout, so nothing can correlate with it. */
    public boolean isConstant(TextFeature feature) {
        double[] signal = signals.get(feature);
        for (double value : signal) {
            if (value != signal[0]) {
                return false;
            }
        }
        return true;
    }

    /** The stored signal itself, for the detectors' inner loop; never handed out of the package. */
    double[] signalView(TextFeature feature) {
        return signals.get(feature);
    }

    /**
     * Straight double quotes toggle between outside and inside; curly ones say which they are
     * (“ opens, ” closes). The opening quote counts as inside and the closing one as outside.
     * A blank line ends any quotation: in fiction a quotation running over paragraphs reopens each
     * paragraph without closing the previous one, and with straight quotes a plain toggle would
     * from then on be inside out.
     */
    static double[] insideQuotes(int[] symbols) {
        double[] inside = new double[symbols.length]; // [steps]
        boolean quoted = false;
        boolean lineHasText = false; // a non-whitespace symbol since the last line feed
        for (int step = 0; step < symbols.length; step++) {
            int symbol = symbols[step];
            if (symbol == '"') {
                quoted = !quoted;
            } else if (symbol == LEFT_DOUBLE_QUOTE) {
                quoted = true;
            } else if (symbol == RIGHT_DOUBLE_QUOTE) {
                quoted = false;
            }
            if (symbol == LINE_FEED) {
                if (!lineHasText) {
                    quoted = false;
                }
                lineHasText = false;
            } else if (!isWhitespace(symbol)) {
                lineHasText = true;
            }
            inside[step] = quoted ? 1 : 0;
        }
        return inside;
    }

    /**
     * ( [ and { open, ) ] and } close, without checking that they match: a network that counts
     * nesting need not check it either. A closing bracket with nothing open leaves the depth at 0.
     */
    static double[] bracketDepth(int[] symbols) {
        double[] depths = new double[symbols.length]; // [steps]
        int depth = 0;
        for (int step = 0; step < symbols.length; step++) {
            switch (symbols[step]) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            depths[step] = depth;
        }
        return depths;
    }

    /**
     * After reading a line feed the next column is 0, so the line feed itself is 0 and the first
     * symbol of a line 1 (Karpathy's line-length cell resets on the line feed).
     */
    static double[] positionInLine(int[] symbols) {
        double[] positions = new double[symbols.length]; // [steps]
        int position = 0;
        for (int step = 0; step < symbols.length; step++) {
            position = symbols[step] == LINE_FEED ? 0 : position + 1;
            positions[step] = position;
        }
        return positions;
    }

    /**
     * A letter after a non-letter, or first in the passage. An apostrophe between letters does
     * not start a new word, so "don't" and "Nell's" are one word each.
     */
    static double[] startOfWord(int[] symbols) {
        double[] starts = new double[symbols.length]; // [steps]
        for (int step = 0; step < symbols.length; step++) {
            if (!Character.isLetter(symbols[step])) {
                continue;
            }
            boolean continuesWord = step > 0 && (Character.isLetter(symbols[step - 1])
                    || step > 1 && isApostrophe(symbols[step - 1]) && Character.isLetter(symbols[step - 2]));
            starts[step] = continuesWord ? 0 : 1;
        }
        return starts;
    }

    /** 1 for the first symbol of a line; the passage's first symbol does not count, as no line feed came before it. */
    static double[] afterNewline(int[] symbols) {
        double[] after = new double[symbols.length]; // [steps]
        for (int step = 1; step < symbols.length; step++) {
            after[step] = symbols[step - 1] == LINE_FEED ? 1 : 0;
        }
        return after;
    }

    private static double[] indicator(int[] symbols, IntPredicate test) {
        double[] indicator = new double[symbols.length]; // [steps]
        for (int step = 0; step < symbols.length; step++) {
            indicator[step] = test.test(symbols[step]) ? 1 : 0;
        }
        return indicator;
    }

    private static boolean isUpperCase(int symbol) {
        return Character.isUpperCase(symbol) || Character.isTitleCase(symbol);
    }

    private static boolean isVowel(int symbol) {
        return "aeiouAEIOU".indexOf(symbol) >= 0;
    }

    /** Java's whitespace plus the no-break spaces it leaves out. */
    private static boolean isWhitespace(int symbol) {
        return Character.isWhitespace(symbol) || Character.isSpaceChar(symbol);
    }

    private static boolean isApostrophe(int symbol) {
        return symbol == '\'' || symbol == '\u2019';
    }

    /** Unicode punctuation (categories P*): . , ; : ! ? quotes, brackets, dashes; not symbols such as + or $. */
    private static boolean isPunctuation(int symbol) {
        return switch (Character.getType(symbol)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
