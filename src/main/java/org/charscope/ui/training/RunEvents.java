package org.charscope.ui.training;

import org.charscope.train.Progress;
import org.charscope.ui.samples.SampleEntry;

/**
 * What a training run tells the window. Called on the training thread: implementations only
 * queue the event ({@link RunInbox}), never touch the scene graph or wait.
 */
public interface RunEvents {

    /** Every N iterations, the training loop's own report. */
    void progress(Progress progress);

    /** The whole validation split was scored: nats per character. */
    void evaluated(long iteration, double epoch, double validationLoss);

    void sampled(SampleEntry sample);

    /** @param reason why, for FAILED and for recoveries (e.g. "loss was NaN: restored iteration 1,200, lr halved") */
    void stateChanged(RunState state, String reason);
}
