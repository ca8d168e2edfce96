package org.charscope.text.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed sample texts are what a person meets on first start, so their shape is checked
 * here: enough text to train on, clean encoding, and the dialogue a quote neuron needs.
 */
class SampleTextsTest {

    private static final Path FOLDER = Path.of("sample-texts");
    private static final Path PROSE = FOLDER.resolve("the-lighthouse-keepers.txt");

    @Test
    void sampleTextsTotalAtLeastOneHundredKilobytes() throws IOException {
        long totalBytes = 0;
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                totalBytes += Files.size(file);
            }
        }
        assertTrue(totalBytes >= 100_000, "sample texts hold only " + totalBytes + " bytes");
    }

    @Test
    void proseIsValidUtf8WithOnlyLineFeeds() throws IOException {
        byte[] bytes = Files.readAllBytes(PROSE);
        String text = strictUtf8(bytes);
        assertFalse(text.contains("\r"), "the prose must use LF line ends only");
        assertTrue(text.endsWith("\n"));
        assertTrue(bytes.length >= 60_000, "the prose has only " + bytes.length + " bytes");
    }

    @Test
    void proseOpensWithTitleAndAuthor() throws IOException {
        List<String> lines = Files.readAllLines(PROSE, StandardCharsets.UTF_8);
        assertEquals("THE LIGHTHOUSE KEEPERS", lines.get(0));
        assertEquals("by the CharScope authors", lines.get(2));
    }

    @Test
    void proseHasPlentyOfDialogueInStraightQuotes() throws IOException {
        List<String> lines = Files.readAllLines(PROSE, StandardCharsets.UTF_8);
        long dialogueLines = lines.stream().filter(line -> line.indexOf('"') >= 0).count();
        assertTrue(dialogueLines >= 200, "only " + dialogueLines + " lines with a double quote");
        String text = String.join("\n", lines);
        assertFalse(text.contains("\u201C") || text.contains("\u201D"), "use straight quotes, not curly");
    }

    @Test
    void proseIsWrappedLikeAnOldBookAndClosesEveryQuoteWithinItsParagraph() throws IOException {
        String text = Files.readString(PROSE, StandardCharsets.UTF_8);
        text.lines().forEach(line -> assertTrue(line.length() <= 70, "line over 70 columns: " + line));
        for (String paragraph : text.split("\n\n")) {
            assertEquals(0, paragraph.chars().filter(c -> c == '"').count() % 2, paragraph);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the prose is not valid UTF-8", e);
        }
    }
}
