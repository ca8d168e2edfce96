package org.charscope.gutenberg;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Project Gutenberg book number, the one thing that names a book there: the {@code 1342} of
 * {@code https://www.gutenberg.org/ebooks/1342}. {@link #parse} takes what a person types or
 * pastes and finds the number in it, so a copied address works as well as a typed number.
 *
 * @param value 1 or more
 */
public record BookNumber(int value) {

    /** Nine digits: every number Project Gutenberg has given so far, and room to spare. */
    private static final Pattern DIGITS = Pattern.compile("0*([1-9][0-9]{0,8}|0)");

    /** Book paths on gutenberg.org; group 1 is the number. */
    private static final Pattern[] BOOK_PATHS = {
        Pattern.compile("/ebooks/([0-9]{1,9})(?:\\.[A-Za-z0-9.-]+)?/?"),   // the book's page or one edition
        Pattern.compile("/cache/epub/([0-9]{1,9})(?:/.*)?"),              // generated files
        Pattern.compile("/files/([0-9]{1,9})(?:/.*)?"),                   // the older file tree
    };

    /** Longest piece of refused input quoted back in a message, so the message stays one line. */
    private static final int QUOTED_CHARS = 60;

    public BookNumber {
        if (value < 1) {
            throw new IllegalArgumentException("Project Gutenberg book numbers start at 1, not " + value);
        }
    }

    /**
     * The book number in a typed number ({@code "1342"}, {@code " #1342 "}) or a gutenberg.org
     * address of the book's page or of one of its files ({@code /ebooks/1342},
     * {@code /ebooks/1342.txt.utf-8}, {@code /cache/epub/1342/pg1342.txt},
     * {@code /files/1342/1342-0.txt}), over http or https, with or without {@code www.}.
     *
     * @throws IllegalArgumentException for anything else, with a one-line message that says what
     *                                  to type instead
     */
    public static BookNumber parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(
                    "type a Project Gutenberg book number, such as 1342, or paste a gutenberg.org address");
        }
        String number = text.startsWith("#") ? text.substring(1).strip() : text;
        Matcher digits = DIGITS.matcher(number);
        if (digits.matches()) {
            return new BookNumber(Integer.parseInt(digits.group(1)));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fromAddress(text);
        }
        if (lower.startsWith("gutenberg.org/") || lower.startsWith("www.gutenberg.org/")) {
            return fromAddress("https://" + text); // copied from an address bar that hides the scheme
        }
        throw new IllegalArgumentException(quoted(text)
                + " is not a book number; type a number such as 1342, or paste a gutenberg.org address");
    }

    private static BookNumber fromAddress(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(quoted(address) + " is not a web address; type a book number such as 1342");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("gutenberg.org") && !host.equals("www.gutenberg.org")) {
            throw new IllegalArgumentException((host.isEmpty() ? quoted(address) : host)
                    + " is not Project Gutenberg; paste a gutenberg.org address or type the book's number");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        for (Pattern bookPath : BOOK_PATHS) {
            Matcher matcher = bookPath.matcher(path);
            if (matcher.matches()) {
                return new BookNumber(Integer.parseInt(matcher.group(1)));
            }
        }
        throw new IllegalArgumentException("that gutenberg.org address names no book; open the book's page and copy"
                + " its address, or type its number");
    }

    private static String quoted(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > QUOTED_CHARS ? oneLine.substring(0, QUOTED_CHARS) + "…" : oneLine) + "\"";
    }

    /** The digits alone, as Project Gutenberg writes them in paths and file names. */
    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
