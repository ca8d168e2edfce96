package org.charscope.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** What a chart draws over its lines that is not data: a yardstick line with its caption. */
final class ChartAnnotations {

    private static final Font CAPTION = Font.font(null, FontWeight.BOLD, 11);

    private ChartAnnotations() {
    }

    /**
     * A dashed horizontal line across the plot at {@code plottedY}, its caption above its left end:
     * the right end is where the best-validation marker sits, and a falling curve leaves the left
     * end's low values free. {@code color}: the theme's accent.
     */
    static void drawGuide(GraphicsContext g, ChartFrame f, double plottedY, String caption, Color color) {
        if (!Double.isFinite(plottedY)) {
            return;
        }
        double y = Math.floor(f.py(plottedY)) + 0.5;
        g.save();
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(f.left(), y, f.left() + f.width(), y);
        g.setLineDashes();
        g.setFont(CAPTION);
        g.setFill(color);
        g.setTextAlign(TextAlignment.LEFT);
        boolean roomAbove = y - f.top() > 16;
        g.setTextBaseline(roomAbove ? VPos.BOTTOM : VPos.TOP);
        g.fillText(caption, f.left() + 6, roomAbove ? y - 3 : y + 3);
        g.restore();
    }
}
