package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
