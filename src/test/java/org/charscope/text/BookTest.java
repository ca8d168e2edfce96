package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookTest {

    private static SourceFile source(String name, String title, String author, boolean header, boolean footer) {
        return new SourceFile(name, 100, "UTF-8", header, footer, title, author, 10);
    }

    @Test
    void titleAndAuthorAreTheFirstFound() {
        Book book = new Book(List.of(
                source("a.txt", null, null, false, false),
                source("b.txt", "Second", null, true, false),
                source("c.txt", "Third", "Author C", true, true)), "text\n");

        assertEquals("Second", book.title());
        assertEquals("Author C", book.author());
    }

    @Test
    void withoutAnyHeaderThereIsNoTitleOrAuthor() {
        Book book = new Book(List.of(source("a.txt", null, null, false, false)), "text\n");

        assertNull(book.title());
        assertNull(book.author());
        assertFalse(book.boilerplateRemoved());
    }

    @Test
    void boilerplateRemovedWhenAnyFileLostAHeaderOrAFooter() {
        assertTrue(new Book(List.of(source("a.txt", null, null, false, false),
                source("b.txt", null, null, false, true)), "t").boilerplateRemoved());
        assertTrue(new Book(List.of(source("a.txt", null, null, true, false)), "t").boilerplateRemoved());
    }

    @Test
    void charactersAreCodePoints() {
        Book book = new Book(List.of(source("a.txt", null, null, false, false)), "a\uD83D\uDE00b\n");

        assertEquals(4, book.characters());
    }

    @Test
    void displayNameIsTheFileNameOrTheFirstAndHowManyMore() {
        assertEquals("a.txt", new Book(List.of(source("a.txt", null, null, false, false)), "t").displayName());
        assertEquals("a.txt + 1 more", new Book(List.of(source("a.txt", null, null, false, false),
                source("b.txt", null, null, false, false)), "t").displayName());
    }

    @Test
    void aBookNeedsASourceAndItsSourcesCannotChangeLater() {
        assertThrows(IllegalArgumentException.class, () -> new Book(List.of(), "t"));
        List<SourceFile> sources = new ArrayList<>(List.of(source("a.txt", null, null, false, false)));
        Book book = new Book(sources, "t");
        sources.add(source("b.txt", null, null, false, false));

        assertEquals(1, book.sources().size());
        assertThrows(UnsupportedOperationException.class, () -> book.sources().clear());
    }
}
