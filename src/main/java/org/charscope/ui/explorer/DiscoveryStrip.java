package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.charscope.explore.Discoveries;
import org.charscope.explore.Discovery;
import org.charscope.explore.Neuron;
import org.charscope.explore.SaturatedUnits;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the heatmap, after each reading: the {@value Discoveries#CARDS} units most worth a look
 * as cards ({@link DiscoveryCard}), and how many units of the layer shown stay saturated over the
 * passage, with the switch that hides them from the grid and the rankings. The cards fold away
 * to the header line on a small screen, where the heatmap needs the height.
 */
final class DiscoveryStrip extends VBox {

    private final ExplorerModel model;
    private final Discovering discovering;
    private final List<DiscoveryCard> cards = new ArrayList<>();
    private final HBox row = new HBox(6);
    private final Label saturated = new Label();
    private final BooleanProperty open = new SimpleBooleanProperty(true);

    /** @param heatmap scrolled to a card's stretch when the card is clicked */
    DiscoveryStrip(ExplorerModel model, HeatmapView heatmap) {
        super(3);
        this.model = model;
        this.discovering = model.discovering();
        setId("discovery-strip");
        getStylesheets().add(DiscoveryStrip.class.getResource("discoveries.css").toExternalForm());
        ToggleButton title = new ToggleButton("Worth a look first");
        title.setId("discovery-fold");
        title.getStyleClass().addAll("subheading", "flat", "small");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.selectedProperty().bindBidirectional(open);
        title.setTooltip(new Tooltip("Show or fold the cards"));
        FontIcon chevron = new FontIcon("mdi2c-chevron-down");
        chevron.rotateProperty().bind(Bindings.when(open).then(0).otherwise(-90));
        title.setGraphic(chevron);
        open.addListener(o -> showCards());
        saturated.setId("saturated-count");
        saturated.getStyleClass().add("saturated-count");
        saturated.setMinWidth(0);   // the one to shorten, when the pane is narrow
        saturated.setTooltip(new Tooltip("Saturated: beyond the quantity's saturation thresholds for at least 95% of the "
                + "characters, or a standard deviation under 0.02 over the passage. Such a unit paints the text in one "
                + "flat colour."));
        CheckBox hide = new CheckBox("hide them");
        hide.setId("hide-saturated");
        hide.setMinWidth(Region.USE_PREF_SIZE);
        hide.selectedProperty().bindBidirectional(discovering.hideSaturatedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, gap, saturated, hide);
        header.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < Discoveries.CARDS; i++) {
            DiscoveryCard card = new DiscoveryCard(i, model.look(), picked -> {
                discovering.show(picked.neuron());
                heatmap.scrollTo(picked.from());   // the big heatmap opens where the card's stretch is
            });
            HBox.setHgrow(card, Priority.ALWAYS);
            cards.add(card);
        }
        row.getChildren().addAll(cards);
        getChildren().addAll(header, row);
        discovering.cardsProperty().addListener((obs, old, now) -> showCards());
        for (var shown : List.of(model.probedProperty(), model.layerProperty(), model.quantityProperty(),
                model.unitProperty())) {
            shown.addListener(o -> showShown());
        }
        showCards();
    }

    /** The cards of the reading now. */
    private void showCards() {
        List<Discovery> now = discovering.cardsProperty().get();
        Probed reading = model.probedProperty().get();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(i < now.size() ? now.get(i) : null, reading);
        }
        row.setVisible(open.get() && !now.isEmpty());
        row.setManaged(open.get() && !now.isEmpty());
        showShown();
    }

    /** Whether the cards show (true) or only the header line. */
    BooleanProperty openProperty() {
        return open;
    }

    /** The count for the layer and quantity shown, and the card of the unit shown outlined. */
    private void showShown() {
        SaturatedUnits counted = discovering.shownSaturation();
        saturated.setText(counted == null ? "" : counted.describe(model.layerProperty().get()));
        for (DiscoveryCard card : cards) {
            Discovery d = card.shown();
            card.setSelected(d != null && d.neuron().equals(new Neuron(model.layerProperty().get(),
                    model.quantityProperty().get(), model.unitProperty().get())));
        }
    }
}
