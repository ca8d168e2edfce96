package org.charscope.ui.background;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work asked for faster than it is done (a cursor or a slider moving): runs the latest request on
 * its thread, one at a time; a request not yet taken is replaced by a newer one, so the work
 * catches up with where the person is now rather than where they were.
 *
 * @param <T> a request
 */
public final class LatestOnly<T> {

    private final Executor thread;
    private final Consumer<T> work;
    private T pending;        // guarded by this: the latest request not yet taken
    private boolean busy;     // guarded by this: the thread is draining

    /** @param work runs on {@code thread}, one request at a time; what it throws is its own to report */
    public LatestOnly(Executor thread, Consumer<T> work) {
        this.thread = thread;
        this.work = work;
    }

    /** Asks for {@code request}; one still waiting is dropped. */
    public synchronized void submit(T request) {
        pending = request;
        if (!busy) {
            busy = true;
            thread.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            T next;
            synchronized (this) {
                next = pending;
                pending = null;
                if (next == null) {
                    busy = false;
                    return;
                }
            }
            work.accept(next);
        }
    }
}
