package org.charscope.ui.training;

import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.Preset;
import org.charscope.train.TrainingConfig;

/**
 * The training settings: a preset, or the model and training values one by one. Each field
 * refuses what it cannot take, beside it. Changes apply at once while there is no model to
 * lose; a change that needs a new model asks before the current one is discarded.
 */
public final class SettingsPanel extends VBox {

    private final TrainingController controller;
    private final Supplier<Window> owner;
    private final ChoiceBox<String> preset = new ChoiceBox<>();
    private final ChoiceBox<LearningRateSchedule.Kind> schedule = new ChoiceBox<>();
    private final ChoiceBox<Cell> cell = new ChoiceBox<>();
    private final GridPane grid = new GridPane();
    private final Label pending = new Label("These changes need a new model.");
    private final Button discardAndApply = new Button("Discard model and apply");
    private final NumberField layers = field("layers", true, v -> v >= 1 && v <= LstmConfig.MAX_LAYERS, "1 to 4");
    private final NumberField hidden = field("hidden", true,
            v -> v >= LstmConfig.MIN_HIDDEN && v <= LstmConfig.MAX_HIDDEN, "16 to 1024");
    private final NumberField dropout = field("dropout", false, v -> v >= 0 && v <= LstmConfig.MAX_DROPOUT, "0 to 0.9");
    private final NumberField seqLength = field("seq", true, v -> v >= 1 && v <= TrainingConfig.MAX_SEQ_LENGTH,
            "1 to 1000");
    private final NumberField batchSize = field("batch", true, v -> v >= 1 && v <= TrainingConfig.MAX_BATCH_SIZE,
            "1 to 1024");
    private final NumberField learningRate = field("lr", false, v -> v > 0 && v <= 1, "above 0, at most 1");
    private final NumberField clip = field("clip", false, v -> v >= 0 && v <= 1e6, "0 (off) to 1,000,000");
    private final NumberField seed = field("seed", true, v -> true, "a whole number of up to 18 digits");
    private final NumberField sampleEvery = field("sample-every", true, v -> v >= 1 && v <= 1e9, "1 to 1,000,000,000");
    private final NumberField evaluateEvery = field("evaluate-every", true, v -> v >= 0 && v <= 1e9, "0 (never) to 1,000,000,000");
    private final NumberField sampleLength = field("sample-length", true,
            v -> v >= 1 && v <= RunSettings.MAX_SAMPLE_LENGTH, "1 to 10,000");
    private final NumberField temperature = field("temperature", false, v -> v > 0 && v <= 10, "above 0, at most 10");
    private final NumberField planned = field("planned", true, v -> v >= 0 && v <= 1e12, "0 (no limit) to 1,000,000,000,000");
    private boolean filling;

    public SettingsPanel(TrainingController controller, Supplier<Window> owner) {
        this.controller = controller;
        this.owner = owner;
        setId("settings-panel");
        getStyleClass().add("settings-panel");
        Label heading = new Label("Settings");
        heading.getStyleClass().add("heading");

        preset.setId("setting-preset");
        preset.getItems().addAll("small", "medium", "large", "custom");
        preset.setOnAction(e -> {
            if (!filling && !"custom".equals(preset.getValue())) {
                fill(RunSettings.of(Preset.valueOf(preset.getValue().toUpperCase(java.util.Locale.ROOT))));
            }
        });
        schedule.setId("setting-schedule");
        schedule.getItems().addAll(LearningRateSchedule.Kind.values());
        schedule.setOnAction(e -> changed());
        cell.setId("setting-cell");
        cell.getItems().addAll(Cell.values());
        cell.setOnAction(e -> changed());

        grid.getStyleClass().add("settings-grid");
        int row = 0;
        grid.addRow(row++, name("Preset"), preset);
        grid.addRow(row++, name("Cell"), cell);
        row = addField(row, "Layers", layers);
        row = addField(row, "Hidden units", hidden);
        row = addField(row, "Dropout", dropout);
        row = addField(row, "Sequence length", seqLength);
        row = addField(row, "Batch", batchSize);
        row = addField(row, "Learning rate", learningRate);
        grid.addRow(row++, name("Schedule"), schedule);
        row = addField(row, "Clip gradient norm", clip);
        row = addField(row, "Seed", seed);
        row = addField(row, "Sample every", sampleEvery);
        row = addField(row, "Evaluate every", evaluateEvery);
        row = addField(row, "Sample length", sampleLength);
        row = addField(row, "Temperature", temperature);
        addField(row, "Planned iterations", planned);

        pending.setId("settings-pending");
        pending.getStyleClass().add("field-message");
        discardAndApply.setId("settings-apply");
        discardAndApply.setOnAction(e -> confirmDiscardAndApply());
        showPending(false);
        getChildren().addAll(heading, grid, pending, discardAndApply);
        fill(controller.settingsProperty().get());
    }

    private NumberField field(String id, boolean integer, DoublePredicate rule, String ruleText) {
        return new NumberField(id, integer, rule, ruleText, this::changed);
    }

    private int addField(int row, String name, NumberField field) {
        grid.addRow(row, name(name), field.field());
        grid.add(field.message(), 1, row + 1);
        return row + 2;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-name");
        return label;
    }

    private void fill(RunSettings s) {
        filling = true;
        try {
            preset.setValue(s.preset() == null ? "custom" : s.preset().name().toLowerCase(java.util.Locale.ROOT));
            layers.set(s.layers());
            hidden.set(s.hidden());
            dropout.set(s.dropout());
            seqLength.set(s.seqLength());
            batchSize.set(s.batchSize());
            learningRate.set(s.learningRate());
            schedule.setValue(s.schedule());
            cell.setValue(s.cell());
            clip.set(s.clip());
            seed.set(s.seed());
            sampleEvery.set(s.sampleEvery());
            evaluateEvery.set(s.evaluateEvery());
            sampleLength.set(s.sampleLength());
            temperature.set(s.temperature());
            planned.set(s.plannedIterations());
        } finally {
            filling = false;
        }
        changed();
    }

    /** The settings as typed, or null while a field is refused. */
    RunSettings typed() {
        for (NumberField f : List.of(layers, hidden, dropout, seqLength, batchSize, learningRate, clip, seed,
                sampleEvery, evaluateEvery, sampleLength, temperature, planned)) {
            if (!f.validProperty().get()) {
                return null;
            }
        }
        RunSettings base = controller.settingsProperty().get();
        Preset chosen = "custom".equals(preset.getValue()) || preset.getValue() == null ? null
                : Preset.valueOf(preset.getValue().toUpperCase(java.util.Locale.ROOT));
        RunSettings candidate = new RunSettings(chosen, layers.intValue(), hidden.intValue(), dropout.value(),
                seqLength.intValue(), batchSize.intValue(), learningRate.value(),
                schedule.getValue() == null ? base.schedule() : schedule.getValue(), clip.value(), seed.longValue(),
                sampleEvery.intValue(), evaluateEvery.intValue(), sampleLength.intValue(), temperature.value(),
                planned.longValue(), cell.getValue() == null ? base.cell() : cell.getValue());
        if (chosen != null && !sameShape(candidate, RunSettings.of(chosen))) {
            candidate = new RunSettings(null, candidate.layers(), candidate.hidden(), candidate.dropout(),
                    candidate.seqLength(), candidate.batchSize(), candidate.learningRate(), candidate.schedule(),
                    candidate.clip(), candidate.seed(), candidate.sampleEvery(), candidate.evaluateEvery(),
                    candidate.sampleLength(), candidate.temperature(), candidate.plannedIterations(), candidate.cell());
        }
        return candidate.check() == null ? candidate : null;
    }

    private static boolean sameShape(RunSettings a, RunSettings b) {
        return a.cell() == b.cell() && a.layers() == b.layers() && a.hidden() == b.hidden() && a.dropout() == b.dropout()
                && a.seqLength() == b.seqLength() && a.batchSize() == b.batchSize() && a.learningRate() == b.learningRate();
    }

    private void changed() {
        if (filling) {
            return;
        }
        RunSettings candidate = typed();
        if (candidate == null) {
            showPending(false);
            return;
        }
        if (candidate.preset() == null && !"custom".equals(preset.getValue())) {
            filling = true;
            preset.setValue("custom");
            filling = false;
        }
        RunSettings current = controller.settingsProperty().get();
        if (controller.hasModel() && candidate.needsNewModel(current)) {
            showPending(true);
        } else {
            showPending(false);
            controller.apply(candidate);
        }
    }

    private void showPending(boolean show) {
        pending.setVisible(show);
        pending.setManaged(show);
        discardAndApply.setVisible(show);
        discardAndApply.setManaged(show);
    }

    private void confirmDiscardAndApply() {
        RunSettings candidate = typed();
        if (candidate == null) {
            return;
        }
        if (controller.hasProgress()) {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                    "The current model and its loss history and samples will be discarded.",
                    ButtonType.OK, ButtonType.CANCEL);
            ask.setHeaderText("Start over with a new model?");
            ask.initOwner(owner.get());
            ask.getDialogPane().setId("confirm-discard");
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        controller.reset();
        controller.apply(candidate);
        showPending(false);
    }
}
