package org.charscope.ui.explorer;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.charscope.explore.ColorScale;
import org.charscope.explore.HeatmapHtml;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.Palette;
import org.charscope.model.Signal;

/**
 * How the heatmap, the neuron grid, the discovery cards and the HTML export colour a neuron's
 * values (the window binds the palette to View ▸ Colour scale and the theme), and whether the
 * heatmap shows five rows of guesses under each character or one compact row.
 */
public final class HeatmapLook {

    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.DEFAULT);
    private final BooleanProperty fiveGuessRows = new SimpleBooleanProperty(false);

    /** The scale one unit is drawn with, in the chosen palette (see {@link ColorScale#forUnit}). */
    public ColorScale scale(Signal quantity, NeuronMatrix values, int unit) {
        return ColorScale.forUnit(quantity, values, unit, palette.get());
    }

    /** The reading's unit as an HTML page in the chosen palette; the supplier renders on any thread. */
    Supplier<String> page(Probed reading, int layer, Signal quantity, int unit) {
        Palette colours = palette.get();
        return () -> {
            NeuronMatrix values = reading.matrix(layer, quantity);
            String title = String.format(Locale.ROOT, "layer %d · %s %d · iteration %,d", layer + 1,
                    quantity.displayName(), unit, reading.iteration());
            return HeatmapHtml.render(title, reading.codePoints(), values.series(unit),
                    ColorScale.forUnit(quantity, values, unit, colours), reading.predictions(),
                    reading.vocabularyCodePoints());
        };
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public BooleanProperty fiveGuessRowsProperty() {
        return fiveGuessRows;
    }
}
