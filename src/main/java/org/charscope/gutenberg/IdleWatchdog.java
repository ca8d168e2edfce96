package org.charscope.gutenberg;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once when nothing has happened for a while: it closes the body stream of a
 * download whose server went quiet. HttpClient's own request timeout ends when the headers
 * arrive, and a blocked read on the body ignores interrupts, so a connection that stalls after
 * the first bytes would otherwise wait forever.
 *
 * <p>It looks every tenth of the timeout, so it fires between 1 and 1.1 timeouts after the last
 * {@link #activity()}.
 */
final class IdleWatchdog implements AutoCloseable {

    private static final int CHECKS_PER_TIMEOUT = 10;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "charscope-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final long timeoutNanos;
    private final Runnable onIdle;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean fired;

    IdleWatchdog(Duration timeout, Runnable onIdle) {
        this.timeoutNanos = timeout.toNanos();
        this.onIdle = onIdle;
        long periodNanos = Math.max(1, timeoutNanos / CHECKS_PER_TIMEOUT);
        timer.scheduleAtFixedRate(this::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Something arrived: the quiet time starts again. */
    void activity() {
        lastActivityNanos = System.nanoTime();
    }

    /** Whether the action ran, i.e. the quiet time reached the timeout. */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (System.nanoTime() - lastActivityNanos >= timeoutNanos) {
            fired = true;
            timer.shutdown();
            onIdle.run();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
