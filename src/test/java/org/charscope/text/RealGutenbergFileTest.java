package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Project Gutenberg download, cut short: header present, footer missing. It lives in
 * {@code ../shared/corpora} beside the project (surefire passes the folder as
 * {@code charscope.shared}); a fresh clone has none, and then this test is skipped.
 */
class RealGutenbergFileTest {

    private static Path warAndPeace() {
        Path shared = Path.of(System.getProperty("charscope.shared", "../shared"));
        Path file = shared.resolve("corpora/war-and-peace-truncated.txt");
        Assumptions.assumeTrue(Files.exists(file), "../shared/corpora not found: skipping the real Gutenberg test");
        return file;
    }

    @Test
    void warAndPeaceLosesItsHeaderAndKeepsItsCutOffEnd() throws Exception {
        Path file = warAndPeace();

        Book book = new BookReader().read(file);

        SourceFile source = book.sources().get(0);
        assertEquals("war-and-peace-truncated.txt", source.fileName());
        assertEquals(Files.size(file), source.bytes());
        assertEquals("UTF-8", source.encoding());
        assertTrue(source.headerStripped());
        assertFalse(source.footerStripped(), "the download was cut off before the footer");
        assertEquals("War and Peace", book.title());
        assertEquals("Leo Tolstoy", book.author());
        assertTrue(book.text().startsWith("An Anonymous Volunteer, and David Widger\n\n\n\n\n\nWAR AND PEACE\n"),
                book.text().substring(0, 80));
        assertTrue(book.text().endsWith("on holy days to church and after the \n"),
                "cut off mid-sentence; the trailing space of the last line is kept");
        assertFalse(book.text().contains("PROJECT GUTENBERG"));
        assertFalse(book.text().contains("Posting Date"));
    }

    @Test
    void warAndPeaceBecomesACorpus() throws Exception {
        Book book = new BookReader().read(warAndPeace());

        Corpus corpus = Corpus.of(book, TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        TextFacts facts = TextFacts.of(corpus);

        assertEquals(book.characters(), facts.characters());
        assertEquals(Math.round(book.characters() * 0.1), facts.validationCharacters());
        assertFalse(corpus.vocabulary().hasUnknown());
        assertTrue(facts.vocabularySize() > 60 && facts.vocabularySize() < 100,
                "an ASCII English text: " + facts.vocabularySize() + " symbols");
        assertEquals("\\n", facts.symbols().get(0), "the smallest code point in the book is the line feed");
    }
}
