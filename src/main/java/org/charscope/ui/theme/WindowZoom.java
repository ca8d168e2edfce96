package org.charscope.ui.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.GraphicsContext;

/**
 * View ▸ Zoom as the window shows it: the root's font size (AtlantaFX and our stylesheet size
 * text in em, so every control follows) and the factor every canvas draws at.
 *
 * <p>Why canvases draw the zoom themselves: JavaFX renders a canvas at the screen's pixel scale
 * fixed when the canvas is made, so a Scale transform over it would stretch its pixels and blur.
 * Instead a canvas keeps its size in the layout, scales its {@link GraphicsContext} by
 * {@link #factor} ({@link #scale}), and lays out in units of {@code width / factor}: shapes
 * and glyphs are rasterised at the zoomed size, as crisp as at 100%.
 *
 * <p>The zoom lives on the window's root; a canvas outside that window (a dialog, a test's
 * own scene) reads 1. PNG exports are taken at 100% ({@link #atNormalSize}), so the zoom of the
 * screen never changes a picture: a pane of a given size exports the same pixels at any zoom.
 */
public final class WindowZoom {

    /** The root's font size at 100%, in px (our stylesheet's, over AtlantaFX's 14px). */
    public static final double NORMAL_FONT_PX = 13;

    private final Parent root;
    private final DoubleProperty factor = new SimpleDoubleProperty(1);
    private final List<Runnable> redraws = new ArrayList<>();
    private boolean exporting;   // canvases draw at 100% while a picture is taken

    private WindowZoom(Parent root) {
        this.root = root;
        factor.addListener((obs, old, now) -> apply());
    }

    /** Gives {@code root} a zoom, at 100% until set. FX thread. */
    public static WindowZoom install(Parent root) {
        WindowZoom zoom = new WindowZoom(root);
        root.getProperties().put(WindowZoom.class, zoom);
        zoom.apply();   // the root's font from the start: a picture at 100% is laid out as the window was
        return zoom;
    }

    /** The window's zoom: 1 at 100%, 2 at 200%. */
    public DoubleProperty factorProperty() {
        return factor;
    }

    /** The zoom {@code node} is shown at: its window's, or 1 outside a zoomed window. */
    public static double factor(Node node) {
        WindowZoom zoom = of(node);
        return zoom == null || zoom.exporting ? 1 : zoom.factor.get();
    }

    /**
     * Scales {@code g} by the zoom of {@code node} (after a reset to the identity) and returns
     * the zoom: what the canvas then draws in its own units appears at the zoomed size.
     */
    public static double scale(GraphicsContext g, Node node) {
        double z = factor(node);
        g.setTransform(z, 0, 0, z, 0, 0);
        return z;
    }

    /**
     * Runs {@code drawNow} whenever the zoom of {@code node}'s window changes, after the window
     * has been laid out again at the new size; while {@code node} is in that window only.
     */
    public static void redrawOnChange(Node node, Runnable drawNow) {
        node.sceneProperty().addListener((obs, old, scene) -> {
            WindowZoom before = old == null ? null : (WindowZoom) old.getRoot().getProperties().get(WindowZoom.class);
            WindowZoom after = scene == null ? null : (WindowZoom) scene.getRoot().getProperties().get(WindowZoom.class);
            if (before != null) {
                before.redraws.remove(drawNow);
            }
            if (after != null) {
                after.redraws.add(drawNow);
            }
        });
    }

    /**
     * What {@code picture} makes of {@code node} drawn at 100% at its present size: its text at
     * the normal font, its canvases at factor 1. Only the node is laid out again, not the
     * window around it (a split's divider would not come back to the pixel), and the zoom is
     * back before the next frame. FX thread.
     */
    public static <T> T atNormalSize(Node node, Supplier<T> picture) {
        WindowZoom zoom = of(node);
        if (zoom == null || zoom.factor.get() == 1) {
            return picture.get();
        }
        String style = node.getStyle();
        zoom.exporting = true;
        try {
            node.setStyle(style + fontSize(1));
            zoom.settle(node);
            return picture.get();
        } finally {
            zoom.exporting = false;
            node.setStyle(style);
            zoom.settle(node);
        }
    }

    /** {@code node}'s style and layout, then every canvas drawn at what it now reads. */
    private void settle(Node node) {
        node.applyCss();
        if (node instanceof Parent parent) {
            parent.layout();
        }
        List.copyOf(redraws).forEach(Runnable::run);
    }

    private static String fontSize(double factor) {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", NORMAL_FONT_PX * factor);
    }

    private static WindowZoom of(Node node) {
        return node.getScene() == null ? null
                : (WindowZoom) node.getScene().getRoot().getProperties().get(WindowZoom.class);
    }

    /**
     * The root's font at the zoom, then every canvas drawn twice: before the layout (a canvas
     * whose height follows the zoom sizes itself) and after it (each at its new size).
     */
    private void apply() {
        root.setStyle(fontSize(factor.get()));
        root.applyCss();
        List.copyOf(redraws).forEach(Runnable::run);
        root.layout();
        List.copyOf(redraws).forEach(Runnable::run);
    }
}
