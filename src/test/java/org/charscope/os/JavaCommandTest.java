package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    private static final List<String> ARCHIVE = ClassDataArchive.jvmOptions(Path.of("/app/charscope.jsa"));

    @Test
    void aJavaCommandGetsTheOptionsBeforeItsOwnArguments() {
        List<String> command = new ArrayList<>(List.of("/usr/lib/jvm/bin/java", "-Duser.home=/h", "-jar", "charscope.jar"));
        assertTrue(JavaCommand.addJvmOptions(command, ARCHIVE));
        assertEquals(List.of("/usr/lib/jvm/bin/java", "-XX:SharedArchiveFile=/app/charscope.jsa", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Duser.home=/h", "-jar", "charscope.jar"), command);
    }

    @Test
    void anOptionTheCommandAlreadySetsKeepsItsValue() {
        // the app-image's relaunch: java with the launcher's options, its archive and one JIT flag among them
        List<String> relaunch = new ArrayList<>(List.of("/opt/charscope/lib/runtime/bin/java",
                "-XX:SharedArchiveFile=/opt/charscope/lib/app/charscope.jsa", "-Xlog:cds=off",
                "-XX:Tier4InvocationThreshold=7", "-cp", "a.jar", "Main"));
        List<String> options = new ArrayList<>(ARCHIVE);
        options.addAll(StartupJit.JVM_OPTIONS);
        assertTrue(JavaCommand.addJvmOptions(relaunch, options));

        List<String> added = new ArrayList<>(options);
        added.removeAll(List.of("-XX:SharedArchiveFile=/app/charscope.jsa", "-Xlog:cds=off", "-XX:Tier4InvocationThreshold=50000"));
        List<String> expected = new ArrayList<>(List.of("/opt/charscope/lib/runtime/bin/java"));
        expected.addAll(added);
        expected.addAll(List.of("-XX:SharedArchiveFile=/opt/charscope/lib/app/charscope.jsa", "-Xlog:cds=off",
                "-XX:Tier4InvocationThreshold=7", "-cp", "a.jar", "Main"));
        assertEquals(expected, relaunch);
        assertTrue(relaunch.contains("-XX:CompileCommand=CompileThresholdScaling,org/charscope/model/*.*,0.1"),
                "every compile command is added, though they share the option's name");
    }

    @Test
    void anotherLauncherIsLeftAsItIs() {
        // the app-image's launcher passes its arguments to the app: it has the options in its own configuration
        List<String> command = new ArrayList<>(List.of("/opt/charscope/bin/CharScope", "book.txt"));
        assertFalse(JavaCommand.addJvmOptions(command, ARCHIVE));
        assertEquals(List.of("/opt/charscope/bin/CharScope", "book.txt"), command);
        assertFalse(JavaCommand.addJvmOptions(new ArrayList<>(), ARCHIVE));
    }
}
