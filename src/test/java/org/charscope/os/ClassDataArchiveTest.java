package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theOptionsReadTheArchiveQuietlyAndAreAddedToWhatJavaToolOptionsHolds() {
        String options = ClassDataArchive.jvmOptions(Path.of("/app/charscope.jsa"));
        assertTrue(options.startsWith("-XX:SharedArchiveFile=/app/charscope.jsa -Xshare:auto"), options);
        assertTrue(options.contains("-Xlog:cds=off"), options);
        assertEquals("-Da=1 -Xb", ClassDataArchive.withToolOptions("-Da=1", "-Xb"));
        assertEquals("-Xb", ClassDataArchive.withToolOptions(null, "-Xb"));
        assertEquals("-Xb", ClassDataArchive.withToolOptions("  ", "-Xb"));
    }

    @Test
    void runFromClassFoldersThereIsNoArchive() {
        // the tests run from target/classes, not from the jar: the relaunch gets no archive
        assertEquals(Optional.empty(), ClassDataArchive.ofThisApp());
    }
}
