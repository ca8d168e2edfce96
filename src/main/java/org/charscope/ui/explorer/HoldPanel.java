package org.charscope.ui.explorer;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.charscope.model.SampleSettings;
import org.charscope.model.Signal;
import org.charscope.model.UnitSite;

/**
 * The Hold tab: the units held (from a unit's context menu, {@link HoldMenu}), the passage re-read
 * with them held ({@link LossChangeView}: each character's change in loss, the top-5 guesses free
 * and held), and a sample drawn held and free from the same seed, side by side. Every change of
 * what is held reads again, with a model of its own on a thread of its own ({@link OwnModelJobs});
 * this tab only ever gets the finished {@link HeldReading}.
 */
final class HoldPanel extends HBox {

    /** Characters of each sample: a few lines, enough to see quotes open and close. */
    static final int SAMPLE_LENGTH = 400;
    /** Below 1 keeps the samples readable, as the samples timeline's default does. */
    static final double SAMPLE_TEMPERATURE = 0.8;

    private final ExplorerModel model;
    private final OwnModelJobs jobs;
    private final ObservableList<HoldChoice> choices = FXCollections.observableArrayList();
    private final ListView<HoldChoice> heldList = new ListView<>(choices);
    private final TextField seed = new TextField("1");
    private final Label status = new Label("Hold a unit from its context menu: a row of the grid, the neuron list or the detectors.");
    private final Label summary = new Label();
    private final LossChangeView lossChange = new LossChangeView();
    private final TextArea heldSample = sampleArea("held-sample");
    private final TextArea freeSample = sampleArea("free-sample");
    private HeldReading shown;

    HoldPanel(ExplorerModel model) {
        super(8);
        this.model = model;
        this.jobs = new OwnModelJobs(model::weights, "charscope-holding");
        setId("hold-panel");
        heldList.setId("held-list");
        heldList.setPrefWidth(180);
        heldList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HoldChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.describe());
            }
        });
        Button release = new Button("Release");
        release.setId("hold-release");
        release.setOnAction(e -> {
            HoldChoice chosen = heldList.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                release(chosen.site());
            }
        });
        Button releaseAll = new Button("Release all");
        releaseAll.setId("hold-release-all");
        releaseAll.setOnAction(e -> {
            choices.clear();
            read();
        });
        Button again = new Button("Read again");
        again.setId("hold-read");
        again.setOnAction(e -> read());
        seed.setId("hold-seed");
        seed.setPrefColumnCount(5);
        seed.setOnAction(e -> read());
        status.setId("hold-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        summary.setId("hold-summary");
        summary.setWrapText(true);
        HBox buttons = new HBox(4, release, releaseAll);
        HBox sampling = new HBox(4, new Label("seed"), seed, again);
        VBox left = new VBox(4, heldList, buttons, sampling, status);
        VBox.setVgrow(heldList, Priority.ALWAYS);
        left.setPrefWidth(190);
        left.setMinWidth(190);
        HBox samples = new HBox(6, titled("Sampled held", heldSample), titled("Sampled free, from the same seed", freeSample));
        VBox right = new VBox(4, summary, lossChange, samples);
        VBox.setVgrow(lossChange, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        model.corpusProperty().addListener((obs, old, now) -> {   // another book: other units, other characters
            jobs.forget();
            choices.clear();
            show(null);
        });
    }

    Tab tab() {
        Tab tab = new Tab("Held units", this);
        tab.setId("tab-hold");
        return tab;
    }

    /**
     * The site a context menu holds for a unit shown as {@code quantity}: its hidden state when
     * that is what is shown or the cell keeps no other (GRU, RNN), else its cell (for every gate,
     * candidate, cell or tanh(cell) of an LSTM unit: the cell is what carries it from step to step).
     */
    UnitSite siteOf(int layer, Signal quantity, int unit) {
        Probed probed = model.probedProperty().get();
        boolean hasCell = probed != null && probed.quantities().contains(Signal.CELL);
        return new UnitSite(layer, quantity == Signal.HIDDEN || !hasCell ? Signal.HIDDEN : Signal.CELL, unit);
    }

    /** Holds a unit (replacing its earlier choice, if any) and reads again. */
    void hold(HoldChoice choice) {
        choices.removeIf(c -> c.site().equals(choice.site()));
        choices.add(choice);
        read();
    }

    void release(UnitSite site) {
        if (choices.removeIf(c -> c.site().equals(site))) {
            read();
        }
    }

    /** Says why a choice was refused. */
    void refuse(String why) {
        status.setText(why);
    }

    /** Reads the passage shown (or the explorer's passage) free and held, and samples both ways, in the background. */
    void read() {
        if (choices.isEmpty()) {
            jobs.forget();
            show(null);
            status.setText("Nothing is held: the model reads freely.");
            return;
        }
        Probed probed = model.probedProperty().get();
        String passage = probed != null ? probed.result().passage() : model.passage();
        Double sampleSeed = number(seed.getText());
        if (sampleSeed == null || sampleSeed != Math.rint(sampleSeed) || Math.abs(sampleSeed) > 1e15) {
            status.setText("The sample seed must be a whole number, not \"" + seed.getText() + "\".");
            return;
        }
        if (passage.isEmpty()) {
            status.setText("Open a text first: there is no passage to read.");
            return;
        }
        List<HoldChoice> held = List.copyOf(choices);
        SampleSettings sampling = SampleSettings.defaults().withLength(SAMPLE_LENGTH)
                .withTemperature(SAMPLE_TEMPERATURE).withSeed(sampleSeed.longValue());
        status.setText("reading the passage held and free, and sampling…");
        jobs.run((lstm, vocabulary) -> HoldReader.read(lstm, vocabulary, passage, held, sampling), (reading, failure) -> {
            if (failure != null) {
                status.setText("could not read held: " + failure);
                return;
            }
            show(reading);
            status.setText(String.format(Locale.ROOT, "%d unit%s held; samples from seed %d", held.size(),
                    held.size() == 1 ? "" : "s", reading.seed()));
        });
    }

    private void show(HeldReading reading) {
        shown = reading;
        lossChange.show(reading);
        heldSample.setText(reading == null ? "" : reading.heldSample());
        freeSample.setText(reading == null ? "" : reading.freeSample());
        summary.setText(reading == null ? "" : String.format(Locale.ROOT,
                "Change in loss when held: %+.3f bits/char over %,d characters (%.3f free, %.3f held). "
                        + "Red: worse held, blue: better, up to ±%.1f bits; under each character the top-5 free | held.",
                reading.meanChangeBits(), reading.steps(), reading.free().meanSurprisalBits(),
                reading.heldGuesses().meanSurprisalBits(), lossChange.rangeBits()));
    }

    /** The number typed, or null when it is none (a refusal says so in words). */
    static Double number(String typed) {
        try {
            double value = Double.parseDouble(typed.trim());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The last reading shown, or null. */
    HeldReading shown() {
        return shown;
    }

    ObservableList<HoldChoice> choices() {
        return choices;
    }

    private static VBox titled(String title, TextArea sample) {
        Label label = new Label(title);
        label.getStyleClass().add("subheading");
        VBox box = new VBox(2, label, sample);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static TextArea sampleArea(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(5);
        area.setStyle("-fx-font-family: monospace;");
        return area;
    }
}
