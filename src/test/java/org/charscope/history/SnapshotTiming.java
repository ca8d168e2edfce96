package org.charscope.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Preset;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.LoadProgress;
import org.charscope.text.TextOptions;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingRun;

/**
 * Not a test: prints, per preset, the size of one snapshot file and how long writing one takes on
 * the writer thread, its detectors over the 2,000-character passage included (median of the timed
 * writes after one that also makes the writer's model). Never asserts on time. After
 * {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.charscope.history.SnapshotTiming 7}
 * (timed writes per preset; {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt} once).
 */
public final class SnapshotTiming {

    private SnapshotTiming() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path book = Path.of("sample-texts/the-lighthouse-keepers.txt");
        Corpus corpus = Corpus.of(new BookReader().read(List.of(book), LoadProgress.NONE), TextOptions.defaults(), 1000);
        TrainingData data = new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
        Path folder = Files.createTempDirectory("snapshot-timing");
        System.out.printf(Locale.ROOT, "%s: vocabulary %d, passage %d characters%n", book.getFileName(),
                corpus.vocabulary().size(), SnapshotPlan.passageOf(data).length());
        System.out.println("| preset | parameters | bytes per snapshot | snapshots in 500 MB | first write ms | median write ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Preset preset : Preset.values()) {
            Preset.Batching batching = preset.batching();
            TrainingConfig config = TrainingConfig.defaults().withBatch(batching.seqLength(), batching.batchSize())
                    .withOptimizer(OptimizerConfig.adam(batching.learningRate())).withSeed(1).withLimits(1, 0);
            Trainer trainer = new Trainer(preset.model(corpus.vocabulary().size()), config, data);
            trainer.start();
            trainer.awaitStop(10, TimeUnit.MINUTES);
            TrainingRun weights = trainer.finalRun().withoutMoments();
            SnapshotPlan plan = new SnapshotPlan(new SnapshotFolder(folder.resolve(preset.name())), new SnapshotSchedule(1),
                    Long.MAX_VALUE, SnapshotPlan.passageOf(data));
            SnapshotWriting writing = new SnapshotWriting(plan, System.err::println);
            long first = System.nanoTime();
            SnapshotWritten written = writing.write(weights);
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                long start = System.nanoTime();
                writing.write(weights);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            long budget = SnapshotPlan.DEFAULT_BUDGET_MB * 1024 * 1024;
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | %d |%n", preset.name().toLowerCase(Locale.ROOT),
                    weights.parameters().length, written.bytes(), budget / written.bytes(), firstMillis,
                    millis.get(millis.size() / 2));
        }
    }
}
