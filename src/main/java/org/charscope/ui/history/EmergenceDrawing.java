package org.charscope.ui.history;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;
import org.charscope.explore.TextFeature;

/**
 * The strokes of one {@link EmergenceChart} frame on its canvas: the |r| axis, the iterations
 * under the snapshots, the lines, the legend. Knows nothing of where the data comes from.
 *
 * @param left    the plot's left edge on the canvas
 * @param top     its top
 * @param right   its right edge
 * @param bottom  its bottom, where |r| = 0
 * @param colors  the theme's colours for grid, text and marks
 */
record EmergenceDrawing(GraphicsContext g, double left, double top, double right, double bottom, Font font, Font bold,
                        ThemeColors colors) {

    /** Closest two iteration labels may stand, in pixels. */
    private static final double LABEL_SPACING = 58;
    /** A legend entry's height, and a column's width. */
    static final double LEGEND_ROW = 14;
    static final double LEGEND_COLUMN = 134;

    /** The |r| axis: lines at 0, 0.25, … 1, labelled on the left. */
    void axes() {
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        g.setLineDashes();
        for (int quarter = 0; quarter <= 4; quarter++) {
            double y = bottom - quarter / 4.0 * (bottom - top);
            g.setStroke(colors.get(Role.GRID));
            g.strokeLine(left, y, right, y);
            g.setFill(colors.get(Role.MUTED));
            g.fillText(String.format(Locale.ROOT, "%.2f", quarter / 4.0), left - 4, y);
        }
    }

    /** Iterations under the snapshots, as many as fit without crowding, the first and the last always. */
    void iterationTicks(List<SnapshotSummary> snapshots, IntToDoubleFunction x) {
        g.setFont(font);
        g.setFill(colors.get(Role.MUTED));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double lastLabel = Double.NEGATIVE_INFINITY;
        double end = x.applyAsDouble(snapshots.size() - 1);
        for (int i = 0; i < snapshots.size(); i++) {
            double at = x.applyAsDouble(i);
            boolean last = i == snapshots.size() - 1;
            if (at - lastLabel >= LABEL_SPACING && (last || end - at >= LABEL_SPACING)) {
                g.fillText(String.format(Locale.ROOT, "%,d", snapshots.get(i).iteration()), at, bottom + 4);
                lastLabel = at;
            }
            g.setStroke(colors.get(Role.GRID));
            g.strokeLine(at, bottom, at, bottom + 3);
        }
    }

    /** The snapshot looked at: a band down the plot. */
    void selection(double x) {
        g.setStroke(colors.get(Role.WARNING).deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(5);
        g.setLineDashes();
        g.strokeLine(x, top, x, bottom);
    }

    /** A feature's best |r| across the snapshots: a line with a dot at each, strong for the chosen feature. */
    void featureLine(double[][] xy, Color colour, boolean chosen) {
        Color stroke = chosen ? colour : colour.deriveColor(0, 0.8, 1, 0.6);
        g.setStroke(stroke);
        g.setFill(stroke);
        g.setLineWidth(chosen ? 2.5 : 1.2);
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.ROUND);
        polyline(xy);
        double radius = chosen ? 4 : 2.5;
        for (double[] point : xy) {
            if (!Double.isNaN(point[1])) {
                g.fillOval(point[0] - radius, point[1] - radius, 2 * radius, 2 * radius);
            }
        }
    }

    /**
     * A feature's level before any training (its best |r| in the untrained model, often 0.2–0.4:
     * untrained cells already integrate what they read): dotted across the plot, so a curve is read
     * against where it started rather than against 0.
     */
    void untrainedLevel(double y, Color colour) {
        g.setStroke(colour.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1);
        g.setLineDashes(2, 3);
        g.strokeLine(left, y, right, y);
        g.setLineDashes();
        g.setFill(colors.get(Role.MUTED));
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("untrained", right - 2, y - 1);
    }

    /** One neuron's own |r| across the snapshots: dashed. */
    void neuronHistory(double[][] xy, Color colour) {
        g.setStroke(colour);
        g.setLineWidth(1.8);
        g.setLineDashes(6, 4);
        polyline(xy);
        g.setLineDashes();
    }

    /** A ring round the hovered point. */
    void ring(double x, double y) {
        g.setStroke(colors.get(Role.TEXT));
        g.setLineWidth(1.5);
        g.setLineDashes();
        g.strokeOval(x - 6, y - 6, 12, 12);
    }

    /**
     * The features' colours, the chosen one bold, and the dashed neuron's name when one is shown:
     * in as many columns of {@value #LEGEND_COLUMN} pixels from {@code x} as the height needs.
     */
    void legend(double x, Color[] colours, TextFeature chosen, String neuron) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int entries = TextFeature.values().length + (neuron == null ? 0 : 1);
        int rows = rows(bottom - top + 14, entries);
        for (int i = 0; i < entries; i++) {
            double left = x + i / rows * LEGEND_COLUMN;
            double y = top + 4 + i % rows * LEGEND_ROW;
            g.setLineDashes();
            if (i == TextFeature.values().length) {
                g.setStroke(colors.get(Role.MUTED));
                g.setLineWidth(1.8);
                g.setLineDashes(6, 4);
                g.strokeLine(left, y, left + 14, y);
                g.setLineDashes();
                g.setFont(font);
                g.setFill(colors.get(Role.MUTED));
                g.fillText(neuron, left + 20, y);
                continue;
            }
            TextFeature feature = TextFeature.values()[i];
            g.setFill(colours[feature.ordinal() % colours.length]);
            g.fillRect(left, y - 4, 14, 8);
            g.setFill(colors.get(Role.MUTED));
            g.setFont(feature == chosen ? bold : font);
            g.fillText(feature.displayName(), left + 20, y);
        }
    }

    /** The width the legend takes beside a plot of {@code height} pixels. */
    static double legendWidth(double height, boolean withNeuron) {
        int entries = TextFeature.values().length + (withNeuron ? 1 : 0);
        int rows = rows(height, entries);
        return (entries + rows - 1) / rows * LEGEND_COLUMN;
    }

    private static int rows(double height, int entries) {
        return Math.max(1, Math.min(entries, (int) (height / LEGEND_ROW)));
    }

    /** Lines between consecutive known points; a NaN breaks the line. */
    private void polyline(double[][] xy) {
        for (int i = 1; i < xy.length; i++) {
            if (!Double.isNaN(xy[i - 1][1]) && !Double.isNaN(xy[i][1])) {
                g.strokeLine(xy[i - 1][0], xy[i - 1][1], xy[i][0], xy[i][1]);
            }
        }
    }
}
