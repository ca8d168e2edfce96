package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's class-data archive: written once under a temporary name, kept on a clean exit, read after. */
class ClassDataArchiveTest {

    @TempDir
    Path folder;

    @Test
    void theKeyChangesWithTheJvmAndWithAnyJarOfTheClassPath() throws Exception {
        Path jar = Files.write(folder.resolve("charscope.jar"), new byte[] {1, 2, 3});
        String classPath = jar + File.pathSeparator + folder.resolve("lib.jar");
        String key = ClassDataArchive.keyOf("/jdk17", "17.0.15", classPath);
        assertEquals(key, ClassDataArchive.keyOf("/jdk17", "17.0.15", classPath), "the same JVM and jars: the same key");
        assertNotEquals(key, ClassDataArchive.keyOf("/jdk17", "17.0.16", classPath));
        Files.write(jar, new byte[] {1, 2, 3, 4});
        assertNotEquals(key, ClassDataArchive.keyOf("/jdk17", "17.0.15", classPath), "a rebuilt jar: a new archive");
    }

    @Test
    void theFirstWindowWritesTheArchiveAndTheNextReadsIt() throws Exception {
        ClassDataArchive first = new ClassDataArchive(folder, "k1", 100);
        Path archive = first.paths().get(0);
        Path temporary = first.paths().get(1);
        assertEquals("-XX:ArchiveClassesAtExit=" + temporary + " -Xlog:cds=off -Xlog:cds+dynamic=off", first.jvmOptions());

        Files.write(temporary, new byte[] {7});   // what the window's JVM writes as it exits
        first.keepWritten(0);
        assertTrue(Files.isRegularFile(archive));
        assertFalse(Files.exists(temporary));
        ClassDataArchive next = new ClassDataArchive(folder, "k1", 200);
        assertEquals("-XX:SharedArchiveFile=" + archive + " -Xlog:cds=off -Xlog:cds+dynamic=off", next.jvmOptions());
    }

    @Test
    void aWindowThatDidNotExitCleanlyLeavesNoArchive() throws Exception {
        ClassDataArchive killed = new ClassDataArchive(folder, "k1", 100);
        Files.write(killed.paths().get(1), new byte[] {7});
        killed.keepWritten(137);
        assertFalse(Files.exists(killed.paths().get(0)), "half an archive is never used");
        assertFalse(Files.exists(killed.paths().get(1)), "and not left behind");
    }

    @Test
    void aNewArchiveDeletesOldKeysAndStaleTemporariesButNotAnotherWindowsWork() throws Exception {
        Path oldKey = Files.write(folder.resolve("charscope-old.jsa"), new byte[] {1});
        Path stale = Files.write(folder.resolve("charscope-k1.jsa.5.tmp"), new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path busy = Files.write(folder.resolve("charscope-k1.jsa.6.tmp"), new byte[] {1});
        Path unrelated = Files.write(folder.resolve("notes.txt"), new byte[] {1});
        ClassDataArchive fresh = new ClassDataArchive(folder, "k1", 100);
        Files.write(fresh.paths().get(1), new byte[] {7});
        fresh.keepWritten(0);
        assertTrue(Files.exists(fresh.paths().get(0)));
        assertFalse(Files.exists(oldKey), "another version's archive goes");
        assertFalse(Files.exists(stale), "a temporary file an hour old goes");
        assertTrue(Files.exists(busy), "another window still writing keeps its file");
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void onlyARuntimeWithABaseArchiveCanHaveOne() throws Exception {
        assertFalse(ClassDataArchive.usableIn(folder), "a jlinked runtime without classes.jsa: the JVM would not start");
        Files.createDirectories(folder.resolve("lib/server"));
        Files.write(folder.resolve("lib/server/classes.jsa"), new byte[] {1});
        assertTrue(ClassDataArchive.usableIn(folder));
    }

    @Test
    void optionsAreAddedToWhatJavaToolOptionsHolds() {
        assertEquals("-Xa", ClassDataArchive.withToolOptions(null, "-Xa"));
        assertEquals("-Xa", ClassDataArchive.withToolOptions(" ", "-Xa"));
        assertEquals("-Duser.home=/h -Xa", ClassDataArchive.withToolOptions("-Duser.home=/h", "-Xa"));
    }
}
