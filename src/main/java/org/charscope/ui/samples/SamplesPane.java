package org.charscope.ui.samples;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.charscope.baseline.CopyIndex;
import org.charscope.io.Failures;
import org.charscope.ui.chart.Layer;
import org.charscope.ui.chart.LineChartCanvas;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Samples evolving: a timeline of what the model wrote every N iterations (like Karpathy's
 * "iteration 100 … 2000" sequence), the selected one or two shown in full side by side, a copy
 * button, and "sample now" with a temperature and a prime text.
 */
public final class SamplesPane extends VBox {

    /** Asks the engine for a sample; the future completes off the FX thread. */
    @FunctionalInterface
    public interface Sampler {
        CompletableFuture<String> sample(double temperature, String prime);
    }

    private final ListView<SampleEntry> timeline;
    private final TextArea left = fullText("sample-left");
    private final TextArea right = fullText("sample-right");
    private final Label leftCaption = new Label("Select a sample to read it; select two to compare.");
    private final Label rightCaption = new Label();
    private final VBox rightBox = new VBox(4); // shown beside the first only when two are selected
    private final SplitPane comparison;
    private final SampleCopies copies;
    private final LineChartCanvas copiedChart = smallChart("sample-copied-chart");
    private final LineChartCanvas validationChart = smallChart("sample-validation-chart");

    public SamplesPane(ObservableList<SampleEntry> samples, Sampler sampler) {
        setId("samples-pane");
        getStyleClass().add("samples-pane");
        timeline = new ListView<>(samples);
        timeline.setId("sample-timeline");
        copies = new SampleCopies(samples);
        timeline.setCellFactory(list -> new SampleCell(copies));
        timeline.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        timeline.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SampleEntry>) c -> showSelected());
        samples.addListener((ListChangeListener<SampleEntry>) c -> followNewest(samples));

        Label title = new Label("Samples");
        title.getStyleClass().add("heading");
        Button copy = new Button("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setId("sample-copy");
        copy.disableProperty().bind(timeline.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copySelected());

        Spinner<Double> temperature = new Spinner<>(0.1, 2.0, 0.8, 0.1);
        temperature.setId("sample-temperature");
        temperature.setEditable(true);
        temperature.getStyleClass().add("temperature-spinner");   // its width in em (charscope.css): zoomed, "0.8" still fits
        TextField prime = new TextField();
        prime.setId("sample-prime");
        prime.setPromptText("prime text (optional)");
        HBox.setHgrow(prime, Priority.ALWAYS);
        Button now = new Button("Sample now", new FontIcon("mdi2p-play-speed"));
        now.setId("sample-now");
        Label sampleStatus = new Label();
        sampleStatus.setId("sample-status");
        now.setOnAction(e -> {
            now.setDisable(true);
            sampleStatus.setText("sampling…");
            double t = temperature.getValue();
            sampler.sample(t, prime.getText()).whenComplete((text, failure) -> Platform.runLater(() -> {
                now.setDisable(false);
                if (failure != null) {
                    sampleStatus.setText("could not sample: " + Failures.oneLine(failure));
                } else {
                    sampleStatus.setText("");
                    left.setText(text);
                    leftCaption.setText(String.format(Locale.ROOT, "sample now · T %.2f", t));
                }
            }));
        });

        HBox header = new HBox(8, title, new Label("T"), temperature, prime, now, copy);
        header.getStyleClass().add("chart-toolbar");
        VBox leftBox = new VBox(4, leftCaption, left);
        rightBox.getChildren().addAll(rightCaption, right);
        rightBox.setId("sample-right-box");
        VBox.setVgrow(left, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        comparison = new SplitPane(leftBox);
        comparison.setId("sample-comparison");
        SplitPane body = new SplitPane(timelineBeside(), comparison);
        body.setId("samples-split");
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.45);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, sampleStatus, body);
    }

    /**
     * The timeline with two small charts to its right: the share each sample copied from the book,
     * and the validation loss it was written at, both by iteration.
     */
    private HBox timelineBeside() {
        copiedChart.setLayers(List.of(new Layer("copied", copies.copiedPercent(), Color.web("#7c3aed"), 1.5,
                Layer.Style.POINTS)));
        copiedChart.setAxisLabels("iteration", "% copied");
        validationChart.setLayers(List.of(new Layer("validation", copies.validation(), Color.web("#dc2626"), 1.5,
                Layer.Style.POINTS)));
        validationChart.setAxisLabels("iteration", "val nats");
        copies.setOnChange(() -> {
            copiedChart.markDirty();
            validationChart.markDirty();
            timeline.refresh();
        });
        Label copiedTitle = new Label("Copied from the book (runs of " + CopyIndex.MIN_RUN + "+) · validation");
        copiedTitle.getStyleClass().add("subheading");
        HBox pair = new HBox(4, copiedChart, validationChart);
        VBox.setVgrow(pair, Priority.ALWAYS);
        VBox charts = new VBox(2, copiedTitle, pair);
        charts.setPrefWidth(360);
        charts.setMinWidth(260);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        return new HBox(6, timeline, charts);
    }

    private static LineChartCanvas smallChart(String id) {
        LineChartCanvas chart = new LineChartCanvas();
        chart.setId(id);
        chart.setPrefSize(210, 120);
        chart.setMinSize(150, 80);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /** The loaded book's copy index; null while there is none, and samples then say nothing of copies. */
    public ObjectProperty<CopyIndex> copiesProperty() {
        return copies.indexProperty();
    }

    private static TextArea fullText(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("sample-full");
        return area;
    }

    /** With nothing selected, the newest sample is scrolled to and shown in full. */
    private void followNewest(ObservableList<SampleEntry> samples) {
        if (!samples.isEmpty() && timeline.getSelectionModel().isEmpty()) {
            SampleEntry newest = samples.get(samples.size() - 1);
            timeline.scrollTo(samples.size() - 1);
            leftCaption.setText("newest: " + copies.caption(newest));
            left.setText(newest.text());
        }
    }

    private void showSelected() {
        List<SampleEntry> selected = List.copyOf(timeline.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        SampleEntry first = selected.get(0);
        leftCaption.setText(copies.caption(first));
        left.setText(first.text());
        if (selected.size() >= 2) {
            SampleEntry second = selected.get(selected.size() - 1);
            rightCaption.setText(copies.caption(second));
            right.setText(second.text());
            if (!comparison.getItems().contains(rightBox)) {
                comparison.getItems().add(rightBox);
            }
        } else {
            comparison.getItems().remove(rightBox);
        }
    }

    /** The samples selected in the timeline, oldest first (a copy). */
    public List<SampleEntry> selectedSamples() {
        return timeline.getItems().stream().filter(timeline.getSelectionModel().getSelectedItems()::contains).toList();
    }

    private void copySelected() {
        SampleEntry entry = timeline.getSelectionModel().getSelectedItem();
        if (entry != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(entry.text());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
