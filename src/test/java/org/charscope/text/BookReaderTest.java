package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Reading, joining, progress and every refusal, on files made in the test. */
class BookReaderTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** The refusal's message, checked to be one line that names the file. */
    private String refusal(Path file, String nameInMessage) {
        return refusal(new BookReader(), file, nameInMessage);
    }

    private static String refusal(BookReader reader, Path file, String nameInMessage) {
        BadTextException e = assertThrows(BadTextException.class, () -> reader.read(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.startsWith(nameInMessage), "names the file: " + message);
        assertFalse(message.contains("Exception"), "no Java class names: " + message);
        return message;
    }

    @Test
    void aFileIsReadWithWhatWasFoundInIt() throws Exception {
        Path file = write("story.txt", "Once upon a time.\n");

        Book book = new BookReader().read(file);

        assertEquals("Once upon a time.\n", book.text());
        assertEquals(List.of(new SourceFile("story.txt", 18, "UTF-8", false, false, null, null, 18)),
                book.sources());
    }

    @Test
    void bytesInMemoryAreReadLikeAFile() throws Exception {
        byte[] latin1 = "Caf\u00e9 au lait.\r\nDeux.\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Path file = write("cafe.txt", latin1);

        Book fromMemory = new BookReader().read("cafe.txt", latin1);

        assertEquals(new BookReader().read(file), fromMemory);
        assertEquals("Caf\u00e9 au lait.\nDeux.\n", fromMemory.text());
        assertEquals("windows-1252", fromMemory.sources().get(0).encoding());
        BadTextException empty = assertThrows(BadTextException.class, () -> new BookReader().read("none.txt", new byte[0]));
        assertEquals("none.txt is empty", empty.getMessage());
        assertThrows(BadTextException.class, () -> new BookReader(4).read("big.txt", new byte[5]));
    }

    @Test
    void aFileWithoutAFinalLineEndGetsOne() throws Exception {
        Book book = new BookReader().read(write("short.txt", "no line end"));

        assertEquals("no line end\n", book.text());
    }

    @Test
    void aSymbolOutsideTheBasicPlaneCountsAsOneCharacter() throws Exception {
        Book book = new BookReader().read(write("emoji.txt", "\uD83D\uDE00\uD83D\uDC4D!"));

        assertEquals(4, book.characters(), "two emoji, '!' and the line end");
        assertEquals(4, book.sources().get(0).characters());
        assertEquals(6, book.text().length(), "while Java counts each emoji as two chars");
    }

    @Test
    void filesAreJoinedInOrderWithOneBlankLineBetween() throws Exception {
        Path first = write("a.txt", "\n\nfirst file\nends here\n\n\n");
        Path second = write("b.txt", "second file");
        Path third = write("c.txt", "*** START OF THE PROJECT GUTENBERG EBOOK C ***\n\nthird file\r\n");

        Book book = new BookReader().read(List.of(first, second, third), LoadProgress.NONE);

        assertEquals("first file\nends here\n\nsecond file\n\nthird file\n", book.text());
        assertEquals(List.of("a.txt", "b.txt", "c.txt"),
                book.sources().stream().map(SourceFile::fileName).toList());
        assertEquals(List.of(21, 12, 11), book.sources().stream().map(SourceFile::characters).toList());
        assertEquals(21 + 1 + 12 + 1 + 11, book.characters(), "each file plus one line feed between files");
        assertEquals("a.txt + 2 more", book.displayName());
        assertTrue(book.boilerplateRemoved());
    }

    @Test
    void progressRunsFromZeroToTheTotalInChunks() throws Exception {
        int bigSize = 2 * 1024 * 1024 + 512 * 1024;
        Path big = write("big.txt", "abcdefghi\n".repeat(bigSize / 10));
        Path small = write("small.txt", "small\n");
        long total = Files.size(big) + Files.size(small);
        List<long[]> updates = new ArrayList<>();

        new BookReader().read(List.of(big, small), (done, all) -> updates.add(new long[] {done, all}));

        assertEquals(0, updates.get(0)[0]);
        assertEquals(total, updates.get(updates.size() - 1)[0]);
        assertTrue(updates.size() >= 5, "a 2.5 MB file is reported at least once a megabyte: " + updates.size());
        for (int i = 0; i < updates.size(); i++) {
            assertEquals(total, updates.get(i)[1]);
            if (i > 0) {
                assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "never goes back");
            }
        }
    }

    @Test
    void readingOnePathIsReadingAListOfOne() throws Exception {
        Path file = write("one.txt", "one\r\n");

        assertEquals(new BookReader().read(List.of(file), LoadProgress.NONE), new BookReader().read(file));
    }

    @Test
    void anEmptyListIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new BookReader().read(List.of(), LoadProgress.NONE));
        assertThrows(IllegalArgumentException.class, () -> new BookReader(0));
    }

    @Test
    void aMissingFileIsRefusedNamingItsPath() {
        Path missing = folder.resolve("nowhere.txt");

        String message = refusal(missing, missing.toString());

        assertEquals(missing + " not found", message);
    }

    @Test
    void aFolderIsRefused() throws Exception {
        Path books = Files.createDirectory(folder.resolve("books"));

        assertEquals("books is a folder, not a text file", refusal(books, "books"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need administrator rights or developer mode on Windows")
    void aFileThatCannotBeOpenedIsRefusedWithTheSystemsReason() throws Exception {
        Path loop = folder.resolve("loop.txt");
        Files.createSymbolicLink(loop, folder.resolve("other.txt"));
        Files.createSymbolicLink(folder.resolve("other.txt"), loop);

        String message = refusal(loop, "loop.txt");

        assertTrue(message.startsWith("loop.txt cannot be read: "), message);
        assertFalse(message.contains(folder.toString()), "the reason without the path again: " + message);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions: Windows file systems have none")
    void aFileWithoutReadPermissionIsRefused() throws Exception {
        Path locked = write("locked.txt", "secret\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");

        assertEquals("locked.txt cannot be read: permission denied", refusal(locked, "locked.txt"));
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertEquals("empty.txt is empty", refusal(write("empty.txt", ""), "empty.txt"));
    }

    @Test
    void aFileOfOnlyBlankSpaceIsRefused() throws Exception {
        Path blank = write("blank.txt", " \n\t\r\n   \n\f");

        assertEquals("blank.txt contains only blank space, no text", refusal(blank, "blank.txt"));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReadingNamingTheLimit() throws Exception {
        Path big = write("big.txt", "x".repeat(3000));

        String message = refusal(new BookReader(2048), big, "big.txt");

        assertEquals("big.txt is 3.0 KB; CharScope reads files up to 2 KB", message);
        assertEquals("x".repeat(3000) + "\n", new BookReader(3000).read(big).text(), "exactly the limit is fine");
    }

    @Test
    void theDefaultLimitIs256Megabytes() {
        assertEquals(256L * 1024 * 1024, BookReader.MAX_FILE_BYTES);
        assertEquals("256 MB", ByteCount.format(BookReader.MAX_FILE_BYTES));
    }

    @Test
    void aZipArchiveIsRefused() throws Exception {
        byte[] zip = bytes(0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x5A, 0x6B, 0x58,
                0x6D, 0x1E, 0x2C, 0x3A, 0x0B, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00,
                'b', 'o', 'o', 'k', '.', 't', 'x', 't', 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7, 0x02, 0x00);

        String message = refusal(write("book.zip", zip), "book.zip");

        assertTrue(message.contains("binary"), message);
    }

    @Test
    void aPngImageIsRefused() throws Exception {
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R',
                0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8);

        assertTrue(refusal(write("cover.png", png), "cover.png").contains("binary"));
    }

    @Test
    void aPngSignatureAloneIsRefusedForItsControlCharacters() throws Exception {
        byte[] signature = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

        String message = refusal(write("sig.png", signature), "sig.png");

        assertEquals("sig.png looks like a binary file (more than 5% control characters), not plain text", message);
    }

    @Test
    void aPdfIsRefusedEvenWhenItIsAllText() throws Exception {
        String pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 100 700 Td (Hello) Tj ET\nendstream\nendobj\n%%EOF\n";

        String message = refusal(write("paper.pdf", pdf), "paper.pdf");

        assertEquals("paper.pdf is a PDF document, not plain text; save it as a .txt file first", message);
    }

    @Test
    void aPdfWithABinaryStreamIsRefused() throws Exception {
        byte[] head = "%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n5 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] stream = bytes(0x78, 0x9C, 0x00, 0x03, 0xFF, 0x10, 0x00, 0x01);
        byte[] pdf = new byte[head.length + stream.length];
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(stream, 0, pdf, head.length, stream.length);

        assertTrue(refusal(write("scan.pdf", pdf), "scan.pdf").contains("PDF"));
    }

    @Test
    void oneNulByteMarksAFileAsBinary() throws Exception {
        String message = refusal(write("nul.txt", "a".repeat(1000) + "\0" + "b".repeat(1000)), "nul.txt");

        assertEquals("nul.txt looks like a binary file (it contains NUL bytes), not plain text", message);
    }

    @Test
    void upToFivePercentControlCharactersAreAllowed() throws Exception {
        String atTheLimit = "x".repeat(95) + "\u0007".repeat(5);
        assertEquals(atTheLimit + "\n", new BookReader().read(write("bells.txt", atTheLimit)).text());

        String overTheLimit = "x".repeat(94) + "\u0007".repeat(6);
        assertTrue(refusal(write("more-bells.txt", overTheLimit), "more-bells.txt").contains("control characters"));
    }

    @Test
    void tabsFormFeedsAndLineEndsAreNotControlCharactersHere() throws Exception {
        String layout = "a\tb\fc\r\nd\n".repeat(20);

        assertTrue(new BookReader().read(write("layout.txt", layout)).text().startsWith("a\tb\fc\nd\n"));
    }

    @Test
    void utf16TextIsNotMistakenForBinary() throws Exception {
        byte[] text = "mostly ASCII, so half its bytes are NUL".getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[text.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withMark, 2, text.length);

        assertEquals("mostly ASCII, so half its bytes are NUL\n", new BookReader().read(write("wide.txt", withMark)).text());
    }

    @Test
    void utf16WithoutAMarkIsRefusedAsBinary() throws Exception {
        byte[] unmarked = "no byte-order mark".getBytes(StandardCharsets.UTF_16LE);

        assertTrue(refusal(write("unmarked.txt", unmarked), "unmarked.txt").contains("binary"));
    }

    @Test
    void oneBadFileRefusesTheWholeBookNamingThatFile() throws Exception {
        Path good = write("good.txt", "fine text\n");
        Path bad = write("bad.txt", "");

        BadTextException e = assertThrows(BadTextException.class,
                () -> new BookReader().read(List.of(good, bad), LoadProgress.NONE));

        assertEquals("bad.txt is empty", e.getMessage());
    }
}
