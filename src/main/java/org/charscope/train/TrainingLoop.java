package org.charscope.train;

import java.util.ArrayList;
import java.util.List;
import org.charscope.model.Batch;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.LstmState;
import org.charscope.model.Optimizer;
import org.charscope.text.BatchSource;
import org.charscope.text.Batches;
import org.charscope.text.WindowBatches;

/**
 * One model learning one text, an iteration per {@link #step()}, on the single thread that calls
 * it and owns every INDArray in it ({@link Trainer} gives it a thread of its own; tests call
 * {@link #step()} directly). An iteration reads top to bottom, as nanoGPT's loop does:
 * <pre>
 *   batch → forward + loss + backward → clip → check → update (or undo) → report → evaluate
 * </pre>
 * An iteration whose weights, loss or gradient norm is not finite is undone instead of applied:
 * weights, optimizer moments and hidden state go back to what they were before it
 * ({@link LastGood}), the learning rate is halved (and doubled again after
 * {@link #RESTORE_RATE_AFTER} good iterations in a row), and the listener hears of it; after
 * {@link TrainingConfig#maxFailures()} failures in a row the loop asks to stop.
 */
final class TrainingLoop {

    /**
     * Good iterations in a row after which a halved learning rate doubles again (up to the
     * scheduled one): a fault that does not come back (a bad batch, a flipped bit) should not slow
     * the rest of a night's run, while one that keeps coming keeps the rate down.
     */
    static final int RESTORE_RATE_AFTER = 200;

    private final LstmConfig modelConfig;
    private final TrainingConfig config;
    private final TrainingData data;
    private final TrainingListener listener;
    private volatile IterationHook hook = IterationHook.NONE;

    private final CharLstm model;
    private final Optimizer optimizer;
    private final LstmState trainState;    // carried from batch to batch, reset at each epoch start
    private final BatchSource batches;
    private final Batch batch;             // refilled in place every iteration
    private final LastGood lastGood;
    private final ProgressWindow window = new ProgressWindow();

    private volatile long iteration;       // iterations completed; read by other threads
    private double learningRateScale = 1;
    private int failuresInARow;
    private long goodInARow;               // finite iterations since the last failure
    private final List<Float> losses = new ArrayList<>();   // one per iteration, NaN for a failed one
    private final List<Evaluation> evaluations = new ArrayList<>();
    private long trainingNanos;            // this run
    private long priorTrainingMillis;      // runs before a resume

    /**
     * A new model, or the one saved in {@code resumeFrom} (may be null) exactly where it stopped.
     *
     * @param listener  hears the loop's reports, on the calling thread
     */
    TrainingLoop(LstmConfig modelConfig, TrainingConfig config, TrainingData data, TrainingRun resumeFrom,
                 TrainingListener listener) {
        this.modelConfig = modelConfig;
        this.config = config;
        this.data = data;
        this.listener = listener;
        model = new CharLstm(modelConfig, config.seed());
        if (resumeFrom != null) {
            model.setParameters(resumeFrom.parameters());
        }
        optimizer = new Optimizer(config.optimizer(), model);
        if (resumeFrom != null && !resumeFrom.isSnapshot()) {   // a snapshot is only looked at (Trainer.withoutText)
            optimizer.restore(resumeFrom.firstMoment(), resumeFrom.secondMoment(), resumeFrom.optimizerSteps());
        }
        trainState = model.newState(config.batchSize());
        batches = config.windowed()
                ? new WindowBatches(data.train(), config.batchSize(), config.seqLength(), config.seed())
                : new Batches(data.train(), config.batchSize(), config.seqLength());
        if (resumeFrom != null) {
            continueFrom(resumeFrom);
        }
        batch = config.windowed() ? Batch.allocateWindows(config.seqLength(), config.batchSize())
                : Batch.allocate(config.seqLength(), config.batchSize());
        lastGood = new LastGood(model, optimizer, config.optimizer(), config.batchSize());
    }

    /** The counters and history of a saved run (its weights and moments are already in place). */
    private void continueFrom(TrainingRun run) {
        trainState.setFloats(run.hiddenState());
        batches.seek(run.batchPosition());
        iteration = run.iteration();
        learningRateScale = run.learningRateScale();
        goodInARow = finiteSinceLastFailure(run.losses());
        for (float loss : run.losses()) {
            losses.add(loss);
        }
        evaluations.addAll(run.evaluations());
        priorTrainingMillis = run.trainingMillis();
    }

    /** From now on each iteration passes through {@code hook} (tests and trials; production has none). */
    void install(IterationHook hook) {
        this.hook = hook;
    }

    CharLstm model() {
        return model;
    }

    /** Iterations completed; any thread. */
    long iteration() {
        return iteration;
    }

    /** One iteration; a reason when training must stop after it, else null. */
    Stop step() {
        long start = System.nanoTime();
        nextBatch();
        double learningRate = config.optimizer().learningRate(iteration) * learningRateScale;
        IterationHook hook = this.hook;
        hook.beforeForward(iteration, model.parameters());
        // A non-finite weight that this batch does not use (the input row of a symbol it lacks)
        // leaves the loss finite; kept as the "last good" weights it would fail every later batch
        // that has the symbol. So the weights themselves are checked too: one reduction, under 0.1%
        // of an iteration. (A sum is finite exactly when every weight is, short of weights ~1e32.)
        boolean weightsFinite = Double.isFinite(model.parameters().sumNumber().doubleValue());
        double loss = hook.afterBackward(iteration, model.forwardBackward(batch, trainState, config.seed(), iteration),
                model.gradients());
        double norm = optimizer.clipGradients(model);
        boolean finite = weightsFinite && Double.isFinite(loss) && Double.isFinite(norm);
        if (finite) {
            update(learningRate);
        } else {
            undo();
        }
        count(finite, loss, System.nanoTime() - start);
        if (!finite) {
            Stop diverged = recover(loss, norm);
            if (diverged != null) {
                return diverged;
            }
        }
        report(loss, norm, learningRate);
        if (config.evaluateEvery() > 0 && iteration % config.evaluateEvery() == 0) {
            evaluate();
        }
        return limitReached();
    }

    /** The next batch into {@link #batch}; a new epoch starts from a zero hidden state. */
    private void nextBatch() {
        if (batches.atEpochStart()) {
            trainState.reset();
        }
        lastGood.keepState(trainState);
        batches.next(batch.inputs(), batch.targets());
    }

    /** Keeps the weights as the last good ones, then applies the clipped gradients. */
    private void update(double learningRate) {
        lastGood.keepWeights(model, optimizer);
        optimizer.update(model, learningRate);
        failuresInARow = 0;
        goodInARow++;
        if (learningRateScale < 1 && goodInARow % RESTORE_RATE_AFTER == 0) {
            learningRateScale = Math.min(1, 2 * learningRateScale);
        }
    }

    /** Back to the last good weights, moments and hidden state, at half the learning rate. */
    private void undo() {
        lastGood.restore(model, optimizer, trainState);
        learningRateScale *= 0.5;
        failuresInARow++;
        goodInARow = 0;
    }

    private void count(boolean finite, double loss, long elapsedNanos) {
        losses.add(finite ? (float) loss : Float.NaN);
        iteration++;
        trainingNanos += elapsedNanos;
        window.add(elapsedNanos, finite, loss);
    }

    /** Tells of the failed iteration; a reason to stop when it is one failure too many in a row. */
    private Stop recover(double loss, double norm) {
        listener.onRecovery(new Recovery(iteration - 1, loss, norm, learningRateScale, failuresInARow));
        if (failuresInARow >= config.maxFailures()) {
            return new Stop(Stop.Reason.DIVERGED, "stopped after " + failuresInARow
                    + " iterations in a row with non-finite weights, loss or gradients, even at "
                    + learningRateScale + " × the learning rate; try a lower learning rate", iteration);
        }
        return null;
    }

    /** Every {@link TrainingConfig#reportEvery()} iterations, what the window since the last report looked like. */
    private void report(double loss, double norm, double learningRate) {
        if (iteration % config.reportEvery() == 0) {
            listener.onProgress(window.close(iteration, batches.epoch(), loss, norm, batch.size(), learningRate,
                    trainingMillis()));
        }
    }

    private Stop limitReached() {
        if (config.maxIterations() > 0 && iteration >= config.maxIterations()) {
            return new Stop(Stop.Reason.ITERATION_LIMIT, "reached " + iteration + " iterations", iteration);
        }
        if (config.maxMillis() > 0 && trainingNanos / 1_000_000 >= config.maxMillis()) {
            return new Stop(Stop.Reason.TIME_LIMIT, "reached the time limit at iteration " + iteration, iteration);
        }
        return null;
    }

    /**
     * Scores the whole validation split now and tells the listener (before, since it takes a while
     * on a large text, and after); kept in the run's history unless the split was empty.
     */
    Evaluation evaluate() {
        listener.onEvaluationStarted(iteration);
        long start = System.nanoTime();
        double[] result = config.windowed()
                ? Evaluator.meanLossOfWindows(model, data.validation(), config.seqLength(), config.batchSize(),
                        data.validationCosts())
                : Evaluator.meanLoss(model, data.validation(), config.seqLength(), config.batchSize(),
                        data.validationCosts());
        Evaluation evaluation = new Evaluation(iteration, result[0], (long) result[1],
                (System.nanoTime() - start) / 1_000_000, result[2]);
        if (result[1] > 0) {
            evaluations.add(evaluation);
            listener.onEvaluation(evaluation);
        }
        return evaluation;
    }

    /** A copy of everything needed to continue this run later, as plain Java (for a checkpoint). */
    TrainingRun capture() {
        return captured(optimizer.firstMomentToFloats(), optimizer.secondMomentToFloats());
    }

    /**
     * The weights and hidden state now, with the counters and history, without the optimizer's
     * moments (a snapshot: {@link TrainingRun#isSnapshot()}): a third of {@link #capture()}'s copying.
     */
    TrainingRun captureWeights() {
        return captured(null, null);
    }

    private TrainingRun captured(float[] firstMoment, float[] secondMoment) {
        float[] history = new float[losses.size()];
        for (int i = 0; i < history.length; i++) {
            history[i] = losses.get(i);
        }
        return new TrainingRun(modelConfig, config.optimizer(), config.seqLength(), config.batchSize(), config.seed(),
                data.vocabulary(), iteration, batches.position(), batches.epoch(), learningRateScale,
                optimizer.steps(), trainingMillis(), history, List.copyOf(evaluations), model.parametersToFloats(),
                firstMoment, secondMoment, trainState.toFloats(), config.windowed());
    }

    private long trainingMillis() {
        return priorTrainingMillis + trainingNanos / 1_000_000;
    }

    /** Iterations at the end of {@code losses} since its last NaN (a failed iteration). */
    private static long finiteSinceLastFailure(float[] losses) {
        long n = 0;
        for (int i = losses.length - 1; i >= 0 && !Float.isNaN(losses[i]); i--) {
            n++;
        }
        return n;
    }
}
