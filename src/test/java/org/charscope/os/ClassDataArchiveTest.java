package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void aJavaCommandGetsTheOptionsBeforeItsOwnArguments() {
        List<String> command = new ArrayList<>(List.of("/usr/lib/jvm/bin/java", "-Duser.home=/h", "-jar", "charscope.jar"));
        assertTrue(ClassDataArchive.addToJavaCommand(command, Path.of("/app/charscope.jsa")));
        assertEquals(List.of("/usr/lib/jvm/bin/java", "-XX:SharedArchiveFile=/app/charscope.jsa", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Duser.home=/h", "-jar", "charscope.jar"), command);
    }

    @Test
    void anotherLauncherIsLeftAsItIs() {
        // the app-image's launcher passes its arguments to the app: it has the archive in its own options
        List<String> command = new ArrayList<>(List.of("/opt/charscope/bin/CharScope", "book.txt"));
        assertFalse(ClassDataArchive.addToJavaCommand(command, Path.of("/app/charscope.jsa")));
        assertEquals(List.of("/opt/charscope/bin/CharScope", "book.txt"), command);
        assertFalse(ClassDataArchive.addToJavaCommand(new ArrayList<>(), Path.of("/app/charscope.jsa")));
        // the app-image's relaunch: java with the launcher's options, its archive among them
        List<String> relaunch = new ArrayList<>(List.of("/opt/charscope/lib/runtime/bin/java",
                "-XX:SharedArchiveFile=/opt/charscope/lib/app/charscope.jsa", "-cp", "a.jar", "Main"));
        assertFalse(ClassDataArchive.addToJavaCommand(relaunch, Path.of("/opt/charscope/lib/app/charscope.jsa")));
        assertEquals(5, relaunch.size());
    }

    @Test
    void runFromClassFoldersThereIsNoArchive() {
        // the tests run from target/classes, not from the jar: the relaunch gets no archive
        assertEquals(Optional.empty(), ClassDataArchive.ofThisApp());
    }
}
