package org.charscope.ui.training;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.Supplier;
import org.charscope.train.Evaluation;
import org.charscope.train.Progress;
import org.charscope.train.Recovery;
import org.charscope.train.RunSettings;
import org.charscope.train.Stop;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingListener;
import org.charscope.ui.samples.SampleEntry;

/**
 * Turns what the {@link Trainer} reports into the dashboard's events, and asks for a sample
 * every N iterations. Runs on the training thread: it only queues events (into the dashboard's
 * {@link RunInbox}) and requests. A {@link Progress} goes into the inbox as it
 * came from the training loop: loop, bridge, dashboard.
 *
 * <p>One bridge per trainer, until Reset replaces the trainer: a trainer told to stop still
 * reports its stop, and a sample it was making, a moment later; by then the dashboard shows the
 * next model (e.g. one just opened), and those late words would overwrite what it says about it.
 * Once {@link #detach detached}, nothing more is passed on.
 */
final class TrainerBridge implements TrainingListener {

    private final Trainer trainer;
    private final RunEvents events;
    private final Supplier<RunSettings> settings;
    private final int batchesPerEpoch;
    private volatile double lastValidation = Double.NaN;
    private volatile boolean detached;
    private long lastSampleBucket;

    /**
     * @param settings        read at each report, so sampling changes apply to a running model
     * @param batchesPerEpoch to place evaluations on the epoch axis
     */
    TrainerBridge(Trainer trainer, RunEvents events, Supplier<RunSettings> settings, int batchesPerEpoch,
                  double lastValidation) {
        this.lastValidation = lastValidation;
        this.trainer = trainer;
        this.events = events;
        this.settings = settings;
        this.batchesPerEpoch = batchesPerEpoch;
        this.lastSampleBucket = trainer.iteration() / Math.max(1, settings.get().sampleEvery());
    }

    /** From now on this trainer's events are dropped (any thread). */
    void detach() {
        detached = true;
    }

    @Override
    public void onProgress(Progress p) {
        if (detached) {
            return;
        }
        events.progress(p);
        RunSettings now = settings.get();
        long bucket = p.iteration() / now.sampleEvery();
        if (bucket > lastSampleBucket) {
            lastSampleBucket = bucket;
            sample(p.iteration(), p.epoch(), now);
        }
    }

    private void sample(long iteration, double epoch, RunSettings now) {
        double validation = lastValidation;
        trainer.sample("", now.sampling(iteration), null).thenAccept(text -> {
            if (!detached) {
                events.sampled(new SampleEntry(iteration, epoch, validation, now.temperature(), "", text));
            }
        });
    }

    @Override
    public void onEvaluationStarted(long iteration) {
        if (detached) {
            return;
        }
        events.stateChanged(RunState.EVALUATING, null);
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        if (detached) {
            return;
        }
        lastValidation = evaluation.natsPerSymbol();
        events.evaluated(evaluation.iteration(), (double) evaluation.iteration() / batchesPerEpoch,
                evaluation.natsPerSymbol());
        events.stateChanged(trainer.state() == Trainer.State.PAUSED ? RunState.PAUSED : RunState.TRAINING, null);
    }

    @Override
    public void onRecovery(Recovery recovery) {
        if (detached) {
            return;
        }
        // a single step that failed leaves the run paused: the state must say so, or Step stays disabled
        RunState now = trainer.state() == Trainer.State.PAUSED ? RunState.PAUSED : RunState.TRAINING;
        events.stateChanged(now, String.format(Locale.ROOT,
                "iteration %,d: weights, loss or gradients were not finite; went back to the last good weights and "
                        + "halved the learning rate (now ×%s)", recovery.iteration() + 1,
                // a power of ½: 0.5, 0.25, 0.125, 0.0625, 0.0313 rather than 0.500 or 9.765625E-4
                new BigDecimal(recovery.learningRateScale()).round(new MathContext(3))
                        .stripTrailingZeros().toPlainString()));
    }

    @Override
    public void onStateChanged(Trainer.State state, long iteration) {
        if (detached) {
            return;
        }
        switch (state) {
            case RUNNING -> events.stateChanged(RunState.TRAINING, null);
            case PAUSED -> events.stateChanged(RunState.PAUSED, null);
            default -> { } // STOPPED: onStopped says why
        }
    }

    @Override
    public void onStopped(Stop stop) {
        if (detached) {
            return;
        }
        boolean failed = stop.reason() == Stop.Reason.DIVERGED || stop.reason() == Stop.Reason.ERROR;
        events.stateChanged(failed ? RunState.FAILED : RunState.STOPPED, stop.message());
    }
}
