package org.charscope.ui.training;

import java.util.Locale;
import java.util.function.Supplier;
import org.charscope.train.Evaluation;
import org.charscope.train.Recovery;
import org.charscope.train.Stop;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingListener;
import org.charscope.ui.samples.SampleEntry;

/**
 * Turns what the {@link Trainer} reports into the dashboard's events, and asks for a sample
 * every N iterations. Runs on the training thread: it only queues events and requests.
 */
final class TrainerBridge implements TrainingListener {

    private final Trainer trainer;
    private final RunEvents events;
    private final Supplier<RunSettings> settings;
    private final int batchesPerEpoch;
    private volatile double lastValidation = Double.NaN;
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

    @Override
    public void onProgress(org.charscope.train.Progress p) {
        events.progress(new Progress(p.iteration(), p.epoch(), p.loss(), p.gradientNorm(), p.symbolsPerSecond(),
                p.learningRate()));
        RunSettings now = settings.get();
        long bucket = p.iteration() / now.sampleEvery();
        if (bucket > lastSampleBucket) {
            lastSampleBucket = bucket;
            sample(p.iteration(), p.epoch(), now);
        }
    }

    private void sample(long iteration, double epoch, RunSettings now) {
        double validation = lastValidation;
        trainer.sample("", now.sampling(iteration), null).thenAccept(text ->
                events.sampled(new SampleEntry(iteration, epoch, validation, now.temperature(), "", text)));
    }

    @Override
    public void onEvaluationStarted(long iteration) {
        events.stateChanged(RunState.EVALUATING, null);
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        lastValidation = evaluation.natsPerSymbol();
        events.evaluated(evaluation.iteration(), (double) evaluation.iteration() / batchesPerEpoch,
                evaluation.natsPerSymbol());
        events.stateChanged(trainer.state() == Trainer.State.PAUSED ? RunState.PAUSED : RunState.TRAINING, null);
    }

    @Override
    public void onRecovery(Recovery recovery) {
        // a single step that failed leaves the run paused: the state must say so, or Step stays disabled
        RunState now = trainer.state() == Trainer.State.PAUSED ? RunState.PAUSED : RunState.TRAINING;
        events.stateChanged(now, String.format(Locale.ROOT,
                "iteration %,d: weights, loss or gradients were not finite; went back to the last good weights and "
                        + "halved the learning rate (now ×%s)", recovery.iteration() + 1,
                // a power of ½: 0.5, 0.25, 0.125, 0.0625, 0.0313 rather than 0.500 or 9.765625E-4
                new java.math.BigDecimal(recovery.learningRateScale()).round(new java.math.MathContext(3))
                        .stripTrailingZeros().toPlainString()));
    }

    @Override
    public void onStateChanged(Trainer.State state, long iteration) {
        switch (state) {
            case RUNNING -> events.stateChanged(RunState.TRAINING, null);
            case PAUSED -> events.stateChanged(RunState.PAUSED, null);
            default -> { } // STOPPED: onStopped says why
        }
    }

    @Override
    public void onStopped(Stop stop) {
        boolean failed = stop.reason() == Stop.Reason.DIVERGED || stop.reason() == Stop.Reason.ERROR;
        events.stateChanged(failed ? RunState.FAILED : RunState.STOPPED, stop.message());
    }
}
