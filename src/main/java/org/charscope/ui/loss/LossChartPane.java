package org.charscope.ui.loss;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.charscope.baseline.NgramBaseline;
import org.charscope.ui.chart.Layer;
import org.charscope.ui.chart.LineChartCanvas;
import org.controlsfx.control.SegmentedButton;

/**
 * The loss chart (training raw and smoothed, validation points, the best validation marked)
 * with the gradient-norm chart below it, and toggles for units (nats or bits per character),
 * scale (linear or log) and x axis (iteration or epoch).
 */
public final class LossChartPane extends VBox {

    private static final double LN2 = Math.log(2);

    private final LossHistory history;
    /** The least height the loss chart keeps; below this plus the gradient chart's, that chart hides. */
    static final double LOSS_MIN_HEIGHT = 150;

    private final LineChartCanvas lossChart = new LineChartCanvas();
    private final LineChartCanvas gradChart = new LineChartCanvas();
    private final ToggleButton bits = toggle("bits", "loss-bits");
    private final ToggleButton log = toggle("log", "loss-log");
    private final ToggleButton byEpoch = toggle("epoch", "loss-by-epoch");
    private final Label best = new Label();
    private final ObjectProperty<NgramBaseline> baseline = new SimpleObjectProperty<>();
    private Consumer<String> onBaselineBeaten = message -> { };
    private long announcedBeaten = -1; // the crossing already said, so each run says it once

    public LossChartPane(LossHistory history) {
        this.history = history;
        setId("loss-pane");
        getStyleClass().add("loss-pane");
        lossChart.setId("loss-chart");
        gradChart.setId("grad-norm-chart");
        best.setId("best-validation");
        best.getStyleClass().add("best-validation");

        ToggleButton nats = toggle("nats", "loss-nats");
        ToggleButton linear = toggle("linear", "loss-linear");
        ToggleButton byIteration = toggle("iteration", "loss-by-iteration");
        nats.setSelected(true);
        linear.setSelected(true);
        byIteration.setSelected(true);
        bits.selectedProperty().addListener((o, a, b) -> configure());
        log.selectedProperty().addListener((o, a, b) -> configure());
        byEpoch.selectedProperty().addListener((o, a, b) -> configure());
        baseline.addListener((o, a, b) -> configure());

        Label title = new Label("Loss");
        title.getStyleClass().add("heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, best, spacer, pair(nats, bits), pair(linear, log), pair(byIteration, byEpoch));
        bar.getStyleClass().add("chart-toolbar");
        Label gradTitle = new Label("Gradient norm before clipping");
        gradTitle.getStyleClass().add("subheading");
        gradChart.setPrefHeight(110);
        gradChart.setMinHeight(80);
        lossChart.setMinHeight(LOSS_MIN_HEIGHT);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        getChildren().addAll(bar, lossChart, gradTitle, gradChart);
        // On a laptop's short window the loss chart is what matters: the gradient norm goes first.
        heightProperty().addListener((obs, old, height) -> {
            boolean room = height.doubleValue() >= LOSS_MIN_HEIGHT + 190;
            gradTitle.setVisible(room);
            gradTitle.setManaged(room);
            gradChart.setVisible(room);
            gradChart.setManaged(room);
        });
        configure();
    }

    private static ToggleButton toggle(String text, String id) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.getStyleClass().add("small-toggle");
        return button;
    }

    /**
     * Two buttons joined as one control (ControlsFX, drawn as pills by the theme), of which exactly
     * one is selected: a click on the selected one keeps it.
     */
    private static SegmentedButton pair(ToggleButton first, ToggleButton second) {
        SegmentedButton pair = new SegmentedButton(first, second);
        pair.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
        });
        return pair;
    }

    private void configure() {
        boolean epoch = byEpoch.isSelected();
        String unit = bits.isSelected() ? "bits/char" : "nats/char";
        lossChart.setLayers(List.of(
                new Layer("train", history.train(epoch), Color.web("#93c5fd"), 1, Layer.Style.LINE),
                new Layer("smoothed", history.smoothed(epoch), Color.web("#1d4ed8"), 2, Layer.Style.LINE),
                new Layer("validation", history.validation(epoch), Color.web("#dc2626"), 1.5, Layer.Style.POINTS)));
        lossChart.setYTransform(bits.isSelected() ? nats -> nats / LN2 : nats -> nats);
        lossChart.setLogY(log.isSelected());
        lossChart.setAxisLabels(epoch ? "epoch" : "iteration", unit);
        NgramBaseline.Order yardstick = baseline.get() == null ? null : baseline.get().best();
        lossChart.setGuide(yardstick == null ? null : new LineChartCanvas.Guide(yardstick.natsPerChar(),
                String.format(Locale.ROOT, "%d-gram %.2f %s", yardstick.n(),
                        bits.isSelected() ? yardstick.bitsPerChar() : yardstick.natsPerChar(),
                        bits.isSelected() ? "bits" : "nats")));
        gradChart.setLayers(List.of(new Layer("grad norm", history.gradNorm(epoch), Color.web("#059669"), 1,
                Layer.Style.LINE)));
        gradChart.setLogY(log.isSelected());
        gradChart.setAxisLabels(epoch ? "epoch" : "iteration", "norm");
        refresh();
    }

    /** New points arrived: redraw both charts on the next frame and update the best-validation caption. */
    public void refresh() {
        boolean epoch = byEpoch.isSelected();
        if (history.hasValidation()) {
            double value = history.bestValidation() / (bits.isSelected() ? LN2 : 1);
            String caption = String.format(Locale.ROOT, "best %.3f", value);
            lossChart.setMarker(new LineChartCanvas.Marker(
                    epoch ? history.bestValidationEpoch() : history.bestValidationIteration(),
                    history.bestValidation(), caption));
            best.setText(String.format(Locale.ROOT, "best validation %.3f %s at iteration %,d", value,
                    bits.isSelected() ? "bits/char" : "nats/char", history.bestValidationIteration())
                    + belowBaseline());
        } else {
            announcedBeaten = -1;
            lossChart.setMarker(null);
            best.setText("");
        }
        lossChart.markDirty();
        gradChart.markDirty();
    }

    /**
     * " · below the 5-gram since iteration 1,200", said once per run through
     * {@link #setOnBaselineBeaten}; empty while the baseline is unknown or unbeaten.
     */
    private String belowBaseline() {
        if (baseline.get() == null) {
            return "";
        }
        NgramBaseline.Order yardstick = baseline.get().best();
        long crossed = history.firstValidationBelow(yardstick.natsPerChar());
        if (crossed < 0) {
            return "";
        }
        if (crossed != announcedBeaten) {
            announcedBeaten = crossed;
            onBaselineBeaten.accept(String.format(Locale.ROOT,
                    "validation loss went below the %d-gram baseline (%.3f nats/char) at iteration %,d",
                    yardstick.n(), yardstick.natsPerChar(), crossed));
        }
        return String.format(Locale.ROOT, " · below the %d-gram since iteration %,d", yardstick.n(), crossed);
    }

    /** The book's n-gram yardstick, drawn as a line at its best order; null while unknown. */
    public ObjectProperty<NgramBaseline> baselineProperty() {
        return baseline;
    }

    /** Told, once per run, the iteration at which validation first went below the baseline. */
    public void setOnBaselineBeaten(Consumer<String> listener) {
        this.onBaselineBeaten = listener;
    }

    LineChartCanvas lossChart() {
        return lossChart;
    }
}
