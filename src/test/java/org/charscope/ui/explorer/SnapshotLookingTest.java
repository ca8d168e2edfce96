package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.charscope.history.SnapshotFile;
import org.charscope.model.Signal;
import org.charscope.train.TrainingRun;
import org.charscope.ui.history.RecordedRun;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Looking back with readings kept trimmed (a small budget makes a tiny model's readings "large"):
 * a snapshot read before comes back at once with the shown matrix only, and choosing another
 * quantity reads it again; and the weights that holding, hypotheses and matches read are the
 * snapshot's while one is looked at.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotLookingTest {

    private static final long WAIT_SECONDS = 120;   // a bound for a stuck read, never a timing assertion
    private static final long BUDGET_BYTES = 4L << 20;   // a whole reading here is about 2 MB: over a 16th

    private static RecordedRun run;
    private SnapshotShelf shelf;
    private ExplorerModel model;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        run = RecordedRun.tiny(dir, RecordedRun.structuredText(), 60, 50, written -> { });
    }

    @Start
    void start(Stage stage) {
        shelf = new SnapshotShelf();
        TrainingController training = new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { }));
        training.corpusProperty().set(run.corpus());
        model = new ExplorerModel(training, shelf, BUDGET_BYTES);
        run.written().forEach(shelf::written);
    }

    private void awaitShown(long iteration, Signal quantity) throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            Probed shown = model.probedProperty().get();
            return shown != null && shown.iteration() == iteration && shown.holds(0, quantity);
        });
    }

    @Test
    void aTrimmedReadingComesBackAtOnceAndAnotherQuantityIsReadAgain(FxRobot robot) throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> shelf.snapshots().size() == 4);   // 0, 25, 50, 60
        robot.interact(() -> shelf.select(1));
        awaitShown(25, Signal.TANH_CELL);
        Probed whole = model.probedProperty().get();
        assertTrue(whole.holds(0, Signal.HIDDEN), "the reading just made is shown whole");
        assertTrue(whole.estimatedBytes() > BUDGET_BYTES / SnapshotReadings.WHOLE_SHARE, whole.estimatedBytes() + " bytes");
        robot.interact(() -> shelf.select(2));
        awaitShown(50, Signal.TANH_CELL);
        assertEquals(2, model.readings().reads());

        robot.interact(() -> shelf.select(1));
        Probed kept = model.probedProperty().get();
        assertEquals(25, kept.iteration(), "shown at once, from the cache");
        assertEquals(2, model.readings().reads());
        assertTrue(kept.holds(0, Signal.TANH_CELL));
        assertFalse(kept.holds(0, Signal.HIDDEN), "kept trimmed to what was shown");

        robot.interact(() -> {
            model.quantityProperty().set(Signal.HIDDEN);
            assertNull(model.probedProperty().get(), "no reading without the hidden state is left on show");
        });
        awaitShown(25, Signal.HIDDEN);
        assertEquals(3, model.readings().reads(), "read again for the hidden state");
        assertEquals(Signal.HIDDEN, model.quantityProperty().get());
    }

    /**
     * Holding, hypotheses and matches read the model on show: while a snapshot is looked at, the
     * weights they get are that snapshot's, not the last ones; at "now" without a trainer, none.
     */
    @Test
    void theJobsGetTheWeightsOfTheSnapshotLookedAt(FxRobot robot) throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> shelf.snapshots().size() == run.written().size());
        int last = shelf.snapshots().size() - 1;
        AtomicReference<CompletableFuture<TrainingRun>> asked = new AtomicReference<>();
        robot.interact(() -> asked.set(model.weights()));
        assertNull(asked.get(), "at \"now\" with no trainer there is nothing to copy");

        robot.interact(() -> {
            shelf.select(1);
            asked.set(model.weights());
        });
        TrainingRun got = asked.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Path file = shelf.snapshots().get(1).file();
        TrainingRun expected = SnapshotFile.read(file).run();
        assertEquals(shelf.snapshots().get(1).iteration(), got.iteration());
        assertArrayEquals(expected.parameters(), got.parameters());
        TrainingRun end = SnapshotFile.read(shelf.snapshots().get(last).file()).run();
        assertFalse(Arrays.equals(end.parameters(), got.parameters()), "training moved the weights after the snapshot");

        robot.interact(() -> {
            shelf.select(last);
            asked.set(model.weights());
        });
        assertEquals(60, asked.get().get(WAIT_SECONDS, TimeUnit.SECONDS).iteration());
    }
}
