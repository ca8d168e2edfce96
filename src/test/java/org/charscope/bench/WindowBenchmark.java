package org.charscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.charscope.model.Benchmark;
import org.charscope.model.Preset;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.train.RunSettings;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingData;
import org.charscope.ui.MainWindow;
import org.charscope.ui.book.BookModel;

/**
 * The window benchmark ({@code .ci/bench-window}, started by {@link BenchmarkMain}): with
 * {@code -Dcharscope.bench.seconds=S} the window starts training the preset
 * {@code -Dcharscope.bench.preset} (default medium) on the text it opened, records the FX pulse
 * intervals for S seconds after a warm-up, writes one line of JSON to
 * {@code -Dcharscope.bench.out}, and quits.
 */
final class WindowBenchmark {

    private static final double WARMUP_SECONDS = 15;

    private WindowBenchmark() {
    }

    static boolean requested() {
        return System.getProperty("charscope.bench.seconds") != null;
    }

    /**
     * The same training without a window, for the side-by-side figure: the built-in text, the
     * same preset, the same warm-up and measured seconds, the same JSON (no frames).
     */
    static void headless() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("charscope.bench.seconds"));
        Preset preset = Preset.valueOf(System.getProperty("charscope.bench.preset", "medium").toUpperCase(Locale.ROOT));
        byte[] bytes;
        try (var in = WindowBenchmark.class.getResourceAsStream(BookModel.BUILT_IN_RESOURCE)) {
            bytes = in.readAllBytes();
        }
        var corpus = Corpus.of(new BookReader().read("built-in", bytes), TextOptions.defaults(),
                Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        RunSettings settings = RunSettings.of(preset);
        var config = settings.training().withIntervals(1, 0);
        var trainer = new Trainer(settings.model(corpus.vocabulary().size()), config,
                new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation()));
        trainer.start();
        TrainingSpeed speed = TrainingSpeed.of(trainer, WARMUP_SECONDS, seconds, () -> { });
        trainer.stop();
        System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"seconds\":%.0f,\"frames\":0,\"iterations\":%d,"
                        + "\"charsPerSecond\":%.0f}%n", preset.name().toLowerCase(Locale.ROOT), seconds, speed.iterations(),
                speed.perSecond() * settings.seqLength() * settings.batchSize());
        System.exit(0);
    }

    /**
     * The soak trial's log (.ci/trials/soak): with {@code -Dcharscope.bench.minuteLines=true}, one
     * JSON line a minute: iteration, mean training loss of that minute, resident memory (VmRSS),
     * the frame intervals of that minute and how many passages the explorer has read, which it
     * does every {@code -Dcharscope.bench.explorerEvery} iterations (default 100 here).
     */
    private static void reportEveryMinute(MainWindow window, FrameRecorder frames) {
        if (!Boolean.getBoolean("charscope.bench.minuteLines")) {
            return;
        }
        window.explorer().live().refreshEveryProperty().set(Integer.getInteger("charscope.bench.explorerEvery", 100));
        FrameRecorder minute = new FrameRecorder();
        minute.start();
        int[] reads = new int[1];
        window.explorer().probedProperty().addListener((obs, old, now) -> reads[0]++);
        int[] seen = new int[1];
        long[] minutes = new long[1];
        Timeline everyMinute = new Timeline(new KeyFrame(Duration.minutes(1), e -> {
            var train = window.dashboard().history().train(false);
            double sum = 0;
            int n = 0;
            for (int i = seen[0]; i < train.size(); i++, n++) {
                sum += train.y(i);
            }
            seen[0] = train.size();
            System.out.printf(Locale.ROOT, "{\"minute\":%d,\"iteration\":%d,\"meanLoss\":%.4f,\"rssMb\":%.0f,"
                            + "\"medianFrameMs\":%.2f,\"p99FrameMs\":%.2f,\"explorerReads\":%d}%n", ++minutes[0],
                    window.dashboard().iterationProperty().get(), n == 0 ? Double.NaN : sum / n, Benchmark.memoryMegabytes("VmRSS:"),
                    minute.quantileMillis(0.5), minute.quantileMillis(0.99), reads[0]);
            minute.reset();
        }));
        everyMinute.setCycleCount(Timeline.INDEFINITE);
        everyMinute.play();
    }

    /** The preset's settings as the benchmarks train it: no validation passes and no planned end, so only the measured work runs. */
    static RunSettings settingsFor(Preset preset) {
        RunSettings settings = RunSettings.of(preset);
        return new RunSettings(settings.preset(), settings.layers(), settings.hidden(),
                settings.dropout(), settings.seqLength(), settings.batchSize(), settings.learningRate(),
                settings.schedule(), settings.clip(), settings.seed(), settings.sampleEvery(), 0,
                settings.sampleLength(), settings.temperature(), 0, settings.cell(), settings.snapshotEvery());
    }

    static void run(MainWindow window, BookModel book) {
        double seconds = Double.parseDouble(System.getProperty("charscope.bench.seconds"));
        Preset preset = Preset.valueOf(System.getProperty("charscope.bench.preset", "medium").toUpperCase(Locale.ROOT));
        Path out = Path.of(System.getProperty("charscope.bench.out", "target/window-bench.json"));
        FrameRecorder frames = new FrameRecorder();
        book.corpusProperty().addListener((obs, old, text) -> {
            if (text == null) {
                return;
            }
            window.training().apply(settingsFor(preset));
            window.training().start();
            frames.start();
            reportEveryMinute(window, frames);
            long[] iterationAtStart = new long[1];
            double[] millisAtStart = new double[1];
            Timeline measure = new Timeline(
                    new KeyFrame(Duration.seconds(WARMUP_SECONDS), e -> {
                        frames.reset();
                        iterationAtStart[0] = window.dashboard().iterationProperty().get();
                        millisAtStart[0] = window.dashboard().trainingMillisProperty().get();
                    }),
                    new KeyFrame(Duration.seconds(WARMUP_SECONDS + seconds), e -> {
                        long iterations = window.dashboard().iterationProperty().get() - iterationAtStart[0];
                        double millis = window.dashboard().trainingMillisProperty().get() - millisAtStart[0];
                        RunSettings s = window.training().settingsProperty().get();
                        double charsPerSecond = iterations * (double) s.seqLength() * s.batchSize() / (millis / 1000);
                        String json = String.format(Locale.ROOT,
                                "{\"preset\":\"%s\",\"seconds\":%.0f,\"frames\":%d,\"medianFrameMs\":%.2f,"
                                        + "\"p99FrameMs\":%.2f,\"maxFrameMs\":%.2f,\"iterations\":%d,\"charsPerSecond\":%.0f}%n",
                                preset.name().toLowerCase(Locale.ROOT), seconds, frames.frames(),
                                frames.quantileMillis(0.5), frames.quantileMillis(0.99), frames.maxMillis(), iterations,
                                charsPerSecond);
                        try {
                            Files.createDirectories(out.toAbsolutePath().getParent());
                            Files.writeString(out, json);
                        } catch (IOException ex) {
                            System.err.println("charscope: cannot write " + out + ": " + ex.getMessage());
                        }
                        System.out.print(json);
                        window.training().stop();
                        Platform.exit();
                    }));
            measure.play();
        });
    }
}
