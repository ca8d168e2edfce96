package org.charscope.ui.training;

import java.util.Locale;

/** Where a training run is, as the window names it. */
public enum RunState {
    /** A model is ready but has not trained yet. */
    IDLE,
    TRAINING,
    PAUSED,
    /** Training is between steps while the whole validation split is scored. */
    EVALUATING,
    /** Stopped by the user or by reaching the planned iterations; can be reset. */
    STOPPED,
    /** Stopped by an error the run could not recover from; the reason is shown. */
    FAILED;

    /** The name in lower case: "training". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the training thread is stepping (or about to): pause and stop make sense. */
    public boolean running() {
        return this == TRAINING || this == EVALUATING;
    }
}
