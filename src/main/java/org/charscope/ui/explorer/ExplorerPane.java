package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.charscope.explore.ColorScale;
import org.charscope.explore.GateSaturation;
import org.charscope.explore.Neuron;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.SpanMatch;
import org.charscope.explore.SpanQuery;
import org.charscope.explore.SpanSearch;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;
import org.charscope.ui.history.EmergenceChart;
import org.charscope.ui.history.TrainingScrubber;
import org.charscope.ui.samples.SampleEntry;

/**
 * The neuron explorer: the passage as a heatmap of the selected neuron with the model's top-5
 * guesses under it, the whole layer as a grid below, and beside them the neurons ranked, the
 * detectors' best neurons per text feature, the span search and the gates' saturation. Above the
 * heatmap, the scrubber moves back through the run's snapshots; below it, beside the grid, the
 * emergence chart shows when each detector grew. Tabs below hold a unit, test a hypothesis on the
 * whole book and look for a brushed span's on/off pattern in it ({@link MatchPanel}).
 */
public final class ExplorerPane extends BorderPane {

    /** A neuron in a list, with what ranks it. */
    private final ChoiceBox<Signal> quantity;
    private boolean choosingQuantities;     // the quantity list is being replaced: no refresh until it is back
    record Entry(int layer, Signal quantity, int unit, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final ExplorerModel model;
    private final HeatmapView heatmap;
    private final NeuronGrid grid;
    private final ChoiceBox<Integer> layer;
    private final ListView<Entry> neurons = list("neuron-list");
    private final ListView<Entry> detectors = list("detector-list");
    private final ListView<Entry> spanMatches = list("span-list");
    private final Label legend = new Label();
    private final TextArea typed = new TextArea();
    private final Label hover = new Label();
    private final ScatterPlot forget = new ScatterPlot("forget gate");
    private final ScatterPlot input = new ScatterPlot("input gate");
    private final ScatterPlot output = new ScatterPlot("output gate");
    private final TrainingScrubber scrubber;
    private final EmergenceChart emergence;
    private final HoldPanel holding;
    private final HypothesisPanel hypothesis;
    private final MatchPanel match;

    /** @param samples the run's samples: the scrubber shows the one nearest the iteration looked at */
    public ExplorerPane(ExplorerModel model, ObservableList<SampleEntry> samples) {
        this.model = model;
        this.heatmap = new HeatmapView(model);
        this.grid = new NeuronGrid(model, heatmap);
        this.scrubber = new TrainingScrubber(model.shelf(), model.live().liveIterationProperty(), samples);
        this.emergence = new EmergenceChart(model.shelf());
        setId("explorer-pane");
        getStyleClass().add("explorer-pane");
        ExplorerToolbar toolbar = new ExplorerToolbar(model, heatmap);
        this.layer = toolbar.layer();
        this.quantity = toolbar.quantity();
        this.holding = new HoldPanel(model);
        this.hypothesis = new HypothesisPanel(model, this::explore);
        this.match = new MatchPanel(model, heatmap, this::explore);
        setTop(toolbar);
        setCenter(center());
        setRight(side());
        HoldMenu holdMenu = new HoldMenu(holding);
        List.of(neurons, detectors, spanMatches).forEach(holdMenu::attachTo);
        holdMenu.attachTo(grid, model);
        model.probedProperty().addListener((obs, old, now) -> refreshLists());
        model.layerProperty().addListener((obs, old, now) -> refreshLists());
        model.quantityProperty().addListener((obs, old, now) -> refreshLists());
        model.orderProperty().addListener((obs, old, now) -> refreshLists());
        model.featureProperty().addListener((obs, old, now) -> refreshLists());
        model.discovering().hideSaturatedProperty().addListener((obs, old, now) -> refreshLists());
        model.unitProperty().addListener((obs, old, now) -> {
            showLegend();
            refreshSaturation();
        });
        emergence.setOnPick((snapshot, finding) -> model.lookAt(snapshot, finding.neuron(), finding.feature()));
        for (var shown : List.of(model.layerProperty(), model.quantityProperty(), model.unitProperty(), model.featureProperty())) {
            shown.addListener(o -> showNeuronInChart());
        }
        showNeuronInChart();
    }

    /** The emergence chart draws the shown neuron's own history, for the feature chosen. */
    private void showNeuronInChart() {
        Signal shown = model.quantityProperty().get();
        emergence.showNeuron(shown == null ? null : new Neuron(model.layerProperty().get(), shown, model.unitProperty().get()),
                model.featureProperty().get());
    }

    /** Looks at {@code passage} (a selection from the book): shows it as the passage and reads it. */
    public void explore(String passage) {
        typed.setText(passage);
        model.refresh();
    }

    private SplitPane center() {
        typed.setId("explorer-passage");
        typed.setPromptText("Type or paste a passage to look through (empty: the start of the validation text), "
                + "then Read passage.");
        typed.setPrefRowCount(2);
        typed.setWrapText(true);
        model.typedPassageProperty().bind(typed.textProperty());
        legend.setId("explorer-legend");
        legend.getStyleClass().add("legend");
        model.look().paletteProperty().addListener(o -> showLegend());
        hover.setId("explorer-hover");
        hover.getStyleClass().add("hover-line");
        DiscoveryStrip strip = new DiscoveryStrip(model, heatmap);
        VBox text = new VBox(4, typed, scrubber, strip, legend, heatmap, hover);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        heatmap.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> hover.setText(heatmap.hoverText()));
        Label gridTitle = new Label("All units of the layer over the characters shown (click a row to pick it)");
        gridTitle.getStyleClass().add("subheading");
        VBox gridBox = new VBox(2, gridTitle, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        Label emergenceTitle = new Label("Best |r| per feature at each snapshot (click a point to look at that neuron then)");
        emergenceTitle.getStyleClass().add("subheading");
        VBox emergenceBox = new VBox(2, emergenceTitle, emergence);
        VBox.setVgrow(emergence, Priority.ALWAYS);
        Tab units = new Tab("All units", gridBox);
        units.setId("tab-units");
        Tab overTraining = new Tab("Emergence", emergenceBox);
        overTraining.setId("tab-emergence");
        TabPane below = new TabPane(units, overTraining, holding.tab(), hypothesis.tab(),
                match.tab());
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.setId("explorer-below");
        SplitPane split = new SplitPane(text, below);
        split.setId("explorer-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(below, false);   // a taller window gives its height to the heatmap
        new ExplorerFolding(split, below, text, strip, typed).foldWhenShort(this);
        return split;
    }

    private TabPane side() {
        neurons.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> select(e));
        detectors.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> select(e));
        spanMatches.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> select(e));
        Button find = new Button("Find neurons for the selected span");
        find.setId("span-find");
        find.setOnAction(e -> searchSpan());
        Label how = new Label("Drag over characters in the passage to select a span.");
        how.setWrapText(true);
        how.getStyleClass().add("hint");
        VBox span = new VBox(6, how, find, spanMatches);
        VBox.setVgrow(spanMatches, Priority.ALWAYS);
        VBox saturation = new VBox(4, forget, input, output);
        Tab a = new Tab("Neurons", neurons);
        Tab b = new Tab("Detectors", detectors);
        Tab c = new Tab("Span", span);
        Tab d = new Tab("Saturation", saturation);
        a.setId("tab-neurons");
        b.setId("tab-detectors");
        c.setId("tab-span");
        d.setId("tab-saturation");
        ScrollPane cursorPanel = new ScrollPane(new CursorPanel(model));
        cursorPanel.setFitToWidth(true);
        Tab why = new Tab("Why", cursorPanel);
        why.setId("tab-why");
        TabPane tabs = new TabPane(a, b, c, d, why);
        model.cursor().pinnedProperty().addListener((obs, old, now) -> {
            if (now) {
                tabs.getSelectionModel().select(why);   // a character clicked: its explanation comes into view
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("explorer-side");
        return tabs;
    }

    private static ListView<Entry> list(String id) {
        ListView<Entry> list = new ListView<>();
        list.setId(id);
        return list;
    }

    private void select(Entry entry) {
        if (entry == null) {
            return;
        }
        model.layerProperty().set(entry.layer());
        layer.setValue(entry.layer());
        model.quantityProperty().set(entry.quantity());
        model.unitProperty().set(entry.unit());
    }

    private void refreshLists() {
        if (choosingQuantities) {
            return;
        }
        Probed probed = model.probedProperty().get();
        if (probed != null && !quantity.getItems().equals(List.copyOf(probed.quantities()))) {
            // only what this cell has; replacing the items clears the choice, which is then put back
            Signal shown = model.quantityProperty().get();
            choosingQuantities = true;
            try {
                quantity.getItems().setAll(probed.quantities());
                quantity.setValue(shown);
            } finally {
                choosingQuantities = false;
            }
        }
        if (probed == null) {
            neurons.getItems().clear();
            detectors.getItems().clear();
            spanMatches.getItems().clear();
            legend.setText("");
            legend.setGraphic(null);
            return;
        }
        if (layer.getItems().size() != probed.layers()) {
            List<Integer> layers = new ArrayList<>();
            for (int l = 0; l < probed.layers(); l++) {
                layers.add(l);
            }
            layer.getItems().setAll(layers);
        }
        layer.setValue(model.layerProperty().get());
        int[] order = model.orderedUnits();
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        double[] variances = values.unitVariances();
        List<Entry> rows = new ArrayList<>();
        for (int unit : order) {
            String score = switch (model.orderProperty().get()) {
                case VARIANCE -> String.format(Locale.ROOT, "variance %.3f", variances[unit]);
                case SATURATION -> String.format(Locale.ROOT, "saturated %.0f%%", 100 * (
                        values.fractionBelow(model.quantityProperty().get().leftSaturatedBelow())[unit]
                        + values.fractionAbove(model.quantityProperty().get().rightSaturatedAbove())[unit]));
                case DETECTOR -> String.format(Locale.ROOT, "r = %.2f", probed.correlations().r(
                        model.layerProperty().get(), model.quantityProperty().get(), unit, model.featureProperty().get()));
            };
            rows.add(new Entry(model.layerProperty().get(), model.quantityProperty().get(), unit,
                    String.format(Locale.ROOT, "%s %d · %s", model.quantityProperty().get().displayName(), unit, score)));
        }
        neurons.getItems().setAll(rows);
        grid.setRows(order);
        List<Entry> found = new ArrayList<>();
        for (TextFeature feature : TextFeature.values()) {
            for (NeuronFinding finding : model.discovering().detectors(probed.correlations(), feature, 3)) {
                found.add(new Entry(finding.layer(), finding.quantity(), finding.unit(), finding.describe()));
            }
        }
        detectors.getItems().setAll(found);
        showLegend();
        refreshSaturation();
    }

    private void showLegend() {
        Probed probed = model.probedProperty().get();
        if (probed == null) {
            return;
        }
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        ColorScale scale = model.look().scale(model.quantityProperty().get(), values, model.unitProperty().get());
        String[] ends = model.look().paletteProperty().get().scheme().endNames(model.quantityProperty().get().isGate());
        legend.setText(String.format(Locale.ROOT, "colour: %s %d of layer %d from %.2f (%s) through %.2f to %.2f (%s)",
                model.quantityProperty().get().displayName(), model.unitProperty().get(), model.layerProperty().get() + 1,
                scale.low(), ends[0], (scale.low() + scale.high()) / 2, scale.high(), ends[1]));
        legend.setGraphic(ScaleBar.of(scale));
    }

    private void refreshSaturation() {
        Probed probed = model.probedProperty().get();
        if (probed == null) {
            return;
        }
        int unit = model.unitProperty().get();
        // the plots in turn: forget, input, output for an LSTM; reset, update for a GRU; none for an RNN
        List<ScatterPlot> plots = List.of(forget, input, output);
        int shown = 0;
        for (GateSaturation s : probed.saturation()) {
            if (s.layer() != model.layerProperty().get() || shown == plots.size()) {
                continue;
            }
            ScatterPlot plot = plots.get(shown++);
            plot.setTitle(s.gate().displayName());
            plot.setPoints(s.left(), s.right(), unit);
        }
        for (int k = 0; k < plots.size(); k++) {
            plots.get(k).setVisible(k < shown);
            plots.get(k).setManaged(k < shown);
        }
    }

    private void searchSpan() {
        Probed probed = model.probedProperty().get();
        int[] span = heatmap.span();
        if (probed == null || span == null) {
            return;
        }
        Signal quantity = model.quantityProperty().get();
        List<SpanMatch> matches = SpanSearch.rank(probed.result().activations(), quantity,
                SpanQuery.of(span[0], span[1], quantity), 20);
        model.discovering().spanSearched(quantity, SpanQuery.of(span[0], span[1], quantity));
        List<Entry> rows = new ArrayList<>();
        for (SpanMatch m : matches) {
            rows.add(new Entry(m.layer(), m.quantity(), m.unit(), m.describe()));
        }
        spanMatches.getItems().setAll(rows);
    }

    /** The heatmap with its legend, as a picture export takes it. */
    public javafx.scene.Node heatmapNode() {
        return heatmap;
    }

    HeatmapView heatmap() {
        return heatmap;
    }

    NeuronGrid grid() {
        return grid;
    }

    TrainingScrubber scrubber() {
        return scrubber;
    }

    EmergenceChart emergence() {
        return emergence;
    }

    /** The forget gate's plot for an LSTM (the first plot shown). */
    ScatterPlot firstSaturationPlot() {
        return forget;
    }
}
