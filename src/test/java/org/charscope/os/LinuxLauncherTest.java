package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.charscope.model.RelaunchEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app-image's launcher (src/main/linux/launcher.sh) in an app-image of its own making:
 * its Java is a script that prints what it was started with, and the CPU's flags come from a file
 * written here. It must start Java as jpackage's launcher would, from the same cfg, and set the
 * variables RelaunchEnvironment would have a second JVM start with, for any CPU and any choice
 * the user made.
 */
@EnabledOnOs(OS.LINUX)
class LinuxLauncherTest {

    private static final Path SCRIPT = Path.of("src/main/linux/launcher.sh");
    private static final List<String> VARIABLES = List.of("OPENBLAS_CORETYPE", "OMP_NUM_THREADS", "MALLOC_ARENA_MAX");
    private static final String SKYLAKE_X = "flags\t\t: fpu vme sse2 avx avx2 fma avx512f avx512dq avx512bw avx512vl";

    @TempDir
    Path folder;
    private Path image;   // the folder as the launcher finds it, links resolved
    private Path launcher;
    private Path cpuinfo;

    @BeforeEach
    void makeAnAppImage() throws IOException {
        image = folder.toRealPath();
        cpuinfo = image.resolve("cpuinfo");
        String script = Files.readString(SCRIPT);
        String reading = "\ncpuinfo=/proc/cpuinfo\n";
        assertEquals(script.indexOf(reading), script.lastIndexOf(reading), "one line names /proc/cpuinfo");
        assertTrue(script.contains(reading), "the launcher reads /proc/cpuinfo");
        launcher = executable(image.resolve("bin/CharScope"), script.replace(reading, "\ncpuinfo=" + cpuinfo + "\n"));
        executable(image.resolve("lib/runtime/bin/java"), """
                #!/bin/bash
                for name in OPENBLAS_CORETYPE OMP_NUM_THREADS MALLOC_ARENA_MAX; do echo "env:$name=${!name-unset}"; done
                for arg in "$@"; do echo "arg:$arg"; done
                """);
        Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(image.resolve("lib/app/CharScope.cfg"), """
                [Application]
                app.classpath=$APPDIR/charscope.jar
                app.mainclass=org.charscope.app.Main
                app.classpath=$APPDIR/lib/with space.jar

                [JavaOptions]
                java-options=-Xmx4g
                java-options=-Djava.library.path=$APPDIR/native
                java-options=-XX:CompileCommand=CompileThresholdScaling,org/nd4j/*.*,0.1
                java-options=-Dhome=$ROOTDIR -Dbin=$BINDIR""");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: GenuineIntel\n" + SKYLAKE_X + "\nprocessor\t: 1\n");
    }

    @Test
    void startsTheRuntimesJavaWithTheCfgsOptionsClassPathAndMainClass() throws Exception {
        Run run = run(Map.of(), "inspect", "a book.txt", "*");
        Path app = image.resolve("lib/app");
        assertEquals(List.of("-Xmx4g", "-Djava.library.path=" + app.resolve("native"),
                "-XX:CompileCommand=CompileThresholdScaling,org/nd4j/*.*,0.1",
                "-Dhome=" + image + " -Dbin=" + image.resolve("bin"),
                "-Djpackage.app-path=" + launcher,
                "-cp", app.resolve("charscope.jar") + ":" + app.resolve("lib/with space.jar"),
                "org.charscope.app.Main", "inspect", "a book.txt", "*"), run.arguments());
    }

    @Test
    void aWindowsStartGetsTheWindowsJitOptionsAndACommandsDoesNot() throws Exception {
        String book = Files.writeString(image.resolve("a book.txt"), "text").toString();
        String missing = image.resolve("missing.txt").toString();
        for (List<String> window : List.of(List.<String>of(), List.of(book), List.of("--theme", "dark", book),
                List.of(book, "--theme=light"), List.of(book, book))) {
            List<String> arguments = run(Map.of(), window.toArray(new String[0])).arguments();
            assertEquals(StartupJit.JVM_OPTIONS, arguments.subList(0, StartupJit.JVM_OPTIONS.size()), window.toString());
            assertEquals("-Xmx4g", arguments.get(StartupJit.JVM_OPTIONS.size()), "the cfg's options after them: " + window);
        }
        for (List<String> command : List.of(List.of("inspect", book), List.of(book, missing), List.of("--theme", "dark", "train"),
                List.of(book, "--theme", "dark", "--theme", "light"), List.of("--version"), List.of(image.toString()))) {
            List<String> arguments = run(Map.of(), command.toArray(new String[0])).arguments();
            assertEquals("-Xmx4g", arguments.get(0), "the cfg's options first: " + command);
            assertFalse(arguments.contains(StartupJit.JVM_OPTIONS.get(0)), command.toString());
        }
    }

    @Test
    void setsWhatARelaunchWouldForEveryCpuAndEveryChoiceOfTheUser() throws Exception {
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the core types are x86-64's");
        List<String> flagLines = List.of(SKYLAKE_X,
                "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq",   // AVX-512 without BW and VL
                "flags\t\t: fpu avx2 fma avx512f avx512bw",             // without VL
                "flags\t\t: fpu avx2 fma avx512f avx512vl",             // without BW
                "flags\t\t: fpu sse2 avx avx2 fma",
                "flags\t\t: fpu sse2 avx avx2",                         // AVX2 without FMA
                "flags\t\t: fpu sse2 sse4_2",
                "flags\t\t: avx512fx avx2x fmax",                       // names that only contain the right ones
                "");
        List<Map<String, String>> choices = List.of(Map.of(), Map.of("OPENBLAS_CORETYPE", "Zen"),
                Map.of("OMP_NUM_THREADS", "4"), Map.of("MALLOC_ARENA_MAX", "8", "OMP_NUM_THREADS", "2"));
        for (String flags : flagLines) {
            Files.writeString(cpuinfo, "processor\t: 0\n" + (flags.isEmpty() ? "" : flags + "\n"));
            for (Map<String, String> userSet : choices) {
                Map<String, String> expected = new HashMap<>(userSet);
                expected.putAll(RelaunchEnvironment.of(Optional.of(Platform.LINUX_X86_64), flags, userSet));
                for (String name : VARIABLES) {
                    expected.putIfAbsent(name, "unset");
                }
                assertEquals(expected, run(userSet).environment(), flags + " with " + userSet);
            }
        }
    }

    @Test
    void anIncompleteInstallationSaysSoInOneLine() throws Exception {
        Files.delete(image.resolve("lib/app/CharScope.cfg"));
        Run run = run(Map.of());
        assertEquals(1, run.exitCode());
        assertTrue(run.errors().startsWith("CharScope: this installation is incomplete"), run.errors());
        assertEquals(1, run.errors().strip().lines().count(), run.errors());
    }

    /** What the launcher's Java was started with, its exit code and what went to standard error. */
    private record Run(int exitCode, List<String> arguments, Map<String, String> environment, String errors) {
    }

    private Run run(Map<String, String> userSet, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(VARIABLES);
        builder.environment().putAll(userSet);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        List<String> args = new ArrayList<>();
        Map<String, String> environment = new HashMap<>();
        output.lines().forEach(line -> {
            if (line.startsWith("arg:")) {
                args.add(line.substring(4));
            } else if (line.startsWith("env:")) {
                String[] nameValue = line.substring(4).split("=", 2);
                environment.put(nameValue[0], nameValue[1]);
            }
        });
        return new Run(exit, args, environment, errors);
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
