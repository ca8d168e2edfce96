package org.charscope.ui.training;

import java.util.concurrent.CompletableFuture;

/**
 * What the dashboard's buttons ask of a training run. Every method returns at once: the work
 * happens on the run's own thread, and the outcome arrives through {@link RunEvents}.
 */
public interface TrainingRun {

    void start();

    void pause();

    void resume();

    /** One iteration, then paused. */
    void step();

    void stop();

    /** A sample from the current weights, taken between two training steps. */
    CompletableFuture<String> sample(double temperature, String prime, int length);

    /** Ends the run's thread for good (the window closes or the model is discarded). */
    void close();
}
