package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected signals are written one value per symbol, lined up under the text in the comments. */
class TextFeaturesTest {

    private static final String GRINNING_FACE = "\uD83D\uDE00"; // U+1F600: two UTF-16 chars, one symbol

    private static double[] signal(String passage, TextFeature feature) {
        return TextFeatures.of(passage).signal(feature);
    }

    private static double[] digits(String ones) {
        return ones.chars().mapToDouble(c -> c - '0').toArray();
    }

    @Test
    void featuresAreNamedInLowerCaseWords() {
        assertEquals("inside quotes", TextFeature.INSIDE_QUOTES.displayName());
        assertEquals("position in line", TextFeature.POSITION_IN_LINE.displayName());
    }

    @Test
    void straightQuotesToggleWithTheOpeningQuoteInside() {
        //                                  a _ " b c " _ d
        assertArrayEquals(digits("00111000"), signal("a \"bc\" d", TextFeature.INSIDE_QUOTES));
    }

    @Test
    void curlyQuotesSayWhetherTheyOpenOrClose() {
        //                                   x “ y ” z ” w
        assertArrayEquals(digits("0110000"), signal("x\u201Cy\u201Dz\u201Dw", TextFeature.INSIDE_QUOTES));
    }

    @Test
    void aQuotationRunsOnOverALineBreakButNotOverABlankLine() {
        // the blank line ends the unclosed quotation, so the next paragraph's
        // opening quote opens rather than closes
        String passage = "\"a\nb\n\n\"c\"d";
        //                                          " a \n b \n \n " c " d
        assertArrayEquals(digits("1111101100"), signal(passage, TextFeature.INSIDE_QUOTES));
    }

    @Test
    void aLineOfOnlySpacesCountsAsBlank() {
        //                                         " a \n _ \n " b
        assertArrayEquals(digits("1111011"), signal("\"a\n \n\"b", TextFeature.INSIDE_QUOTES));
    }

    @Test
    void bracketDepthCountsTheOpeningBracketAndNotTheClosingOne() {
        //                                         f ( a [ b ] { c } ) )
        assertArrayEquals(digits("01122122100"), signal("f(a[b]{c}))", TextFeature.BRACKET_DEPTH));
    }

    @Test
    void positionInLineRestartsAtTheLineFeed() {
        //                                       a b \n c d \n \n e
        assertArrayEquals(digits("12012001"), signal("ab\ncd\n\ne", TextFeature.POSITION_IN_LINE));
        //                                       a b \n c d \n \n e
        assertArrayEquals(digits("00010011"), signal("ab\ncd\n\ne", TextFeature.AFTER_NEWLINE));
    }

    @Test
    void anEmojiIsOneStep() {
        String passage = "a" + GRINNING_FACE + "\"b\nc";
        TextFeatures features = TextFeatures.of(passage);

        assertEquals(6, features.steps());
        //                                   a 😀 " b \n c
        assertArrayEquals(digits("123401"), features.signal(TextFeature.POSITION_IN_LINE));
        assertArrayEquals(digits("001111"), features.signal(TextFeature.INSIDE_QUOTES));
        assertArrayEquals(digits("001000"), features.signal(TextFeature.PUNCTUATION));
    }

    @Test
    void aWordStartsWithALetterAfterANonLetterAndAnApostropheDoesNotSplitIt() {
        //                                            H i , _ d o n ' t _ 2 x
        assertArrayEquals(digits("100010000001"), signal("Hi, don't 2x", TextFeature.START_OF_WORD));
    }

    @Test
    void characterClasses() {
        String passage = "Ab e1\t.\u00A0+";
        //                                       A b _ e 1 \t . nbsp +
        assertArrayEquals(digits("100000000"), signal(passage, TextFeature.UPPER_CASE));
        assertArrayEquals(digits("000010000"), signal(passage, TextFeature.DIGIT));
        assertArrayEquals(digits("100100000"), signal(passage, TextFeature.VOWEL));
        assertArrayEquals(digits("001001010"), signal(passage, TextFeature.WHITESPACE));
        assertArrayEquals(digits("000000100"), signal(passage, TextFeature.PUNCTUATION));
    }

    @Test
    void aFeatureThatNeverChangesIsConstant() {
        TextFeatures features = TextFeatures.of("no digits here");

        assertTrue(features.isConstant(TextFeature.DIGIT));
        assertFalse(features.isConstant(TextFeature.VOWEL));
        assertEquals(1, features.value(TextFeature.VOWEL, 1));
    }

    @Test
    void signalsAreCopies() {
        TextFeatures features = TextFeatures.of("ab");
        features.signal(TextFeature.POSITION_IN_LINE)[0] = 99;

        assertEquals(1, features.value(TextFeature.POSITION_IN_LINE, 0));
    }

    @Test
    void onlyTheCountsAreNotIndicators() {
        for (TextFeature feature : TextFeature.values()) {
            boolean count = feature == TextFeature.BRACKET_DEPTH || feature == TextFeature.POSITION_IN_LINE;
            assertEquals(!count, feature.isIndicator(), feature.name());
        }
    }
}
