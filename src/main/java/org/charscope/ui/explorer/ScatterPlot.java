package org.charscope.ui.explorer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A gate's saturation as Karpathy, Johnson & Fei-Fei (2015) plot it: one dot per unit, the
 * fraction of time it is left-saturated (&lt; 0.1) across, right-saturated (&gt; 0.9) up. Units on
 * the diagonal's far side act as switches; those near the corner stay in between.
 */
final class ScatterPlot extends Region {

    private final Canvas canvas = new Canvas();
    private String title;
    private float[] xs = new float[0];
    private float[] ys = new float[0];
    private int highlighted = -1;

    ScatterPlot(String title) {
        this.title = title;
        getChildren().add(canvas);
        getStyleClass().add("scatter-plot");
    }

    /** Which gate it shows: the plots are reused for the GRU's reset and update gates. */
    void setTitle(String title) {
        this.title = title;
        draw();
    }

    void setPoints(float[] x, float[] y, int highlight) {
        xs = x.clone();
        ys = y.clone();
        highlighted = highlight;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 200;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double size = Math.min(w - 40, h - 40);
        if (size < 20) {
            return;
        }
        double left = 30;
        double top = 18;
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(left, top, size, size);
        g.setStroke(Color.gray(0.85));
        g.strokeLine(left, top + size, left + size, top);
        g.setFont(Font.font(11));
        g.setFill(Color.gray(0.2));
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
            g.setFill(i == highlighted ? Color.web("#f59e0b") : Color.rgb(37, 99, 235, 0.55));
            double r = i == highlighted ? 4.5 : 2.2;
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
