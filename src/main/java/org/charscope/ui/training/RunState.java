package org.charscope.ui.training;

/** Where a training run is, as the window names it. */
public enum RunState {
    /** A model is ready but has not trained yet. */
    IDLE("idle"),
    TRAINING("training"),
    PAUSED("paused"),
    /** Training is between steps while the whole validation split is scored. */
    EVALUATING("evaluating"),
    /** Stopped by the user or by reaching the planned iterations; can be reset. */
    STOPPED("stopped"),
    /** Stopped by an error the run could not recover from; the reason is shown. */
    FAILED("failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the training thread is stepping (or about to): pause and stop make sense. */
    public boolean running() {
        return this == TRAINING || this == EVALUATING;
    }
}
