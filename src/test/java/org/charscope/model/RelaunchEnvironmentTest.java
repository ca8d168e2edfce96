package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.charscope.os.Os;
import org.charscope.os.Platform;
import org.junit.jupiter.api.Test;

class RelaunchEnvironmentTest {

    private static final String SAPPHIRE_RAPIDS = "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512bw avx512vl amx_tile";
    private static final String ZEN_3 = "flags\t\t: fpu sse2 avx fma avx2 sha_ni";
    private static final String OLD_ATOM = "flags\t\t: fpu sse2 ssse3";

    @Test
    void linuxX86RelaunchesWithTheCoreTypeOneOpenMpThreadAndTwoMallocArenas() {
        assertEquals(Map.of("OPENBLAS_CORETYPE", "SkylakeX", "OMP_NUM_THREADS", "1", "MALLOC_ARENA_MAX", "2"),
                RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), SAPPHIRE_RAPIDS, Map.of()));
        assertEquals("Haswell", RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), ZEN_3, Map.of()).get("OPENBLAS_CORETYPE"));
    }

    @Test
    void whatTheUserSetIsKept() {
        assertEquals(Map.of(), RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), ZEN_3, Map.of("OPENBLAS_CORETYPE", "Zen")),
                "a core type already set: no relaunch");
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Haswell"), RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), ZEN_3,
                Map.of("OMP_NUM_THREADS", "4", "MALLOC_ARENA_MAX", "8")));
    }

    @Test
    void noRelaunchWhenTheCpuHasNoFasterKernels() {
        assertEquals(Map.of(), RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), OLD_ATOM, Map.of()));
        assertEquals(Map.of(), RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), "", Map.of()), "no /proc/cpuinfo");
    }

    @Test
    void noRelaunchOffLinuxX86EvenOnTheSameCpu() {
        for (Platform platform : Platform.values()) {
            Map<String, String> added = RelaunchEnvironment.of(Optional.of(platform), SAPPHIRE_RAPIDS, Map.of());
            assertEquals(platform == Platform.LINUX_X86_64, !added.isEmpty(), platform.classifier());
            assertTrue(platform.os() == Os.LINUX || !added.containsKey("MALLOC_ARENA_MAX"),
                    "MALLOC_ARENA_MAX is glibc's");
        }
        assertEquals(Map.of(), RelaunchEnvironment.of(Optional.empty(), SAPPHIRE_RAPIDS, Map.of()), "an unknown platform");
    }

    @Test
    void avx512NeedsAllThreeSubsetsTheKernelsUse() {
        assertEquals(Optional.of("Haswell"), RelaunchEnvironment.coreTypeFor("fpu avx2 fma avx512f"));
        assertEquals(Optional.of("SkylakeX"), RelaunchEnvironment.coreTypeFor("fpu avx2 fma avx512f avx512bw avx512vl"));
        assertEquals(Optional.empty(), RelaunchEnvironment.coreTypeFor("fpu avx2"), "AVX2 without FMA");
    }
}
