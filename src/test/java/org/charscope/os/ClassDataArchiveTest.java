package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path folder;

    @Test
    void theArchiveIsTheOneBesideTheJarWhenTheBuildMadeOne() throws Exception {
        Path jar = Files.createFile(folder.resolve("charscope.jar"));
        assertEquals(Optional.empty(), ClassDataArchive.besideJar(jar));
        Path archive = Files.createFile(folder.resolve("charscope.jsa"));
        assertEquals(Optional.of(archive), ClassDataArchive.besideJar(jar));
    }

    @Test
    void runFromClassFoldersThereIsNoArchive() {
        // the tests run from target/classes, not from the jar: the relaunch gets no archive
        assertEquals(Optional.empty(), ClassDataArchive.ofThisApp());
    }
}
