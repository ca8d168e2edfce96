package org.charscope.train;

/**
 * Takes copies of the weights at iterations of its choosing, between two iterations, on the
 * training thread: what keeps snapshots over a run ({@code org.charscope.history.SnapshotRecorder}).
 * It is asked about every iteration, so {@link #wants} must be quick; {@link #take} gets plain Java
 * (a {@link TrainingRun#isSnapshot() snapshot}) and should hand it to a thread of its own. A watcher
 * that throws is reported on stderr and training goes on.
 */
public interface WeightsWatcher {

    /**
     * Once, before the first iteration of this run.
     *
     * @param iteration  iterations done before it: 0 for a fresh run, the saved count for a resumed one
     * @param fresh      whether this is a new model rather than a saved run continued
     */
    default void starting(long iteration, boolean fresh) {
    }

    /**
     * Whether the weights after {@code iteration} completed iterations are wanted; asked before the
     * first iteration of a fresh run (0) and after every iteration.
     */
    boolean wants(long iteration);

    /**
     * The weights asked for. May wait (a full queue) rather than lose them: training waits too.
     *
     * @throws InterruptedException when the training thread is interrupted meanwhile (it then stops)
     */
    void take(TrainingRun weights) throws InterruptedException;

    /**
     * Once, after training stopped, with the run as it stood then (a snapshot), or null if training
     * failed before the model was made. Comes on the training thread before the trainer counts as
     * stopped ({@link Trainer#awaitStop}), so what it queues is queued by then.
     */
    default void stopped(TrainingRun last) throws InterruptedException {
    }
}
