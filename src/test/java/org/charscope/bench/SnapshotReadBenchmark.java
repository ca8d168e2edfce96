package org.charscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotPlan;
import org.charscope.history.SnapshotRecorder;
import org.charscope.model.Preset;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.train.Checkpoint;
import org.charscope.train.RunSettings;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingData;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.explorer.SnapshotReadings;

/**
 * How long the scrubber takes to read one snapshot, and how much training slows while it reads
 * (issue 19), without a window: {@code -Dcharscope.bench.snapshots=small,large} (the presets),
 * {@code -Dcharscope.bench.book=FILE} (default: the built-in text), {@code -Dcharscope.bench.seconds=S}
 * (each training measure, default 30). Per preset, one JSON line:
 * <ol>
 *   <li>a run of the preset keeps snapshots at iterations 0 and 1 (with their detectors, as the
 *       window's are), then stops;</li>
 *   <li>read time: the scrubber's reading, {@link SnapshotReadings#ownModel()}, over the first
 *       2,000 characters of the validation text ({@link SnapshotPlan#passageOf}), the file loaded
 *       each time; the first read (which makes the reader's model) apart, then the two snapshots
 *       in turn, {@value #READS} reads; and the file's loading alone;</li>
 *   <li>training: iterations per second of the preset over S seconds after a warm-up, alone, then
 *       with a reader thread reading the snapshots without pause (a person dragging across
 *       snapshots not yet read, the worst case).</li>
 * </ol>
 */
final class SnapshotReadBenchmark {

    private static final int READS = 10;
    private static final double WARMUP_SECONDS = 10;

    private SnapshotReadBenchmark() {
    }

    static boolean requested() {
        return System.getProperty("charscope.bench.snapshots") != null;
    }

    static void run() throws Exception {
        Corpus corpus = corpus();
        double seconds = Double.parseDouble(System.getProperty("charscope.bench.seconds", "30"));
        for (String name : System.getProperty("charscope.bench.snapshots").split(",")) {
            Preset preset = Preset.valueOf(name.trim().toUpperCase(Locale.ROOT));
            measure(preset, corpus, seconds);
        }
        System.exit(0);
    }

    private static Corpus corpus() throws Exception {
        String book = System.getProperty("charscope.bench.book");
        if (book != null) {
            return Corpus.of(new BookReader().read(Path.of(book)), TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        }
        try (var in = SnapshotReadBenchmark.class.getResourceAsStream(BookModel.BUILT_IN_RESOURCE)) {
            return Corpus.of(new BookReader().read("built-in", in.readAllBytes()), TextOptions.defaults(),
                    Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        }
    }

    private static void measure(Preset preset, Corpus corpus, double seconds) throws Exception {
        TrainingData data = new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
        RunSettings settings = RunSettings.of(preset);
        Path dir = Files.createTempDirectory("charscope-bench-snapshots");
        SnapshotPlan plan = SnapshotPlan.beside(dir.resolve("model.zip"), 1000, SnapshotPlan.DEFAULT_BUDGET_MB, data);
        Trainer first = new Trainer(settings.model(corpus.vocabulary().size()), settings.training().withLimits(1, 0), data);
        SnapshotRecorder recorder = SnapshotRecorder.attach(first, plan, new SnapshotRecorder.Listener() { });
        first.start();
        first.awaitStop(10, TimeUnit.MINUTES);
        recorder.close();
        SnapshotFolder folder = plan.folder();
        List<Path> files = folder.list().stream().map(SnapshotEntry::file).toList();
        String passage = SnapshotPlan.passageOf(data);

        SnapshotReadings.Reading reading = SnapshotReadings.ownModel();
        long start = System.nanoTime();
        reading.read(files.get(0), passage);
        double coldMs = (System.nanoTime() - start) / 1e6;
        double[] readMs = new double[READS];
        double[] loadMs = new double[READS];
        for (int i = 0; i < READS; i++) {
            Path file = files.get((i + 1) % files.size());
            start = System.nanoTime();
            reading.read(file, passage);
            readMs[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            Checkpoint.read(file);
            loadMs[i] = (System.nanoTime() - start) / 1e6;
        }

        double alone = iterationsPerSecond(settings, data, seconds, null);
        AtomicBoolean keepReading = new AtomicBoolean(true);
        AtomicInteger readsWhileTraining = new AtomicInteger();
        Thread reader = new Thread(() -> {
            SnapshotReadings.Reading own = SnapshotReadings.ownModel();
            try {
                for (int i = 0; keepReading.get(); i++) {
                    own.read(files.get(i % files.size()), passage);
                    readsWhileTraining.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "charscope-snapshot-reader");
        double whileReading = iterationsPerSecond(settings, data, seconds, reader);
        keepReading.set(false);
        reader.join();

        System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"passage\":%d,\"fileBytes\":%d,\"coldReadMs\":%.0f,"
                        + "\"readMs\":{\"median\":%.0f,\"min\":%.0f},\"loadMs\":{\"median\":%.0f,\"min\":%.0f},"
                        + "\"iterationsPerSecond\":{\"alone\":%.2f,\"whileReading\":%.2f},\"slowdown\":%.2f,"
                        + "\"readsWhileTraining\":%d,\"seconds\":%.0f}%n",
                preset.name().toLowerCase(Locale.ROOT), passage.codePointCount(0, passage.length()),
                Files.size(files.get(files.size() - 1)), coldMs, median(readMs), min(readMs), median(loadMs), min(loadMs),
                alone, whileReading, 1 - whileReading / alone, readsWhileTraining.get(), seconds);
        folder.deleteAll();
        Files.deleteIfExists(dir);
    }

    /** The preset's training speed over {@code seconds} after a warm-up, with {@code busy} started when measuring. */
    private static double iterationsPerSecond(RunSettings settings, TrainingData data, double seconds, Thread busy)
            throws InterruptedException {
        Trainer trainer = new Trainer(settings.model(data.vocabulary().size()), settings.training().withIntervals(1, 0), data);
        trainer.start();
        TrainingSpeed speed = TrainingSpeed.of(trainer, WARMUP_SECONDS, seconds, () -> {
            if (busy != null) {
                busy.start();
            }
        });
        trainer.stop();
        trainer.awaitStop(10, TimeUnit.MINUTES);
        return speed.perSecond();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
