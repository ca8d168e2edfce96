package org.charscope.ui.explorer;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.charscope.explore.ColorScale;
import org.charscope.explore.NeuronMatrix;

/**
 * Every unit of the selected layer and quantity (rows, in the list's order) over the characters
 * the heatmap shows (columns): the whole layer at a glance, so a neuron that lights up with the
 * text stands out. A click on a row selects that neuron.
 */
final class NeuronGrid extends Region {

    private final ExplorerModel model;
    private final HeatmapView heatmap;
    private final Canvas canvas = new Canvas();
    private int[] rows = new int[0];
    private boolean dirty = true;

    NeuronGrid(ExplorerModel model, HeatmapView heatmap) {
        this.model = model;
        this.heatmap = heatmap;
        setId("neuron-grid");
        getChildren().add(canvas);
        canvas.setOnMouseClicked(e -> {
            int row = rowAt(e.getY());
            if (row >= 0) {
                model.unitProperty().set(rows[row]);
            }
        });
        new AnimationTimer() {
            private int[] lastWindow = {-1, -1};

            @Override
            public void handle(long now) {
                int[] window = heatmap.visibleSteps();
                if (dirty || window[0] != lastWindow[0] || window[1] != lastWindow[1]) {
                    dirty = false;
                    lastWindow = window;
                    draw(window);
                }
            }
        }.start();
    }

    /** The units in row order (from the neuron list's ordering). */
    void setRows(int[] unitsInOrder) {
        rows = unitsInOrder.clone();
        dirty = true;
    }

    void markDirty() {
        dirty = true;
    }

    int rowAt(double y) {
        if (rows.length == 0) {
            return -1;
        }
        int row = (int) (y / rowHeight());
        return row >= 0 && row < rows.length ? row : -1;
    }

    private double rowHeight() {
        return canvas.getHeight() / Math.max(1, rows.length);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 160;
    }

    private void draw(int[] window) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Probed probed = model.probedProperty().get();
        int width = (int) canvas.getWidth();
        int height = (int) canvas.getHeight();
        if (probed == null || rows.length == 0 || width < 2 || height < 2 || window[1] <= window[0]) {
            return;
        }
        NeuronMatrix values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        var quantity = model.quantityProperty().get();
        java.util.Map<Integer, ColorScale> scales = new java.util.HashMap<>(); // per unit: cells differ in range
        int steps = window[1] - window[0];
        WritableImage image = new WritableImage(width, height);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            int unit = rows[Math.min(rows.length - 1, (int) ((long) y * rows.length / height))];
            ColorScale scale = scales.computeIfAbsent(unit, u -> ColorScale.forUnit(quantity, values, u));
            for (int x = 0; x < width; x++) {
                int step = window[0] + Math.min(steps - 1, (int) ((long) x * steps / width));
                pixels.setArgb(x, y, 0xFF000000 | scale.rgb(values.value(step, unit)));
            }
        }
        g.drawImage(image, 0, 0);
        int selectedRow = -1;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == model.unitProperty().get()) {
                selectedRow = r;
            }
        }
        if (selectedRow >= 0) {
            double top = selectedRow * rowHeight();
            g.setStroke(Color.web("#f59e0b"));
            g.setLineWidth(2);
            g.strokeRect(1, top, width - 2, Math.max(2, rowHeight()));
        }
    }
}
