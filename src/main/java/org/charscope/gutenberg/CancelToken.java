package org.charscope.gutenberg;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread stop a download. Checking a flag between reads is not enough, because the
 * downloading thread may be blocked waiting for bytes that never come; so the download also
 * registers actions (abort the request, close the body stream) that {@link #cancel()} runs at
 * once, which wakes it. Use one token per download.
 */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    /** Stops the download promptly; calling it again, or after the download ended, does nothing. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code action} on cancel, or now if already cancelled. An action racing with
     * {@link #cancel()} may run twice, so it must not mind (closing a stream does not).
     */
    void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled.get()) {
            action.run();
        }
    }
}
