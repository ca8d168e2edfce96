package org.charscope.train;

import org.charscope.model.OptimizerConfig;
import org.charscope.model.Preset;
import org.charscope.model.SettingRange;

/**
 * How to train, apart from the model's shape.
 *
 * @param seqLength        steps of backpropagation through time per batch (char-rnn: 50)
 * @param batchSize        rows per batch, each a contiguous stretch of the text (char-rnn: 50)
 * @param optimizer        Adam or RMSProp, learning rate, schedule, clipping
 * @param seed             decides the initial weights and the dropout masks
 * @param reportEvery      iterations between progress snapshots to listeners (N ≥ 1)
 * @param evaluateEvery    iterations between evaluations of the whole validation split, 0 for never (M)
 * @param maxIterations    stop after this many iterations in all, 0 for no limit
 * @param maxMillis        stop after this much training time in this run, 0 for no limit
 * @param maxFailures      stop after this many non-finite iterations in a row (each one restores the
 *                         last good weights and halves the learning rate)
 * @param windowed         train on independent windows of {@code seqLength} symbols that each predict
 *                         the next one ({@link org.charscope.text.WindowBatches}) instead of carrying the
 *                         state through consecutive stretches of the text
 */
public record TrainingConfig(int seqLength, int batchSize, OptimizerConfig optimizer, long seed, int reportEvery,
                             int evaluateEvery, long maxIterations, long maxMillis, int maxFailures, boolean windowed) {

    public static final int MAX_SEQ_LENGTH = 1000;
    public static final int MAX_BATCH_SIZE = 1024;
    public static final SettingRange SEQ_LENGTH = SettingRange.of(1, MAX_SEQ_LENGTH);
    public static final SettingRange BATCH_SIZE = SettingRange.of(1, MAX_BATCH_SIZE);
    /** A billion iterations is past any run; the bound keeps the interval an {@code int}. */
    public static final SettingRange EVALUATE_EVERY = SettingRange.of(0, 1e9).withZeroMeaning("never");
    /** A trillion iterations is past any run; the bound keeps a typing mistake out. */
    public static final SettingRange MAX_ITERATIONS = SettingRange.of(0, 1e12).withZeroMeaning("no limit");
    /** Five non-finite iterations in a row, each halving the rate, and the run is lost: stop. */
    public static final int DEFAULT_MAX_FAILURES = 5;

    public TrainingConfig {
        SEQ_LENGTH.check("sequence length", seqLength);
        BATCH_SIZE.check("batch size", batchSize);
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer settings must be given");
        }
        EVALUATE_EVERY.check("evaluate every", evaluateEvery);
        MAX_ITERATIONS.check("iterations", maxIterations);
        if (reportEvery < 1 || maxMillis < 0 || maxFailures < 1) {
            throw new IllegalArgumentException("report interval and failure limit must be at least 1, other limits at least 0");
        }
    }

    /**
     * The preset's batch shape and Adam at its learning rate; stateful, seed 1, progress every 10
     * iterations, evaluation every 200, no limit, {@link #DEFAULT_MAX_FAILURES}. Change what
     * differs with the {@code with…} methods.
     */
    public static TrainingConfig of(Preset preset) {
        Preset.Batching batching = preset.batching();
        return new TrainingConfig(batching.seqLength(), batching.batchSize(), OptimizerConfig.adam(batching.learningRate()),
                1, 10, 200, 0, 0, DEFAULT_MAX_FAILURES, false);
    }

    /** {@link #of(Preset)} for {@link Preset#SMALL}. */
    public static TrainingConfig defaults() {
        return of(Preset.SMALL);
    }

    /** Windows of {@code window} symbols predicting the next one, or (false) stateful stretches of {@code seqLength}. */
    public TrainingConfig withWindows(boolean windowed) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withBatch(int seqLength, int batchSize) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withOptimizer(OptimizerConfig optimizer) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withSeed(long seed) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withIntervals(int reportEvery, int evaluateEvery) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withLimits(long maxIterations, long maxMillis) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }

    public TrainingConfig withMaxFailures(int maxFailures) {
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, reportEvery, evaluateEvery, maxIterations,
                maxMillis, maxFailures, windowed);
    }
}
