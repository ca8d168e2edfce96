package org.charscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file is whole or old after any failure, and the temporary files of dead writers are swept. */
class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void aWriteReplacesTheFileAndLeavesOnlyIt() throws Exception {
        Path target = Files.writeString(folder.resolve("notes.txt"), "old");

        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder), "no temporary file left");
    }

    @Test
    void aFailureInTheMiddleOfTheContentLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = Files.writeString(folder.resolve("model.zip"), "the old checkpoint");

        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[200_000]);   // past the buffer: part of it is in the temporary file already
            throw new IOException("the disk is full");
        }));

        assertEquals("the disk is full", e.getMessage());
        assertEquals("the old checkpoint", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder), "no temporary file left");
    }

    @Test
    void aWriterThatClosesTheStreamStillHasItsFileForcedAndRenamed() throws Exception {
        Path target = folder.resolve("picture.png");

        AtomicFile.write(target, out -> {
            try (out) {
                out.write("all of it".getBytes(StandardCharsets.UTF_8));
            }
        });

        assertEquals("all of it", Files.readString(target));
    }

    @Test
    void aWriteSweepsDeadWritersLeftoversButNotLiveWritersFiles() throws Exception {
        long dead = FinishedProcess.pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        long self = ProcessHandle.current().pid();
        Path deadWriters = leftover(".run.zip." + dead + ".k3j2.tmp");
        Path deadWritersWithoutRandom = leftover(".run.zip." + dead + ".tmp");
        Path parentsWrite = leftover(".run.zip." + parent + ".a1.tmp");
        Path ourOtherTarget = leftover(".other.zip." + self + ".b2.tmp");
        Path otherTargetsDeadWriter = leftover(".other.zip." + dead + ".c3.tmp");
        Path ourWriteInProgress = leftover(".run.zip." + self + ".d4.tmp");
        Path ourWriteOfLongAgo = leftover(".run.zip." + self + ".e5.tmp");
        Files.setLastModifiedTime(ourWriteOfLongAgo, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path notATemporary = leftover(".run.zip.notes.tmp");
        Path anotherTargetsNameAfterOurs = leftover(".run.zip.5." + dead + ".f6.tmp");

        AtomicFile.write(folder.resolve("run.zip"), new byte[] {1, 2, 3});

        assertFalse(Files.exists(deadWriters), "the leftover of a process that is gone is removed");
        assertFalse(Files.exists(deadWritersWithoutRandom), "with or without its random part");
        assertFalse(Files.exists(ourWriteOfLongAgo), "one of an earlier process that had our pid, by its age");
        assertTrue(Files.exists(parentsWrite), "a live process's write in progress is left alone");
        assertTrue(Files.exists(ourWriteInProgress), "so is another thread's of this process");
        assertTrue(Files.exists(ourOtherTarget), "another target's temporary is its own writer's business");
        assertTrue(Files.exists(otherTargetsDeadWriter), "even a dead one's");
        assertTrue(Files.exists(anotherTargetsNameAfterOurs), "run.zip.5's temporary is not run.zip's");
        assertTrue(Files.exists(notATemporary), "a name without a process id is not ours");
        assertEquals(3, Files.size(folder.resolve("run.zip")));
    }

    @Test
    void aReadOnlyFolderIsRefusedClearlyAndKeepsTheOldFile() throws Exception {
        Path target = Files.writeString(folder.resolve("session.json"), "{}");

        IOException e;
        try (ReadOnlyFolder readOnly = new ReadOnlyFolder(folder)) {
            e = assertThrows(IOException.class, () -> AtomicFile.write(target, new byte[] {1}));
        }

        assertTrue(e.getMessage().startsWith("cannot write session.json in " + folder + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), "no temporary file's name: " + e.getMessage());
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target), filesIn(folder));
    }

    private Path leftover(String name) throws IOException {
        return Files.writeString(folder.resolve(name), "part of a write");
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
