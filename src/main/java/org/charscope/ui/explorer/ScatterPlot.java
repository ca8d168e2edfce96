package org.charscope.ui.explorer;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;
import org.charscope.ui.theme.WindowZoom;

/**
 * A gate's saturation as Karpathy, Johnson & Fei-Fei (2015) plot it: one dot per unit, the
 * fraction of time it is left-saturated (&lt; 0.1) across, right-saturated (&gt; 0.9) up. Units on
 * the diagonal's far side act as switches; those near the corner stay in between.
 *
 * <p>The dots are drawn once per reading; the selected unit is a marker node on top, so switching
 * neurons (which a person may do every frame while scrubbing) moves one node instead of redrawing
 * every dot.
 */
final class ScatterPlot extends Region {

    private static final double LEFT = 30;
    private static final double TOP = 18;

    private final Canvas canvas = new Canvas();
    private String title;
    private float[] xs = new float[0];
    private float[] ys = new float[0];
    private int highlighted = -1;
    private final Circle marker = new Circle(4.5);
    private final ThemeColors colors = new ThemeColors();

    ScatterPlot(String title) {
        this.title = title;
        marker.setMouseTransparent(true);
        marker.setManaged(false);
        marker.getStyleClass().add("scatter-marker");
        getChildren().addAll(canvas, marker, colors);
        colors.backgroundProperty().addListener(o -> draw());
        getStyleClass().add("scatter-plot");
        setPrefSize(200, 200);
        WindowZoom.redrawOnChange(this, () -> {
            draw();
            placeMarker();
        });
    }

    /** Which gate it shows: the plots are reused for the GRU's reset and update gates. */
    void setTitle(String title) {
        this.title = title;
        draw();
    }

    /** The units' points, and the one to mark; the dots are redrawn only when the points change. */
    void setPoints(float[] x, float[] y, int highlight) {
        if (!Arrays.equals(xs, x) || !Arrays.equals(ys, y)) {
            xs = x.clone();
            ys = y.clone();
            draw();
        }
        highlighted = highlight;
        placeMarker();
    }

    /** Where the marked unit's dot is drawn (the marker's centre), or null when none is shown. */
    double[] markerCentre() {
        return marker.isVisible() ? new double[] {marker.getCenterX(), marker.getCenterY()} : null;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
            placeMarker();
        }
    }

    /** The square's side, in units of 1/zoom pixel (the canvas draws at View ▸ Zoom). */
    private double plotSize() {
        double zoom = WindowZoom.factor(this);
        return Math.min(canvas.getWidth() / zoom - 40, canvas.getHeight() / zoom - 40);
    }

    private void placeMarker() {
        double size = plotSize();
        boolean shown = highlighted >= 0 && highlighted < xs.length && size >= 20;
        marker.setVisible(shown);
        if (shown) {
            double zoom = WindowZoom.factor(this);   // the marker is a node, placed in pixels
            marker.setRadius(4.5 * zoom);
            marker.setCenterX((LEFT + xs[highlighted] * size) * zoom);
            marker.setCenterY((TOP + size - ys[highlighted] * size) * zoom);
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);
        g.clearRect(0, 0, canvas.getWidth() / zoom, canvas.getHeight() / zoom);
        double size = plotSize();
        if (size < 20) {
            return;
        }
        double left = LEFT;
        double top = TOP;
        g.setStroke(colors.get(Role.BORDER));
        g.setLineWidth(1);
        g.strokeRect(left, top, size, size);
        g.setStroke(colors.get(Role.GRID));
        g.strokeLine(left, top + size, left + size, top);
        g.setFont(Font.font(11));
        g.setFill(colors.get(Role.TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(title, left + size / 2, top - 2);
        g.setTextBaseline(VPos.TOP);
        g.fillText("fraction < 0.1", left + size / 2, top + size + 2);
        g.save();
        g.translate(left - 16, top + size / 2);
        g.rotate(-90);
        g.fillText("fraction > 0.9", 0, 0);
        g.restore();
        for (int i = 0; i < xs.length; i++) {
            double x = left + xs[i] * size;
            double y = top + size - ys[i] * size;
            g.setFill(colors.get(Role.ACCENT).deriveColor(0, 1, 1, 0.55));
            g.fillOval(x - 2.2, y - 2.2, 4.4, 4.4);
        }
    }
}
