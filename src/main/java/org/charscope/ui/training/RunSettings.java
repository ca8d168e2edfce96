package org.charscope.ui.training;

import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.Preset;
import org.charscope.model.SampleSettings;
import org.charscope.train.TrainingConfig;

/**
 * Everything the settings panel decides, as plain values; the engine's own records check them
 * ({@link #check()} builds those and reports the first refusal).
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
 */
public record RunSettings(Preset preset, int layers, int hidden, double dropout, int seqLength, int batchSize,
                          double learningRate, LearningRateSchedule.Kind schedule, double clip, long seed,
                          int sampleEvery, int evaluateEvery, int sampleLength, double temperature,
                          long plannedIterations, Cell cell) {

    public static final int MAX_SAMPLE_LENGTH = 10_000;

    /** A preset's model and batch shape, with the dashboard's sampling defaults. */
    public static RunSettings of(Preset preset) {
        LstmConfig model = preset.model(2);
        return new RunSettings(preset, model.layers(), model.hidden(), model.dropout(), preset.seqLength(),
                preset.batchSize(), preset.learningRate(), LearningRateSchedule.Kind.CONSTANT, 5.0, 1,
                100, 200, 300, 0.8, 20_000, Cell.LSTM);
    }

    /** The settings a saved run was trained with, keeping the sampling choices of {@code current}. */
    public static RunSettings of(org.charscope.train.TrainingRun run, RunSettings current) {
        LstmConfig model = run.model();
        return new RunSettings(null, model.layers(), model.hidden(), model.dropout(), run.seqLength(), run.batchSize(),
                run.optimizerConfig().learningRate(), run.optimizerConfig().schedule().kind(),
                run.optimizerConfig().clipNorm(), run.seed(), current.sampleEvery(), current.evaluateEvery(),
                current.sampleLength(), current.temperature(), Math.max(current.plannedIterations(), run.iteration()),
                model.cell());
    }

    public static RunSettings defaults() {
        return of(Preset.SMALL);
    }

    /** The same settings with another cell. */
    public RunSettings withCell(Cell cell) {
        return new RunSettings(preset, layers, hidden, dropout, seqLength, batchSize, learningRate, schedule, clip, seed,
                sampleEvery, evaluateEvery, sampleLength, temperature, plannedIterations, cell);
    }

    /** The model for a text's vocabulary. */
    public LstmConfig model(int vocabSize) {
        return new LstmConfig(vocabSize, layers, hidden, 0, dropout, Precision.FLOAT, cell);
    }

    /** How to train: one report per iteration, so the chart keeps every loss. */
    public TrainingConfig training() {
        LearningRateSchedule rate = LearningRateSchedule.of(schedule, Math.max(1, plannedIterations));
        OptimizerConfig optimizer = OptimizerConfig.adam(learningRate).withClipNorm(clip).withSchedule(rate);
        return new TrainingConfig(seqLength, batchSize, optimizer, seed, 1, evaluateEvery, plannedIterations, 0, 5);
    }

    /** How the timeline's samples are drawn at an iteration (a seed per iteration: repeatable). */
    public SampleSettings sampling(long iteration) {
        return SampleSettings.defaults().withLength(sampleLength).withTemperature(temperature).withSeed(seed + iteration);
    }

    /** Null when every value is acceptable, else the first problem as one line. */
    public String check() {
        try {
            model(2);
            training();
            sampling(0);
            if (sampleEvery < 1) {
                return "sample every must be at least 1 iteration";
            }
            if (sampleLength < 1 || sampleLength > MAX_SAMPLE_LENGTH) {
                return "sample length must be 1 to " + MAX_SAMPLE_LENGTH;
            }
            if (schedule == LearningRateSchedule.Kind.COSINE && plannedIterations < 1) {
                return "a cosine schedule needs planned iterations";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Whether going from {@code other} to these settings needs a new model (the rest apply as they are). */
    public boolean needsNewModel(RunSettings other) {
        return layers != other.layers || hidden != other.hidden || dropout != other.dropout
                || seqLength != other.seqLength || batchSize != other.batchSize || learningRate != other.learningRate
                || schedule != other.schedule || clip != other.clip || seed != other.seed
                || evaluateEvery != other.evaluateEvery || plannedIterations != other.plannedIterations
                || cell != other.cell;
    }
}
