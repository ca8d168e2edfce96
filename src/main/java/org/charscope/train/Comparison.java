package org.charscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.charscope.model.Cell;
import org.charscope.model.LstmConfig;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;

/**
 * Trains one configuration for a fixed budget of training time and keeps what a side-by-side
 * comparison needs (issue 8): the validation curve against iterations and minutes, the training
 * speed, the best score and when it came, and a seeded sample at the end. Runs on the calling
 * thread, which waits for the trainer's own.
 *
 * <p>Scores are per character of the original text: bits per character, the one unit in which
 * models with different cells (or, later, different tokens) can be compared.
 */
public final class Comparison {

    /** One validation score of the curve. */
    public record Point(long iteration, double minutes, double bitsPerChar) {
    }

    /** What the model wrote at an iteration (same seed and settings at every iteration, for every model). */
    public record Sample(long iteration, String text) {
    }

    /**
     * What one configuration did.
     *
     * @param name              how the table calls it, e.g. "gru 2×160"
     * @param parameters        trainable values
     * @param iterations        iterations trained in the budget
     * @param charsPerSecond    median training speed over the progress reports
     * @param bestBitsPerChar   lowest validation score
     * @param minutesToBest     training minutes at which it came
     * @param curve             every validation score, in order
     * @param sample            a seeded sample of the final model
     * @param samples           a sample at each validation score, the final one last, in order of iteration
     * @param windowed          trained on windows that predict their next symbol (scored the same way)
     */
    public record Result(String name, LstmConfig model, long parameters, long iterations, double charsPerSecond,
                         double bestBitsPerChar, double minutesToBest, List<Point> curve, String sample,
                         List<Sample> samples, boolean windowed) {
        public Result {
            curve = List.copyOf(curve);
            samples = List.copyOf(samples);
        }

        /** The sample at {@code iteration}, or null if none was drawn there. */
        public String sampleAt(long iteration) {
            for (Sample s : samples) {
                if (s.iteration() == iteration) {
                    return s.text();
                }
            }
            return null;
        }
    }

    /**
     * The model a comparison trains for {@code cell}: the reference LSTM's shape with that cell,
     * widened to about the reference's parameter count when {@code equalParameters}.
     */
    public static LstmConfig contender(LstmConfig reference, Cell cell, boolean equalParameters) {
        LstmConfig model = reference.withCell(cell);
        return equalParameters && cell != Cell.LSTM
                ? model.withHidden(cell.hiddenForParameters(reference)) : model;
    }

    /** How the table names a run: "gru 2×152", "lstm 2×128 window 100" ({@code window} 0: stateful). */
    public static String name(LstmConfig model, int window) {
        return name(model, window, false);
    }

    /** The same, "lstm 2×128 words" for a model that reads words, "lstm 2×128 bi-window 100" for a bidirectional one. */
    public static String name(LstmConfig model, int window, boolean words) {
        return String.format(Locale.ROOT, "%s %d×%d%s%s", model.cell().id(), model.layers(), model.hidden(),
                words ? " words" : "", window > 0 ? (model.bidirectional() ? " bi-window " : " window ") + window : "");
    }

    private volatile Trainer trainer;
    private volatile boolean cancelled;

    /** Trains and returns, on the calling thread; {@link #run(String, LstmConfig, TrainingConfig, TrainingData,
     * SampleSettings, java.util.function.Consumer)} for live points and {@link #cancel}. */
    public static Result run(String name, LstmConfig model, TrainingConfig config, TrainingData data,
                             SampleSettings sample) throws InterruptedException {
        return new Comparison().run(name, model, config, data, sample, p -> { });
    }

    /** Stops the run now (from any thread); {@link #run} then returns what it had, or null before it began. */
    public void cancel() {
        cancelled = true;
        Trainer t = trainer;
        if (t != null) {
            t.stop();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /**
     * @param config   training settings; its time limit is the budget (and an iteration limit, if any, also applies)
     * @param sample   how to draw the final sample
     * @param onPoint  hears each validation score as it comes, on the training thread
     * @return what the run did, or null if it was cancelled before it began
     */
    public Result run(String name, LstmConfig model, TrainingConfig config, TrainingData data,
                      SampleSettings sample, Consumer<Point> onPoint) throws InterruptedException {
        Trainer trainer = new Trainer(model, config, data);
        this.trainer = trainer;
        if (cancelled) {
            return null;
        }
        List<Point> curve = new ArrayList<>();
        Map<Long, String> samples = new ConcurrentSkipListMap<>();
        List<Double> speeds = new ArrayList<>();
        long[] lastMillis = new long[1];
        trainer.addListener(new TrainingListener() {
            @Override
            public synchronized void onProgress(Progress p) {
                lastMillis[0] = p.trainingMillis();
                speeds.add(p.symbolsPerSecond());
            }

            @Override
            public synchronized void onEvaluation(Evaluation e) {
                Point point = new Point(e.iteration(), lastMillis[0] / 60_000.0, e.bitsPerCharacter());
                curve.add(point);
                onPoint.accept(point);
                // drawn between this iteration and the next (not counted as training time); one the
                // stop overtakes is replaced by the final sample below
                trainer.sample("", sample, null).thenAccept(text -> samples.put(e.iteration(), text));
            }
        });
        trainer.start();
        Stop stop = trainer.awaitStop(Long.MAX_VALUE, TimeUnit.DAYS);
        if (stop.reason() == Stop.Reason.ERROR || stop.reason() == Stop.Reason.DIVERGED) {
            throw new IllegalStateException(name + ": " + stop.message());
        }
        TrainingRun run = trainer.finalRun();
        // the score at the very end, unless the last evaluation already was at the last iteration
        if (curve.isEmpty() || curve.get(curve.size() - 1).iteration() != run.iteration()) {
            double[] loss = config.windowed()
                    ? Evaluator.meanLossOfWindows(run.newModel(), data.validation(), config.seqLength(), config.batchSize(),
                            data.validationCosts())
                    : Evaluator.meanLoss(run.newModel(), data.validation(), config.seqLength(), config.batchSize(),
                            data.validationCosts());
            Point last = new Point(run.iteration(), run.trainingMillis() / 60_000.0, loss[2] / Math.log(2)); // per character
            curve.add(last);
            onPoint.accept(last);
        }
        Point best = curve.get(0);
        for (Point p : curve) {
            if (p.bitsPerChar() < best.bitsPerChar()) {
                best = p;
            }
        }
        String text = data.vocabulary().decode(Sampler.sample(run.newModel(), new int[0], sample, null,
                run.seqLength()));
        samples.put(run.iteration(), text);
        List<Sample> drawn = new ArrayList<>();
        samples.forEach((iteration, t) -> drawn.add(new Sample(iteration, t)));
        // the first report carries the warm-up (JIT, first allocations): left out when there are others
        List<Double> steady = speeds.size() > 1 ? speeds.subList(1, speeds.size()) : speeds;
        double symbolsPerSecond = !steady.isEmpty() ? median(steady)   // fewer iterations than one report: the whole run's mean
                : run.trainingMillis() > 0 ? run.iteration() * (double) config.seqLength() * config.batchSize()
                        / (run.trainingMillis() / 1000.0) : 0;
        double speed = symbolsPerSecond * data.charactersPerSymbol();   // characters of the text, whatever the tokens
        return new Result(name, model, model.parameterCount(), run.iteration(), speed, best.bitsPerChar(),
                best.minutes(), curve, text, drawn, config.windowed());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
