package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project Gutenberg headers and footers, through files read by {@link BookReader}. */
class GutenbergBoilerplateTest {

    private static final String BODY = "CHAPTER I\n\nIt was a dark and stormy night.\n\nThe end.\n";

    private static final String MODERN_HEADER = """
            The Project Gutenberg EBook of A Stormy Night, by Jane Doe

            This eBook is for the use of anyone anywhere at no cost and with
            almost no restrictions whatsoever.

            Title: A Stormy Night

            Author: Jane Doe

            Release Date: May 1, 2009 [EBook #12345]

            Language: English

            *** START OF THE PROJECT GUTENBERG EBOOK A STORMY NIGHT ***


            """;

    private static final String MODERN_FOOTER = """



            *** END OF THE PROJECT GUTENBERG EBOOK A STORMY NIGHT ***

            ***** This file should be named 12345.txt or 12345.zip *****
            Updated editions will replace the previous one.
            """;

    @TempDir
    Path folder;

    private SourceFile source;

    private String read(String content) throws Exception {
        Path file = folder.resolve("book.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Book book = new BookReader().read(file);
        source = book.sources().get(0);
        return book.text();
    }

    @Test
    void modernHeaderAndFooterAreRemoved() throws Exception {
        String text = read(MODERN_HEADER + BODY + MODERN_FOOTER);

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertTrue(source.footerStripped());
        assertEquals("A Stormy Night", source.title());
        assertEquals("Jane Doe", source.author());
    }

    @Test
    void thisInsteadOfTheAndAnyCaseSpacingAndAsterisks() throws Exception {
        String text = read("Title: X\n\n*** Start  of  this  Project Gutenberg eBook X ***\n" + BODY
                + "\n*** end of this project gutenberg ebook x ***\nlicence\n");

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertTrue(source.footerStripped());
    }

    @Test
    void markersWithoutASpaceAfterTheAsterisks() throws Exception {
        String text = read("header\n***START OF THE PROJECT GUTENBERG EBOOK X***\n" + BODY
                + "***END OF THE PROJECT GUTENBERG EBOOK X***\n");

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertTrue(source.footerStripped());
    }

    @Test
    void etextMarkers() throws Exception {
        String text = read("header\n*** START OF THE PROJECT GUTENBERG ETEXT X ***\n" + BODY
                + "*** END OF THE PROJECT GUTENBERG ETEXT X ***\n");

        assertEquals(BODY, text);
    }

    @Test
    void anOldSmallPrintHeaderEndsAtItsEndLine() throws Exception {
        String header = """
                The Project Gutenberg Etext of Old Tales, by Ann Author
                **Welcome To The World of Free Plain Vanilla Electronic Texts**
                <<THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS>>
                LIMITED WARRANTY; DISCLAIMER OF DAMAGES
                *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*

                """;

        String text = read(header + BODY + "\nEnd of The Project Gutenberg Etext of Old Tales, by Ann Author\n");

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertTrue(source.footerStripped());
        assertEquals("Old Tales", source.title(), "from the first line: the header has no Title: line");
        assertEquals("Ann Author", source.author());
    }

    @Test
    void aLaterSmallPrintVariantAlsoEndsTheHeader() throws Exception {
        String text = read("intro\n*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n" + BODY);

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertFalse(source.footerStripped());
    }

    @Test
    void whenAStartLineFollowsTheSmallPrintTheHeaderEndsAtTheStartLine() throws Exception {
        String text = read("""
                The Project Gutenberg EBook of Two Markers
                *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*
                more licence text
                *** START OF THIS PROJECT GUTENBERG EBOOK TWO MARKERS ***
                """ + BODY);

        assertEquals(BODY, text);
    }

    @Test
    void aSmallPrintAfterTheFooterStaysInTheFooter() throws Exception {
        String text = read("intro\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n" + BODY
                + "End of Project Gutenberg's X, by Y\n"
                + "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n");

        assertEquals(BODY, text);
        assertTrue(source.footerStripped());
    }

    @Test
    void endOfTheProjectGutenbergEbookOfStartsTheFooter() throws Exception {
        String text = read(MODERN_HEADER + BODY
                + "\nEnd of the Project Gutenberg EBook of A Stormy Night, by Jane Doe\n\n" + MODERN_FOOTER);

        assertEquals(BODY, text, "the footer starts at the first of its end lines");
        assertTrue(source.footerStripped());
    }

    @Test
    void endOfProjectGutenbergsStartsTheFooter() throws Exception {
        String text = read(MODERN_HEADER + BODY
                + "\n\nEnd of Project Gutenberg's Alice's Adventures in Wonderland, by Lewis Carroll\n");

        assertEquals(BODY, text);
        assertTrue(source.footerStripped());
    }

    @Test
    void aMissingFooterIsTolerated() throws Exception {
        String text = read(MODERN_HEADER + BODY + "\n\n\n");

        assertEquals(BODY, text);
        assertTrue(source.headerStripped());
        assertFalse(source.footerStripped());
    }

    @Test
    void aFileWithoutMarkersIsUsedWhole() throws Exception {
        String whole = "Title: Not a header\nAuthor: Nobody\n\n" + BODY;

        String text = read(whole);

        assertEquals(whole, text);
        assertFalse(source.headerStripped());
        assertFalse(source.footerStripped());
        assertNull(source.title(), "Title: lines count only inside a Gutenberg header");
        assertNull(source.author());
    }

    @Test
    void aFooterWithoutAHeaderIsStillRemoved() throws Exception {
        String text = read(BODY + "*** END OF THE PROJECT GUTENBERG EBOOK X ***\nlicence\n");

        assertEquals(BODY, text);
        assertFalse(source.headerStripped());
        assertTrue(source.footerStripped());
    }

    @Test
    void wordsLikeTheMarkersInsideTheBodyAreKept() throws Exception {
        String body = "He reached the end of the project.\nThe start of this Project Gutenberg tale.\n";

        String text = read(MODERN_HEADER + body + MODERN_FOOTER);

        assertEquals(body, text);
    }

    @Test
    void aTitleGoesOnInIndentedLines() throws Exception {
        read("""
                Title: The Strange Case of Dr. Jekyll
                       and Mr. Hyde

                Author: Robert Louis Stevenson
                        (1850-1894)

                *** START OF THE PROJECT GUTENBERG EBOOK JEKYLL ***
                """ + BODY);

        assertEquals("The Strange Case of Dr. Jekyll and Mr. Hyde", source.title());
        assertEquals("Robert Louis Stevenson (1850-1894)", source.author());
    }

    @Test
    void titleAndAuthorLinesWinOverTheFirstLine() throws Exception {
        read("""
                The Project Gutenberg eBook of Short Title, by J. Doe

                Title: Short Title: The Complete Edition

                Author: Jane Doe

                *** START OF THE PROJECT GUTENBERG EBOOK SHORT TITLE ***
                """ + BODY);

        assertEquals("Short Title: The Complete Edition", source.title());
        assertEquals("Jane Doe", source.author());
    }

    @Test
    void theFirstLineFillsInWhatTheFieldsLeaveOut() throws Exception {
        read("""
                The Project Gutenberg EBook of War and Peace, by Leo Tolstoy

                Title: War and Peace

                *** START OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***
                """ + BODY);

        assertEquals("War and Peace", source.title());
        assertEquals("Leo Tolstoy", source.author(), "no Author: line, so from the first line");
    }

    @Test
    void anOldFirstLineWithoutAnAuthor() throws Exception {
        read("Project Gutenberg's Anonymous Tales\n\n*** START OF THE PROJECT GUTENBERG EBOOK TALES ***\n" + BODY);

        assertEquals("Anonymous Tales", source.title());
        assertNull(source.author());
    }

    @Test
    void aHeaderWithoutTitleOrAuthorGivesNulls() throws Exception {
        read("some licence text\n*** START OF THE PROJECT GUTENBERG EBOOK ***\n" + BODY);

        assertTrue(source.headerStripped());
        assertNull(source.title());
        assertNull(source.author());
    }

    @Test
    void blankLinesAroundTheBodyAreTrimmedButNotInsideIt() throws Exception {
        String text = read("\n  \n\t\n" + "  indented first line\n\n\nlast line  \n \n\n");

        assertEquals("  indented first line\n\n\nlast line  \n", text);
    }

    @Test
    void aFileWithOnlyBoilerplateIsRefused() throws Exception {
        BadTextException e = assertThrows(BadTextException.class,
                () -> read(MODERN_HEADER + "\n\n" + MODERN_FOOTER));

        assertEquals("book.txt has no text besides its Project Gutenberg header and footer", e.getMessage());
    }

    @Test
    void markersAreFoundAfterCrLfLineEnds() throws Exception {
        String windows = (MODERN_HEADER + BODY + MODERN_FOOTER).replace("\n", "\r\n");

        String text = read(windows);

        assertEquals(BODY, text);
        assertEquals("A Stormy Night", source.title());
    }
}
