package org.charscope.gutenberg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.charscope.os.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Books kept as pgN.txt, written whole or not at all. */
class BookCacheTest {

    private static final BookNumber ALICE = new BookNumber(11);

    @TempDir
    Path folder;

    @Test
    void aStoredBookIsFoundUnderItsGutenbergName() throws Exception {
        BookCache cache = new BookCache(folder.resolve("gutenberg"));
        assertEquals(Optional.empty(), cache.find(ALICE));

        Path file = cache.store(ALICE, "Down the rabbit hole".getBytes(StandardCharsets.UTF_8));

        assertEquals(folder.resolve("gutenberg").resolve("pg11.txt"), file);
        assertEquals(Optional.of(file), cache.find(ALICE));
        assertEquals("Down the rabbit hole", Files.readString(file));
        assertEquals(List.of(file), filesIn(cache.folder()), "no temporary file is left beside it");
    }

    @Test
    void storingAgainReplacesTheBook() throws Exception {
        BookCache cache = new BookCache(folder);
        cache.store(ALICE, new byte[] {'o', 'l', 'd'});

        Path file = cache.store(ALICE, new byte[] {'n', 'e', 'w'});

        assertArrayEquals(new byte[] {'n', 'e', 'w'}, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(folder));
    }

    @Test
    void anEmptyFileIsNotABook() throws Exception {
        BookCache cache = new BookCache(folder);
        Files.createFile(cache.fileFor(ALICE));

        assertEquals(Optional.empty(), cache.find(ALICE));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("gutenberg"), "in the way");
        BookCache cache = new BookCache(notAFolder);

        DownloadException e = assertThrows(DownloadException.class,
                () -> cache.store(ALICE, new byte[] {1}));

        assertTrue(e.getMessage().startsWith("book 11 cannot be kept in " + notAFolder + ": "), e.getMessage());
        assertEquals(List.of(notAFolder), filesIn(folder));
    }

    @Test
    void theDefaultFolderIsInTheDataFolder() {
        assertEquals(DataFolder.current().resolve("gutenberg"), BookCache.inDataFolder().folder());
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
