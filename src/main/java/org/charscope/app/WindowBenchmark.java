package org.charscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.charscope.model.Preset;
import org.charscope.ui.FrameRecorder;
import org.charscope.ui.MainWindow;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.training.RunSettings;

/**
 * The window benchmark ({@code .ci/bench-window}): with {@code -Dcharscope.bench.seconds=S}
 * the app starts training the preset {@code -Dcharscope.bench.preset} (default medium) on the
 * text it opened, records the FX pulse intervals for S seconds after a warm-up, writes one line
 * of JSON to {@code -Dcharscope.bench.out}, and quits. Not used otherwise.
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
        var corpus = org.charscope.text.Corpus.of(new org.charscope.text.BookReader().read("built-in", bytes),
                org.charscope.text.TextOptions.defaults(), org.charscope.text.Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        RunSettings settings = RunSettings.of(preset);
        var config = settings.training().withIntervals(1, 0);
        var trainer = new org.charscope.train.Trainer(settings.model(corpus.vocabulary().size()), config,
                new org.charscope.train.TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation()));
        trainer.start();
        Thread.sleep((long) (WARMUP_SECONDS * 1000));
        long iterationAtStart = trainer.iteration();
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long iterations = trainer.iteration() - iterationAtStart;
        double elapsed = (System.nanoTime() - start) / 1e9;
        trainer.stop();
        System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"seconds\":%.0f,\"frames\":0,\"iterations\":%d,"
                        + "\"charsPerSecond\":%.0f}%n", preset.name().toLowerCase(Locale.ROOT), seconds, iterations,
                iterations * (double) settings.seqLength() * settings.batchSize() / elapsed);
        System.exit(0);
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
            RunSettings settings = RunSettings.of(preset);
            window.training().apply(new RunSettings(settings.preset(), settings.layers(), settings.hidden(),
                    settings.dropout(), settings.seqLength(), settings.batchSize(), settings.learningRate(),
                    settings.schedule(), settings.clip(), settings.seed(), settings.sampleEvery(), 0,
                    settings.sampleLength(), settings.temperature(), 0));
            window.training().start();
            frames.start();
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
