package org.charscope.ui.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.charscope.text.BookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window says while files are dragged over it, before the drop. */
class DropDecisionTest {

    @TempDir
    Path dir;

    private final BookReader reader = new BookReader();

    @Test
    void aBinaryFileIsRefusedWithItsReason() throws Exception {
        Path png = dir.resolve("photo.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        DropDecision decision = DropDecision.of(List.of(png), false, reader);
        assertFalse(decision.accepted());
        assertEquals("Cannot open: photo.png looks like a binary file (it contains NUL bytes), not plain text",
                decision.message());
    }

    @Test
    void aFolderAnEmptyFileAndAPdfAreRefusedEachWithItsOwnReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path pdf = dir.resolve("book.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", StandardCharsets.US_ASCII);
        assertEquals("Cannot open: " + dir.getFileName() + " is a folder, not a text file",
                DropDecision.of(List.of(dir), false, reader).message());
        assertEquals("Cannot open: empty.txt is empty", DropDecision.of(List.of(empty), false, reader).message());
        assertTrue(DropDecision.of(List.of(pdf), false, reader).message().contains("is a PDF document"));
    }

    @Test
    void oneBadFileAmongGoodOnesRefusesTheDropAndNamesIt() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "It was a dark and stormy night; the rain fell in torrents.\n".repeat(50));
        Path bad = dir.resolve("archive.zip");
        Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 8, 0});
        DropDecision decision = DropDecision.of(List.of(good, bad), false, reader);
        assertFalse(decision.accepted());
        assertTrue(decision.message().startsWith("Cannot open: archive.zip"), decision.message());
    }

    @Test
    void textFilesAreAcceptedAndNamed() throws Exception {
        Path first = dir.resolve("pg11.txt");
        Files.writeString(first, "Alice was beginning to get very tired of sitting by her sister.\n".repeat(40),
                StandardCharsets.UTF_8);
        Path second = dir.resolve("pg12.txt");
        Files.writeString(second, "\u201cCurious\u201d, said Alice; caf\u00e9 and na\u00efve words too.\n".repeat(40),
                StandardCharsets.UTF_8);
        assertEquals(new DropDecision(true, "Drop to open pg11.txt"), DropDecision.of(List.of(first), false, reader));
        assertEquals(new DropDecision(true, "Drop to open pg11.txt and 1 more as one text"),
                DropDecision.of(List.of(first, second), false, reader));
    }

    @Test
    void whileATextIsOpeningNothingMoreIsTaken() throws Exception {
        Path first = dir.resolve("pg11.txt");
        Files.writeString(first, "Alice was beginning to get very tired.\n".repeat(40));
        DropDecision decision = DropDecision.of(List.of(first), true, reader);
        assertFalse(decision.accepted());
        assertTrue(decision.message().contains("still opening"));
    }
}
