package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokensTest {

    @Test
    void wordsCarryTheSpaceBeforeThemAndMarksStandAlone() {
        assertEquals(List.of("\"", "Is", " the", " boat", " in", "?", "\"", " asked", " Nell", ".", "\n"),
                WordTokens.of("\"Is the boat in?\" asked Nell.\n"));
    }

    @Test
    void apostrophesInsideAWordKeepItWholeButQuotesDoNot() {
        assertEquals(List.of("I", " don't", " know", " o'er", " '", "tis", "'"), WordTokens.of("I don't know o'er 'tis'"));
        assertEquals(List.of("It\u2019s"), WordTokens.of("It\u2019s"));
    }

    @Test
    void extraWhiteSpaceIsATokenOfItsOwn() {
        assertEquals(List.of("a", " ", " b", "\t", "c", "\r", "\n", " ", "\n"), WordTokens.of("a  b\tc\r\n \n"));
    }

    @Test
    void aWordLongerThanTheLimitContinuesAsFurtherTokens() {
        String run = "x".repeat(WordTokens.MAX_WORD * 2 + 5);
        List<String> tokens = WordTokens.of(" " + run);
        assertEquals(List.of(" " + "x".repeat(WordTokens.MAX_WORD), "x".repeat(WordTokens.MAX_WORD), "xxxxx"), tokens);
    }

    @Test
    void theTokensOfAnyTextPutTogetherAreTheText() {
        String[] texts = {
            "", "   ", "\n\n\n", "Hello, world!", "日本語のテキスト、句読点。", "مرحبا بالعالم", "emoji 😀👍🏽 and flags 🇫🇷",
            "e\u0301te\u0301 cafe\u0301", "\u0301 a lone combining mark", "tab\tand\u00a0no-break\u3000ideographic",
            "lone \ud800 surrogate", "1,234.56 and 3rd", "a'b' 'c ''", "x".repeat(1000) + " y"
        };
        for (String text : texts) {
            List<String> tokens = WordTokens.of(text);
            assertEquals(text, String.join("", tokens), "tokens of: " + text);
            assertTrue(tokens.stream().noneMatch(String::isEmpty), "no empty token in: " + text);
            assertTrue(tokens.stream().allMatch(t -> t.codePointCount(0, t.length()) <= WordTokens.MAX_WORD + 1),
                    "bounded tokens in: " + text);
        }
    }
}
