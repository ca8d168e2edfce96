package org.charscope.train;

/**
 * The training thread's side of a {@link WeightsWatcher}: asks it between iterations and copies the
 * weights only when it wants them, so that a run without a watcher, or between its snapshots, copies
 * nothing. A watcher that throws is reported on stderr and training goes on, as with listeners.
 */
final class WeightsHandover {

    private volatile WeightsWatcher watcher;   // set before the training thread starts; null for none

    void set(WeightsWatcher watcher) {
        if (this.watcher != null) {
            throw new IllegalStateException("a trainer's weights watcher is set once");
        }
        this.watcher = watcher;
    }

    /** Where the run starts; a fresh model's weights go over before its first iteration. */
    void starting(TrainingLoop loop, boolean fresh) throws InterruptedException {
        WeightsWatcher w = watcher;
        if (w == null) {
            return;
        }
        try {
            w.starting(loop.iteration(), fresh);
        } catch (RuntimeException e) {
            complain(e);
        }
        if (fresh) {
            offer(loop);
        }
    }

    /** Between two iterations: the weights, if the watcher wants them now. */
    void offer(TrainingLoop loop) throws InterruptedException {
        WeightsWatcher w = watcher;
        try {
            if (w != null && w.wants(loop.iteration())) {
                w.take(loop.captureWeights());
            }
        } catch (RuntimeException e) {
            complain(e);
        }
    }

    /** After the stop, the run as kept then (null if there is none), without its moments. */
    void stopped(TrainingRun finalRun) {
        WeightsWatcher w = watcher;
        if (w == null) {
            return;
        }
        try {
            w.stopped(finalRun == null ? null : finalRun.withoutMoments());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted while handing the last weights on");
        } catch (RuntimeException e) {
            complain(e);
        }
    }

    private static void complain(RuntimeException e) {
        System.err.println("the weights watcher failed: " + e);
    }
}
