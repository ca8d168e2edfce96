package org.charscope.text;

import java.nio.charset.StandardCharsets;

/**
 * Refuses files that are not text at all, before a model spends an hour learning the inside of a
 * zip archive. Looks at the decoded start of the file:
 * <ul>
 *   <li>any NUL character: text never has one, while archives, images and executables are full
 *       of them. Checking decoded characters rather than bytes lets UTF-16 text (half NUL bytes)
 *       through;</li>
 *   <li>more than {@value #MAX_CONTROL_PERCENT}% control characters other than line feed,
 *       carriage return, tab and form feed (binary data without NULs, e.g. a PNG signature);</li>
 *   <li>a PDF signature: an uncompressed PDF can be all printable ASCII, yet it is page
 *       descriptions, not prose.</li>
 * </ul>
 */
final class PlainTextCheck {

    /** Characters looked at: enough to judge, small enough to be instant on a 256 MB file. */
    static final int SAMPLE_CHARS = 64 * 1024;

    static final int MAX_CONTROL_PERCENT = 5;

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PlainTextCheck() {
    }

    /**
     * @param bytes the file as read
     * @param text  the file decoded
     * @throws BadTextException if the file looks like anything but plain text
     */
    static void requirePlainText(String fileName, byte[] bytes, String text) throws BadTextException {
        if (startsWith(bytes, PDF_SIGNATURE)) {
            throw new BadTextException(fileName + " is a PDF document, not plain text; save it as a .txt file first");
        }
        int sampleLength = Math.min(text.length(), SAMPLE_CHARS);
        int controls = 0;
        for (int i = 0; i < sampleLength; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new BadTextException(fileName + " looks like a binary file (it contains NUL bytes), not plain text");
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if ((long) controls * 100 > (long) sampleLength * MAX_CONTROL_PERCENT) {
            throw new BadTextException(fileName + " looks like a binary file (more than " + MAX_CONTROL_PERCENT
                    + "% control characters), not plain text");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
