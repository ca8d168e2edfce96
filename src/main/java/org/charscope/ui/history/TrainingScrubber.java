package org.charscope.ui.history;

import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.charscope.text.ByteCount;
import org.charscope.ui.samples.SampleEntry;

/**
 * The training-time scrubber: a slider over the snapshots with a "now" end on the right that
 * follows live training, the iteration looked at, the snapshots' disk use, and the sample the
 * run wrote nearest that iteration. Moving it moves the {@link SnapshotShelf}'s selection; the
 * explorer shows what that selection read.
 */
public final class TrainingScrubber extends VBox {

    private final SnapshotShelf shelf;
    private final ReadOnlyLongProperty liveIteration;
    private final List<SampleEntry> samples;
    private final Slider slider = new Slider(0, 0, 0);
    private final Label iteration = new Label();
    private final Label disk = new Label();
    private final Label sample = new Label();
    private boolean following;   // the slider is being moved to the shelf's selection, not by a person

    /**
     * @param liveIteration the live model's iteration, for the "now" end
     * @param samples       the run's samples, each with its iteration
     */
    public TrainingScrubber(SnapshotShelf shelf, ReadOnlyLongProperty liveIteration, ObservableList<SampleEntry> samples) {
        this.shelf = shelf;
        this.liveIteration = liveIteration;
        this.samples = samples;
        setId("training-scrubber");
        getStyleClass().add("training-scrubber");
        slider.setId("scrubber-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        iteration.setId("scrubber-iteration");
        iteration.getStyleClass().add("scrubber-iteration");
        disk.setId("scrubber-disk");
        disk.getStyleClass().add("hint");
        sample.setId("scrubber-sample");
        sample.getStyleClass().add("scrubber-sample");
        sample.setMaxWidth(Double.MAX_VALUE);
        Label title = new Label("Over training");
        title.getStyleClass().add("subheading");
        HBox row = new HBox(10, title, slider, iteration, disk);
        row.getStyleClass().add("scrubber-row");
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(row, sample);

        slider.valueProperty().addListener((obs, old, now) -> moved(now.doubleValue()));
        shelf.snapshots().addListener((Observable o) -> follow());
        shelf.selectedProperty().addListener((Observable o) -> follow());
        shelf.diskBytesProperty().addListener((Observable o) -> describe());
        liveIteration.addListener((Observable o) -> describe());
        samples.addListener((Observable o) -> describe());
        follow();
    }

    /** A person moved the slider: look at the snapshot under it, or "now" at its right end. */
    private void moved(double value) {
        if (following) {
            return;
        }
        int index = (int) Math.round(value);
        if (index != shelf.selectedIndex()) {
            shelf.select(index);
        }
        describe();
    }

    /** The slider's range and place follow the shelf: one stop per snapshot, then "now". */
    private void follow() {
        following = true;
        try {
            int count = shelf.snapshots().size();
            slider.setMax(count);
            slider.setValue(shelf.selectedIndex());
            slider.setDisable(count == 0);
        } finally {
            following = false;
        }
        describe();
    }

    private void describe() {
        List<SnapshotSummary> snapshots = shelf.snapshots();
        SnapshotSummary at = shelf.selectedProperty().get();
        long newest = snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1).iteration();
        long live = Math.max(liveIteration.get(), newest);
        long shown = at == null ? live : at.iteration();
        iteration.setText(at == null ? String.format(Locale.ROOT, "now · iteration %,d", live)
                : String.format(Locale.ROOT, "iteration %,d of %,d", at.iteration(), live));
        disk.setText(snapshots.isEmpty() ? "no snapshots yet"
                : String.format(Locale.ROOT, "%d snapshot%s · %s", snapshots.size(), snapshots.size() == 1 ? "" : "s",
                        ByteCount.format(shelf.diskBytesProperty().get())));
        SampleEntry nearest = nearestSample(shown);
        sample.setText(nearest == null ? "" : String.format(Locale.ROOT, "sample at iteration %,d: %s",
                nearest.iteration(), nearest.text().replace("\n", " ⏎ ")));
    }

    /** The sample taken nearest {@code iteration}, the earlier of two as near; null when there is none. */
    SampleEntry nearestSample(long iteration) {
        SampleEntry nearest = null;
        for (SampleEntry entry : samples) {
            long distance = Math.abs(entry.iteration() - iteration);
            long best = nearest == null ? Long.MAX_VALUE : Math.abs(nearest.iteration() - iteration);
            if (distance < best || distance == best && entry.iteration() < nearest.iteration()) {
                nearest = entry;
            }
        }
        return nearest;
    }

    Slider slider() {
        return slider;
    }
}
