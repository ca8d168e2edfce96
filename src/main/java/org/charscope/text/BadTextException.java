package org.charscope.text;

/**
 * A file CharScope cannot learn from: missing, too big, binary, empty, too short.
 *
 * <p>The message is the whole story for the person who chose the file: one plain line that names
 * the file, says what is wrong and, where there is one, the limit (e.g.
 * {@code "big.txt is 300.0 MB; CharScope reads files up to 256 MB"}). It is shown as it is in a
 * dialog or on stderr, so it never carries a stack trace or a Java class name.
 */
public final class BadTextException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadTextException(String message) {
        super(message);
    }
}
