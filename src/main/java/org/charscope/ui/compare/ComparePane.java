package org.charscope.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.charscope.model.Cell;
import org.charscope.train.Comparison;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.ui.chart.Layer;
import org.charscope.ui.chart.LineChartCanvas;

/**
 * The Compare tab: choose cells and a budget, run, and read their validation curves overlaid
 * (bits per character against training minutes or iterations), the table, and each model's
 * final sample side by side. The models start from the settings panel's model (its layers,
 * hidden size, sequence, batch and learning rate), each with its own cell.
 */
public final class ComparePane extends BorderPane {

    private static final Map<Cell, Color> COLORS = Map.of(
            Cell.LSTM, Color.web("#1d4ed8"), Cell.GRU, Color.web("#dc2626"), Cell.RNN, Color.web("#059669"));

    private final CompareModel model;
    private boolean refreshing;   // the sample choice is being refilled: its action is not a person's
    private final LineChartCanvas chart = new LineChartCanvas();
    private final TableView<CompareModel.Entry> table = new TableView<>();
    private final HBox samples = new HBox(8);
    private final TextField budget = new TextField("5");
    private final TextField window = new TextField("100");
    private final ChoiceBox<String> unit = new ChoiceBox<>(FXCollections.observableArrayList("minutes", "iterations"));
    private final Label problem = new Label();
    private final HBox legend = new HBox(14);
    /** Whose samples are shown: -1 for each run's last, else one iteration for all. */
    private final ChoiceBox<Long> sampleIteration = new ChoiceBox<>();
    private static final long AT_THE_END = -1;

    /**
     * @param data      the loaded text's training data, or null when none is loaded
     * @param settings  the settings panel's current settings
     * @param busy      true while the main run trains: both would share the same cores
     */
    public ComparePane(CompareModel model, Supplier<CompareModel.Texts> data, Supplier<RunSettings> settings,
                       ObservableBooleanValue busy, ObservableBooleanValue noText) {
        this.model = model;
        setId("compare-pane");
        getStyleClass().add("compare-pane");

        List<CheckBox> cells = new ArrayList<>();
        for (Cell cell : Cell.values()) {
            CheckBox box = checkBox(cell.name(), "compare-cell-" + cell.id(), true);
            box.setUserData(cell);
            cells.add(box);
        }
        CheckBox stateful = checkBox("stateful", "compare-mode-stateful", true);
        CheckBox windowed = checkBox("windows of", "compare-mode-window", false);
        CheckBox bothWays = checkBox("windows read both ways", "compare-mode-bidirectional", false);
        bothWays.setTooltip(new javafx.scene.control.Tooltip("The first layer also reads each window from its end, and "
                + "the second reads both directions (a Bi-LSTM). Needs two layers or more; characters only."));
        window.setId("compare-window");
        window.setPrefColumnCount(4);
        CheckBox characters = checkBox("characters", "compare-tokens-chars", true);
        CheckBox words = checkBox("words", "compare-tokens-words", false);
        CheckBox equal = checkBox("equal parameters", "compare-equal", true);
        budget.setId("compare-budget");
        budget.setPrefColumnCount(5);
        unit.setId("compare-unit");
        unit.setValue("minutes");
        unit.setOnAction(e -> budget.setText("minutes".equals(unit.getValue()) ? "5" : "500"));
        Button run = new Button("Run comparison");
        run.setId("compare-run");
        run.disableProperty().bind(Bindings.createBooleanBinding(() -> model.runningProperty().get() || busy.get()
                || noText.get(), model.runningProperty(), busy, noText));
        run.setOnAction(e -> {
            CompareModel.Budget chosen = budget();
            if (chosen == null) {
                problem.setText("the budget must be a positive number of " + unit.getValue());
                return;
            }
            List<CompareModel.Mode> modes = new ArrayList<>();
            if (stateful.isSelected()) {
                modes.add(CompareModel.Mode.stateful());
            }
            if (windowed.isSelected() || bothWays.isSelected()) {
                Integer w = windowLength();
                if (w == null) {
                    problem.setText("a window is 1 to " + TrainingConfig.MAX_SEQ_LENGTH + " symbols");
                    return;
                }
                if (windowed.isSelected()) {
                    modes.add(CompareModel.Mode.windows(w));
                }
                if (bothWays.isSelected()) {
                    modes.add(CompareModel.Mode.bothWays(w));
                }
            }
            List<Boolean> levels = new ArrayList<>();
            if (characters.isSelected()) {
                levels.add(false);
            }
            if (words.isSelected()) {
                levels.add(true);
            }
            problem.setText("");
            List<Cell> chosenCells = cells.stream().filter(CheckBox::isSelected).map(b -> (Cell) b.getUserData()).toList();
            model.start(data.get(), settings.get(), chosenCells, modes, levels, chosen, equal.isSelected());
        });
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ChoiceBox<CompareModel.Axis> axis = new ChoiceBox<>(FXCollections.observableArrayList(CompareModel.Axis.values()));
        axis.setId("compare-axis");
        axis.valueProperty().bindBidirectional(model.axisProperty());
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> busy.get() && !model.runningProperty().get()
                ? "pause training to compare: both would share the same cores" : model.statusProperty().get(),
                busy, model.statusProperty(), model.runningProperty()));
        problem.setId("compare-problem");
        problem.getStyleClass().add("field-message");

        axis.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CompareModel.Axis a) {
                return a == null ? "" : a == CompareModel.Axis.MINUTES ? "training minutes" : "iterations";
            }

            @Override
            public CompareModel.Axis fromString(String s) {
                return null;
            }
        });
        HBox which = new HBox(8);
        which.getChildren().add(new Label("Cells"));
        which.getChildren().addAll(cells);
        which.getChildren().add(equal);
        HBox reads = new HBox(8, new Label("Modes"), stateful, windowed, window, new Label("symbols"), bothWays,
                new Label("Tokens"), characters, words);
        HBox how = new HBox(8, new Label("Budget each"), budget, unit, run, cancel, new Label("x axis"), axis);
        for (HBox row : List.of(which, reads, how)) {
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.getChildren().forEach(n -> {
                if (n instanceof javafx.scene.control.Control c) {
                    c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // never "…": the words are the controls
                }
            });
        }
        VBox top = new VBox(6, which, reads, how, new HBox(8, status, problem));
        top.setPadding(new Insets(6));
        setTop(top);

        chart.setId("compare-chart");
        chart.setAxisLabels("training minutes", "validation bits/char");
        model.axisProperty().addListener((obs, old, now) -> chart.setAxisLabels(
                now == CompareModel.Axis.MINUTES ? "training minutes" : "iterations", "validation bits/char"));
        table.setId("compare-table");
        table.setItems(model.entries());
        table.getColumns().add(column("model", e -> e.contender().name()));
        table.getColumns().add(column("parameters", e -> String.format(Locale.ROOT, "%,d", e.contender().parameters())));
        table.getColumns().add(column("iterations", e -> e.result() == null ? "…"
                : String.format(Locale.ROOT, "%,d", e.result().iterations())));
        table.getColumns().add(column("chars/s", e -> e.result() == null ? "…"
                : String.format(Locale.ROOT, "%,.0f", e.result().charsPerSecond())));
        table.getColumns().add(column("best val bits/char", e -> e.result() == null ? best(e)
                : String.format(Locale.ROOT, "%.3f", e.result().bestBitsPerChar())));
        table.getColumns().add(column("at minute", e -> e.result() == null ? "…"
                : String.format(Locale.ROOT, "%.1f", e.result().minutesToBest())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(140);
        samples.setId("compare-samples");
        sampleIteration.setId("compare-sample-iteration");
        sampleIteration.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Long i) {
                return i == null ? "" : i == AT_THE_END ? "the end of each run"
                        : String.format(Locale.ROOT, "iteration %,d", i);
            }

            @Override
            public Long fromString(String text) {
                return null;
            }
        });
        sampleIteration.setOnAction(e -> {
            if (!refreshing) {
                refresh();
            }
        });
        VBox.setVgrow(samples, Priority.ALWAYS);
        VBox samplesBox = new VBox(4, new HBox(8, new Label("Samples at"), sampleIteration), samples);
        legend.setId("compare-legend");
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox plot = new VBox(2, chart, legend);
        SplitPane center = new SplitPane(plot, table, samplesBox);
        center.setId("compare-split");
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5, 0.72);
        setCenter(center);

        model.onChange(this::refresh);
        model.entries().addListener((javafx.collections.ListChangeListener<CompareModel.Entry>) c -> refresh());
    }

    private CompareModel.Budget budget() {
        try {
            double value = Double.parseDouble(budget.getText().trim());
            if ("minutes".equals(unit.getValue())) {
                return value > 0 && value <= 24 * 60 ? CompareModel.Budget.minutes(value) : null;
            }
            return value >= 1 && value <= 1e9 && value == Math.rint(value) ? CompareModel.Budget.iterations((long) value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The cell's colour; lighter for its windowed run, another hue for its bidirectional one. */
    private static Color color(CompareModel.Entry e) {
        // the cell's hue; darker when it reads words, paler on windows, the hue turned on windows
        // read both ways, so every pairing stays apart
        Color c = COLORS.get(e.contender().cell());
        c = e.contender().words() ? c.interpolate(Color.BLACK, 0.5) : c;
        if (e.contender().mode().bidirectional()) {
            return c.deriveColor(50, 1, 0.85, 1);
        }
        return e.contender().mode().window() > 0 ? c.interpolate(Color.WHITE, 0.45) : c;
    }

    private Integer windowLength() {
        try {
            int w = Integer.parseInt(window.getText().trim());
            return w >= 1 && w <= TrainingConfig.MAX_SEQ_LENGTH ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String best(CompareModel.Entry e) {
        double best = Double.NaN;
        for (Comparison.Point p : e.points()) {
            best = Double.isNaN(best) ? p.bitsPerChar() : Math.min(best, p.bitsPerChar());
        }
        return Double.isNaN(best) ? "…" : String.format(Locale.ROOT, "%.3f so far", best);
    }

    private static TableColumn<CompareModel.Entry, String> column(String name,
                                                                Function<CompareModel.Entry, String> text) {
        TableColumn<CompareModel.Entry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        List<Layer> layers = new ArrayList<>();
        for (CompareModel.Entry e : model.entries()) {
            layers.add(new Layer(e.contender().name(), e.series(), color(e), 2, Layer.Style.LINE));
        }
        chart.setLayers(layers);
        List<javafx.scene.Node> keys = new ArrayList<>();
        for (CompareModel.Entry e : model.entries()) {
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(14, 3, color(e));
            Label key = new Label(e.contender().name(), swatch);
            key.setId("compare-legend-" + e.contender().key());
            keys.add(key);
        }
        legend.getChildren().setAll(keys);
        table.refresh();
        // every iteration some finished run drew a sample at, so that runs can be read at matching iterations
        TreeSet<Long> drawnAt = new TreeSet<>();
        for (CompareModel.Entry e : model.entries()) {
            if (e.result() != null) {
                e.result().samples().forEach(sample -> drawnAt.add(sample.iteration()));
            }
        }
        List<Long> choices = new ArrayList<>();
        choices.add(AT_THE_END);
        choices.addAll(drawnAt);
        Long chosen = sampleIteration.getValue();
        refreshing = true;
        try {
            if (!sampleIteration.getItems().equals(choices)) {
                sampleIteration.getItems().setAll(choices);
            }
            sampleIteration.setValue(chosen != null && choices.contains(chosen) ? chosen : AT_THE_END);
        } finally {
            refreshing = false;
        }
        long at = sampleIteration.getValue();
        List<javafx.scene.Node> shown = new ArrayList<>();
        for (CompareModel.Entry e : model.entries()) {
            if (e.result() == null) {
                continue;
            }
            String text = at == AT_THE_END ? e.result().sample() : e.result().sampleAt(at);
            long iteration = at == AT_THE_END ? e.result().iterations() : at;
            TextArea area = new TextArea(text != null ? text
                    : String.format(Locale.ROOT, "(no sample at iteration %,d: this run reached %,d)", at, e.result().iterations()));
            area.setId("compare-sample-" + e.contender().key());
            area.setEditable(false);
            area.setWrapText(true);
            VBox box = new VBox(2, new Label(String.format(Locale.ROOT, "%s, at iteration %,d", e.contender().name(), iteration)), area);
            VBox.setVgrow(area, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            shown.add(box);
        }
        samples.getChildren().setAll(shown);
    }

    private static CheckBox checkBox(String text, String id, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }
}
