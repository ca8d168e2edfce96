package org.charscope.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Preset;
import org.charscope.model.SampleSettings;
import org.charscope.model.SettingRange;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingConfig;
import org.controlsfx.validation.ValidationSupport;

/**
 * The training settings: a preset, or the model and training values one by one. Each field
 * refuses what it cannot take, beside it. Changes apply at once while there is no model to
 * lose; a change that needs a new model asks before the current one is discarded.
 *
 * <p>The model's shape (cell, layers, hidden units), the sequence length and the run's length
 * show at once; the rest (optimiser, dropout, seed, and how often the window samples, evaluates
 * and keeps snapshots) sits under "More settings", which a preset fills as well. Its fields join
 * the window when it is first opened: eleven text fields styled before the first frame were some
 * 0.09 s of the window's start (docs/installer.md, "First start, session 14").
 */
public final class SettingsPanel extends VBox {

    private final TrainingController controller;
    private final Supplier<Window> owner;
    /** A preset, or empty: values edited by hand ("custom"); a null value would show as a blank box. */
    private final ChoiceBox<Optional<Preset>> preset = new ChoiceBox<>();
    private final ChoiceBox<LearningRateSchedule.Kind> schedule = new ChoiceBox<>();
    private final ChoiceBox<Cell> cell = new ChoiceBox<>();
    private final GridPane grid = new GridPane();
    private final GridPane moreGrid = new GridPane();
    private final TitledPane more = new TitledPane();
    private final Label pending = new Label("These changes need a new model.");
    private final Button discardAndApply = new Button("Discard model and apply");
    // each field's range is its engine record's (see RunSettings): the panel asks, never restates it
    private final ValidationSupport validation = new ValidationSupport();
    private final NumberField layers = field("layers", "Layers", true, LstmConfig.LAYERS);
    private final NumberField hidden = field("hidden", "Hidden units", true, LstmConfig.HIDDEN);
    private final NumberField dropout = field("dropout", "Dropout", false, LstmConfig.DROPOUT);
    private final NumberField seqLength = field("seq", "Sequence length", true, TrainingConfig.SEQ_LENGTH);
    private final NumberField batchSize = field("batch", "Batch", true, TrainingConfig.BATCH_SIZE);
    private final NumberField learningRate = field("lr", "Learning rate", false, OptimizerConfig.LEARNING_RATE);
    private final NumberField clip = field("clip", "Clip gradient norm", false, OptimizerConfig.CLIP_NORM);
    private final NumberField seed = new NumberField("seed", "Seed", true, v -> true, "a whole number of up to 18 digits",
            this::changed);
    private final NumberField sampleEvery = field("sample-every", "Sample every", true, RunSettings.SAMPLE_EVERY);
    private final NumberField evaluateEvery = field("evaluate-every", "Evaluate every", true,
            TrainingConfig.EVALUATE_EVERY);
    private final NumberField sampleLength = field("sample-length", "Sample length", true, RunSettings.SAMPLE_LENGTH);
    private final NumberField temperature = field("temperature", "Temperature", false, SampleSettings.TEMPERATURE);
    private final NumberField planned = field("planned", "Planned iterations", true, TrainingConfig.MAX_ITERATIONS);
    private final NumberField snapshotEvery = field("snapshot-every", "Snapshot every", true, RunSettings.SNAPSHOT_EVERY);
    private boolean filling;

    public SettingsPanel(TrainingController controller, Supplier<Window> owner) {
        this.controller = controller;
        this.owner = owner;
        setId("settings-panel");
        getStyleClass().add("settings-panel");
        Label heading = new Label("Settings");
        heading.getStyleClass().add("heading");

        preset.setId("setting-preset");
        for (Preset p : Preset.values()) {
            preset.getItems().add(Optional.of(p));
        }
        preset.getItems().add(Optional.empty());
        preset.setConverter(new PresetNames());
        preset.setOnAction(e -> {
            if (!filling && preset.getValue() != null && preset.getValue().isPresent()) {
                fill(RunSettings.of(preset.getValue().get()));
            }
        });
        schedule.setId("setting-schedule");
        schedule.getItems().addAll(LearningRateSchedule.Kind.values());
        schedule.setConverter(new StringConverter<>() {   // "cosine" as "small" and "custom" above it, not "COSINE"
            @Override
            public String toString(LearningRateSchedule.Kind kind) {
                return kind == null ? "" : kind.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public LearningRateSchedule.Kind fromString(String name) {
                return LearningRateSchedule.Kind.valueOf(name.toUpperCase(Locale.ROOT));
            }
        });
        schedule.setOnAction(e -> changed());
        cell.setId("setting-cell");
        cell.getItems().addAll(Cell.values());
        cell.setOnAction(e -> changed());

        grid.getStyleClass().add("settings-grid");
        validation.setValidationDecorator(new DangerDecoration());
        int row = 0;
        Label presetName = name("Preset");
        grid.addRow(row++, presetName, preset);
        grid.addRow(row++, name("Cell"), cell);
        addFields(grid, row, layers, hidden, seqLength, planned);
        moreGrid.getStyleClass().add("settings-grid");
        int moreRow = addFields(moreGrid, 0, learningRate);
        moreGrid.addRow(moreRow++, name("Schedule"), schedule);
        addFields(moreGrid, moreRow, batchSize, dropout, clip, seed, sampleEvery, evaluateEvery, sampleLength,
                temperature, snapshotEvery);
        more.setId("settings-more");
        more.getStyleClass().add("settings-more");
        more.setExpanded(false);
        more.setAnimated(false);
        more.expandedProperty().addListener((obs, was, open) -> {
            if (open && more.getContent() == null) {
                more.setContent(moreGrid);
            }
        });
        more.textProperty().bind(Bindings.when(moreRefused()).then("More settings: a value to fix")
                .otherwise("More settings"));
        // both forms' names in one column width, so that the fields under "More settings" line up
        // with those above it (measured in the names' font: it follows the zoom)
        DoubleBinding namesWidth = Bindings.createDoubleBinding(() -> widestName(presetName.getFont()),
                presetName.fontProperty());
        for (GridPane form : List.of(grid, moreGrid)) {
            ColumnConstraints names = new ColumnConstraints();
            names.minWidthProperty().bind(namesWidth);
            form.getColumnConstraints().add(names);
        }

        pending.setId("settings-pending");
        pending.getStyleClass().add("field-message");
        discardAndApply.setId("settings-apply");
        discardAndApply.setOnAction(e -> confirmDiscardAndApply());
        showPending(false);
        getChildren().addAll(heading, grid, more, pending, discardAndApply);
        fill(controller.settingsProperty().get());
    }

    private NumberField field(String id, String name, boolean integer, SettingRange range) {
        return new NumberField(id, name, integer, range::contains, range.describe(), this::changed);
    }

    /** The fields in this order on {@code form} from {@code row} on; returns the next free row. */
    private int addFields(GridPane form, int row, NumberField... fields) {
        for (NumberField field : fields) {
            row = field.placeIn(form, row, validation);
        }
        return row;
    }

    /** Whether a field under "More settings" refuses what it holds, which its title then says even when closed. */
    private BooleanBinding moreRefused() {
        List<NumberField> fields = List.of(learningRate, batchSize, dropout, clip, seed, sampleEvery, evaluateEvery,
                sampleLength, temperature, snapshotEvery);
        return Bindings.createBooleanBinding(() -> fields.stream().anyMatch(f -> !f.validProperty().get()),
                fields.stream().map(NumberField::validProperty).toArray(Observable[]::new));
    }

    /** The widest of both forms' names in {@code font}. */
    private double widestName(Font font) {
        double widest = 0;
        for (GridPane form : List.of(grid, moreGrid)) {
            for (Node child : form.getChildren()) {
                if (child instanceof Label label && label.getStyleClass().contains("fact-name")) {
                    widest = Math.max(widest, TextWidth.of(label.getText(), font));
                }
            }
        }
        return widest;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-name");
        return label;
    }

    private void fill(RunSettings s) {
        filling = true;
        try {
            preset.setValue(Optional.ofNullable(s.preset()));
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
            snapshotEvery.set(s.snapshotEvery());
        } finally {
            filling = false;
        }
        changed();
    }

    /** The settings as typed, or null while a field is refused. */
    RunSettings typed() {
        for (NumberField f : List.of(layers, hidden, dropout, seqLength, batchSize, learningRate, clip, seed,
                sampleEvery, evaluateEvery, sampleLength, temperature, planned, snapshotEvery)) {
            if (!f.validProperty().get()) {
                return null;
            }
        }
        RunSettings base = controller.settingsProperty().get();
        Preset chosen = preset.getValue() == null ? null : preset.getValue().orElse(null);
        RunSettings candidate = new RunSettings(chosen, layers.intValue(), hidden.intValue(), dropout.value(),
                seqLength.intValue(), batchSize.intValue(), learningRate.value(),
                schedule.getValue() == null ? base.schedule() : schedule.getValue(), clip.value(), seed.longValue(),
                sampleEvery.intValue(), evaluateEvery.intValue(), sampleLength.intValue(), temperature.value(),
                planned.longValue(), cell.getValue() == null ? base.cell() : cell.getValue(), snapshotEvery.intValue());
        if (chosen != null && !sameShape(candidate, RunSettings.of(chosen))) {
            candidate = candidate.withPreset(null);
        }
        return candidate.check() == null ? candidate : null;   // each field passed: what is left is between fields
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
        if (candidate.preset() == null && preset.getValue() != null && preset.getValue().isPresent()) {
            filling = true;
            preset.setValue(Optional.empty());
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
