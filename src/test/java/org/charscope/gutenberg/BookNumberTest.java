package org.charscope.gutenberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person types or pastes into "Open from Project Gutenberg". */
class BookNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "1342",
        " 1342 ",
        "#1342",
        "# 1342",
        "01342",
        "https://www.gutenberg.org/ebooks/1342",
        "https://www.gutenberg.org/ebooks/1342/",
        "https://gutenberg.org/ebooks/1342.txt.utf-8",
        "https://www.gutenberg.org/ebooks/1342.epub3.images",
        "https://www.gutenberg.org/cache/epub/1342/pg1342.txt",
        "https://www.gutenberg.org/cache/epub/1342/pg1342-images.html",
        "http://www.gutenberg.org/files/1342/1342-0.txt",
        "http://www.gutenberg.org/files/1342/",
        "HTTPS://WWW.GUTENBERG.ORG/ebooks/1342",
        "https://www.gutenberg.org/ebooks/1342?utm_source=x#download",
        "www.gutenberg.org/ebooks/1342",
        "  https://www.gutenberg.org/ebooks/1342\n",
    })
    void findsTheNumberIn(String input) {
        assertEquals(new BookNumber(1342), BookNumber.parse(input));
    }

    @Test
    void printsAsItsDigits() {
        assertEquals("84", new BookNumber(84).toString());
        assertEquals(84, BookNumber.parse("84").value());
    }

    @Test
    void blankAsksForANumber() {
        assertEquals("type a Project Gutenberg book number, such as 1342, or paste a gutenberg.org address",
                refusal("  "));
        assertEquals(refusal(""), refusal(null));
    }

    @Test
    void wordsAreNotANumber() {
        assertEquals("\"pride and prejudice\" is not a book number; type a number such as 1342, or paste a"
                + " gutenberg.org address", refusal("pride and prejudice"));
    }

    @Test
    void zeroIsNoBook() {
        assertEquals("Project Gutenberg book numbers start at 1, not 0", refusal("0"));
    }

    @Test
    void anotherSiteIsNotProjectGutenberg() {
        assertEquals("example.com is not Project Gutenberg; paste a gutenberg.org address or type the book's number",
                refusal("https://example.com/ebooks/1342"));
        assertEquals("gutenberg.org.evil.test is not Project Gutenberg; paste a gutenberg.org address or type the"
                + " book's number", refusal("https://gutenberg.org.evil.test/ebooks/1342"));
    }

    @Test
    void aGutenbergAddressWithoutABookSaysHowToFindOne() {
        assertEquals("that gutenberg.org address names no book; open the book's page and copy its address, or type"
                + " its number", refusal("https://www.gutenberg.org/ebooks/search/?query=austen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-5", "+5", "13 42", "1342abc", "1.5", "9999999999", "##1342",
        "ftp://www.gutenberg.org/ebooks/1342", "file:///home/me/pg1342.txt",
        "https://www.gutenberg.org/", "https://www.gutenberg.org/ebooks/", "https://www.gutenberg.org/ebooks/abc",
        "https://www.gutenberg.org/ebooks/1342x", "https://www.gutenberg.org/cache/epub/pg1342.txt",
        "https://www.gutenberg.org/ebooks/99999999999", "https://", "https://www.gutenberg.org/ebooks/13 42",
    })
    void refuses(String input) {
        String message = refusal(input);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    }

    @Test
    void aLongRefusedInputIsShortenedInTheMessage() {
        String message = refusal("x".repeat(500));
        assertEquals("\"" + "x".repeat(60) + "…\" is not a book number; type a number such as 1342, or paste a"
                + " gutenberg.org address", message);
    }

    private static String refusal(String input) {
        return assertThrows(IllegalArgumentException.class, () -> BookNumber.parse(input)).getMessage();
    }
}
