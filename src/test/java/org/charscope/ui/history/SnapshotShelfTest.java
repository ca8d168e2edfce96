package org.charscope.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotWritten;
import org.charscope.model.Signal;
import org.charscope.text.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shelf fed by a real recorder: what it lists, what it drops, and what it reads back from a folder. */
class SnapshotShelfTest {

    private static Corpus corpus;

    @TempDir
    Path dir;

    /** Applies everything at once, on the calling thread: no toolkit needed. */
    private final SnapshotShelf shelf = new SnapshotShelf(Runnable::run, Runnable::run);

    @BeforeAll
    static void text() throws Exception {
        corpus = RecordedRun.structuredText();
    }

    private static List<Long> iterations(List<SnapshotSummary> summaries) {
        return summaries.stream().map(SnapshotSummary::iteration).toList();
    }

    @Test
    void listsEachSnapshotWithTheBestNeuronOfEachFeatureAndTheirDiskUse() throws Exception {
        RecordedRun run = RecordedRun.tiny(dir, corpus, 60, 50, shelf::written);

        assertEquals(List.of(0L, 25L, 50L, 60L), iterations(shelf.snapshots()));
        assertEquals(run.folder().bytes(), shelf.diskBytesProperty().get());
        for (int i = 0; i < run.written().size(); i++) {
            SnapshotWritten written = run.written().get(i);
            SnapshotSummary summary = shelf.snapshots().get(i);
            assertEquals(written.file(), summary.file());
            assertEquals(written.bytes(), summary.bytes());
            assertSame(written.detectors().correlations(), summary.correlations());
            for (TextFeature feature : TextFeature.values()) {
                List<NeuronFinding> top = written.detectors().correlations().top(feature, 1);
                assertEquals(top.isEmpty() ? null : top.get(0), summary.best().get(feature), feature.displayName());
            }
        }
        NeuronFinding quotes = shelf.snapshots().get(3).best().get(TextFeature.INSIDE_QUOTES);
        assertEquals(quotes.r(), shelf.snapshots().get(3).r(quotes.layer(), quotes.quantity(), quotes.unit(),
                TextFeature.INSIDE_QUOTES), 1e-6);
        assertTrue(Double.isNaN(shelf.snapshots().get(3).r(5, Signal.CELL, 0, TextFeature.INSIDE_QUOTES)), "no layer 6");
    }

    @Test
    void selectionMovesBetweenSnapshotsAndNowAndSnapshotsThinnedAwayLeave() throws Exception {
        RecordedRun run = RecordedRun.tiny(dir, corpus, 60, 50, shelf::written);
        assertNull(shelf.selectedProperty().get(), "looking at now");
        assertEquals(4, shelf.selectedIndex(), "now is past the last snapshot");
        shelf.select(1);
        assertEquals(25, shelf.selectedProperty().get().iteration());
        assertEquals(1, shelf.selectedIndex());
        shelf.select(4);
        assertNull(shelf.selectedProperty().get());

        shelf.select(1);
        Files.delete(run.folder().fileFor(25));   // as the budget's thinning does before the next is written
        SnapshotWritten last = run.written().get(3);
        shelf.written(new SnapshotWritten(70, run.folder().fileFor(70), last.bytes(), 0, last.detectors()));
        assertEquals(List.of(0L, 50L, 60L), iterations(shelf.snapshots()), "70 is not on disk, 25 is gone");
        assertNull(shelf.selectedProperty().get(), "the snapshot looked at is gone: back to now");

        Files.copy(last.file(), run.folder().fileFor(70));
        shelf.written(new SnapshotWritten(70, run.folder().fileFor(70), last.bytes(), 0, last.detectors()));
        assertEquals(List.of(0L, 50L, 60L, 70L), iterations(shelf.snapshots()));
        assertEquals(run.folder().bytes(), shelf.diskBytesProperty().get());
    }

    @Test
    void reloadReadsAFoldersSnapshotsAndClearEmptiesTheShelf() throws Exception {
        SnapshotShelf fed = new SnapshotShelf(Runnable::run, Runnable::run);
        RecordedRun run = RecordedRun.tiny(dir, corpus, 60, 50, fed::written);

        shelf.reload(run.folder());
        assertEquals(iterations(fed.snapshots()), iterations(shelf.snapshots()));
        assertEquals(fed.diskBytesProperty().get(), shelf.diskBytesProperty().get());
        for (int i = 0; i < fed.snapshots().size(); i++) {
            assertEquals(fed.snapshots().get(i).best(), shelf.snapshots().get(i).best(), "the detectors read back");
        }
        shelf.select(2);
        assertNotNull(shelf.selectedProperty().get());

        shelf.clear();
        assertEquals(List.of(), shelf.snapshots());
        assertEquals(0, shelf.diskBytesProperty().get());
        assertNull(shelf.selectedProperty().get());
    }
}
