package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.history.SnapshotDetectors;
import org.charscope.history.SnapshotFile;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readings of snapshots: kept and found again, trimmed when large, and only the latest of a burst read. */
class SnapshotReadingsTest {

    private static final String PASSAGE = "\"Is the boat in?\" asked Nell. (It was.)\n".repeat(8);
    private static final Path A = Path.of("iter-000000000.zip");
    private static final Path B = Path.of("iter-000000025.zip");
    private static final Path C = Path.of("iter-000000050.zip");

    @TempDir
    Path dir;

    private final List<SnapshotReadings.Request> answered = new CopyOnWriteArrayList<>();
    private final List<Probed> readings = new CopyOnWriteArrayList<>();

    private static Probed reading(long iteration) {
        Vocabulary vocabulary = Vocabulary.of(PASSAGE);
        CharLstm lstm = new CharLstm(new LstmConfig(vocabulary.size(), 2, 16, 0, 0, Precision.FLOAT), 5 + iteration);
        return Probed.of(Probe.run(lstm, vocabulary, PASSAGE), iteration);
    }

    private void answer(SnapshotReadings.Request request, Probed reading, String failure) {
        assertNull(failure);
        answered.add(request);
        readings.add(reading);
    }

    private static SnapshotReadings.Request request(Path file, int layer, Signal quantity) {
        return new SnapshotReadings.Request(file, PASSAGE, layer, quantity);
    }

    @Test
    void aSnapshotReadOnceIsFoundAgainWithoutASecondRead() {
        Probed whole = reading(0);
        int[] reads = {0};
        SnapshotReadings snapshots = new SnapshotReadings(whole.estimatedBytes() * SnapshotReadings.WHOLE_SHARE * 4,
                (file, passage) -> {
                    reads[0]++;
                    return whole;
                }, Runnable::run, Runnable::run, this::answer);

        SnapshotReadings.Request first = request(A, 0, Signal.TANH_CELL);
        assertNull(snapshots.cached(first), "nothing read yet");
        snapshots.read(first);
        assertEquals(1, reads[0]);
        assertEquals(List.of(first), answered);
        assertSame(whole, snapshots.cached(first), "small enough to keep whole");
        assertSame(whole, snapshots.cached(request(A, 1, Signal.FORGET_GATE)), "whole: any layer and quantity without a read");
        assertNull(snapshots.cached(new SnapshotReadings.Request(A, "another passage", 0, Signal.TANH_CELL)));

        snapshots.read(request(B, 0, Signal.TANH_CELL));
        assertEquals(2, reads[0]);
        assertSame(whole, snapshots.cached(first), "A is still kept after B was read");
        assertEquals(2, snapshots.reads(), "two files read in all");

        snapshots.forget(A);
        assertNull(snapshots.cached(first), "a snapshot thinned away is forgotten");
    }

    @Test
    void aLargeReadingIsKeptTrimmedToItsLayerAndQuantityAndAnotherOneReadsAgain() {
        Probed whole = reading(25);
        int[] reads = {0};
        // a budget in which the whole reading takes more than its share: trimmed
        SnapshotReadings snapshots = new SnapshotReadings(whole.estimatedBytes() * 4, (file, passage) -> {
            reads[0]++;
            return whole;
        }, Runnable::run, Runnable::run, this::answer);

        snapshots.read(request(A, 1, Signal.CELL));
        assertSame(whole, readings.get(0), "the answer is the whole reading, to show now");
        Probed kept = snapshots.cached(request(A, 1, Signal.CELL));
        assertNotNull(kept);
        assertTrue(kept.estimatedBytes() < whole.estimatedBytes() / 4, kept.estimatedBytes() + " of " + whole.estimatedBytes());
        assertArrayEquals(whole.matrix(1, Signal.CELL).values(), kept.matrix(1, Signal.CELL).values());
        assertSame(whole.predictions(), kept.predictions(), "the top-5 row is kept");
        assertEquals(whole.quantities(), kept.quantities(), "it still knows what the model has");
        assertEquals(whole.units(), kept.units());
        assertEquals(whole.layers(), kept.layers());

        assertNull(snapshots.cached(request(A, 0, Signal.CELL)), "another layer is not kept");
        assertNull(snapshots.cached(request(A, 1, Signal.HIDDEN)), "nor another quantity");
        snapshots.read(request(A, 0, Signal.HIDDEN));
        assertEquals(2, reads[0], "so it is read again");
        assertNotNull(snapshots.cached(request(A, 0, Signal.HIDDEN)));
    }

    @Test
    void whileOneReadRunsOnlyTheLatestRequestIsReadNext() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Path> read = new CopyOnWriteArrayList<>();
        Probed whole = reading(50);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            SnapshotReadings snapshots = new SnapshotReadings(whole.estimatedBytes() * 64, (file, passage) -> {
                read.add(file);
                firstStarted.countDown();
                assertTrue(release.await(60, TimeUnit.SECONDS));
                return whole;
            }, reader, Runnable::run, this::answer);

            snapshots.read(request(A, 0, Signal.CELL));
            assertTrue(firstStarted.await(60, TimeUnit.SECONDS));
            snapshots.read(request(B, 0, Signal.CELL));   // passed over on the way
            snapshots.read(request(C, 0, Signal.CELL));   // where the scrubber stopped
            release.countDown();
            reader.shutdown();
            assertTrue(reader.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(List.of(A, C), read);
            assertEquals(List.of(A, C), answered.stream().map(SnapshotReadings.Request::file).toList());
        } finally {
            reader.shutdownNow();
        }
    }

    /** The window's own reading: the snapshot's weights read through a model of the reader's own. */
    @Test
    void theReaderModelReadsTheSnapshotsWeights() throws Exception {
        String text = PASSAGE.repeat(10);
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        TrainingData data = new TrainingData(vocabulary, ids, ids);
        LstmConfig config = new LstmConfig(vocabulary.size(), 1, 16, 0, 0, Precision.FLOAT);
        Trainer trainer = new Trainer(config, TrainingConfig.defaults().withBatch(10, 4).withSeed(3).withLimits(5, 0), data);
        trainer.start();
        assertNotNull(trainer.awaitStop(120, TimeUnit.SECONDS));
        TrainingRun run = trainer.finalRun();
        Path file = dir.resolve("iter-000000005.zip");
        Probe.Result direct = Probe.run(run.newModel(), vocabulary, PASSAGE);
        FeatureCorrelations computed = FeatureCorrelations.compute(direct.activations(), TextFeatures.of(PASSAGE));
        SnapshotFile.write(file, run, new SnapshotDetectors(PASSAGE, computed));

        SnapshotReadings.Reading own = SnapshotReadings.ownModel();
        Probed first = own.read(file, PASSAGE);
        Probed again = own.read(file, PASSAGE);   // the same model, given the weights again
        Probed other = own.read(file, PASSAGE + "Nell.");   // another passage than the kept detectors'
        assertEquals(5, first.iteration());
        assertArrayEquals(direct.activations().matrix(0, Signal.CELL).values(), first.matrix(0, Signal.CELL).values());
        assertArrayEquals(direct.activations().matrix(0, Signal.CELL).values(), again.matrix(0, Signal.CELL).values());
        for (TextFeature feature : TextFeature.values()) {   // the kept detectors, as computed
            assertArrayEquals(computed.correlations(0, Signal.CELL, feature), first.correlations().correlations(0, Signal.CELL, feature));
        }
        assertEquals(PASSAGE.length() + 5, other.steps());
        assertEquals(other.correlations().top(TextFeature.INSIDE_QUOTES, 3), FeatureCorrelations.compute(
                other.result().activations(), TextFeatures.of(PASSAGE + "Nell.")).top(TextFeature.INSIDE_QUOTES, 3));
        assertEquals(direct.predictions().meanSurprisalBits(), first.predictions().meanSurprisalBits());
        assertArrayEquals(direct.predictions().step(7).topIds(), first.predictions().step(7).topIds());
    }
}
