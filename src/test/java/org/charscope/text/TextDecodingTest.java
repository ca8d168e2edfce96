package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings and line ends, through files read by {@link BookReader}. */
class TextDecodingTest {

    private static final String SAMPLE = "Café “naïve” — 你好 \uD83D\uDE00 end";

    @TempDir
    Path folder;

    private SourceFile onlySource(Book book) {
        assertEquals(1, book.sources().size());
        return book.sources().get(0);
    }

    private Book read(String name, byte[] bytes) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return new BookReader().read(file);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void utf8WithoutAMark() throws Exception {
        Book book = read("plain.txt", (SAMPLE + "\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(SAMPLE + "\n", book.text());
        assertEquals("UTF-8", onlySource(book).encoding());
    }

    @Test
    void plainAsciiCountsAsUtf8() throws Exception {
        Book book = read("ascii.txt", "just ASCII\n".getBytes(StandardCharsets.US_ASCII));

        assertEquals("UTF-8", onlySource(book).encoding());
    }

    @Test
    void utf8WithAByteOrderMarkLosesTheMark() throws Exception {
        Book book = read("bom.txt", concat(bytes(0xEF, 0xBB, 0xBF), SAMPLE.getBytes(StandardCharsets.UTF_8)));

        assertEquals(SAMPLE + "\n", book.text(), "no U+FEFF at the start");
        assertEquals("UTF-8 (BOM)", onlySource(book).encoding());
    }

    @Test
    void utf16LittleEndianWithAByteOrderMark() throws Exception {
        Book book = read("le.txt", concat(bytes(0xFF, 0xFE), SAMPLE.getBytes(StandardCharsets.UTF_16LE)));

        assertEquals(SAMPLE + "\n", book.text());
        assertEquals("UTF-16LE (BOM)", onlySource(book).encoding());
    }

    @Test
    void utf16BigEndianWithAByteOrderMark() throws Exception {
        Book book = read("be.txt", concat(bytes(0xFE, 0xFF), SAMPLE.getBytes(StandardCharsets.UTF_16BE)));

        assertEquals(SAMPLE + "\n", book.text());
        assertEquals("UTF-16BE (BOM)", onlySource(book).encoding());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() throws Exception {
        byte[] curlyQuotesAndAccent = concat("He said ".getBytes(StandardCharsets.US_ASCII),
                bytes(0x93), "caf".getBytes(StandardCharsets.US_ASCII), bytes(0xE9, 0x94),
                " and left".getBytes(StandardCharsets.US_ASCII), bytes(0x85));

        Book book = read("old.txt", curlyQuotesAndAccent);

        assertEquals("He said “café” and left…\n", book.text());
        assertEquals("windows-1252", onlySource(book).encoding());
    }

    @Test
    void anOverlongUtf8SequenceIsNotUtf8() throws Exception {
        Book book = read("overlong.txt", concat("slash ".getBytes(StandardCharsets.US_ASCII), bytes(0xC0, 0xAF)));

        assertEquals("windows-1252", onlySource(book).encoding());
        assertEquals("slash À¯\n", book.text());
    }

    @Test
    void everyDefinedWindows1252ByteDecodesAsJavaDecodesIt() throws Exception {
        Charset windows1252 = Charset.forName("windows-1252");
        for (int b = 0x20; b <= 0xFF; b++) {
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                continue;
            }
            byte[] bytes = bytes(0xFF & 'x', b, 0xC3);  // 0xC3 at the end keeps it from being UTF-8
            DecodedText decoded = TextDecoder.decode(bytes, "byte.txt");
            assertEquals("windows-1252", decoded.encoding());
            assertEquals(new String(bytes, windows1252), decoded.text(), "byte 0x" + Integer.toHexString(b));
        }
    }

    @Test
    void theFiveUndefinedWindows1252BytesBecomeTheirC1ControlCharacters() throws Exception {
        byte[] bytes = bytes(0x81, 0x8D, 0x8F, 0x90, 0x9D);

        DecodedText decoded = TextDecoder.decode(bytes, "undefined.txt");

        assertEquals("\u0081\u008D\u008F\u0090\u009D", decoded.text());
        assertEquals("windows-1252", decoded.encoding());
    }

    @Test
    void aFewUndefinedWindows1252BytesInLongTextAreKept() throws Exception {
        byte[] text = concat("a".repeat(200).getBytes(StandardCharsets.US_ASCII), bytes(0x81),
                "b".repeat(200).getBytes(StandardCharsets.US_ASCII));

        Book book = read("stray.txt", text);

        assertEquals("a".repeat(200) + "\u0081" + "b".repeat(200) + "\n", book.text());
    }

    @Test
    void utf16WithAnUnpairedSurrogateIsRefused() throws Exception {
        byte[] loneHighSurrogate = concat(bytes(0xFF, 0xFE), "ok ".getBytes(StandardCharsets.UTF_16LE),
                bytes(0x3D, 0xD8), "x".getBytes(StandardCharsets.UTF_16LE));

        BadTextException e = assertThrows(BadTextException.class, () -> read("broken16.txt", loneHighSurrogate));

        assertTrue(e.getMessage().startsWith("broken16.txt "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid bytes"), e.getMessage());
    }

    @Test
    void utf16WithAnOddNumberOfBytesIsRefused() throws Exception {
        byte[] cutOff = concat(bytes(0xFE, 0xFF), "text".getBytes(StandardCharsets.UTF_16BE), bytes(0x00));

        BadTextException e = assertThrows(BadTextException.class, () -> read("odd16.txt", cutOff));

        assertTrue(e.getMessage().contains("invalid bytes"), e.getMessage());
    }

    @Test
    void aUtf8MarkFollowedByInvalidUtf8IsRefusedRatherThanGuessed() throws Exception {
        byte[] markThenLatin1 = concat(bytes(0xEF, 0xBB, 0xBF), "caf".getBytes(StandardCharsets.US_ASCII), bytes(0xE9));

        BadTextException e = assertThrows(BadTextException.class, () -> read("mixed.txt", markThenLatin1));

        assertEquals("mixed.txt starts with a UTF-8 byte-order mark but contains invalid bytes for UTF-8",
                e.getMessage());
    }

    @Test
    void windowsAndOldMacLineEndsBecomeLineFeeds() throws Exception {
        Book book = read("ends.txt", "one\r\ntwo\rthree\n\r\nfour\r".getBytes(StandardCharsets.UTF_8));

        assertEquals("one\ntwo\nthree\n\nfour\n", book.text());
    }

    @Test
    void lineEndsAreNormalizedInUtf16Too() throws Exception {
        Book book = read("ends16.txt", concat(bytes(0xFF, 0xFE),
                "one\r\ntwo\rthree".getBytes(StandardCharsets.UTF_16LE)));

        assertEquals("one\ntwo\nthree\n", book.text());
    }
}
