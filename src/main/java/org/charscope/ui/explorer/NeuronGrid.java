package org.charscope.ui.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.charscope.explore.ColorScale;
import org.charscope.explore.NeuronMatrix;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;

/**
 * Every unit of the selected layer and quantity (rows, in the list's order) over the characters
 * the heatmap shows (columns): the whole layer at a glance, so a neuron that lights up with the
 * text stands out. A click on a row selects that neuron.
 *
 * <p>The picture is redrawn only when the window, the rows or the reading change; the selected
 * neuron's outline is a node on top of it, so switching neurons moves one rectangle.
 */
final class NeuronGrid extends Region {

    private final ExplorerModel model;
    private final HeatmapView heatmap;
    private final Canvas canvas = new Canvas();
    private final Rectangle selection = outline("grid-selection", 2);
    private final Rectangle cursorColumn = outline("grid-cursor", 1.5);   // the character cursor's column
    private final ThemeColors colors = new ThemeColors();
    private int[] rows = new int[0];
    private int[] argb = new int[0]; // height × width pixels, reused between draws
    private boolean dirty = true;

    NeuronGrid(ExplorerModel model, HeatmapView heatmap) {
        this.model = model;
        this.heatmap = heatmap;
        setId("neuron-grid");
        getChildren().addAll(canvas, selection, cursorColumn, colors);
        for (Observable look : List.of(colors.backgroundProperty(), model.look().paletteProperty())) {
            look.addListener(o -> dirty = true);
        }
        model.cursor().stepProperty().addListener((obs, old, now) -> dirty = true);
        model.unitProperty().addListener((obs, old, now) -> placeSelection());
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

    /** A frame drawn over the grid, placed by hand, hidden until placed; its colour is the stylesheet's. */
    private static Rectangle outline(String styleClass, double width) {
        Rectangle frame = new Rectangle();
        frame.getStyleClass().add(styleClass);
        frame.setFill(Color.TRANSPARENT);
        frame.setStrokeWidth(width);
        frame.setMouseTransparent(true);
        frame.setManaged(false);
        frame.setVisible(false);
        return frame;
    }

    /** The units in row order (from the neuron list's ordering). */
    void setRows(int[] unitsInOrder) {
        rows = unitsInOrder.clone();
        dirty = true;
        placeSelection();
    }

    /** The outline of the selected neuron's row, in the grid's coordinates, or null when none is shown. */
    double[] selectionBounds() {
        return selection.isVisible()
                ? new double[] {selection.getX(), selection.getY(), selection.getWidth(), selection.getHeight()}
                : null;
    }

    private void placeSelection() {
        int selectedRow = -1;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == model.unitProperty().get()) {
                selectedRow = r;
            }
        }
        boolean shown = selectedRow >= 0 && canvas.getWidth() >= 2 && canvas.getHeight() >= 2;
        selection.setVisible(shown);
        if (shown) {
            selection.setX(1);
            selection.setY(selectedRow * rowHeight());
            selection.setWidth(canvas.getWidth() - 2);
            selection.setHeight(Math.max(2, rowHeight()));
        }
    }

    /** The cursor's column, outlined where the grid shows its character; hidden when it is out of view. */
    private void placeCursorColumn(int[] window, int width, int height) {
        int step = model.cursor().stepProperty().get();
        int steps = window[1] - window[0];
        boolean shown = step >= window[0] && step < window[1] && steps > 0 && width >= 2;
        cursorColumn.setVisible(shown);
        if (shown) {
            double columnWidth = Math.max(2, (double) width / steps);
            cursorColumn.setX(Math.min(width - columnWidth, (double) (step - window[0]) * width / steps));
            cursorColumn.setY(0.75);
            cursorColumn.setWidth(columnWidth);
            cursorColumn.setHeight(Math.max(1, height - 1.5));
        }
    }

    /** The cursor's column as drawn, in the grid's coordinates, or null when it is not shown. */
    double[] cursorColumnBounds() {
        return cursorColumn.isVisible() ? new double[] {cursorColumn.getX(), cursorColumn.getWidth()} : null;
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
            placeSelection();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 160;
    }

    private void draw(int[] window) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(colors.get(Role.PAGE));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Probed probed = model.probedProperty().get();
        int width = (int) canvas.getWidth();
        int height = (int) canvas.getHeight();
        placeCursorColumn(window, width, height);
        if (probed == null || rows.length == 0 || width < 2 || height < 2 || window[1] <= window[0]) {
            return;
        }
        NeuronMatrix values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        var quantity = model.quantityProperty().get();
        Map<Integer, ColorScale> scales = new HashMap<>(); // per unit: cells differ in range
        int steps = window[1] - window[0];
        if (argb.length != width * height) {
            argb = new int[width * height];
        }
        for (int y = 0; y < height; y++) {
            int unit = rows[Math.min(rows.length - 1, (int) ((long) y * rows.length / height))];
            ColorScale scale = scales.computeIfAbsent(unit, u -> model.look().scale(quantity, values, u));
            for (int x = 0; x < width; x++) {
                int step = window[0] + Math.min(steps - 1, (int) ((long) x * steps / width));
                argb[y * width + x] = 0xFF000000 | scale.rgb(values.value(step, unit));
            }
        }
        // A new image each time: the canvas keeps a reference until the renderer has drawn it.
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        g.drawImage(image, 0, 0);
    }
}
