package org.charscope.ui.explorer;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import org.charscope.model.Signal;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.history.SnapshotSummary;

/**
 * The explorer looking back: while the {@link SnapshotShelf} looks at a snapshot, the reading
 * shown is that snapshot's over the explorer's passage, taken from the {@link SnapshotReadings}'
 * cache at once or read on their thread; at "now", the live model's. A reading kept trimmed that
 * lacks a newly chosen layer or quantity is read again. Part of {@link ExplorerModel}; FX thread.
 */
final class SnapshotLooking {

    private final ExplorerModel model;
    private final SnapshotShelf shelf;
    private final SnapshotReadings readings;
    private boolean holdingReads;   // lookAt() is setting the neuron: the snapshot is read once it is set

    /** @param budgetBytes the most the readings kept may take */
    SnapshotLooking(ExplorerModel model, SnapshotShelf shelf, long budgetBytes) {
        this.model = model;
        this.shelf = shelf;
        this.readings = new SnapshotReadings(budgetBytes, this::answered);
        shelf.selectedProperty().addListener((obs, old, now) -> selectionMoved());
        model.layerProperty().addListener((obs, old, now) -> shownMatrixChanged());
        model.quantityProperty().addListener((obs, old, now) -> shownMatrixChanged());
        shelf.snapshots().addListener((ListChangeListener<SnapshotSummary>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(gone -> readings.forget(gone.file()));
            }
        });
    }

    /** Whether a snapshot is looked at rather than "now". */
    boolean atSnapshot() {
        return shelf.selectedProperty().get() != null;
    }

    /** Sets the neuron with {@code choose}, then looks at {@code snapshot}: one read, for that neuron. */
    void lookAt(SnapshotSummary snapshot, Runnable choose) {
        holdingReads = true;
        try {
            choose.run();
        } finally {
            holdingReads = false;
        }
        if (shelf.selectedProperty().get() == snapshot) {
            shownMatrixChanged();
        } else {
            shelf.select(shelf.snapshots().indexOf(snapshot));
        }
    }

    /** Shows the selected snapshot's reading if it is kept, else asks for it. */
    void read() {
        SnapshotReadings.Request request = wanted();
        if (request == null) {
            return;
        }
        Probed kept = readings.cached(request);
        if (kept != null) {
            model.show(kept);
            return;
        }
        model.say(String.format(Locale.ROOT, "reading the snapshot at iteration %,d…",
                shelf.selectedProperty().get().iteration()));
        readings.read(request);
    }

    SnapshotReadings readings() {
        return readings;
    }

    private void selectionMoved() {
        if (atSnapshot()) {
            read();
        } else {
            model.showNow();
        }
    }

    /** The layer or quantity changed: a reading that lacks it is put away and, at a snapshot, read again. */
    private void shownMatrixChanged() {
        Probed now = model.probedProperty().get();
        int layer = model.layerProperty().get();
        Signal quantity = model.quantityProperty().get();
        if (model.fitting() || quantity == null || now != null && now.holds(layer, quantity)) {
            return;   // a null quantity only passes while the quantity list is replaced
        }
        model.forgetShown(null);   // no view may look for the new choice in a reading without it
        if (!holdingReads) {
            read();
        }
    }

    /** The snapshot looked at, over the passage, as the neuron is shown now; null at "now". */
    private SnapshotReadings.Request wanted() {
        SnapshotSummary at = shelf.selectedProperty().get();
        return at == null ? null : new SnapshotReadings.Request(at.file(), model.passage(),
                model.layerProperty().get(), model.quantityProperty().get());
    }

    /** A snapshot was read: shown if it is still the one wanted. */
    private void answered(SnapshotReadings.Request request, Probed reading, String failure) {
        SnapshotReadings.Request now = wanted();
        if (now == null || !now.key().equals(request.key())) {
            return;   // moved on: what is wanted now was shown from the cache or is read next
        }
        if (failure != null) {
            model.say("could not read the snapshot " + failure);
        } else if (reading.holds(now.layer(), now.quantity())) {
            model.show(reading);
        } else {
            read();
        }
    }
}
