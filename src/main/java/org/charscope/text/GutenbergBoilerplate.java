package org.charscope.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the licence text Project Gutenberg puts around every book, which would otherwise teach
 * the model legal English and URLs, and reads the title and author from it. Works on text with
 * LF line ends only.
 *
 * <p>The header runs up to and including the first of these lines (any case, any spacing and
 * asterisks):
 * <pre>
 * *** START OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***      (also THIS, ETEXT)
 * *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*   (1990s files)
 * </pre>
 * When a file has both, the header ends at the later one, unless a footer lies between them
 * (then the small print is the footer's). The footer starts at the first line after the header
 * like
 * <pre>
 * *** END OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***         (also THIS, ETEXT)
 * End of the Project Gutenberg EBook of War and Peace, by Leo Tolstoy
 * End of Project Gutenberg's Alice's Adventures in Wonderland, by Lewis Carroll
 * </pre>
 * and runs to the end of the file. Either may be missing: a download cut short has no footer, and
 * a file with no markers at all is kept whole.
 *
 * <p>The title and author come from the header's {@code Title:} and {@code Author:} lines (a value
 * may go on in indented lines below), or else from an older first line
 * {@code The Project Gutenberg EBook of X, by Y}. Only a header is trusted for them: in a file
 * without one, a line starting "Title:" is just part of the text.
 */
final class GutenbergBoilerplate {

    private static final Pattern START = Pattern.compile(
            "[\\s*]*START\\s+OF\\s+(?:THE\\s+|THIS\\s+)?PROJECT\\s+GUTENBERG\\s+E-?(?:BOOK|TEXT)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SMALL_PRINT_END = Pattern.compile(
            "[\\s*]*END[\\s*]*THE\\s+SMALL\\s+PRINT\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern FOOTER = Pattern.compile(
            "[\\s*]*END\\s+OF\\s+(?:THE\\s+|THIS\\s+)?PROJECT\\s+GUTENBERG(?:['\u2019]S\\b|\\s+E-?(?:BOOK|TEXT)\\b).*",
            Pattern.CASE_INSENSITIVE);

    /** "Title: War and Peace"; group 1 is the name, group 2 the value. */
    private static final Pattern FIELD = Pattern.compile("(Title|Author):\\s*(.*?)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** "The Project Gutenberg EBook of War and Peace, by Leo Tolstoy"; group 1 is what follows "of". */
    private static final Pattern OLD_FIRST_LINE = Pattern.compile(
            "[\\s*]*(?:THE\\s+)?PROJECT\\s+GUTENBERG(?:['\u2019]S|\\s+E-?(?:BOOK|TEXT)\\s+OF)\\s+(.+?)[\\s*]*",
            Pattern.CASE_INSENSITIVE);

    /** "War and Peace, by Leo Tolstoy": the last ", by " splits title from author. */
    private static final Pattern TITLE_BY_AUTHOR = Pattern.compile("(.+),\\s+by\\s+(.+)",
            Pattern.CASE_INSENSITIVE);

    private GutenbergBoilerplate() {
    }

    static StrippedText strip(String text) {
        int headerMarker = headerMarkerLine(text);
        int bodyStart = headerMarker < 0 ? 0 : nextLineStart(text, headerMarker);
        int footer = findLine(text, bodyStart, FOOTER);
        int bodyEnd = footer < 0 ? text.length() : footer;
        String body = withoutBlankEnds(text.substring(bodyStart, bodyEnd));
        if (headerMarker < 0) {
            return new StrippedText(body, false, footer >= 0, null, null);
        }
        String header = text.substring(0, headerMarker);
        Names fromFields = new Names(field(header, "Title"), field(header, "Author"));
        Names fromFirstLine = firstLineNames(header);
        return new StrippedText(body, true, footer >= 0,
                fromFields.title() != null ? fromFields.title() : fromFirstLine.title(),
                fromFields.author() != null ? fromFields.author() : fromFirstLine.author());
    }

    /** A title and author as far as they are known; either may be null. */
    private record Names(String title, String author) {
    }

    /** Start offset of the line that ends the header, or -1 if there is no header. */
    private static int headerMarkerLine(String text) {
        int start = findLine(text, 0, START);
        int smallPrint = findLine(text, 0, SMALL_PRINT_END);
        if (start < 0 || smallPrint < 0) {
            return Math.max(start, smallPrint);
        }
        int first = Math.min(start, smallPrint);
        int second = Math.max(start, smallPrint);
        int footer = findLine(text, nextLineStart(text, first), FOOTER);
        return footer >= 0 && footer < second ? first : second;
    }

    /** The value of a header field, with its indented continuation lines joined by spaces; or null. */
    private static String field(String header, String name) {
        int line = 0;
        while (line < header.length()) {
            int end = lineEnd(header, line);
            Matcher matcher = FIELD.matcher(header.substring(line, end));
            if (matcher.matches() && matcher.group(1).equalsIgnoreCase(name)) {
                StringBuilder value = new StringBuilder(matcher.group(2));
                int next = end + 1;
                while (next < header.length() && isContinuation(header.substring(next, lineEnd(header, next)))) {
                    value.append(' ').append(header.substring(next, lineEnd(header, next)).strip());
                    next = lineEnd(header, next) + 1;
                }
                return emptyToNull(value.toString().strip());
            }
            line = end + 1;
        }
        return null;
    }

    private static boolean isContinuation(String line) {
        return !line.isBlank() && Character.isWhitespace(line.charAt(0));
    }

    /** Title and author from an older first line "The Project Gutenberg EBook of X, by Y". */
    private static Names firstLineNames(String header) {
        String firstLine = header.strip().lines().findFirst().orElse("");
        Matcher oldFirstLine = OLD_FIRST_LINE.matcher(firstLine);
        if (!oldFirstLine.matches()) {
            return new Names(null, null);
        }
        Matcher titleByAuthor = TITLE_BY_AUTHOR.matcher(oldFirstLine.group(1));
        if (titleByAuthor.matches()) {
            return new Names(titleByAuthor.group(1).strip(), titleByAuthor.group(2).strip());
        }
        return new Names(oldFirstLine.group(1).strip(), null);
    }

    /** Start offset of the first line at or after {@code from} that matches, or -1. */
    private static int findLine(String text, int from, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        int line = from;
        while (line < text.length()) {
            int end = lineEnd(text, line);
            if (matcher.region(line, end).matches()) {
                return line;
            }
            line = end + 1;
        }
        return -1;
    }

    /** The text without the blank lines at its start and end, and without its last line end. */
    private static String withoutBlankEnds(String text) {
        int begin = 0;
        while (begin < text.length() && isBlank(text, begin, lineEnd(text, begin))) {
            begin = lineEnd(text, begin) + 1;
        }
        if (begin >= text.length()) {
            return "";
        }
        int finish = text.length();
        int lineStart = text.lastIndexOf('\n', finish - 1) + 1;
        while (isBlank(text, lineStart, finish)) {
            finish = lineStart - 1;
            lineStart = text.lastIndexOf('\n', finish - 1) + 1;
        }
        return text.substring(begin, finish);
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(String text, int lineStart) {
        int end = text.indexOf('\n', lineStart);
        return end < 0 ? text.length() : end;
    }

    private static int nextLineStart(String text, int lineStart) {
        return Math.min(lineEnd(text, lineStart) + 1, text.length());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
