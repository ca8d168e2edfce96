package org.charscope.train;

import java.util.List;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.Preset;
import org.charscope.model.SampleSettings;
import org.charscope.model.SettingRange;

/**
 * Everything the settings panel decides, as plain values; the command line's {@code train} and
 * {@code compare} start from it too, and a saved session stores it ({@code session.json} maps
 * it by these component names, so they stay as the first release wrote them).
 * <p>
 * Each value's range is defined once, by the engine record that uses it ({@link LstmConfig#HIDDEN},
 * {@link TrainingConfig#SEQ_LENGTH}, ...): those records must refuse a bad value whoever builds
 * them (a checkpoint, a test, the command line), so they are the one place that cannot be
 * skipped. {@link #check()} and the panel ask the same ranges rather than restating them, and the
 * few values only these settings have (how often and how long the timeline samples) carry their
 * ranges here.
 *
 * @param preset              the preset the values started from, or null once edited by hand
 * @param learningRate        Adam's step size
 * @param schedule            CONSTANT, STEP (×0.5 every 2,000 iterations) or COSINE (over the planned iterations)
 * @param clip                global gradient norm to clip at, 0 for none
 * @param seed                initial weights, dropout masks and samples
 * @param sampleEvery         iterations between samples in the timeline
 * @param evaluateEvery       iterations between validation runs, 0 for never
 * @param sampleLength        characters per sample
 * @param temperature         sampling temperature
 * @param plannedIterations   stop after this many, 0 for no limit (the ETA needs a plan)
 * @param cell                LSTM, GRU or vanilla RNN
 * @param snapshotEvery       the window's snapshots over training: at 0, 25, 50, 100, … below it, then at
 *                            every multiple of it ({@code org.charscope.history.SnapshotSchedule}); a
 *                            session saved before snapshots existed reads 0 here, taken as the default
 */
public record RunSettings(Preset preset, int layers, int hidden, double dropout, int seqLength, int batchSize,
                          double learningRate, LearningRateSchedule.Kind schedule, double clip, long seed,
                          int sampleEvery, int evaluateEvery, int sampleLength, double temperature,
                          long plannedIterations, Cell cell, int snapshotEvery) {

    /** The timeline shows whole samples: ten thousand characters is already pages of text. */
    public static final int MAX_SAMPLE_LENGTH = 10_000;
    public static final SettingRange SAMPLE_LENGTH = SettingRange.of(1, MAX_SAMPLE_LENGTH);
    /** A billion iterations is past any run; the bound keeps the interval an {@code int}. */
    public static final SettingRange SAMPLE_EVERY = SettingRange.of(1, 1e9);
    public static final SettingRange SNAPSHOT_EVERY = SettingRange.of(1, 1e9);
    /** Every 500 iterations: a quote cell grows over a few thousand; the early doubling shows its start. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 500;

    public RunSettings {
        if (snapshotEvery == 0) {   // absent from a session the first release saved
            snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
        }
    }

    /** A preset's model and batch shape, with the dashboard's sampling defaults. */
    public static RunSettings of(Preset preset) {
        LstmConfig model = preset.model(2);
        Preset.Batching batching = preset.batching();
        return new RunSettings(preset, model.layers(), model.hidden(), model.dropout(), batching.seqLength(),
                batching.batchSize(), batching.learningRate(), LearningRateSchedule.Kind.CONSTANT, 5.0, 1,
                100, 200, 300, 0.8, 20_000, Cell.LSTM, DEFAULT_SNAPSHOT_EVERY);
    }

    /** The settings a saved run was trained with, keeping the sampling choices of {@code current}. */
    public static RunSettings of(TrainingRun run, RunSettings current) {
        LstmConfig model = run.model();
        return new RunSettings(null, model.layers(), model.hidden(), model.dropout(), run.seqLength(), run.batchSize(),
                run.optimizerConfig().learningRate(), run.optimizerConfig().schedule().kind(),
                run.optimizerConfig().clipNorm(), run.seed(), current.sampleEvery(), current.evaluateEvery(),
                current.sampleLength(), current.temperature(), Math.max(current.plannedIterations(), run.iteration()),
                model.cell(), current.snapshotEvery());
    }

    public static RunSettings defaults() {
        return of(Preset.SMALL);
    }

    /** The same settings with another cell. */
    public RunSettings withCell(Cell cell) {
        return new RunSettings(preset, layers, hidden, dropout, seqLength, batchSize, learningRate, schedule, clip, seed,
                sampleEvery, evaluateEvery, sampleLength, temperature, plannedIterations, cell, snapshotEvery);
    }

    /** The model for a text's vocabulary. */
    public LstmConfig model(int vocabSize) {
        return new LstmConfig(vocabSize, layers, hidden, 0, dropout, Precision.FLOAT, cell);
    }

    /** How to train: one report per iteration, so the chart keeps every loss. */
    public TrainingConfig training() {
        LearningRateSchedule rate = LearningRateSchedule.of(schedule, Math.max(1, plannedIterations));
        OptimizerConfig optimizer = OptimizerConfig.adam(learningRate).withClipNorm(clip).withSchedule(rate);
        return TrainingConfig.defaults().withBatch(seqLength, batchSize).withOptimizer(optimizer).withSeed(seed)
                .withIntervals(1, evaluateEvery).withLimits(plannedIterations, 0);
    }

    /** How the timeline's samples are drawn at an iteration (a seed per iteration: repeatable). */
    public SampleSettings sampling(long iteration) {
        return SampleSettings.defaults().withLength(sampleLength).withTemperature(temperature).withSeed(seed + iteration);
    }

    /** The same settings, marked as started from {@code preset} (null: edited by hand). */
    public RunSettings withPreset(Preset preset) {
        return new RunSettings(preset, layers, hidden, dropout, seqLength, batchSize, learningRate, schedule, clip, seed,
                sampleEvery, evaluateEvery, sampleLength, temperature, plannedIterations, cell, snapshotEvery);
    }

    /**
     * Null when every value is acceptable, else the first problem as one line ("hidden size must
     * be 16 to 1024, not 5000"): each value against its range, then what no single range can say.
     */
    public String check() {
        if (schedule == null || cell == null) {
            return "a schedule and a cell must be chosen";
        }
        for (Value v : values()) {
            String problem = v.range().problem(v.name(), v.value());
            if (problem != null) {
                return problem;
            }
        }
        if (schedule == LearningRateSchedule.Kind.COSINE && plannedIterations < 1) {
            return "a cosine schedule needs planned iterations";
        }
        return null;
    }

    /** A value with the name its problem is told by, and its range. */
    private record Value(String name, SettingRange range, double value) {
    }

    private List<Value> values() {
        return List.of(new Value("layers", LstmConfig.LAYERS, layers), new Value("hidden size", LstmConfig.HIDDEN, hidden),
                new Value("dropout", LstmConfig.DROPOUT, dropout),
                new Value("sequence length", TrainingConfig.SEQ_LENGTH, seqLength),
                new Value("batch size", TrainingConfig.BATCH_SIZE, batchSize),
                new Value("learning rate", OptimizerConfig.LEARNING_RATE, learningRate),
                new Value("clip norm", OptimizerConfig.CLIP_NORM, clip),
                new Value("evaluate every", TrainingConfig.EVALUATE_EVERY, evaluateEvery),
                new Value("planned iterations", TrainingConfig.MAX_ITERATIONS, plannedIterations),
                new Value("sample every", SAMPLE_EVERY, sampleEvery),
                new Value("sample length", SAMPLE_LENGTH, sampleLength),
                new Value("temperature", SampleSettings.TEMPERATURE, temperature),
                new Value("snapshot every", SNAPSHOT_EVERY, snapshotEvery));
    }

    /**
     * Whether going from {@code other} to these settings needs a new model (the rest apply as they
     * are): what the trainer and its snapshot recorder were built with.
     */
    public boolean needsNewModel(RunSettings other) {
        return layers != other.layers || hidden != other.hidden || dropout != other.dropout
                || seqLength != other.seqLength || batchSize != other.batchSize || learningRate != other.learningRate
                || schedule != other.schedule || clip != other.clip || seed != other.seed
                || evaluateEvery != other.evaluateEvery || plannedIterations != other.plannedIterations
                || cell != other.cell || snapshotEvery != other.snapshotEvery;
    }
}
