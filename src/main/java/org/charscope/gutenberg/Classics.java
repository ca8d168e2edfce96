package org.charscope.gutenberg;

import java.util.List;

/**
 * Books to offer without a search: famous, in English, long enough to train on (a few hundred
 * kilobytes to three megabytes), in a range of styles from nonsense verse to Russian war.
 * Numbers are Project Gutenberg's and never change.
 */
public final class Classics {

    /** Ordered by number, as the site lists them. */
    public static final List<Classic> ALL = List.of(
            classic(11, "Alice's Adventures in Wonderland", "Lewis Carroll"),
            classic(76, "Adventures of Huckleberry Finn", "Mark Twain"),
            classic(84, "Frankenstein", "Mary Shelley"),
            classic(98, "A Tale of Two Cities", "Charles Dickens"),
            classic(219, "Heart of Darkness", "Joseph Conrad"),
            classic(1342, "Pride and Prejudice", "Jane Austen"),
            classic(1661, "The Adventures of Sherlock Holmes", "Arthur Conan Doyle"),
            classic(2600, "War and Peace", "Leo Tolstoy"));

    private Classics() {
    }

    private static Classic classic(int number, String title, String author) {
        return new Classic(new BookNumber(number), title, author);
    }
}
