package org.charscope.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.charscope.os.Platform;

/**
 * Whether a start of CharScope runs again in a second JVM with OpenBLAS's kernels chosen for it,
 * and what that JVM's environment gets; decided per platform (docs/platforms.md), from values
 * only, so each platform's answer is tested on any machine.
 *
 * <p>OpenBLAS 0.3.19 (the one ND4J 1.0.0-M2.1 ships) reads {@code OPENBLAS_CORETYPE} once, when it
 * loads; without it, it picks kernels from the CPU model and falls back to SSE3 ("Prescott", 4–10×
 * slower) on x86-64 CPUs newer than itself. Only where that can happen, can be seen, and the JVM
 * can be started again is it done:
 * <ul>
 *   <li>Linux x86-64: yes: {@code /proc/cpuinfo} gives the instruction sets and
 *       {@code ProcessHandle} the command line; measured in docs/engine-performance.md.</li>
 *   <li>Windows x86-64: no. Its OpenBLAS reads the variable too, but Windows has no
 *       {@code /proc/cpuinfo}, and {@code ProcessHandle.Info.arguments()} is empty there, so the
 *       command line cannot be repeated faithfully. A user with a CPU newer than OpenBLAS 0.3.19
 *       sets {@code OPENBLAS_CORETYPE=Haswell} once (README ▸ Install).</li>
 *   <li>macOS x86-64: no: every Intel Mac's CPU (the last of 2020) is older than OpenBLAS 0.3.19
 *       (December 2021), which knows them.</li>
 *   <li>Linux and macOS arm64: no: those OpenBLAS builds hold one target (ARMV8) and ignore the
 *       variable.</li>
 * </ul>
 *
 * <p>The Linux app-image's launcher ({@code src/main/linux/launcher.sh}) sets the same variables by
 * these rules before its one JVM starts, so that start needs no relaunch; {@code LinuxLauncherTest}
 * compares its choices with {@link #of} for every case.
 */
public final class RelaunchEnvironment {

    private RelaunchEnvironment() {
    }

    /**
     * The variables to add to a second JVM's environment, or an empty map for no relaunch.
     *
     * @param platform    where this JVM runs (empty: a platform without native builds)
     * @param cpuFlags    the {@code flags} line of {@code /proc/cpuinfo} ("" where there is none)
     * @param environment this JVM's environment; a variable the user set is never overridden
     */
    public static Map<String, String> of(Optional<Platform> platform, String cpuFlags, Map<String, String> environment) {
        Map<String, String> added = new LinkedHashMap<>();
        if (platform.orElse(null) != Platform.LINUX_X86_64 || environment.containsKey("OPENBLAS_CORETYPE")) {
            return added;
        }
        Optional<String> core = coreTypeFor(cpuFlags);
        if (core.isEmpty()) {
            return added;
        }
        added.put("OPENBLAS_CORETYPE", core.get());
        // the one OpenMP thread the engine is measured with, unless the user chose otherwise
        added.put("OMP_NUM_THREADS", "1");
        // glibc gives each thread that allocates natively an arena of its own (up to 8 per core);
        // ND4J's buffers come and go from the training, reading and collector threads, and many
        // small arenas grow resident memory without a leak; two hold it (docs/reliability.md).
        added.put("MALLOC_ARENA_MAX", "2");
        added.keySet().removeAll(environment.keySet());
        return added;
    }

    /**
     * The x86-64 core type for a {@code /proc/cpuinfo} flags line: {@code SkylakeX} with AVX-512
     * (F, BW and VL, what OpenBLAS's SkylakeX kernels use), {@code Haswell} with AVX2 and FMA,
     * else empty (the CPU's own choice is as good as any).
     */
    static Optional<String> coreTypeFor(String cpuFlags) {
        // no string concatenation here: in the first JVM its first use costs some 10 ms of setting up
        String padded = new StringBuilder(" ").append(cpuFlags.replace('\t', ' ')).append(' ').toString();
        if (padded.contains(" avx512f ") && padded.contains(" avx512bw ") && padded.contains(" avx512vl ")) {
            return Optional.of("SkylakeX");
        }
        if (padded.contains(" avx2 ") && padded.contains(" fma ")) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }
}
