package org.charscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What other threads ask of the training thread (pause, resume, one step, stop) and what it is
 * doing ({@link Trainer.State}); the training thread asks {@link #next()} before each move. The
 * futures handed out complete with the iterations done when the thing asked for has happened.
 */
final class Steering {

    /** What the training thread does next. */
    enum Move { STOP, WAIT, STEP, RUN }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final LongSupplier iteration;
    private final BooleanSupplier requestsWaiting;
    private final TrainingListener listener;
    // guarded by lock
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsRequested;
    private final List<CompletableFuture<Long>> pauseWaiters = new ArrayList<>();
    private final List<CompletableFuture<Long>> stepWaiters = new ArrayList<>();
    // read from any thread
    private volatile Trainer.State state = Trainer.State.NEW;

    /**
     * @param iteration        iterations completed so far
     * @param requestsWaiting  whether work waits to be served (then a paused thread does not sleep)
     * @param listener         hears each change between running and paused
     */
    Steering(LongSupplier iteration, BooleanSupplier requestsWaiting, TrainingListener listener) {
        this.iteration = iteration;
        this.requestsWaiting = requestsWaiting;
        this.listener = listener;
    }

    Trainer.State state() {
        return state;
    }

    /** Before the thread starts: whether it starts paused. */
    void startPaused(boolean paused) {
        underLock(() -> pauseRequested = paused);
    }

    CompletableFuture<Long> pause() {
        CompletableFuture<Long> paused = new CompletableFuture<>();
        changeAndWake(() -> {
            if (state == Trainer.State.STOPPED) {
                paused.complete(iteration.getAsLong());
            } else if (state == Trainer.State.PAUSED && stepsRequested == 0) {
                pauseRequested = true;
                paused.complete(iteration.getAsLong());
            } else {
                pauseRequested = true;
                pauseWaiters.add(paused);
            }
        });
        return paused;
    }

    void resume() {
        changeAndWake(() -> pauseRequested = false);
    }

    /** One iteration, then paused; refused when stopped, or when the model is {@code frozen} (no text). */
    CompletableFuture<Long> step(boolean frozen) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        changeAndWake(() -> {
            if (state == Trainer.State.STOPPED) {
                done.completeExceptionally(new IllegalStateException("training has stopped"));
            } else if (frozen) {
                done.completeExceptionally(new IllegalStateException("this model was opened without its text"));
            } else {
                pauseRequested = true;
                stepsRequested++;
                stepWaiters.add(done);
            }
        });
        return done;
    }

    void stop() {
        changeAndWake(() -> stopRequested = true);
    }

    /**
     * Wakes the thread (work has come for it); once stopped, runs {@code ifStopped} instead, under
     * the same lock as the stop, so that nothing slips in between.
     */
    void wake(Runnable ifStopped) {
        changeAndWake(() -> {
            if (state == Trainer.State.STOPPED) {
                ifStopped.run();
            }
        });
    }

    /**
     * Training thread: the next move. STOP when asked to; WAIT while paused (after saying so once,
     * and sleeping until woken when no request waits), after which the thread serves requests and
     * asks again; else one iteration, a single STEP or a RUN.
     */
    Move next() throws InterruptedException {
        Trainer.State announce = null;
        Move move;
        lock.lock();
        try {
            if (stopRequested) {
                return Move.STOP;
            }
            if (pauseRequested && stepsRequested == 0) {
                if (state != Trainer.State.PAUSED) {
                    state = Trainer.State.PAUSED;
                    pauseWaiters.forEach(f -> f.complete(iteration.getAsLong()));
                    pauseWaiters.clear();
                    announce = Trainer.State.PAUSED;
                } else if (!requestsWaiting.getAsBoolean()) {
                    wake.await();
                }
                move = Move.WAIT;
            } else {
                move = stepsRequested > 0 ? Move.STEP : Move.RUN;
                if (move == Move.STEP) {
                    stepsRequested--;
                } else if (state != Trainer.State.RUNNING) {
                    state = Trainer.State.RUNNING;
                    announce = Trainer.State.RUNNING;
                }
            }
        } finally {
            lock.unlock();
        }
        if (announce != null) {
            listener.onStateChanged(announce, iteration.getAsLong());   // outside the lock: a listener may steer
        }
        return move;
    }

    /** Training thread: a single STEP is done. */
    void stepDone() {
        underLock(() -> {
            if (!stepWaiters.isEmpty()) {
                stepWaiters.remove(0).complete(iteration.getAsLong());
            }
        });
    }

    /** Training thread, at its end: STOPPED, every waiter answered, and {@code thenUnderLock} run. */
    void stopped(Runnable thenUnderLock) {
        underLock(() -> {
            state = Trainer.State.STOPPED;
            pauseWaiters.forEach(f -> f.complete(iteration.getAsLong()));
            pauseWaiters.clear();
            stepWaiters.forEach(f -> f.completeExceptionally(new IllegalStateException("training has stopped")));
            stepWaiters.clear();
            thenUnderLock.run();
        });
    }

    /**
     * {@link #underLock}, then wakes the training thread to look again (a wake-up it did not need
     * costs it one more look: {@link #next} answers WAIT and is asked again).
     */
    private void changeAndWake(Runnable change) {
        underLock(() -> {
            change.run();
            wake.signalAll();
        });
    }

    /** Runs {@code change} holding the lock that guards the requests and the waiters. */
    private void underLock(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
