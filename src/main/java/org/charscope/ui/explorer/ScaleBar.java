package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.charscope.explore.ColorScale;

/** A colour scale drawn as a bar, low end left, for the heatmap's legend. */
final class ScaleBar {

    private static final int STOPS = 16;

    private ScaleBar() {
    }

    static Region of(ColorScale scale) {
        List<Stop> stops = new ArrayList<>();
        for (int k = 0; k <= STOPS; k++) {
            int rgb = scale.rgb(scale.low() + (scale.high() - scale.low()) * k / STOPS);
            stops.add(new Stop(k / (double) STOPS, Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)));
        }
        Region bar = new Region();
        bar.setId("legend-scale");
        bar.getStyleClass().add("legend-scale");
        bar.setMinSize(120, 12);
        bar.setPrefSize(120, 12);
        bar.setBackground(new Background(new BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), null, null)));
        return bar;
    }
}
