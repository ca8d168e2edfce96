package org.charscope.ui.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFile;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotWritten;
import org.charscope.train.BadCheckpointException;
import org.charscope.ui.background.DaemonThreads;

/**
 * The window's snapshots as the views see them: a list of {@link SnapshotSummary summaries} in
 * iteration order, the bytes they take on disk, and which one is looked at (none: "now", the
 * live model). Read on the FX thread; fed from any thread ({@link #written}) or from a folder read
 * in the background ({@link #reload}).
 *
 * <p>The list follows the folder: each new snapshot's arrival lists the folder (on the shelf's
 * thread, never the FX thread), so that snapshots thinned to keep the budget leave the list too,
 * and a snapshot no longer on disk (the run was reset meanwhile) is not added.
 */
public final class SnapshotShelf {

    private final ObservableList<SnapshotSummary> snapshots = FXCollections.observableArrayList();
    private final ObservableList<SnapshotSummary> readOnly = FXCollections.unmodifiableObservableList(snapshots);
    private final ReadOnlyLongWrapper diskBytes = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<SnapshotSummary> selected = new ReadOnlyObjectWrapper<>();
    private final Executor fxThread;
    private final Executor background;
    private long generation;    // bumped by clear and reload, so that an earlier reload's late answer is dropped; FX thread

    /** The window's shelf: applies on the FX thread, reads folders on a thread of its own. */
    public SnapshotShelf() {
        this(Platform::runLater, DaemonThreads.single("charscope-snapshot-shelf"));
    }

    /** Tests choose the threads. */
    SnapshotShelf(Executor fxThread, Executor background) {
        this.fxThread = fxThread;
        this.background = background;
    }

    /** A snapshot is on disk. Any thread; the folder is listed in the background, the list changed on the FX thread. */
    public void written(SnapshotWritten written) {
        background.execute(() -> {
            SnapshotSummary summary = SnapshotSummary.of(written.iteration(), written.file(), written.bytes(),
                    written.detectors());
            Set<Path> onDisk = filesIn(new SnapshotFolder(written.file().getParent()));
            fxThread.execute(() -> applyWritten(summary, onDisk));
        });
    }

    /** Adds a new snapshot, unless it is gone already, and drops those no longer on disk. */
    private void applyWritten(SnapshotSummary summary, Set<Path> onDisk) {
        List<SnapshotSummary> kept = new ArrayList<>();
        for (SnapshotSummary old : snapshots) {
            if (onDisk == null || onDisk.contains(old.file())) {
                kept.add(old);
            }
        }
        if (onDisk == null || onDisk.contains(summary.file())) {
            kept.add(summary);   // unless deleted since (the run was reset): then not ours to show
        }
        show(kept);
    }

    /**
     * Shows the snapshots of {@code folder} (a resumed session's): lists it and reads each file's
     * detectors in the background. Snapshots written meanwhile are kept. FX thread.
     */
    public void reload(SnapshotFolder folder) {
        clear();
        long ticket = generation;
        background.execute(() -> {
            List<SnapshotSummary> found = new ArrayList<>();
            try {
                for (SnapshotEntry entry : folder.list()) {
                    try {
                        SnapshotFile.Contents contents = SnapshotFile.read(entry.file());
                        found.add(SnapshotSummary.of(entry.iteration(), entry.file(), entry.bytes(), contents.detectors()));
                    } catch (BadCheckpointException | IOException unreadable) {
                        // half written or damaged: not offered to look at
                    }
                }
            } catch (IOException unlisted) {
                return;   // no folder to show: the shelf stays empty
            }
            fxThread.execute(() -> {
                if (ticket == generation) {
                    found.addAll(snapshots);   // written meanwhile: newer, so they win a tie
                    show(found);
                }
            });
        });
    }

    /** No snapshots (a reset, another text or model); looks at "now". FX thread. */
    public void clear() {
        generation++;
        selected.set(null);
        snapshots.clear();
        diskBytes.set(0);
    }

    /** The snapshots in iteration order, one per iteration. */
    public ObservableList<SnapshotSummary> snapshots() {
        return readOnly;
    }

    /** Bytes the listed snapshots take on disk. */
    public ReadOnlyLongProperty diskBytesProperty() {
        return diskBytes.getReadOnlyProperty();
    }

    /** The snapshot looked at; null for "now", the live model. */
    public ReadOnlyObjectProperty<SnapshotSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Looks at the snapshot at {@code index} of {@link #snapshots()}; an index past the last is "now". */
    public void select(int index) {
        selected.set(index >= 0 && index < snapshots.size() ? snapshots.get(index) : null);
    }

    /** Looks at the live model again. */
    public void selectNow() {
        selected.set(null);
    }

    /** The index of the snapshot looked at; {@code snapshots().size()} for "now". */
    public int selectedIndex() {
        int index = snapshots.indexOf(selected.get());
        return index < 0 ? snapshots.size() : index;
    }

    /** Replaces the list with {@code summaries} sorted by iteration, the later of two with one iteration winning. */
    private void show(List<SnapshotSummary> summaries) {
        TreeMap<Long, SnapshotSummary> byIteration = new TreeMap<>();
        for (SnapshotSummary summary : summaries) {
            byIteration.put(summary.iteration(), summary);
        }
        List<SnapshotSummary> wanted = new ArrayList<>(byIteration.values());
        SnapshotSummary looked = selected.get();
        snapshots.retainAll(wanted);   // what is kept stays in place, so listeners hear of real changes only
        for (int i = 0; i < wanted.size(); i++) {
            if (i == snapshots.size() || snapshots.get(i) != wanted.get(i)) {
                snapshots.add(i, wanted.get(i));
            }
        }
        if (looked != null && !snapshots.contains(looked)) {
            selected.set(null);   // thinned away or replaced: back to the live model
        }
        diskBytes.set(snapshots.stream().mapToLong(SnapshotSummary::bytes).sum());
    }

    /** The files of {@code folder} now; null when it cannot be listed (then nothing is taken away). */
    private static Set<Path> filesIn(SnapshotFolder folder) {
        try {
            Set<Path> files = new HashSet<>();
            for (SnapshotEntry entry : folder.list()) {
                files.add(entry.file());
            }
            return files;
        } catch (IOException e) {
            return null;
        }
    }
}
