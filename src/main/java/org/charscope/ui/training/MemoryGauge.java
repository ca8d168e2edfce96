package org.charscope.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.charscope.ui.background.DaemonThreads;

/**
 * The process's memory in use, read once a second on its own daemon thread so the FX thread
 * only reads a number: resident set size from {@code /proc/self/status} on Linux (it counts
 * ND4J's native buffers, which the Java heap does not), else the Java heap in use.
 */
public final class MemoryGauge implements AutoCloseable {

    private final AtomicLong bytes = new AtomicLong();
    private final ScheduledExecutorService timer = DaemonThreads.scheduled("charscope-memory-gauge");

    public MemoryGauge() {
        timer.scheduleWithFixedDelay(() -> bytes.set(read()), 0, 1, TimeUnit.SECONDS);
    }

    /** Bytes in use at the last reading. */
    public long bytes() {
        return bytes.get();
    }

    static long read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: fall back to the heap
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
