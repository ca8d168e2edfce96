package org.charscope.ui.explorer;

import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.explore.ColorScale;
import org.charscope.explore.Discovery;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.ShownSymbol;

/**
 * One card of the discoveries strip: the unit's name and what it was found for, over a mini
 * heatmap of the stretch where it moves most, coloured as the big heatmap colours that unit. A
 * click shows the unit.
 */
final class DiscoveryCard extends VBox {

    static final double CELL_WIDTH = 7.5;
    static final double LINE_HEIGHT = 13;
    /** Lines of the stretch drawn: two, so a 40-character stretch fits a card a sixth of the window wide. */
    static final int LINES = 2;
    private static final Font FONT = Font.font("Monospaced", FontWeight.BOLD, 10);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Label name = new Label();
    private final Canvas stretch = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final HeatmapLook look;
    private Discovery shown;
    private Probed reading;

    /** @param index 0 for the strongest: the card's id is {@code discovery-card-index} */
    DiscoveryCard(int index, HeatmapLook look, Consumer<Discovery> onPick) {
        super(2);
        this.look = look;
        setId("discovery-card-" + index);
        getStyleClass().add("discovery-card");
        name.getStyleClass().add("discovery-name");
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setWrapText(true);   // a narrow card breaks "position in line · r = 0.53" rather than cut it
        VBox.setVgrow(name, Priority.ALWAYS);   // the names take what height they need, the stretches line up below
        name.setMaxHeight(Double.MAX_VALUE);
        name.setAlignment(Pos.TOP_LEFT);
        stretch.setHeight(LINES * LINE_HEIGHT);
        getChildren().addAll(name, stretch);
        Tooltip.install(this, tip);
        setMinWidth(0);
        setPrefWidth(0);   // the strip shares its width out evenly, whatever the names' lengths
        setMaxWidth(Double.MAX_VALUE);
        setOnMouseClicked(e -> {
            if (shown != null) {
                onPick.accept(shown);
            }
        });
        widthProperty().addListener((obs, old, now) -> draw());
        look.paletteProperty().addListener(o -> draw());
        WindowZoom.redrawOnChange(this, this::draw);
    }

    /** Shows {@code card} from {@code reading}; null hides the card. */
    void show(Discovery card, Probed reading) {
        this.shown = card;
        this.reading = reading;
        setVisible(card != null);
        setManaged(card != null);
        if (card != null) {
            // no-break spaces keep "r = 0.81" on one line when a narrow card wraps the name
            name.setText(card.neuron().describe() + "\n" + card.finding().replace(" = ", "\u00A0=\u00A0"));
            setAccessibleText(card.describe());
            tip.setText(card.describe() + "\nClick to show it.");
        }
        draw();
    }

    /** The discovery shown, or null. */
    Discovery shown() {
        return shown;
    }

    /** Outlined while its unit is the one the heatmap shows. */
    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    private void draw() {
        double zoom = WindowZoom.factor(this);   // the stretch draws in units of 1/zoom pixel
        stretch.setWidth(Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()));
        stretch.setHeight(LINES * LINE_HEIGHT * zoom);
        double width = stretch.getWidth() / zoom;
        GraphicsContext g = stretch.getGraphicsContext2D();
        WindowZoom.scale(g, this);
        g.clearRect(0, 0, width, LINES * LINE_HEIGHT);
        int perLine = (int) (width / CELL_WIDTH);
        if (shown == null || reading == null || perLine < 1) {
            return;
        }
        int length = shown.to() - shown.from();
        int drawn = Math.min(length, perLine * LINES);
        int first = shown.from() + (length - drawn) / 2;   // the stretch's middle when it does not fit
        var neuron = shown.neuron();
        boolean held = reading.holds(neuron.layer(), neuron.quantity());
        NeuronMatrix values = held ? reading.matrix(neuron.layer(), neuron.quantity()) : null;
        ColorScale scale = held ? look.scale(neuron.quantity(), values, neuron.unit()) : null;
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < drawn; k++) {
            int step = first + k;
            double left = (k % perLine) * CELL_WIDTH;
            double top = (k / perLine) * LINE_HEIGHT;
            // a snapshot's reading kept trimmed may lack this unit's values: grey until it is shown
            int rgb = held ? scale.rgb(values.value(step, neuron.unit())) : ColorScale.MISSING;
            g.setFill(color(rgb));
            g.fillRect(left, top, CELL_WIDTH, LINE_HEIGHT);
            int codePoint = reading.codePoints()[step];
            if (codePoint != ' ') {
                g.setFill(color(held ? scale.textOn(rgb) : ColorScale.textColorOn(rgb)));
                g.fillText(ShownSymbol.of(codePoint), left + CELL_WIDTH / 2, top + LINE_HEIGHT / 2);
            }
        }
    }

    private static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
