package org.charscope.train;

/**
 * Receives what a {@link Trainer} reports. Every method is called on the training thread, between
 * iterations, so it must return quickly (copy the record into a queue or a ring buffer and let
 * another thread draw it; never call {@code Platform.runLater} per call). It is called every N
 * iterations ({@link TrainingConfig#reportEvery()}), never per step unless N is 1. An exception
 * thrown here is reported on stderr and does not stop training.
 */
public interface TrainingListener {

    /** Every N iterations. */
    default void onProgress(Progress progress) {
    }

    /** Before an evaluation of the validation split (it takes a while on a large text: say so). */
    default void onEvaluationStarted(long iteration) {
    }

    /** After each evaluation of the validation split. */
    default void onEvaluation(Evaluation evaluation) {
    }

    /** After an iteration with non-finite loss or gradients was undone. */
    default void onRecovery(Recovery recovery) {
    }

    /** When the trainer changes between running and paused (and once when it stops). */
    default void onStateChanged(Trainer.State state, long iteration) {
    }

    /** Once, when training has stopped for good. */
    default void onStopped(Stop stop) {
    }
}
