package org.charscope.text;

import java.util.List;
import java.util.Objects;

/**
 * The text of one or more files, ready to become a {@link Corpus}.
 *
 * <p>{@code text} has only LF line ends. Each file's part has its leading and trailing blank lines
 * removed and ends with exactly one {@code "\n"}; parts are joined with one more {@code "\n"}, so
 * exactly one blank line separates the last line of a file from the first line of the next, and
 * the whole text ends with a single {@code "\n"}. One blank line is what a paragraph break looks
 * like inside a book, so the model sees a file boundary as nothing stranger than a new paragraph.
 *
 * @param sources the files in the order they were joined; never empty
 * @param text    the joined text
 */
public record Book(List<SourceFile> sources, String text) {

    public Book {
        sources = List.copyOf(sources);
        Objects.requireNonNull(text, "text");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a book needs at least one source file");
        }
    }

    /** The first title found in the files' Gutenberg headers, or null. */
    public String title() {
        return sources.stream().map(SourceFile::title).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The first author found in the files' Gutenberg headers, or null. */
    public String author() {
        return sources.stream().map(SourceFile::author).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether any file lost a Gutenberg header or footer. */
    public boolean boilerplateRemoved() {
        return sources.stream().anyMatch(s -> s.headerStripped() || s.footerStripped());
    }

    /** Code points of {@link #text()}: the number of symbols a model will read. */
    public int characters() {
        return text.codePointCount(0, text.length());
    }

    /** The file name, or the first file name and how many more, e.g. "a.txt + 2 more". */
    public String displayName() {
        String first = sources.get(0).fileName();
        return sources.size() == 1 ? first : first + " + " + (sources.size() - 1) + " more";
    }
}
