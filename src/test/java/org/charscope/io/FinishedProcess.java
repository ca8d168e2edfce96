package org.charscope.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The pid of a process that has run and exited, for tests of what dead writers leave behind.
 * This JVM's own {@code java -version}, so it runs wherever the tests do (Windows has no
 * {@code true} command).
 */
public final class FinishedProcess {

    private FinishedProcess() {
    }

    public static long pid() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return process.pid();
    }
}
