package org.charscope.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.charscope.os.Platform;
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
 * launcher can start the JVM again with it (a running JVM cannot change its environment);
 * {@link RelaunchEnvironment} decides where (Linux x86-64 only) and why.
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
     * The {@code OPENBLAS_CORETYPE} to set for this CPU when it is not set yet: {@code SkylakeX}
     * with AVX-512, {@code Haswell} with AVX2 and FMA; empty when it is already set, when the CPU
     * has neither, or where no relaunch is done ({@link RelaunchEnvironment}: all but Linux x86-64).
     */
    public static Optional<String> recommendedCoreType() {
        return Optional.ofNullable(relaunchEnvironment().get("OPENBLAS_CORETYPE"));
    }

    /**
     * This JVM's own command line again (under the app-image's launcher, its runtime's {@code java}
     * with the same options, class path and main class), with {@link RelaunchEnvironment}'s variables set
     * ({@code OPENBLAS_CORETYPE} to {@link #recommendedCoreType()}), for a launcher to run instead
     * of going on with slow kernels:
     * <pre>
     *   Optional&lt;ProcessBuilder&gt; again = NativeSetup.relaunchWithCoreType();
     *   if (again.isPresent()) System.exit(again.get().inheritIO().start().waitFor());
     * </pre>
     * Empty when no relaunch is needed (already set, nothing to recommend, not Linux x86-64) or when
     * the command line cannot be read; the relaunched JVM has the variable set, so it never
     * relaunches again.
     *
     * <p>The way here is written without lambdas, streams or string concatenation: it runs in the
     * first JVM, which has no class-data archive of ours, and the first use of each costs that JVM
     * 10–30 ms before the window's JVM can start (docs/installer.md, "First start, session 12").
     */
    public static Optional<ProcessBuilder> relaunchWithCoreType() {
        Map<String, String> added = relaunchEnvironment();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = Arrays.asList(info.arguments().get());
        Optional<List<String>> javaOfTheAppImage = underAppImageLauncher() ? javaOfTheAppImage(arguments) : Optional.empty();
        List<String> command = javaOfTheAppImage.isPresent() ? javaOfTheAppImage.get() : concat(info.command().get(), arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(added);
        // The installer's native launcher (jpackage) sets this for itself before it starts the JVM;
        // a launcher that inherits it acts as a plain `java` and takes our arguments for its own
        // ("Could not find or load main class train").
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        return Optional.of(builder);
    }

    /** Whether the app-image's launcher (jpackage's) started this JVM; it names itself in a property. */
    private static boolean underAppImageLauncher() {
        return System.getProperty("jpackage.app-path") != null;
    }

    /**
     * The app-image's JVM started directly ({@code runtime/bin/java}, this JVM's options, class
     * path and main class, then the app's {@code arguments}) rather than through its launcher
     * again: JDK 17's launcher asks rpm and dpkg which package owns it before it starts a JVM,
     * 0.1–0.3 s on a system with many packages, which a second start would pay twice. Empty where
     * the runtime has no {@code java} or the main class is unknown: then the launcher it is.
     */
    private static Optional<List<String>> javaOfTheAppImage(List<String> arguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        return javaCommand(java, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), System.getProperty("sun.java.command", ""), arguments);
    }

    /**
     * {@code java}, then the JVM's options, class path and main class (the first word of
     * {@code sun.java.command}), then the app's arguments; empty without a main class.
     */
    static Optional<List<String>> javaCommand(Path java, List<String> jvmOptions, String classPath,
                                              String javaCommand, List<String> arguments) {
        String mainClass = javaCommand.strip().split(" ", 2)[0];
        if (mainClass.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return Optional.of(command);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Map<String, String> relaunchEnvironment() {
        Optional<Platform> platform = Platform.current();
        Map<String, String> environment = System.getenv();
        // the relaunched JVM (or a user's choice) has the core type set: no need to read the CPU's flags
        boolean flagsMatter = platform.orElse(null) == Platform.LINUX_X86_64 && !environment.containsKey("OPENBLAS_CORETYPE");
        return RelaunchEnvironment.of(platform, flagsMatter ? cpuFlags() : "", environment);
    }

    /** The first {@code flags} line of {@code /proc/cpuinfo} (every core has one, the same); "" where it cannot be read. Linux only. */
    private static String cpuFlags() {
        try (BufferedReader cpuinfo = Files.newBufferedReader(Path.of("/proc/cpuinfo"))) {
            for (String line = cpuinfo.readLine(); line != null; line = cpuinfo.readLine()) {
                if (line.startsWith("flags")) {
                    return line;
                }
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Prints {@link #recommendedCoreType()} (nothing if none), for launch scripts. */
    public static void main(String[] args) {
        recommendedCoreType().ifPresent(System.out::println);
    }
}
