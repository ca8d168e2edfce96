package org.charscope.ui.chart;

import javafx.scene.paint.Color;

/** One series as a chart draws it. */
public record Layer(String name, Series series, Color color, double lineWidth, Style style) {

    public enum Style {
        /** A line through every point (decimated per pixel column). */
        LINE,
        /** A dot at every point (for sparse series such as validation losses). */
        POINTS
    }
}
