package org.charscope.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.train.Checkpoint;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots taken from a real (tiny) run: when, what they hold, and what happens when they cannot be written. */
class SnapshotRecorderTest implements SnapshotRecorder.Listener {

    private static final long WAIT_SECONDS = 120; // a bound for a stuck test, never a timing assertion
    private static final String TEXT = "\"Is the boat in?\" asked Nell. (It was.) The keeper lit the lamp.\n";

    @TempDir
    Path dir;

    private final List<SnapshotWritten> written = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** The writer thread's reports, kept for the assertions (this test is the recorder's listener). */
    @Override
    public void written(SnapshotWritten w) {
        written.add(w);
    }

    private static TrainingData data() {
        String text = TEXT.repeat(60);
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        int split = ids.length * 9 / 10;
        return new TrainingData(vocabulary, Arrays.copyOf(ids, split), Arrays.copyOfRange(ids, split, ids.length));
    }

    private static LstmConfig model(TrainingData data) {
        return new LstmConfig(data.vocabulary().size(), 2, 16, 0, 0, Precision.FLOAT);
    }

    private static TrainingConfig config(long iterations) {
        return TrainingConfig.defaults().withBatch(10, 4).withOptimizer(OptimizerConfig.adam(1e-2)).withSeed(3)
                .withIntervals(10, 0).withLimits(iterations, 0);
    }

    /** Trains to the limit with snapshots every {@code every}; the run at the stop. */
    private TrainingRun train(Trainer trainer, SnapshotPlan plan) throws Exception {
        SnapshotRecorder recorder = SnapshotRecorder.attach(trainer, plan, this);
        trainer.start();
        assertNotNull(trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS), "training stopped");
        recorder.close();
        return trainer.finalRun();
    }

    private SnapshotPlan plan(long every, TrainingData data) {
        return SnapshotPlan.beside(dir.resolve("model.zip"), every, SnapshotPlan.DEFAULT_BUDGET_MB, data);
    }

    private static List<Long> iterations(SnapshotFolder folder) throws IOException {
        return folder.list().stream().map(SnapshotEntry::iteration).toList();
    }

    @Test
    void aRunKeepsItsScheduledSnapshotsAndItsLastWithTheirDetectors() throws Exception {
        TrainingData data = data();
        SnapshotPlan plan = plan(30, data);
        TrainingRun last = train(new Trainer(model(data), config(70), data), plan);

        assertEquals(List.of(0L, 25L, 30L, 60L, 70L), iterations(plan.folder()));
        assertEquals(List.of(0L, 25L, 30L, 60L, 70L), written.stream().map(SnapshotWritten::iteration).toList());
        assertEquals(List.of(), problems);
        SnapshotWritten newest = written.get(written.size() - 1);
        assertEquals(plan.folder().bytes(), newest.folderBytes());
        assertEquals(Files.size(newest.file()), newest.bytes());

        SnapshotFile.Contents contents = SnapshotFile.read(plan.folder().fileFor(70));
        assertTrue(contents.run().isSnapshot());
        assertArrayEquals(last.parameters(), contents.run().parameters(), "the weights at the stop");
        assertArrayEquals(last.hiddenState(), contents.run().hiddenState());
        assertEquals(70, contents.run().iteration());

        // the detectors kept are those of the weights over the first characters of the validation text
        String passage = SnapshotPlan.passageOf(data);
        assertEquals(passage, contents.detectors().passage());
        Probe.Result read = Probe.run(contents.run().newModel(), (Vocabulary) data.vocabulary(), passage);
        FeatureCorrelations direct = FeatureCorrelations.compute(read.activations(), TextFeatures.of(passage));
        for (TextFeature feature : TextFeature.values()) {
            for (int layer = 0; layer < 2; layer++) {
                assertArrayEquals(direct.correlations(layer, Signal.CELL, feature),
                        contents.detectors().correlations().correlations(layer, Signal.CELL, feature), 1e-6f);
            }
        }
        assertEquals(direct.top(TextFeature.INSIDE_QUOTES, 3), contents.detectors().correlations().top(TextFeature.INSIDE_QUOTES, 3));
    }

    @Test
    void aSnapshotHoldsTheWeightsOfItsIterationExactly() throws Exception {
        TrainingData data = data();
        SnapshotPlan plan = plan(30, data);
        train(new Trainer(model(data), config(40), data), plan);

        Trainer toTwentyFive = new Trainer(model(data), config(25), data);
        toTwentyFive.start();
        toTwentyFive.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);

        TrainingRun snapshot = Checkpoint.read(plan.folder().fileFor(25));
        assertArrayEquals(toTwentyFive.finalRun().parameters(), snapshot.parameters());
        assertNull(snapshot.firstMoment());
        assertThrows(IllegalArgumentException.class, () -> Trainer.resume(snapshot, config(50), data),
                "a snapshot has no optimizer state to continue with");
    }

    @Test
    void aResumedRunKeepsTheSnapshotsUpToItsStartAndAFreshRunStartsAnew() throws Exception {
        TrainingData data = data();
        SnapshotPlan plan = plan(20, data);
        TrainingRun first = train(new Trainer(model(data), config(30), data), plan);
        Files.write(plan.folder().fileFor(90), new byte[10]);   // another future of the run: dropped on resume

        train(Trainer.resume(first, config(45), data), plan);
        assertEquals(List.of(0L, 20L, 30L, 40L, 45L), iterations(plan.folder()), "up to 30 from the first run, then 40 and 45");

        train(new Trainer(model(data), config(5), data), plan);
        assertEquals(List.of(0L, 5L), iterations(plan.folder()), "the old run's snapshots are gone");
    }

    @Test
    void aFolderThatCannotBeMadeIsOneProblemAndTrainingGoesOn() throws Exception {
        TrainingData data = data();
        SnapshotPlan plan = plan(10, data);
        Files.writeString(plan.folder().path(), "a file where the folder would go");
        Trainer trainer = new Trainer(model(data), config(40), data);

        TrainingRun last = train(trainer, plan);

        assertEquals(40, last.iteration(), "training finished");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("could not save snapshot iter-000000000.zip (training goes on): model.snapshots is a file, not a folder",
                problems.get(0));
        assertEquals(List.of(), written);
        assertTrue(Files.isRegularFile(plan.folder().path()), "the file is left alone");
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }
}
