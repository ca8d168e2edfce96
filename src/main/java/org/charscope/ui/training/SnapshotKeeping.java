package org.charscope.ui.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotPlan;
import org.charscope.history.SnapshotRecorder;
import org.charscope.history.SnapshotSchedule;
import org.charscope.history.SnapshotWritten;
import org.charscope.io.Failures;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingData;
import org.charscope.ui.background.DaemonThreads;

/**
 * The window's snapshots over training (issue 19), in one folder beside the session's model
 * ({@code last-session/model.snapshots/}, as {@code train --snapshot-every} keeps them beside
 * {@code --out}): attached to each trainer the window makes, kept across autosave and resume, and
 * deleted on Reset (which a new text and another model also go through).
 *
 * <p>Every file operation runs on one thread of its own, in order: a Reset closes the old run's
 * recorder (it finishes what it was writing) and deletes the folder there, and the next run's
 * recorder touches the folder only once that is done, so the two never meet in the folder. The
 * old recorder's late reports go nowhere: each run reports through a {@link Relay} that Reset cuts.
 * Called on the FX thread; never waits on I/O.
 */
public final class SnapshotKeeping {

    /** Where the window shows its snapshots; every call on the FX thread. */
    public interface Shelf extends SnapshotRecorder.Listener {

        /** Reset: the run's snapshots are going. */
        void cleared();

        /** The folder's snapshots changed all at once (a session resumed, a model opened): list them again. */
        void replaced(SnapshotFolder folder);
    }

    private final SnapshotFolder folder;
    private final long budgetBytes;
    private final Shelf listener;
    private final ExecutorService files = DaemonThreads.single("charscope-snapshot-files");
    private CompletableFuture<Void> filesDone = CompletableFuture.completedFuture(null);
    private SnapshotRecorder recorder;    // the current trainer's, or null
    private Relay relay;

    /**
     * @param listener hears of each snapshot written and of problems (never of a run after its
     *                 Reset), and of the folder cleared or replaced
     */
    public SnapshotKeeping(SnapshotFolder folder, long budgetBytes, Shelf listener) {
        this.folder = folder;
        this.budgetBytes = budgetBytes;
        this.listener = listener;
    }

    /** The folder the current run's snapshots go to. */
    public SnapshotFolder folder() {
        return folder;
    }

    /** Keeps {@code trainer}'s snapshots every {@code every} iterations; before it starts. */
    void attach(Trainer trainer, long every, TrainingData data) {
        relay = new Relay(listener);
        SnapshotPlan plan = new SnapshotPlan(folder, new SnapshotSchedule(every), budgetBytes, SnapshotPlan.passageOf(data));
        recorder = SnapshotRecorder.attach(trainer, plan, relay, filesDone);
    }

    /** The run is gone (Reset): its recorder finishes, then its snapshots are deleted, in the background. */
    void discard() {
        SnapshotRecorder old = recorder;
        if (relay != null) {
            relay.cut();
        }
        recorder = null;
        relay = null;
        listener.cleared();
        inOrder(() -> {
            if (old != null) {
                try {
                    old.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            folder.deleteAll();
            return null;
        }).exceptionally(failure -> {
            Platform.runLater(() -> listener.problem("could not delete the old snapshots: " + Failures.oneLine(failure)));
            return null;
        });
    }

    /**
     * Copies the snapshots written so far into {@code target}, replacing what was there (Model ▸
     * Save model as… with its snapshots). Completes with the number copied.
     */
    public CompletableFuture<Integer> copyTo(SnapshotFolder target) {
        return inOrder(() -> copy(folder, target));
    }

    /**
     * A model opened from a file brings the snapshots saved beside it, if any, in place of the
     * last run's (which Reset is deleting first); then the shelf lists them.
     */
    public void bringFrom(SnapshotFolder source) {
        inOrder(() -> Files.isDirectory(source.path()) ? copy(source, folder) : 0)
                .whenComplete((n, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        listener.problem("could not open the model's snapshots: " + Failures.oneLine(failure));
                    }
                    listener.replaced(folder);
                }));
    }

    /** A saved session resumed: once the file work asked for so far is done, the shelf lists its snapshots. */
    public void reloadSaved() {
        filesDone.whenComplete((ok, failure) -> Platform.runLater(() -> listener.replaced(folder)));
    }

    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** {@code work} on the files thread after everything asked before it. */
    private <T> CompletableFuture<T> inOrder(FileWork<T> work) {
        CompletableFuture<T> result = filesDone.handle((ok, failure) -> null).thenApplyAsync(nothing -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, files);
        filesDone = result.handle((r, failure) -> null);
        return result;
    }

    /** Replaces {@code to}'s snapshots by copies of {@code from}'s; each file whole or not at all. */
    private static int copy(SnapshotFolder from, SnapshotFolder to) throws IOException {
        to.deleteAll();
        List<SnapshotEntry> entries = from.list();
        Files.createDirectories(to.path());
        for (SnapshotEntry e : entries) {
            Path target = to.fileFor(e.iteration());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(e.file(), part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return entries.size();
    }

    /** What the folder holds now, listed in the background after the file work asked before. */
    public CompletableFuture<List<SnapshotEntry>> list() {
        return inOrder(folder::list);
    }

    /**
     * Passes a run's reports to the FX thread until {@link #cut}: a reset run's late snapshot must
     * not show. Checked there, where Reset cuts, so a report already on its way is dropped too.
     */
    private static final class Relay implements SnapshotRecorder.Listener {
        private final SnapshotRecorder.Listener to;
        private boolean cut;   // FX thread

        Relay(SnapshotRecorder.Listener to) {
            this.to = to;
        }

        void cut() {
            cut = true;
        }

        @Override
        public void written(SnapshotWritten written) {
            Platform.runLater(() -> {
                if (!cut) {
                    to.written(written);
                }
            });
        }

        @Override
        public void problem(String message) {
            Platform.runLater(() -> {
                if (!cut) {
                    to.problem(message);
                }
            });
        }
    }
}
