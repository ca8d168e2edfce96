package org.charscope.text.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredTextGeneratorTest {

    private static final Map<Character, Character> OPENER_OF_CLOSER = Map.of(')', '(', ']', '[', '}', '{');

    @Test
    void sameSeedGivesSameText() {
        assertEquals(StructuredTextGenerator.generate(7, 5_000), StructuredTextGenerator.generate(7, 5_000));
    }

    @Test
    void differentSeedsGiveDifferentTexts() {
        assertNotEquals(StructuredTextGenerator.generate(7, 5_000), StructuredTextGenerator.generate(8, 5_000));
    }

    @Test
    void defaultSampleIsAtLeastFortyKilobytesAndReachesItsTarget() {
        String sample = defaultSample();
        assertTrue(sample.length() >= StructuredTextGenerator.DEFAULT_TARGET_CHARS);
        assertTrue(sample.getBytes(StandardCharsets.UTF_8).length >= 40_000);
    }

    @Test
    void committedSampleIsTheDefaultGeneration() throws IOException {
        Path committed = Path.of("sample-texts", "structured-brackets-and-quotes.txt");
        assertEquals(defaultSample(), Files.readString(committed, StandardCharsets.UTF_8),
                "regenerate with: mvn -q compile && java -cp target/classes "
                        + "org.charscope.text.sample.StructuredTextGenerator " + committed);
    }

    @ParameterizedTest
    @ValueSource(longs = {StructuredTextGenerator.DEFAULT_SEED, 1, 2, 3, -99})
    void everyBlockIsBalancedAndProperlyNested(long seed) {
        String text = StructuredTextGenerator.generate(seed, 20_000);
        for (String block : text.split("\n\n")) {
            assertProperlyNested(block, "block");
        }
        for (String line : text.split("\n")) {
            // Only braces may span lines; parentheses and square brackets close where they open.
            assertProperlyNested(line.replace("{", "").replace("}", ""), "line");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {StructuredTextGenerator.DEFAULT_SEED, 1, 2, 3, -99})
    void bracketDepthStaysWithinBoundsReachesTheMaximumAndEndsAtZero(long seed) {
        int[] depths = StructuredTextGenerator.bracketDepth(StructuredTextGenerator.generate(seed, 20_000));
        int deepest = 0;
        for (int depth : depths) {
            assertTrue(depth >= 0);
            deepest = Math.max(deepest, depth);
        }
        assertEquals(StructuredTextGenerator.MAX_DEPTH, deepest);
        assertEquals(0, depths[depths.length - 1]);
    }

    @ParameterizedTest
    @ValueSource(longs = {StructuredTextGenerator.DEFAULT_SEED, 1, 2, 3, -99})
    void quotesAreBalancedOnEveryLineAndHoldNoBrackets(long seed) {
        String text = StructuredTextGenerator.generate(seed, 20_000);
        boolean[] inside = StructuredTextGenerator.insideQuotes(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                assertFalse(inside[i], "a string runs over the line end at " + i);
            }
            if (inside[i] && "()[]{}".indexOf(c) >= 0) {
                throw new AssertionError("bracket inside a string at " + i);
            }
        }
        for (String line : text.split("\n")) {
            assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, line);
        }
    }

    @Test
    void indentationIsTwoSpacesPerOpenBrace() {
        String text = defaultSample();
        int[] depths = StructuredTextGenerator.bracketDepth(text);
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                int depthBefore = lineStart == 0 ? 0 : depths[lineStart - 1];
                int expected = line.strip().startsWith("}") ? depthBefore - 1 : depthBefore;
                int spaces = line.length() - line.stripLeading().length();
                assertEquals(2 * expected, spaces, line);
            }
            lineStart += line.length() + 1;
        }
    }

    @Test
    void linesStayWithinTheWidthAndVaryInLength() {
        long distinctLengths = defaultSample().lines()
                .peek(line -> assertTrue(line.length() <= StructuredTextGenerator.MAX_LINE_CHARS, line))
                .mapToInt(String::length).distinct().count();
        assertTrue(distinctLengths > 50, "only " + distinctLengths + " distinct line lengths");
    }

    @Test
    void bracketDepthIsTheStateAfterEachCharacter() {
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 1, 1, 2, 1, 0}, StructuredTextGenerator.bracketDepth("a(b[c]d{})"));
    }

    @Test
    void bracketDepthIgnoresACloserWithNothingOpen() {
        assertArrayEquals(new int[] {0, 0, 0, 1, 0}, StructuredTextGenerator.bracketDepth("1) (]"));
    }

    @Test
    void insideQuotesCountsTheOpeningQuoteInAndTheClosingQuoteOut() {
        boolean[] inside = StructuredTextGenerator.insideQuotes("a\"b\nc\"d");
        assertArrayEquals(new boolean[] {false, true, true, true, true, false, false}, inside);
    }

    @Test
    void groundTruthIsIndexedByCodePoint() {
        String text = "\uD83D\uDE00(\"x\")"; // an emoji (two UTF-16 units), then ("x")
        assertEquals(6, StructuredTextGenerator.bracketDepth(text).length);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 0}, StructuredTextGenerator.bracketDepth(text));
        assertArrayEquals(new boolean[] {false, false, true, true, false, false},
                StructuredTextGenerator.insideQuotes(text));
    }

    private static String defaultSample() {
        return StructuredTextGenerator.generate(
                StructuredTextGenerator.DEFAULT_SEED, StructuredTextGenerator.DEFAULT_TARGET_CHARS);
    }

    private static void assertProperlyNested(String text, String what) {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (OPENER_OF_CLOSER.containsKey(c)) {
                assertFalse(open.isEmpty(), "closer " + c + " with nothing open in " + what + ":\n" + text);
                assertEquals(OPENER_OF_CLOSER.get(c), open.pop(), "mismatched " + c + " in " + what + ":\n" + text);
            }
        }
        assertTrue(open.isEmpty(), "unclosed " + open + " in " + what + ":\n" + text);
    }
}
