package org.charscope.ui.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.charscope.history.SnapshotFile;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingRun;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.history.SnapshotSummary;
import org.charscope.ui.training.TrainingController;

/**
 * A copy of the weights whose reading the explorer shows, for a model of its own on another
 * thread ({@link OwnModelJobs}: holding, hypotheses, matches): while the {@link SnapshotShelf}
 * looks at a snapshot, that snapshot's, read from its file on a thread of its own
 * ({@code charscope-snapshot-weights}); at "now", the live weights, copied on the training thread
 * between two iterations. So a unit held or tested is the unit of the model on show.
 */
final class ShownWeights implements Supplier<CompletableFuture<TrainingRun>> {

    private final TrainingController training;
    private final SnapshotShelf shelf;
    private final Executor files = DaemonThreads.single("charscope-snapshot-weights");

    ShownWeights(TrainingController training, SnapshotShelf shelf) {
        this.training = training;
        this.shelf = shelf;
    }

    /** Asked on the FX thread; the copy completes elsewhere. Null when there is nothing to copy (no snapshot, no training yet). */
    @Override
    public CompletableFuture<TrainingRun> get() {
        SnapshotSummary at = shelf.selectedProperty().get();
        if (at != null) {
            Path file = at.file();
            return CompletableFuture.supplyAsync(() -> read(file), files);
        }
        Trainer trainer = training.trainer();
        return trainer == null ? null : trainer.snapshot();
    }

    private static TrainingRun read(Path file) {
        try {
            return SnapshotFile.read(file).run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the snapshot " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (BadCheckpointException e) {
            throw new IllegalStateException("the snapshot " + file.getFileName() + " is damaged: " + e.getMessage(), e);
        }
    }
}
