package org.charscope.ui.explorer;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Neurons tab's two rows of controls: read the passage (now, or every 500 iterations), and
 * which layer, quantity and order to show, with the heatmap's top-5 and surprisal switches.
 */
final class ExplorerToolbar extends VBox {

    private final ChoiceBox<Integer> layer = new ChoiceBox<>();
    private final ChoiceBox<Signal> quantity = new ChoiceBox<>();

    ExplorerToolbar(ExplorerModel model, HeatmapView heatmap) {
        super(2);
        Button refresh = new Button("Read passage", new FontIcon("mdi2r-refresh"));
        refresh.setId("explorer-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.live().computingProperty());
        CheckBox auto = new CheckBox("every 500 iterations");
        auto.setId("explorer-auto");
        auto.selectedProperty().bindBidirectional(model.live().autoRefreshProperty());

        layer.setId("explorer-layer");
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer l) {
                return l == null ? "" : "layer " + (l + 1);
            }

            @Override
            public Integer fromString(String s) {
                return Integer.parseInt(s.replace("layer ", "")) - 1;
            }
        });
        layer.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.layerProperty().set(now);
            }
        });
        quantity.getItems().setAll(Signal.values());
        quantity.setId("explorer-quantity");
        quantity.setConverter(new ChoiceNames<>(Signal::displayName));
        quantity.valueProperty().bindBidirectional(model.quantityProperty());
        ChoiceBox<ExplorerModel.Order> order = new ChoiceBox<>(FXCollections.observableArrayList(ExplorerModel.Order.values()));
        order.setId("explorer-order");
        order.valueProperty().bindBidirectional(model.orderProperty());
        ChoiceBox<TextFeature> feature = new ChoiceBox<>(FXCollections.observableArrayList(TextFeature.values()));
        feature.setId("explorer-feature");
        feature.setConverter(new ChoiceNames<>(TextFeature::displayName));
        feature.valueProperty().bindBidirectional(model.featureProperty());
        feature.visibleProperty().bind(model.orderProperty().isEqualTo(ExplorerModel.Order.DETECTOR));
        CheckBox guesses = new CheckBox("top-5");
        guesses.setId("explorer-guesses");
        guesses.setSelected(true);
        guesses.selectedProperty().addListener((obs, old, now) -> heatmap.setShowGuesses(now));
        CheckBox surprisal = new CheckBox("surprisal");
        surprisal.setId("explorer-surprisal");
        surprisal.selectedProperty().addListener((obs, old, now) -> heatmap.setShowSurprisal(now));
        Label status = new Label();
        status.setId("explorer-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("hint");
        HBox first = new HBox(8, refresh, auto, status);
        HBox second = new HBox(8, new Label("Show"), layer, quantity, new Label("sort neurons by"), order, feature,
                guesses, surprisal);
        first.getStyleClass().add("chart-toolbar");
        second.getStyleClass().add("chart-toolbar");
        for (var control : List.of(refresh, auto, layer, quantity, order, feature, guesses, surprisal)) {
            control.setMinWidth(Region.USE_PREF_SIZE); // never "…": the labels are short
        }
        getChildren().addAll(first, second);
    }


    /** The layer choice: its items follow the reading (the pane fills them). */
    ChoiceBox<Integer> layer() {
        return layer;
    }

    /** The quantity choice: its items follow the cell read (the pane fills them). */
    ChoiceBox<Signal> quantity() {
        return quantity;
    }
}
