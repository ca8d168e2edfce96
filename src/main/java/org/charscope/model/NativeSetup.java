package org.charscope.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings for ND4J and its OpenBLAS, applied once before the first model is made.
 *
 * <p>Measured on the 2-core machines (../shared/TOOLCHAIN.md): one OpenMP thread (the surefire and
 * launcher environment sets {@code OMP_NUM_THREADS=1}; the engine uses almost no ND4J ops) and BLAS
 * threads set through the API, since ND4J overrides {@code OPENBLAS_NUM_THREADS}. Override with
 * {@code -Dcharscope.blasThreads=N}.
 *
 * <p>OpenBLAS 0.3.19, the one ND4J 1.0.0-M2.1 ships, picks its kernels from the CPU model and does
 * not know CPUs newer than itself (e.g. Intel Sapphire/Emerald Rapids): it falls back to the
 * "Prescott" SSE3 kernels, 4–10× slower. The environment variable {@code OPENBLAS_CORETYPE}, read
 * when the library loads, fixes that; {@link #recommendedCoreType()} says what to set, and a
 * launcher can start the JVM again with it (a running JVM cannot change its environment).
 */
public final class NativeSetup {

    private static volatile boolean configured;

    private NativeSetup() {
    }

    /** Applies the thread settings once; cheap after the first call. */
    public static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (NativeSetup.class) {
            if (!configured) {
                Nd4j.factory().blas().setMaxThreads(blasThreads());
                configured = true;
            }
        }
    }

    /**
     * Lanes a model computes on: 1 (everything on the model's thread, products spread over
     * {@link #blasThreads()} by OpenBLAS) unless {@code -Dcharscope.lanes=2} asks for a second lane
     * (a helper thread; layers pipelined across the two, one BLAS thread each). Two lanes were no
     * faster on the shared 2-core machines, and slower when other processes took CPU time, since
     * each lane waits on the other (docs/engine-performance.md).
     */
    public static int lanes() {
        Integer fromProperty = Integer.getInteger("charscope.lanes");
        return fromProperty != null && fromProperty == 2 && Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }

    /**
     * Threads per matrix product: {@code -Dcharscope.blasThreads}, else 1 when models compute on
     * two lanes (each lane's products then run on their own core), else the cores, at most 4.
     */
    public static int blasThreads() {
        Integer fromProperty = Integer.getInteger("charscope.blasThreads");
        if (fromProperty != null && fromProperty > 0) {
            return fromProperty;
        }
        return lanes() == 2 ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The {@code OPENBLAS_CORETYPE} to set for this CPU when it is not set yet, from the
     * instruction sets Linux reports: {@code SkylakeX} with AVX-512, {@code Haswell} with AVX2 and
     * FMA; empty when it is already set, when the CPU has neither, or off Linux x86-64.
     */
    public static Optional<String> recommendedCoreType() {
        if (System.getenv("OPENBLAS_CORETYPE") != null) {
            return Optional.empty();
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.empty();
        }
        try {
            String flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst().orElse("");
            String padded = " " + flags.replace('\t', ' ') + " ";
            if (padded.contains(" avx512f ") && padded.contains(" avx512bw ") && padded.contains(" avx512vl ")) {
                return Optional.of("SkylakeX");
            }
            if (padded.contains(" avx2 ") && padded.contains(" fma ")) {
                return Optional.of("Haswell");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * This JVM's own command line again, with {@code OPENBLAS_CORETYPE} set to
     * {@link #recommendedCoreType()}, for a launcher to run instead of going on with slow kernels:
     * <pre>
     *   Optional&lt;ProcessBuilder&gt; again = NativeSetup.relaunchWithCoreType();
     *   if (again.isPresent()) System.exit(again.get().inheritIO().start().waitFor());
     * </pre>
     * Empty when no core type is needed (already set, or nothing to recommend) or when the command
     * line cannot be read; the relaunched JVM has the variable set, so it never relaunches again.
     */
    public static Optional<ProcessBuilder> relaunchWithCoreType() {
        Optional<String> core = recommendedCoreType();
        if (core.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.addAll(Arrays.asList(info.arguments().get()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OPENBLAS_CORETYPE", core.get());
        // The installer's native launcher (jpackage) sets this for itself before it starts the JVM;
        // a launcher that inherits it acts as a plain `java` and takes our arguments for its own
        // ("Could not find or load main class train").
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        // and the one OpenMP thread the engine is measured with, unless the user chose otherwise
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        // glibc gives each thread that allocates natively an arena of its own (up to 8 per core);
        // ND4J's buffers come and go from the training, reading and collector threads, and many
        // small arenas grow resident memory without a leak; two hold it (docs/reliability.md).
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return Optional.of(builder);
    }

    /** Prints {@link #recommendedCoreType()} (nothing if none), for launch scripts. */
    public static void main(String[] args) {
        recommendedCoreType().ifPresent(System.out::println);
    }
}
