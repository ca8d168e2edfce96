package org.charscope.ui.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The window's background work, each kind on one thread of its own: one thread keeps a model's
 * jobs in the order they were asked for, the name ("charscope-…") tells them apart in a thread
 * dump, and a daemon thread never keeps the app alive after its window closed.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
