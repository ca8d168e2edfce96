package org.charscope.gutenberg;

/** A well-known book offered by number, so a first download needs no searching. */
public record Classic(BookNumber number, String title, String author) {

    /** For a list: "1342 · Pride and Prejudice · Jane Austen". */
    public String label() {
        return number + " · " + title + " · " + author;
    }
}
