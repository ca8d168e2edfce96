package org.charscope.ui.training;

import org.charscope.ui.samples.SampleEntry;

/**
 * The dashboard's events from one trainer, until Reset replaces it. A trainer told to stop still
 * reports its stop, and a sample it was making, a moment later: by then the dashboard shows the
 * next model (e.g. one just opened), and those late words would overwrite what it says about it.
 * Once {@link #detach detached}, nothing more is passed on. Any thread.
 */
final class TrainerEvents implements RunEvents {

    private final RunEvents dashboard;
    private volatile boolean detached;

    TrainerEvents(RunEvents dashboard) {
        this.dashboard = dashboard;
    }

    /** From now on this trainer's events are dropped. */
    void detach() {
        detached = true;
    }

    @Override
    public void progress(Progress progress) {
        if (!detached) {
            dashboard.progress(progress);
        }
    }

    @Override
    public void evaluated(long iteration, double epoch, double validationLoss) {
        if (!detached) {
            dashboard.evaluated(iteration, epoch, validationLoss);
        }
    }

    @Override
    public void sampled(SampleEntry sample) {
        if (!detached) {
            dashboard.sampled(sample);
        }
    }

    @Override
    public void stateChanged(RunState state, String reason) {
        if (!detached) {
            dashboard.stateChanged(state, reason);
        }
    }
}
