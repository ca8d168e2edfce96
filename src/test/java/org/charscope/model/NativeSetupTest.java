package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeSetupTest {

    @Test
    void aRelaunchRepeatsThisJvmWithTheCoreTypeSet() {
        Optional<String> core = NativeSetup.recommendedCoreType();
        Optional<ProcessBuilder> again = NativeSetup.relaunchWithCoreType();
        if (core.isEmpty()) {
            assertTrue(again.isEmpty(), "nothing to set, nothing to relaunch");
            return;
        }
        assertTrue(core.get().equals("SkylakeX") || core.get().equals("Haswell"));
        again.ifPresent(builder -> {
            assertEquals(core.get(), builder.environment().get("OPENBLAS_CORETYPE"));
            assertEquals(ProcessHandle.current().info().command().orElseThrow(), builder.command().get(0));
            assertEquals(System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"),
                    builder.environment().get("MALLOC_ARENA_MAX"), "few malloc arenas, unless the user chose");
        });
    }

    @Test
    void oneLaneUnlessAskedForTwo() {
        assertEquals(Integer.getInteger("charscope.lanes", 1) == 2 ? 2 : 1, NativeSetup.lanes());
        assertTrue(NativeSetup.blasThreads() >= 1);
    }

    @Test
    void underTheAppImageLauncherTheRelaunchStartsItsJavaWithTheSameOptionsClassPathAndMainClass() {
        var command = NativeSetup.javaCommand(Path.of("/opt/charscope/lib/runtime/bin/java"),
                List.of("-Xmx4g", "-Djava.library.path=/opt/charscope/lib/app/native"), "/opt/a.jar:/opt/b.jar",
                "org.charscope.app.Main book.txt", List.of("book.txt"));
        assertEquals(List.of("/opt/charscope/lib/runtime/bin/java", "-Xmx4g",
                "-Djava.library.path=/opt/charscope/lib/app/native", "-cp", "/opt/a.jar:/opt/b.jar",
                "org.charscope.app.Main", "book.txt"), command.orElseThrow());
        assertTrue(NativeSetup.javaCommand(Path.of("java"), List.of(), "a.jar", " ", List.of()).isEmpty(),
                "no main class known: the launcher is started again instead");
    }
}
