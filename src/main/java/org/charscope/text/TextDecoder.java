package org.charscope.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses a text file's encoding and decodes it, in this order:
 * <ol>
 *   <li>a byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE. A file that declares an encoding
 *       this way but breaks it (an unpaired surrogate, a cut-off last character) is refused
 *       rather than guessed at, because the mark says the bytes were meant as that encoding;</li>
 *   <li>bytes that are valid UTF-8 are UTF-8 (plain ASCII included: it is a subset, and text that
 *       happens to be valid UTF-8 but was meant as something else is vanishingly rare);</li>
 *   <li>anything else is windows-1252, the encoding of most old English-language text files.
 *       Every byte decodes, so this step never fails. It is a superset of ISO-8859-1's printable
 *       range; the five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become
 *       the C1 control characters with the same number, as ISO-8859-1 and the WHATWG encoding
 *       standard decode them.</li>
 * </ol>
 * UTF-16 without a mark is not guessed: its many NUL bytes make it look binary and it is refused
 * as such.
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /**
     * @param fileName named in the message if the bytes cannot be decoded
     * @throws BadTextException if a byte-order mark promises an encoding the bytes break
     */
    static DecodedText decode(byte[] bytes, String fileName) throws BadTextException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictly(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)", fileName);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)", fileName);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)", fileName);
        }
        try {
            return new DecodedText(decodeOrReport(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new DecodedText(windows1252(bytes), "windows-1252");
        }
    }

    private static DecodedText strictly(byte[] bytes, int bomLength, Charset charset, String encoding,
                                        String fileName) throws BadTextException {
        try {
            return new DecodedText(decodeOrReport(bytes, bomLength, charset), encoding);
        } catch (CharacterCodingException e) {
            throw new BadTextException(fileName + " starts with a " + charset.name()
                    + " byte-order mark but contains invalid bytes for " + charset.name());
        }
    }

    private static String decodeOrReport(byte[] bytes, int offset, Charset charset)
            throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
        return chars.toString();
    }

    /**
     * One char per byte: Java's decoder gives U+FFFD for the five undefined bytes, and since no
     * defined byte decodes to U+FFFD each of those is put back as the byte's own value.
     */
    private static String windows1252(byte[] bytes) {
        char[] chars = new String(bytes, WINDOWS_1252).toCharArray(); // [bytes.length]
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\uFFFD') {
                chars[i] = (char) (bytes[i] & 0xFF);
            }
        }
        return new String(chars);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
