package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    private static final TextOptions DEFAULTS = TextOptions.defaults();

    @TempDir
    Path folder;

    private static Book book(String text) {
        return new Book(List.of(new SourceFile("book.txt", text.length(), "UTF-8", false, false, null, null,
                text.codePointCount(0, text.length()))), text);
    }

    /** {@code symbols} code points cycling through a few letters. */
    private static String letters(int symbols) {
        StringBuilder text = new StringBuilder();
        IntStream.range(0, symbols).forEach(i -> text.append("abcdefg".charAt(i % 7)));
        return text.toString();
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void aBookReadFromAFileBecomesSymbolIds() throws Exception {
        Path file = Files.writeString(folder.resolve("story.txt"), "To be, or not to be.\r\n".repeat(60));
        Book book = new BookReader().read(file);

        Corpus corpus = Corpus.of(book, DEFAULTS, Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);

        assertSame(book, corpus.book());
        assertSame(DEFAULTS, corpus.options());
        assertEquals(book.text(), corpus.text());
        assertEquals(1260, corpus.trainSize() + corpus.validationSize());
        assertArrayEquals(corpus.vocabulary().encode(book.text()), concat(corpus.train(), corpus.validation()));
        assertEquals(corpus.trainSize(), corpus.train().length);
        assertEquals(corpus.validationSize(), corpus.validation().length);
    }

    @Test
    void theLastTenthIsValidation() throws Exception {
        Corpus corpus = Corpus.of(book(letters(1000)), DEFAULTS, 100);

        assertEquals(900, corpus.trainSize());
        assertEquals(100, corpus.validationSize());
        assertEquals(letters(1000).substring(900), corpus.vocabulary().decode(corpus.validation()));
    }

    @Test
    void otherFractionsAreRoundedToTheNearestSymbol() throws Exception {
        assertEquals(250, Corpus.of(book(letters(1000)), new TextOptions(false, 0, 0.25), 100).validationSize());
        assertEquals(10, Corpus.of(book(letters(1000)), new TextOptions(false, 0, 0.01), 100).validationSize());
        assertEquals(500, Corpus.of(book(letters(1000)), new TextOptions(false, 0, 0.5), 100).validationSize());
        assertEquals(100, Corpus.of(book(letters(1004)), DEFAULTS, 100).validationSize(), "100.4");
        assertEquals(101, Corpus.of(book(letters(1006)), DEFAULTS, 100).validationSize(), "100.6");
    }

    @Test
    void theSplitCountsCodePointsNotJavaChars() throws Exception {
        String emoji = "\uD83D\uDE00";
        String text = "ab".repeat(450) + emoji.repeat(100); // 1000 code points, 1100 chars

        Corpus corpus = Corpus.of(book(text), DEFAULTS, 100);

        assertEquals(900, corpus.trainSize());
        assertEquals(100, corpus.validationSize());
        assertEquals(emoji.repeat(100), corpus.vocabulary().decode(corpus.validation()));
    }

    @Test
    void theVocabularyIncludesSymbolsSeenOnlyInValidation() throws Exception {
        String text = letters(950) + "Ω".repeat(50);

        Corpus corpus = Corpus.of(book(text), DEFAULTS, 100);

        assertTrue(corpus.vocabulary().contains('Ω'));
        assertFalse(corpus.vocabulary().hasUnknown());
        assertEquals(letters(950).substring(900) + "Ω".repeat(50), corpus.vocabulary().decode(corpus.validation()));
    }

    @Test
    void lowerCasingGoesCodePointByCodePoint() throws Exception {
        String upper = "ÀB\u0130 \uD801\uDC00 " + letters(200); // İ and DESERET CAPITAL LETTER LONG I

        Corpus corpus = Corpus.of(book(upper), new TextOptions(true, 0, 0.1), 10);

        assertEquals("àbi \uD801\uDC28 " + letters(200), corpus.text(), "İ becomes one symbol, not i + dot");
        assertEquals(upper.codePointCount(0, upper.length()), corpus.trainSize() + corpus.validationSize());
        assertFalse(corpus.vocabulary().contains('B'));
    }

    @Test
    void lowerCasingIgnoresTheUsersLocale() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            Corpus corpus = Corpus.of(book("TITLE " + letters(100)), new TextOptions(true, 0, 0.1), 10);

            assertTrue(corpus.text().startsWith("title "), "a Turkish locale would give a dotless ı");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void keepingCaseKeepsTheTextAsItIs() throws Exception {
        Corpus corpus = Corpus.of(book("ABC " + letters(100)), DEFAULTS, 10);

        assertTrue(corpus.text().startsWith("ABC "));
    }

    @Test
    void rareSymbolsBecomeTheUnknownSymbol() throws Exception {
        String text = letters(500) + "z" + letters(499);

        Corpus corpus = Corpus.of(book(text), new TextOptions(false, 2, 0.1), 100);

        assertTrue(corpus.vocabulary().hasUnknown());
        assertEquals(8, corpus.vocabulary().size(), "seven letters and the unknown symbol");
        assertEquals(0, corpus.train()[500]);
        assertTrue(corpus.text().contains("z"), "the text itself is unchanged");
        assertEquals(1, Arrays.stream(corpus.train()).filter(id -> id == 0).count());
    }

    @Test
    void aBookTooShortToTrainOnIsRefusedNamingTheMinimum() throws Exception {
        BadTextException e = assertThrows(BadTextException.class,
                () -> Corpus.of(book(letters(40)), DEFAULTS, Corpus.DEFAULT_MIN_TRAIN_SYMBOLS));

        assertEquals("book.txt has 40 characters after stripping; CharScope needs at least 1,111", e.getMessage());
    }

    @Test
    void theMinimumNamedIsExactlyTheShortestBookAccepted() throws Exception {
        Corpus shortest = Corpus.of(book(letters(1111)), DEFAULTS, 1000);
        assertEquals(1000, shortest.trainSize());

        BadTextException e = assertThrows(BadTextException.class, () -> Corpus.of(book(letters(1110)), DEFAULTS, 1000));
        assertTrue(e.getMessage().endsWith("needs at least 1,111"), e.getMessage());
    }

    @Test
    void aValidationPartOfFewerThanTwoSymbolsIsRefused() throws Exception {
        BadTextException e = assertThrows(BadTextException.class, () -> Corpus.of(book(letters(14)), DEFAULTS, 1));

        assertEquals("book.txt has 14 characters after stripping; CharScope needs at least 15", e.getMessage());
        assertEquals(2, Corpus.of(book(letters(15)), DEFAULTS, 1).validationSize());
    }

    @Test
    void aMinimumBelowOneIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Corpus.of(book(letters(100)), DEFAULTS, 0));
    }
}
