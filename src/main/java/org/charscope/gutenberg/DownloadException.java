package org.charscope.gutenberg;

/**
 * A book that could not be fetched: not found, the server failing, a stalled or oversized
 * download, something that is not plain text, a cache folder that cannot be written.
 *
 * <p>The message is the whole story for the person waiting: one plain line that says what went
 * wrong and, where there is one, what to do (e.g. {@code "Project Gutenberg answered 503; try
 * again later"}). It is shown as it is, so it never carries a stack trace or a class name.
 */
public class DownloadException extends Exception {

    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }
}
