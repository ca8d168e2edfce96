package org.charscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.charscope.history.SnapshotRecorder;
import org.charscope.io.Failures;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.Preset;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.text.Corpus;
import org.charscope.text.WordVocabulary;
import org.charscope.train.Checkpoint;
import org.charscope.train.Evaluation;
import org.charscope.train.IterationHook;
import org.charscope.train.Progress;
import org.charscope.train.Recovery;
import org.charscope.train.RunSettings;
import org.charscope.train.Stop;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingListener;
import org.charscope.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code charscope train FILE... --out MODEL.zip}: trains on a server or in a script, printing
 * progress and writing checkpoints as it goes (atomically: the last good one always opens).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a character LSTM on text files, printing progress and saving checkpoints to --out.")
final class TrainCommand implements Callable<Integer> {

    /** How long Ctrl+C waits for the last checkpoint to be written (a large model takes a second). */
    private static final long SAVE_ON_INTERRUPT_SECONDS = 60;

    /** Put into the training loop: none, except in a trial that injects faults. */
    private final IterationHook hook;

    TrainCommand() {
        this(IterationHook.NONE);
    }

    TrainCommand(IterationHook hook) {
        this.hook = hook;
    }

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Where to save the model.")
    Path modelFile;

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|medium|large",
            description = "small (2×128), medium (2×256), large (2×512); default ${DEFAULT-VALUE}.")
    Preset preset;

    @Option(names = "--cell", paramLabel = "lstm|gru|rnn",
            description = "lstm (default), gru or rnn: the recurrent cell of every layer.") Cell cell;
    @Option(names = "--mode", paramLabel = "stateful|window", description = "stateful (default: the state carries "
            + "through consecutive stretches of the text, char-rnn) or window (independent windows that each predict "
            + "the next symbol).") Mode mode = Mode.STATEFUL;
    @Option(names = "--window", description = "Symbols per window in --mode window (default 100).") Integer window;
    @Option(names = "--bidirectional", description = "With --mode window: the first layer also reads each window "
            + "backwards, and the second reads both directions (needs 2 layers or more, characters).") boolean bidirectional;
    @Option(names = "--layers") Integer layers;
    @Option(names = "--hidden") Integer hidden;
    @Option(names = "--seq", description = "Steps of backpropagation through time per batch.") Integer seq;
    @Option(names = "--batch") Integer batch;
    @Option(names = "--lr", description = "Adam's learning rate.") Double learningRate;
    @Option(names = "--dropout") Double dropout;
    @Option(names = "--clip", description = "Clip the global gradient norm at this (0: off).") Double clip;
    @Option(names = "--seed") Long seed;
    @Option(names = "--schedule", paramLabel = "constant|step|cosine",
            description = "How the learning rate changes: constant (default), step (halved every 2,000 iterations) or "
                    + "cosine (down to a tenth over --iterations, or over --decay-iterations).")
    LearningRateSchedule.Kind schedule = LearningRateSchedule.Kind.CONSTANT;
    @Option(names = "--decay-iterations", paramLabel = "N",
            description = "With --schedule cosine: the iteration at which the rate reaches its floor.") Long decayIterations;

    @CommandLine.ArgGroup(exclusive = true)
    Limit limit = new Limit();

    static final class Limit {
        @Option(names = "--iterations", description = "Stop when the model has trained this many iterations in all (default 2000).")
        Long iterations;
        @Option(names = "--minutes", description = "Stop after this many minutes of training in this run.")
        Double minutes;
    }

    @Option(names = "--tokens", paramLabel = "chars|words",
            description = "What the model reads: characters (default) or words and punctuation with a learned embedding.")
    TokenLevel tokens = TokenLevel.CHARS;

    @Option(names = "--words", defaultValue = "10000", paramLabel = "N",
            description = "With --tokens words: the most tokens the vocabulary keeps, the rest read as unknown (default ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--resume", paramLabel = "MODEL.zip", description = "Continue this saved run exactly where it stopped.")
    Path resume;

    @Option(names = "--evaluate-every", defaultValue = "200", description = "Iterations between validation scores (default ${DEFAULT-VALUE}).")
    int evaluateEvery;

    @Option(names = "--report-every", defaultValue = "10", description = "Iterations between progress lines (default ${DEFAULT-VALUE}).")
    int reportEvery;

    @Option(names = "--checkpoint-minutes", defaultValue = "5", description = "Minutes between checkpoints (default ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Mixin
    TextOptionsMixin textOptions;

    @Mixin
    SnapshotOptions snapshots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RunSettings settings = settings();
        long iterations = limit.iterations != null ? limit.iterations : limit.minutes != null ? 0 : 2000;
        long millis = limit.minutes != null ? (long) (limit.minutes * 60_000) : 0;
        TrainingConfig config;
        try {
            config = settings.training().withIntervals(reportEvery, evaluateEvery).withLimits(iterations, millis);
            config = config.withOptimizer(config.optimizer().withSchedule(Schedules.of(schedule, decayIterations, iterations)));
            config = mode.apply(config, window);
            TokenLevel.checkMaxWords(maxWords);
            if (bidirectional && !config.windowed()) {
                throw new IllegalArgumentException("--bidirectional needs --mode window");
            }
            if (bidirectional && tokens == TokenLevel.WORDS) {
                throw new IllegalArgumentException("--bidirectional reads characters: not with --tokens words");
            }
            if (bidirectional) {
                settings.model(2).withBidirectional(true);   // the shape's own checks (a second layer)
            }
            snapshots.check();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String unwritable = cannotWrite(modelFile);
        if (unwritable != null) {
            err.println("charscope train: cannot save to " + modelFile + ": " + unwritable);
            return ExitCode.BAD_INPUT;
        }
        TokenLevel.Prepared text;
        TrainingRun resumed = null;
        var book = (Book) null;
        try {
            book = ModelFile.book(files);
            text = tokens.prepare(book, textOptions.toOptions(spec), config.seqLength() * config.batchSize() + 1, maxWords);
            if (resume != null) {
                resumed = ModelFile.read(resume);
                if (resumed.isSnapshot()) {
                    throw new ModelFile.BadInput(resume.getFileName() + " is a snapshot (weights only, without the "
                            + "optimizer's state); resume from the model file instead");
                }
            }
        } catch (ModelFile.BadInput | BadTextException e) {
            err.println("charscope train: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        TrainingData data = text.data();
        Trainer trainer;
        try {
            trainer = resumed == null
                    ? new Trainer(tokens.model(settings.model(data.vocabulary().size())).withBidirectional(bidirectional),
                            config, data)
                    : Trainer.resume(resumed, config, data);
        } catch (IllegalArgumentException e) {
            err.println("charscope train: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        trainer.installHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "training %s: %s; %d × %d%s, %s %d, batch %d%s%n",
                book.displayName(), text.summary(),
                trainer.modelConfig().layers(), trainer.modelConfig().hidden(),
                trainer.modelConfig().cell() == Cell.LSTM ? "" : " " + trainer.modelConfig().cell(),
                trainer.config().windowed() ? trainer.modelConfig().bidirectional() ? "bidirectional, windows of"
                        : "windows of" : "seq", trainer.config().seqLength(),
                trainer.config().batchSize(), resumed == null ? "" : String.format(Locale.ROOT,
                        "; resuming at iteration %,d", resumed.iteration()));
        out.flush();
        SnapshotRecorder recorder = snapshots.attach(trainer, modelFile, data, out, err);
        trainer.addListener(new Reporter(out, iterations, data.vocabulary() instanceof WordVocabulary ? "words" : "chars"));
        // Ctrl+C (or kill): stop, and hold the JVM open until the main thread below has saved; a hook
        // that only asked to stop would let the JVM halt in the middle of the last checkpoint.
        CountDownLatch saved = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            trainer.stop();
            try {
                saved.await(SAVE_ON_INTERRUPT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "charscope-stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return trainUntilStopped(trainer, recorder, out, err);
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is already running, and now lets the JVM end
            }
        }
    }

    /** @param recorder  keeps the snapshots; null when none were asked for */
    private int trainUntilStopped(Trainer trainer, SnapshotRecorder recorder, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        trainer.start();
        Stop stop;
        long checkpointNanos = (long) (checkpointMinutes * 60e9);
        CompletableFuture<?> periodic = CompletableFuture.completedFuture(null);
        while ((stop = trainer.awaitStop(checkpointNanos, TimeUnit.NANOSECONDS)) == null) {
            if (!periodic.isDone()) {
                continue; // the last one is still being written (a slow disk): no second writer beside it
            }
            periodic = trainer.saveCheckpoint(modelFile).whenComplete((file, failure) -> {
                if (failure != null) {
                    err.println("charscope train: could not save the checkpoint (training goes on): "
                            + Failures.oneLine(failure));
                }
            });
        }
        // a periodic save still being written would otherwise land after the final one, older over newer
        periodic.handle((file, failure) -> null).join();
        String kept = recorder == null ? null : SnapshotOptions.finish(recorder);   // the last one written first
        TrainingRun last = trainer.finalRun();
        if (last != null) {
            try {
                Checkpoint.write(modelFile, last);
            } catch (IOException e) {
                out.printf(Locale.ROOT, "%s%n", stop.message());
                out.flush();
                err.println("charscope train: could not save " + modelFile + ": " + Failures.oneLine(e));
                return 1;
            }
        }
        out.printf(Locale.ROOT, "%s; saved %s%s%n", stop.message(), modelFile, kept == null ? "" : "; " + kept);
        out.flush();
        return stop.reason() == Stop.Reason.DIVERGED || stop.reason() == Stop.Reason.ERROR ? 1 : ExitCode.OK;
    }

    /**
     * Why the model could not be saved where asked (a read-only or missing folder), found before
     * training rather than at the end of a night's run; null when a file can be made there.
     */
    static String cannotWrite(Path modelFile) {
        Path folder = modelFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".charscope-write-test.", ".tmp"));
            return null;
        } catch (IOException | RuntimeException e) {
            return Failures.oneLine(e);
        }
    }

    /** The preset's settings with the values given; a value out of its range is a usage error (exit 2). */
    private RunSettings settings() {
        RunSettings base = RunSettings.of(preset);
        RunSettings s = new RunSettings(null, or(layers, base.layers()), or(hidden, base.hidden()),
                or(dropout, base.dropout()), or(seq, base.seqLength()), or(batch, base.batchSize()),
                or(learningRate, base.learningRate()), base.schedule(), or(clip, base.clip()),
                seed != null ? seed : base.seed(), base.sampleEvery(), evaluateEvery, base.sampleLength(),
                base.temperature(), 0, cell != null ? cell : base.cell(), base.snapshotEvery());
        String problem = s.check();
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return s;
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }

    /** Prints progress lines from the training thread. */
    private static final class Reporter implements TrainingListener {
        private final PrintWriter out;
        private final long planned;
        private final String unit;   // what the model reads: chars or words
        private double lastValidation = Double.NaN;

        Reporter(PrintWriter out, long planned, String unit) {
            this.out = out;
            this.planned = planned;
            this.unit = unit;
        }

        @Override
        public void onProgress(Progress p) {
            String eta = "";
            if (planned > 0 && p.iteration() > 0 && p.trainingMillis() > 0) {
                long left = (long) ((double) p.trainingMillis() / p.iteration() * (planned - p.iteration()));
                eta = String.format(Locale.ROOT, "  ETA %d:%02d", left / 60_000, left / 1000 % 60);
            }
            out.printf(Locale.ROOT, "iter %,7d  epoch %6.2f  loss %.4f  val %s  %,8.0f " + unit + "/s  grad %.2f%s%n",
                    p.iteration(), p.epoch(), p.meanLoss(),
                    Double.isNaN(lastValidation) ? "  -   " : String.format(Locale.ROOT, "%.4f", lastValidation),
                    p.symbolsPerSecond(), p.gradientNorm(), eta);
            out.flush();
        }

        @Override
        public void onEvaluation(Evaluation e) {
            lastValidation = e.natsPerCharacter();
            // per character of the text, whatever the model reads; perplexity per symbol it predicts
            out.printf(Locale.ROOT, "validation at iteration %,d: %.4f nats/char, %.4f bits/char, perplexity %.3f%n",
                    e.iteration(), e.natsPerCharacter(), e.bitsPerCharacter(), e.perplexity());
            out.flush();
        }

        @Override
        public void onRecovery(Recovery r) {
            out.printf(Locale.ROOT, "iteration %,d: weights, loss or gradients not finite; restored the last good weights, "
                    + "learning rate now ×%.3g%n", r.iteration() + 1, r.learningRateScale());
            out.flush();
        }
    }
}
